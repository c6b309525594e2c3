//! Select: a native `<select>`, styled from tokens.

use leptos::prelude::*;

use crate::button::Size;
use crate::util::{Controllable, classes};

/// One option of a [`Select`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectOption {
    /// The submitted value.
    pub value: String,
    /// What the reader sees.
    pub label: String,
    /// Not choosable.
    pub disabled: bool,
}

impl SelectOption {
    /// An option with a value and a label.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        SelectOption {
            value: value.into(),
            label: label.into(),
            disabled: false,
        }
    }

    /// The same option, not choosable.
    pub fn disabled(mut self) -> Self {
        self.disabled = true;
        self
    }
}

impl<V: Into<String>, L: Into<String>> From<(V, L)> for SelectOption {
    fn from((value, label): (V, L)) -> Self {
        SelectOption::new(value, label)
    }
}

/// A drop-down choice: the native `<select>`, so the platform's own list, keyboard and screen
/// reader support come with it. Put it in a [`crate::Field`] for a label, help and errors.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves focus to the select |
/// | Arrow keys | Change the choice |
/// | Alt + Arrow Down | Opens the list |
#[component]
pub fn Select(
    /// The options.
    #[prop(into)]
    options: Vec<SelectOption>,
    /// The chosen value, when the caller controls it.
    #[prop(optional, into)]
    value: MaybeProp<String>,
    /// The starting value when uncontrolled (default: the placeholder, else the first option).
    #[prop(optional, into)]
    default_value: Option<String>,
    /// Called with the newly chosen value.
    #[prop(optional, into)]
    on_change: Option<Callback<String>>,
    /// A first, empty option such as "Choose a country" (not choosable again).
    #[prop(optional, into)]
    placeholder: Option<String>,
    /// The form field name.
    #[prop(optional, into)]
    name: MaybeProp<String>,
    /// The select's id (default: the enclosing field's, else generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Disables it.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Required (also taken from the enclosing field).
    #[prop(optional, into)]
    required: Signal<bool>,
    /// Height and padding.
    #[prop(optional, into)]
    size: Signal<Size>,
    /// Extra classes, appended to `crust-select`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let wiring = crate::field::wiring(id, "select");
    let id = wiring.id;
    let described_by = wiring.described_by;
    let field_invalid = wiring.invalid;
    let field_required = wiring.required;
    let start = default_value.unwrap_or_else(|| {
        if placeholder.is_some() {
            String::new()
        } else {
            options.first().map(|o| o.value.clone()).unwrap_or_default()
        }
    });
    let state = Controllable::new(value, start, on_change);
    let items = options
        .into_iter()
        .map(|o| {
            let v = StoredValue::new(o.value.clone());
            view! {
                <option value=o.value disabled=o.disabled selected=move || state.get() == v.get_value()>
                    {o.label}
                </option>
            }
        })
        .collect_view();
    view! {
        <span class=move || classes("crust-select", class.get()) data-size=move || size.get().as_str()>
            <select
                id=id
                class="crust-select__control"
                name=move || name.get()
                prop:value=move || state.get()
                disabled=move || disabled.get()
                required=move || required.get() || field_required.is_some_and(|s| s.get())
                aria-invalid=move || field_invalid.is_some_and(|s| s.get()).then_some("true")
                aria-describedby=move || described_by.and_then(|s| s.get())
                on:change=move |ev| state.set(event_target_value(&ev))
            >
                {placeholder.map(|p| view! { <option value="" disabled=true selected=move || state.get().is_empty()>{p}</option> })}
                {items}
            </select>
            <span class="crust-select__chevron" aria-hidden="true"></span>
        </span>
    }
}
