//! Pagination: moving between the pages of a long list.

use leptos::prelude::*;

use crate::util::{Controllable, classes};

/// Buttons to move between the pages of a list: previous, the page numbers around the current
/// one (with the first and last always shown and gaps marked "…"), next. A `<nav>` landmark;
/// each number is labelled "Page n" and the current one has `aria-current="page"`.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves through the buttons (previous and next are skipped when disabled) |
/// | Enter / Space | Goes to that page |
#[component]
pub fn Pagination(
    /// How many pages there are.
    #[prop(into)]
    total: Signal<u32>,
    /// The current page (from 1), when the caller controls it.
    #[prop(optional, into)]
    page: MaybeProp<u32>,
    /// The first page shown when uncontrolled (default 1).
    #[prop(optional)]
    default_page: Option<u32>,
    /// Called with the page the reader chose.
    #[prop(optional, into)]
    on_change: Option<Callback<u32>>,
    /// How many numbers to show on each side of the current page (default 1).
    #[prop(optional)]
    siblings: Option<u32>,
    /// Names the landmark (default "Pagination").
    #[prop(optional, into)]
    label: Option<String>,
    /// Extra classes, appended to `crust-pagination`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let state = Controllable::new(page, default_page.unwrap_or(1), on_change);
    let siblings = siblings.unwrap_or(1);
    let current = move || state.get().clamp(1, total.get().max(1));
    let go = move |n: u32| {
        if n != current() {
            state.set(n);
        }
    };
    // Keyed, so the buttons that stay on screen are kept (and keep the focus) when the page
    // changes; each gap is keyed by its side.
    let items = move || {
        pages(current(), total.get(), siblings)
            .into_iter()
            .enumerate()
            .map(|(i, p)| (p.map_or(-(i as i64) - 1, i64::from), p))
            .collect::<Vec<_>>()
    };
    let item = move |(_, p): (i64, Option<u32>)| match p {
        Some(n) => view! {
            <li>
                <button
                    type="button"
                    class="crust-pagination__page"
                    aria-label=format!("Page {n}")
                    aria-current=move || (n == current()).then_some("page")
                    on:click=move |_| go(n)
                >
                    {n}
                </button>
            </li>
        }
        .into_any(),
        None => view! { <li class="crust-pagination__gap" aria-hidden="true">"…"</li> }.into_any(),
    };
    view! {
        <nav
            class=move || classes("crust-pagination", class.get())
            aria-label=label.unwrap_or_else(|| "Pagination".into())
        >
            <ul class="crust-pagination__list">
                <li>
                    <button
                        type="button"
                        class="crust-pagination__step"
                        disabled=move || { current() <= 1 }
                        on:click=move |_| go(current().saturating_sub(1).max(1))
                    >
                        <span aria-hidden="true">"‹"</span>
                        "Previous"
                    </button>
                </li>
                <For each=items key=|(k, _)| *k children=item />
                <li>
                    <button
                        type="button"
                        class="crust-pagination__step"
                        disabled=move || { current() >= total.get() }
                        on:click=move |_| go((current() + 1).min(total.get().max(1)))
                    >
                        "Next"
                        <span aria-hidden="true">"›"</span>
                    </button>
                </li>
            </ul>
        </nav>
    }
}

/// The page numbers to show (`None` is a gap): the first and last pages, and `siblings` pages
/// on each side of `current`. A gap of a single page shows that page instead.
pub fn pages(current: u32, total: u32, siblings: u32) -> Vec<Option<u32>> {
    if total == 0 {
        return Vec::new();
    }
    let current = current.clamp(1, total);
    let mut shown: Vec<u32> = (1..=total)
        .filter(|&n| n == 1 || n == total || (n + siblings >= current && n <= current + siblings))
        .collect();
    // Fill gaps of exactly one page: "1 … 3" becomes "1 2 3".
    let mut filled = Vec::with_capacity(shown.len() + 2);
    for n in shown.drain(..) {
        if let Some(&Some(prev)) = filled.last() {
            if n == prev + 2 {
                filled.push(Some(prev + 1));
            } else if n > prev + 2 {
                filled.push(None);
            }
        }
        filled.push(Some(n));
    }
    filled
}

#[cfg(test)]
mod tests {
    use super::pages;

    fn show(v: Vec<Option<u32>>) -> String {
        v.iter()
            .map(|p| p.map_or("…".to_string(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn page_lists_keep_the_ends_and_the_neighbours() {
        assert_eq!(show(pages(1, 1, 1)), "1");
        assert_eq!(show(pages(1, 5, 1)), "1 2 … 5");
        assert_eq!(show(pages(3, 5, 1)), "1 2 3 4 5");
        assert_eq!(show(pages(5, 10, 1)), "1 … 4 5 6 … 10");
        assert_eq!(show(pages(10, 10, 1)), "1 … 9 10");
        assert_eq!(show(pages(4, 10, 1)), "1 2 3 4 5 … 10");
        assert_eq!(show(pages(50, 100, 2)), "1 … 48 49 50 51 52 … 100");
        assert_eq!(show(pages(99, 7, 1)), "1 … 6 7");
        assert_eq!(show(pages(1, 0, 1)), "");
    }
}
