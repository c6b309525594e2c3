//! Progress: how far a task has gone.

use leptos::prelude::*;

use crate::util::classes;

/// A progress bar (`role="progressbar"`). With no `value` it is indeterminate (a moving bar, or
/// a still one under reduced motion).
#[component]
pub fn Progress(
    /// What is progressing, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// Done so far, between 0 and `max`; none for indeterminate.
    #[prop(optional, into)]
    value: MaybeProp<f64>,
    /// The value when done (default 100).
    #[prop(optional)]
    max: Option<f64>,
    /// Extra classes, appended to `crust-progress`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let max = max.filter(|m| *m > 0.0).unwrap_or(100.0);
    let clamped = move || value.get().map(|v| v.clamp(0.0, max));
    let percent =
        move || clamped().map(|v| format!("--_value: {}%", (v / max * 1000.0).round() / 10.0));
    view! {
        <div
            class=move || classes("crust-progress", class.get())
            role="progressbar"
            aria-label=move || label.get()
            aria-valuemin="0"
            aria-valuemax=max.to_string()
            aria-valuenow=move || clamped().map(|v| v.to_string())
            data-indeterminate=move || clamped().is_none().then_some("")
            style=percent
        >
            <div class="crust-progress__indicator"></div>
        </div>
    }
}
