//! Tooltip demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Icon buttons described by tooltips: hover, or Tab to them.
pub fn basic() -> impl IntoView {
    view! {
        <Stack direction=Orientation::Horizontal gap=Gap::Sm>
            <Tooltip content="Copies a link to this page">
                <IconButton label="Copy link">
                    <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5">
                        <path d="M7 9a3 3 0 0 0 4 0l2-2a3 3 0 0 0-4-4l-1 1M9 7a3 3 0 0 0-4 0L3 9a3 3 0 0 0 4 4l1-1" />
                    </svg>
                </IconButton>
            </Tooltip>
            <Tooltip content="Downloads a PDF of the report">
                <Button variant=ButtonVariant::Outline>"Export"</Button>
            </Tooltip>
        </Stack>
    }
}
