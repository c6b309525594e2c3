//! Progress demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Known and unknown progress; the button moves the first bar.
pub fn basic() -> impl IntoView {
    let done = RwSignal::new(30.0);
    view! {
        <Stack gap=Gap::Sm>
            <Progress label="Upload" value=done />
            <Progress label="Preparing" />
            <Button size=Size::Sm on:click=move |_| done.update(|d| *d = (*d + 10.0) % 110.0)>
                "Advance"
            </Button>
        </Stack>
    }
}
