//! Card: a surface that groups related content.

use leptos::prelude::*;

use crate::util::classes;

/// A bordered surface with padding and a soft shadow. Give it a heading of the right level
/// inside; for a landmark, pass `label` and it becomes a labelled `<section>`.
#[component]
pub fn Card(
    /// Names the card as a region (`<section aria-label>`); leave empty for a plain `<div>`.
    #[prop(optional, into)]
    label: Option<String>,
    /// Drop the shadow (for cards inside other surfaces).
    #[prop(optional)]
    flat: bool,
    /// Extra classes, appended to `crust-card`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The content.
    children: Children,
) -> impl IntoView {
    let flat = flat.then_some("");
    match label {
        Some(label) => view! {
            <section class=move || classes("crust-card", class.get()) data-flat=flat aria-label=label>
                {children()}
            </section>
        }
        .into_any(),
        None => view! {
            <div class=move || classes("crust-card", class.get()) data-flat=flat>{children()}</div>
        }
        .into_any(),
    }
}
