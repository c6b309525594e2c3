//! Textarea: multi-line text, controlled or not.

use leptos::prelude::*;

use crate::util::{Controllable, classes};

/// A multi-line text input; put it in a [`crate::Field`] for a label, help and errors. The same
/// value contract as [`crate::TextField`].
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves focus into the textarea |
#[component]
pub fn Textarea(
    /// The value, when the caller controls it.
    #[prop(optional, into)]
    value: MaybeProp<String>,
    /// The starting value when uncontrolled.
    #[prop(optional, into)]
    default_value: Option<String>,
    /// Called with the new value on every edit.
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
    /// Visible lines (default 3).
    #[prop(optional)]
    rows: Option<u32>,
    /// A hint shown while empty.
    #[prop(optional, into)]
    placeholder: MaybeProp<String>,
    /// The form field name.
    #[prop(optional, into)]
    name: MaybeProp<String>,
    /// The textarea's id (default: the enclosing field's, else generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Disables it.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Required (also taken from the enclosing field).
    #[prop(optional, into)]
    required: Signal<bool>,
    /// Invalid (also taken from the enclosing field's error).
    #[prop(optional, into)]
    invalid: Signal<bool>,
    /// Extra classes, appended to `crust-input crust-textarea`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let wiring = crate::field::wiring(id, "textarea");
    let id = wiring.id;
    let described_by = wiring.described_by;
    let field_invalid = wiring.invalid;
    let field_required = wiring.required;
    let state = Controllable::new(value, default_value.unwrap_or_default(), on_input);
    let initial = state.get_untracked();
    view! {
        <textarea
            id=id
            class=move || classes("crust-input crust-textarea", class.get())
            rows=rows.unwrap_or(3)
            name=move || name.get()
            placeholder=move || placeholder.get()
            prop:value=move || state.get()
            disabled=move || disabled.get()
            required=move || required.get() || field_required.is_some_and(|s| s.get())
            aria-invalid=move || (invalid.get() || field_invalid.is_some_and(|s| s.get())).then_some("true")
            aria-describedby=move || described_by.and_then(|s| s.get())
            on:input=move |ev| state.set(event_target_value(&ev))
        >
            {initial}
        </textarea>
    }
}
