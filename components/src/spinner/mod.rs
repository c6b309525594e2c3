//! Spinner: a small indeterminate loading indicator.

use leptos::prelude::*;

use crate::button::Size;
use crate::util::classes;

/// A spinning ring that says something is loading (`role="status"` with a label). Under reduced
/// motion it turns slowly instead.
#[component]
pub fn Spinner(
    /// What is loading, for screen readers (default "Loading").
    #[prop(optional, into)]
    label: Option<String>,
    /// Diameter.
    #[prop(optional, into)]
    size: Signal<Size>,
    /// Extra classes, appended to `crust-spinner`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| "Loading".to_string());
    view! {
        <span
            class=move || classes("crust-spinner", class.get())
            data-size=move || size.get().as_str()
            role="status"
            aria-label=label
        ></span>
    }
}
