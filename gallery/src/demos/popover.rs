//! Popover demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Filters in a popover: focus moves in, Escape or a click outside closes it.
pub fn basic() -> impl IntoView {
    let archived = RwSignal::new(false);
    view! {
        <Stack direction=Orientation::Horizontal gap=Gap::Md align=Align::Center>
            <Popover label="Filters" title="Show projects">
                <Checkbox checked=archived on_change=Callback::new(move |v| archived.set(v))>
                    "Include archived"
                </Checkbox>
                <Checkbox>"Only mine"</Checkbox>
            </Popover>
            <p>{move || if archived.get() { "Archived projects shown." } else { "Archived projects hidden." }}</p>
        </Stack>
    }
}
