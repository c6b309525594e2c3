//! Breadcrumb: where the page sits in the site's hierarchy, as a trail of links.

use leptos::prelude::*;

use crate::util::classes;

/// A trail of links from the top of the site to the current page: a `<nav>` landmark with an
/// ordered list. The last item is the current page (`aria-current="page"`); separators are
/// drawn by CSS and not read out.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves through the links |
/// | Enter | Follows the focused link |
#[component]
pub fn Breadcrumb(
    /// Names the landmark (default "Breadcrumb").
    #[prop(optional, into)]
    label: Option<String>,
    /// Extra classes, appended to `crust-breadcrumb`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The [`BreadcrumbItem`]s, from the top down.
    children: Children,
) -> impl IntoView {
    view! {
        <nav
            class=move || classes("crust-breadcrumb", class.get())
            aria-label=label.unwrap_or_else(|| "Breadcrumb".into())
        >
            <ol class="crust-breadcrumb__list">{children()}</ol>
        </nav>
    }
}

/// One step of a [`Breadcrumb`]: a link, or the current page.
#[component]
pub fn BreadcrumbItem(
    /// Where the step leads.
    #[prop(optional, into)]
    href: Option<String>,
    /// This is the current page (the last item).
    #[prop(optional)]
    current: bool,
    /// The step's text.
    children: Children,
) -> impl IntoView {
    view! {
        <li class="crust-breadcrumb__item">
            <a
                class="crust-breadcrumb__link"
                href=href
                aria-current=current.then_some("page")
            >
                {children()}
            </a>
        </li>
    }
}
