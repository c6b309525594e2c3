//! Field: a label, a control, help text and an error message, wired together by ids.

use leptos::prelude::*;

use crate::id::use_id;
use crate::util::classes;

/// What a [`Field`] tells the control inside it. Controls ([`crate::TextField`],
/// [`crate::Textarea`], [`crate::Select`], [`crate::Switch`]) read it to take the field's id, be
/// described by its help and error, and be marked invalid and required.
#[derive(Clone, Debug)]
pub struct FieldContext {
    /// The control's id (the label's `for`).
    pub id: String,
    /// Ids of the help and error texts currently shown, for `aria-describedby`.
    pub described_by: Signal<Option<String>>,
    /// An error is shown.
    pub invalid: Signal<bool>,
    /// The field must be filled.
    pub required: Signal<bool>,
}

impl FieldContext {
    /// The enclosing field, if any.
    pub fn get() -> Option<FieldContext> {
        use_context::<FieldContext>()
    }
}

/// What a control takes from an enclosing [`Field`] (or makes up without one).
pub(crate) struct Wiring {
    /// The control's id: its own, else the field's, else generated.
    pub(crate) id: String,
    /// Ids of the field's help and error, for `aria-describedby`.
    pub(crate) described_by: Option<Signal<Option<String>>>,
    /// The field shows an error.
    pub(crate) invalid: Option<Signal<bool>>,
    /// The field is required.
    pub(crate) required: Option<Signal<bool>>,
}

/// Wires a control into the enclosing field; `kind` names generated ids (`crust-input-3`).
pub(crate) fn wiring(id: Option<String>, kind: &str) -> Wiring {
    let field = FieldContext::get();
    let id = match (&field, id) {
        (_, Some(id)) => id,
        (Some(f), None) => f.id.clone(),
        (None, None) => use_id(None, kind),
    };
    Wiring {
        id,
        described_by: field.as_ref().map(|f| f.described_by),
        invalid: field.as_ref().map(|f| f.invalid),
        required: field.as_ref().map(|f| f.required),
    }
}

/// `aria-describedby` for a help text and an error shown under a control or group.
pub(crate) fn help_and_error(
    help_id: String,
    error_id: String,
    has_help: Signal<bool>,
    has_error: Signal<bool>,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let ids: Vec<&str> = [
            has_help.get().then_some(help_id.as_str()),
            has_error.get().then_some(error_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    })
}

/// A labelled form field. The control goes inside; the label points at it, and the help and
/// error texts describe it (`aria-describedby`). An error sets `aria-invalid` on the control and
/// is announced politely when it appears.
#[component]
pub fn Field(
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// Help below the control.
    #[prop(optional, into)]
    help: MaybeProp<String>,
    /// An error message; when present the control is invalid.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The field must be filled (adds `required` to the control and a marker to the label).
    #[prop(optional, into)]
    required: Signal<bool>,
    /// The control's id (default: generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes, appended to `crust-field`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The control.
    children: Children,
) -> impl IntoView {
    let id = use_id(id, "field");
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let has_error = Signal::derive(move || error.get().is_some_and(|e| !e.is_empty()));
    let has_help = Signal::derive(move || help.get().is_some_and(|h| !h.is_empty()));
    let described_by = help_and_error(help_id.clone(), error_id.clone(), has_help, has_error);
    provide_context(FieldContext {
        id: id.clone(),
        described_by,
        invalid: has_error,
        required,
    });
    view! {
        <div class=move || classes("crust-field", class.get()) data-invalid=move || has_error.get().then_some("")>
            <label class="crust-field__label" for=id>
                {move || label.get()}
                {move || required.get().then(|| view! { <span class="crust-field__required" aria-hidden="true">" *"</span> })}
            </label>
            {children()}
            <p id=help_id class="crust-field__help" hidden=move || !has_help.get()>
                {move || help.get()}
            </p>
            <p id=error_id class="crust-field__error" aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
