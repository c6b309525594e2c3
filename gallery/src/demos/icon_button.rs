//! IconButton demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Icon buttons carry their name in `label`.
pub fn basic() -> impl IntoView {
    view! {
        <Stack direction=Orientation::Horizontal gap=Gap::Sm>
            <IconButton label="Close">
                <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="2">
                    <path d="M4 4l8 8M12 4l-8 8" />
                </svg>
            </IconButton>
            <IconButton label="Add" variant=ButtonVariant::Solid>
                <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="2">
                    <path d="M8 3v10M3 8h10" />
                </svg>
            </IconButton>
            <IconButton label="Delete" tone=Tone::Danger variant=ButtonVariant::Soft>
                <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="2">
                    <path d="M3 5h10M6 5V3h4v2M5 5l1 8h4l1-8" />
                </svg>
            </IconButton>
        </Stack>
    }
}
