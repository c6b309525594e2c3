//! Grid: responsive columns.

use leptos::prelude::*;

use crate::stack::Gap;
use crate::util::classes;

/// A grid of equal columns. With `columns` the count is fixed at every width (so prefer `min`
/// for layouts that must also fit phones); with `min` the columns are as many as fit at that
/// minimum width (`"14rem"`), down to one. When both are given, `columns` wins.
#[component]
pub fn Grid(
    /// A fixed number of columns.
    #[prop(optional)]
    columns: Option<u16>,
    /// The narrowest a column may get, as a CSS length; the count follows the width.
    #[prop(optional, into)]
    min: Option<String>,
    /// Space between cells.
    #[prop(optional)]
    gap: Gap,
    /// Extra classes, appended to `crust-grid`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The cells.
    children: Children,
) -> impl IntoView {
    let mut style: Vec<String> = Vec::new();
    if let Some(n) = columns.filter(|n| *n > 0) {
        style.push(format!("--_columns: {n}"));
    }
    if let Some(min) = min {
        style.push(format!("--_min: {min}"));
    }
    view! {
        <div
            class=move || classes("crust-grid", class.get())
            data-gap=gap.as_str()
            data-fit=columns.is_none().then_some("")
            style=(!style.is_empty()).then(|| style.join("; "))
        >
            {children()}
        </div>
    }
}
