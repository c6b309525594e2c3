//! AlertDialog demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A destructive confirmation: Escape does nothing, Cancel has the focus first.
pub fn confirm() -> impl IntoView {
    let open = RwSignal::new(false);
    let deleted = RwSignal::new(false);
    view! {
        <Stack gap=Gap::Sm align=Align::Start>
            <Button tone=Tone::Danger variant=ButtonVariant::Outline on:click=move |_| open.set(true)>
                "Delete project"
            </Button>
            <p>{move || if deleted.get() { "Project deleted." } else { "Project: Apollo" }}</p>
            <AlertDialog
                open=open
                title="Delete the project?"
                description="Apollo and its 12 files are deleted for everyone. This cannot be undone."
            >
                <DialogActions>
                    <Button variant=ButtonVariant::Ghost attr:autofocus=true on:click=move |_| open.set(false)>
                        "Cancel"
                    </Button>
                    <Button
                        tone=Tone::Danger
                        variant=ButtonVariant::Solid
                        on:click=move |_| {
                            deleted.set(true);
                            open.set(false);
                        }
                    >
                        "Delete"
                    </Button>
                </DialogActions>
            </AlertDialog>
        </Stack>
    }
}
