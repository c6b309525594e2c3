//! Separator demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Between blocks, and between items in a row.
pub fn basic() -> impl IntoView {
    view! {
        <Stack gap=Gap::Sm>
            <p>"Above the line"</p>
            <Separator />
            <Stack direction=Orientation::Horizontal gap=Gap::Sm align=Align::Center>
                <span>"Edit"</span>
                <Separator vertical=true />
                <span>"Share"</span>
                <Separator vertical=true decorative=true />
                <span>"Delete"</span>
            </Stack>
        </Stack>
    }
}
