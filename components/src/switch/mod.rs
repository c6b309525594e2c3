//! Switch: an on/off control that takes effect at once.

use leptos::prelude::*;

use crate::util::{Controllable, classes};

/// An on/off switch: a native checkbox with `role="switch"`, so Space toggles it and screen
/// readers say "on"/"off". Use it for settings that apply immediately; in forms that are
/// submitted, prefer a [`crate::Checkbox`].
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves focus to the switch |
/// | Space | Turns it on or off |
#[component]
pub fn Switch(
    /// On, when the caller controls it.
    #[prop(optional, into)]
    checked: MaybeProp<bool>,
    /// The starting state when uncontrolled.
    #[prop(optional)]
    default_checked: bool,
    /// Called with the new state.
    #[prop(optional, into)]
    on_change: Option<Callback<bool>>,
    /// The form field name.
    #[prop(optional, into)]
    name: MaybeProp<String>,
    /// The input's id (default: the enclosing field's, else generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Disables it.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Extra classes, appended to `crust-switch`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The label (leave empty inside a [`crate::Field`], which labels it).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let wiring = crate::field::wiring(id, "switch");
    let id = wiring.id;
    let described_by = wiring.described_by;
    let state = Controllable::new(checked, default_checked, on_change);
    let label_for = id.clone();
    view! {
        <label class=move || classes("crust-switch", class.get()) for=label_for>
            <input
                type="checkbox"
                role="switch"
                id=id
                class="crust-switch__input"
                name=move || name.get()
                checked=move || state.get()
                prop:checked=move || state.get()
                disabled=move || disabled.get()
                aria-describedby=move || described_by.and_then(|s| s.get())
                on:change=move |ev| state.set(event_target_checked(&ev))
            />
            <span class="crust-switch__track" aria-hidden="true">
                <span class="crust-switch__thumb"></span>
            </span>
            {children.map(|c| view! { <span class="crust-switch__label">{c()}</span> })}
        </label>
    }
}
