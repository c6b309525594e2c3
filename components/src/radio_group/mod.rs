//! RadioGroup and Radio: one choice among a few, as native radio buttons in a fieldset.

use leptos::prelude::*;

use crate::id::use_id;
use crate::separator::Orientation;
use crate::util::{Controllable, classes};

#[derive(Clone, Copy)]
struct RadioContext {
    name: StoredValue<String>,
    state: Controllable<String>,
    disabled: Signal<bool>,
    required: Signal<bool>,
    invalid: Signal<bool>,
}

/// A group of radio buttons with a legend. Native radios give the keyboard pattern for free: Tab
/// enters the group at the checked option (one tab stop), the arrow keys move and select, and
/// screen readers announce "n of m".
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Enters the group at the checked option (one tab stop) |
/// | Arrow keys | Move to and check the next or previous option, skipping disabled ones |
/// | Shift + Tab | Leaves the group |
#[component]
pub fn RadioGroup(
    /// The group's label (its `<legend>`).
    #[prop(into)]
    label: Signal<String>,
    /// The chosen value, when the caller controls it.
    #[prop(optional, into)]
    value: MaybeProp<String>,
    /// The starting value when uncontrolled (none: nothing chosen).
    #[prop(optional, into)]
    default_value: Option<String>,
    /// Called with the newly chosen value.
    #[prop(optional, into)]
    on_change: Option<Callback<String>>,
    /// The form field name (default: generated).
    #[prop(optional, into)]
    name: Option<String>,
    /// Lay the options out in a column (default) or a row.
    #[prop(optional)]
    orientation: Orientation,
    /// Help below the options.
    #[prop(optional, into)]
    help: MaybeProp<String>,
    /// An error message; marks the group invalid.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// Disables every option.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// A choice is required.
    #[prop(optional, into)]
    required: Signal<bool>,
    /// Extra classes, appended to `crust-radio-group`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The [`Radio`] options.
    children: Children,
) -> impl IntoView {
    let id = use_id(None, "radio-group");
    let name = name.unwrap_or_else(|| id.clone());
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let has_error = Signal::derive(move || error.get().is_some_and(|e| !e.is_empty()));
    let has_help = Signal::derive(move || help.get().is_some_and(|h| !h.is_empty()));
    let described_by =
        crate::field::help_and_error(help_id.clone(), error_id.clone(), has_help, has_error);
    provide_context(RadioContext {
        name: StoredValue::new(name),
        state: Controllable::new(value, default_value.unwrap_or_default(), on_change),
        disabled,
        required,
        invalid: has_error,
    });
    view! {
        <fieldset
            class=move || classes("crust-radio-group", class.get())
            data-orientation=orientation.as_str()
            aria-describedby=move || described_by.get()
        >
            <legend class="crust-radio-group__legend">{move || label.get()}</legend>
            <div class="crust-radio-group__items">{children()}</div>
            <p id=help_id class="crust-field__help" hidden=move || !has_help.get()>{move || help.get()}</p>
            <p id=error_id class="crust-field__error" aria-live="polite">{move || error.get()}</p>
        </fieldset>
    }
}

/// One option of a [`RadioGroup`].
#[component]
pub fn Radio(
    /// The value the group takes when this option is chosen.
    #[prop(into)]
    value: String,
    /// Disables this option (arrow keys skip it).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Extra classes, appended to `crust-radio`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The option's label.
    children: Children,
) -> impl IntoView {
    let ctx = use_context::<RadioContext>();
    let id = use_id(None, "radio");
    let (name, state, group_disabled, required, invalid) = match ctx {
        Some(c) => (
            Some(c.name.get_value()),
            Some(c.state),
            c.disabled,
            c.required,
            c.invalid,
        ),
        None => (
            None,
            None,
            Signal::from(false),
            Signal::from(false),
            Signal::from(false),
        ),
    };
    let option = StoredValue::new(value.clone());
    let checked = move || state.is_some_and(|s| s.get() == option.get_value());
    let label_for = id.clone();
    view! {
        <label class=move || classes("crust-radio", class.get()) for=label_for>
            <input
                type="radio"
                id=id
                class="crust-radio__input"
                name=name
                value=value
                checked=checked
                prop:checked=checked
                disabled=move || disabled.get() || group_disabled.get()
                required=move || required.get()
                aria-invalid=move || invalid.get().then_some("true")
                on:change=move |_| {
                    if let Some(s) = state {
                        s.set(option.get_value());
                    }
                }
            />
            <span class="crust-radio__dot" aria-hidden="true"></span>
            <span class="crust-radio__label">{children()}</span>
        </label>
    }
}
