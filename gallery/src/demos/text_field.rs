//! TextField demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A controlled field: the text below follows it.
pub fn basic() -> impl IntoView {
    let name = RwSignal::new(String::from("Ada"));
    view! {
        <Stack gap=Gap::Sm>
            <Field label="Name">
                <TextField value=name on_input=Callback::new(move |v| name.set(v)) />
            </Field>
            <p>"Hello, " {move || name.get()} "."</p>
        </Stack>
    }
}

/// Sizes and states.
pub fn states() -> impl IntoView {
    view! {
        <Stack gap=Gap::Sm>
            <Field label="Small"><TextField size=Size::Sm placeholder="Small" /></Field>
            <Field label="Disabled"><TextField disabled=true default_value="Can't touch this" /></Field>
            <Field label="Read only"><TextField readonly=true default_value="Copy me" /></Field>
        </Stack>
    }
}
