//! Separator: a line between groups of content.

use leptos::prelude::*;

use crate::util::classes;

/// Which way something runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// Top to bottom (a column).
    #[default]
    Vertical,
    /// Start to end (a row).
    Horizontal,
}

impl Orientation {
    /// The `data-orientation` / `aria-orientation` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Orientation::Vertical => "vertical",
            Orientation::Horizontal => "horizontal",
        }
    }
}

/// A thin line. Horizontal separators are `<hr>`; vertical ones (between items in a row) use
/// `role="separator"`. Purely decorative lines are hidden from assistive technology.
#[component]
pub fn Separator(
    /// The direction the line runs (default horizontal, i.e. between stacked blocks).
    #[prop(optional)]
    vertical: bool,
    /// Only decoration: not announced.
    #[prop(optional)]
    decorative: bool,
    /// Extra classes, appended to `crust-separator`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    if vertical {
        view! {
            <div
                class=move || classes("crust-separator", class.get())
                data-orientation="vertical"
                role=if decorative { "none" } else { "separator" }
                aria-orientation=(!decorative).then_some("vertical")
            ></div>
        }
        .into_any()
    } else {
        view! {
            <hr
                class=move || classes("crust-separator", class.get())
                data-orientation="horizontal"
                role=decorative.then_some("none")
            />
        }
        .into_any()
    }
}
