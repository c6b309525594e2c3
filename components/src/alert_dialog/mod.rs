//! AlertDialog: a modal that interrupts to ask for a decision (WAI-ARIA alertdialog).

use leptos::prelude::*;

use crate::dialog::{Kind, ModalProps, modal};

/// A modal dialog that needs an answer: "Delete this project?". Like [`crate::Dialog`] (native
/// `showModal()`, inert page, focus kept inside and given back on close) but with
/// `role="alertdialog"`, no close button, and Escape ignored unless `dismissible`: the reader
/// answers through its actions. Put `autofocus` on the least destructive action, so Enter does
/// no harm.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab / Shift + Tab | Moves through the dialog's actions only |
/// | Escape | Nothing, unless `dismissible` (then it closes like Cancel) |
#[component]
pub fn AlertDialog(
    /// Whether the dialog is open; the dialog sets it to `false` when closed.
    open: RwSignal<bool>,
    /// The question, shown as the heading and naming the dialog.
    #[prop(into)]
    title: Signal<String>,
    /// What happens if the reader goes on; read out with the title.
    #[prop(optional, into)]
    description: MaybeProp<String>,
    /// Let Escape close the dialog (as a "cancel").
    #[prop(optional)]
    dismissible: bool,
    /// The id (default: generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes, appended to `crust-dialog`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The actions, in a [`crate::DialogActions`].
    children: Children,
) -> impl IntoView {
    modal(
        Kind::Alert,
        ModalProps {
            open,
            title,
            description,
            close_label: None,
            dismissible,
            id,
            class,
        },
        children,
    )
}
