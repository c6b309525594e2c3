//! VisuallyHidden demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Extra words for screen readers: "3 new messages", not just "3".
pub fn basic() -> impl IntoView {
    view! {
        <Badge tone=Status::Accent>"3"<VisuallyHidden>" new messages"</VisuallyHidden></Badge>
    }
}
