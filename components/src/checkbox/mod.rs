//! Checkbox: a native checkbox with its label, drawn from tokens.

use leptos::prelude::*;

use crate::id::use_id;
use crate::util::{Controllable, classes};

/// A checkbox and its label. The native `<input type="checkbox">` keeps its semantics and
/// keyboard (Space toggles); the box beside it is drawn from tokens.
///
/// Controlled: `checked` + `on_change`; uncontrolled: `default_checked`.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves focus to the checkbox |
/// | Space | Toggles it |
#[component]
pub fn Checkbox(
    /// Checked, when the caller controls it.
    #[prop(optional, into)]
    checked: MaybeProp<bool>,
    /// The starting state when uncontrolled.
    #[prop(optional)]
    default_checked: bool,
    /// Called with the new state.
    #[prop(optional, into)]
    on_change: Option<Callback<bool>>,
    /// Shows a dash: some but not all of a group is checked (`aria-checked="mixed"`).
    #[prop(optional, into)]
    indeterminate: Signal<bool>,
    /// The form field name.
    #[prop(optional, into)]
    name: MaybeProp<String>,
    /// The submitted value (default `on`).
    #[prop(optional, into)]
    value: MaybeProp<String>,
    /// The input's id (default: generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Disables it.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Must be checked to submit.
    #[prop(optional, into)]
    required: Signal<bool>,
    /// Invalid (`aria-invalid`).
    #[prop(optional, into)]
    invalid: Signal<bool>,
    /// Id of an element that describes it (help or error text).
    #[prop(optional, into)]
    described_by: MaybeProp<String>,
    /// Extra classes, appended to `crust-checkbox`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The label.
    children: Children,
) -> impl IntoView {
    let id = use_id(id, "checkbox");
    let state = Controllable::new(checked, default_checked, on_change);
    let label_for = id.clone();
    view! {
        <label class=move || classes("crust-checkbox", class.get()) for=label_for>
            <input
                type="checkbox"
                id=id
                class="crust-checkbox__input"
                name=move || name.get()
                value=move || value.get()
                checked=move || state.get()
                prop:checked=move || state.get()
                prop:indeterminate=move || indeterminate.get()
                disabled=move || disabled.get()
                required=move || required.get()
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=move || described_by.get()
                on:change=move |ev| state.set(event_target_checked(&ev))
            />
            <span class="crust-checkbox__box" aria-hidden="true"></span>
            <span class="crust-checkbox__label">{children()}</span>
        </label>
    }
}
