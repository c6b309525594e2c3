//! Dialog demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A form in a dialog: focus moves in, stays in, and returns to the button on close.
pub fn basic() -> impl IntoView {
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::from("Ada Lovelace"));
    view! {
        <Stack gap=Gap::Sm align=Align::Start>
            <Button on:click=move |_| open.set(true)>"Edit profile"</Button>
            <p>"Name: " {move || name.get()}</p>
            <Dialog open=open title="Edit profile" description="Changes are visible to your team.">
                <Field label="Name">
                    <TextField value=name on_input=Callback::new(move |v| name.set(v)) />
                </Field>
                <DialogActions>
                    <Button variant=ButtonVariant::Ghost on:click=move |_| open.set(false)>"Cancel"</Button>
                    <Button variant=ButtonVariant::Solid on:click=move |_| open.set(false)>"Save"</Button>
                </DialogActions>
            </Dialog>
        </Stack>
    }
}
