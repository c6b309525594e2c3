//! TextField: a single-line `<input>`, controlled or not.

use leptos::prelude::*;

use crate::button::Size;
use crate::util::{Controllable, classes};

/// The kind of text an input takes (its `type`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputType {
    /// Any text.
    #[default]
    Text,
    /// An email address.
    Email,
    /// A password (hidden).
    Password,
    /// A search query.
    Search,
    /// A URL.
    Url,
    /// A phone number.
    Tel,
    /// A number.
    Number,
}

impl InputType {
    /// The `type` attribute.
    pub const fn as_str(self) -> &'static str {
        match self {
            InputType::Text => "text",
            InputType::Email => "email",
            InputType::Password => "password",
            InputType::Search => "search",
            InputType::Url => "url",
            InputType::Tel => "tel",
            InputType::Number => "number",
        }
    }
}

/// A single-line text input. Put it in a [`crate::Field`] for a label, help and errors.
///
/// Controlled: pass `value` (a signal) and update it in `on_input`. Uncontrolled: pass
/// `default_value` (or nothing) and read changes from `on_input`.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves focus into the field |
#[component]
pub fn TextField(
    /// The value, when the caller controls it.
    #[prop(optional, into)]
    value: MaybeProp<String>,
    /// The starting value when uncontrolled.
    #[prop(optional, into)]
    default_value: Option<String>,
    /// Called with the new value on every edit.
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
    /// The kind of text.
    #[prop(optional)]
    r#type: InputType,
    /// A hint shown while empty (never a substitute for a label).
    #[prop(optional, into)]
    placeholder: MaybeProp<String>,
    /// The form field name.
    #[prop(optional, into)]
    name: MaybeProp<String>,
    /// The `autocomplete` hint (`email`, `name`, `new-password`…).
    #[prop(optional, into)]
    autocomplete: MaybeProp<String>,
    /// The input's id (default: the enclosing field's, else generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Disables the input.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Read-only: focusable and copyable, not editable.
    #[prop(optional, into)]
    readonly: Signal<bool>,
    /// Required (also taken from the enclosing field).
    #[prop(optional, into)]
    required: Signal<bool>,
    /// Invalid (also taken from the enclosing field's error).
    #[prop(optional, into)]
    invalid: Signal<bool>,
    /// Height and padding.
    #[prop(optional, into)]
    size: Signal<Size>,
    /// Extra classes, appended to `crust-input`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let wiring = crate::field::wiring(id, "input");
    let id = wiring.id;
    let described_by = wiring.described_by;
    let field_invalid = wiring.invalid;
    let field_required = wiring.required;
    let state = Controllable::new(value, default_value.unwrap_or_default(), on_input);
    let is_invalid = move || invalid.get() || field_invalid.is_some_and(|s| s.get());
    view! {
        <input
            type=r#type.as_str()
            id=id
            class=move || classes("crust-input", class.get())
            data-size=move || size.get().as_str()
            name=move || name.get()
            placeholder=move || placeholder.get()
            autocomplete=move || autocomplete.get()
            value=move || state.get()
            prop:value=move || state.get()
            disabled=move || disabled.get()
            readonly=move || readonly.get()
            required=move || required.get() || field_required.is_some_and(|s| s.get())
            aria-invalid=move || is_invalid().then_some("true")
            aria-describedby=move || described_by.and_then(|s| s.get())
            on:input=move |ev| state.set(event_target_value(&ev))
        />
    }
}
