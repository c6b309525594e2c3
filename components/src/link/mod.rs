//! Link: an `<a>` in the accent colour with a visible underline.

use leptos::prelude::*;

use crate::util::classes;

/// A text link. External links open in a new tab with `rel="noopener noreferrer"` and say so to
/// screen readers.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves focus to the link |
/// | Enter | Follows it |
#[component]
pub fn Link(
    /// Where it goes.
    #[prop(into)]
    href: Signal<String>,
    /// Opens in a new tab (adds `target`, `rel` and a hidden "opens in a new tab").
    #[prop(optional)]
    external: bool,
    /// Marks the link for the current page (`aria-current="page"`).
    #[prop(optional, into)]
    current: Signal<bool>,
    /// Extra classes, appended to `crust-link`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The link text.
    children: Children,
) -> impl IntoView {
    view! {
        <a
            href=move || href.get()
            class=move || classes("crust-link", class.get())
            target=external.then_some("_blank")
            rel=external.then_some("noopener noreferrer")
            aria-current=move || current.get().then_some("page")
        >
            {children()}
            {external.then(|| view! { <span class="crust-visually-hidden">" (opens in a new tab)"</span> })}
        </a>
    }
}
