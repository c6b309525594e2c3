//! VisuallyHidden: content for screen readers only.

use leptos::prelude::*;

/// Text that screen readers announce but that takes no space on screen (for icon-only controls,
/// extra context on links, live announcements).
#[component]
pub fn VisuallyHidden(
    /// The hidden content.
    children: Children,
) -> impl IntoView {
    view! { <span class="crust-visually-hidden">{children()}</span> }
}
