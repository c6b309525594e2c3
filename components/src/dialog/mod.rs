//! Dialog: a modal window over the page, on the native `<dialog>` element.

use leptos::prelude::*;

use crate::dom::{FOCUSABLE, elements, is_rendered};
use crate::id::use_id;
use crate::util::classes;

/// The role a modal plays: a plain dialog, or an alert dialog that needs an answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Kind {
    #[default]
    Dialog,
    Alert,
}

/// A modal dialog: opened with `showModal()`, so the rest of the page is inert, focus moves in
/// (to the first focusable element, or the one marked `autofocus`) and cannot leave, and Escape
/// closes it. Closing gives the focus back to whatever had it before (usually the trigger).
/// The page behind does not scroll while it is open.
///
/// `open` is the caller's signal: set it to open the dialog; the dialog sets it back to `false`
/// when the reader closes it. Title and description label the dialog (`aria-labelledby`,
/// `aria-describedby`). Put the actions in a [`DialogActions`].
///
/// On the server it renders closed, so the page never starts with an open modal.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab / Shift + Tab | Moves through the dialog's controls only |
/// | Escape | Closes the dialog and returns focus to the trigger |
#[component]
pub fn Dialog(
    /// Whether the dialog is open; the dialog sets it to `false` when closed by the reader.
    open: RwSignal<bool>,
    /// The dialog's title, shown as its heading and naming it.
    #[prop(into)]
    title: Signal<String>,
    /// A sentence under the title that describes the dialog.
    #[prop(optional, into)]
    description: MaybeProp<String>,
    /// Label of the close button in the corner (default "Close"); there is no such button when
    /// `hide_close` is set.
    #[prop(optional, into)]
    close_label: Option<String>,
    /// Leave out the close button (then give the dialog an action that closes it).
    #[prop(optional)]
    hide_close: bool,
    /// The id (default: generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes, appended to `crust-dialog`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The content, usually ending with [`DialogActions`].
    children: Children,
) -> impl IntoView {
    modal(
        Kind::Dialog,
        ModalProps {
            open,
            title,
            description,
            close_label: (!hide_close).then(|| close_label.unwrap_or_else(|| "Close".into())),
            dismissible: true,
            id,
            class,
        },
        children,
    )
}

/// A row of buttons at the end of a dialog (the main action last, in reading order).
#[component]
pub fn DialogActions(
    /// Extra classes, appended to `crust-dialog__actions`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The buttons.
    children: Children,
) -> impl IntoView {
    view! { <div class=move || classes("crust-dialog__actions", class.get())>{children()}</div> }
}

/// What [`Dialog`] and [`crate::AlertDialog`] share.
pub(crate) struct ModalProps {
    pub(crate) open: RwSignal<bool>,
    pub(crate) title: Signal<String>,
    pub(crate) description: MaybeProp<String>,
    pub(crate) close_label: Option<String>,
    pub(crate) dismissible: bool,
    pub(crate) id: Option<String>,
    pub(crate) class: MaybeProp<String>,
}

/// Renders a modal `<dialog>` and keeps it in step with `open`.
pub(crate) fn modal(kind: Kind, props: ModalProps, children: Children) -> AnyView {
    let ModalProps {
        open,
        title,
        description,
        close_label,
        dismissible,
        id,
        class,
    } = props;
    let id = use_id(
        id,
        if kind == Kind::Alert {
            "alert-dialog"
        } else {
            "dialog"
        },
    );
    let title_id = format!("{id}-title");
    let description_id = format!("{id}-description");
    let has_description = move || description.get().is_some_and(|d| !d.is_empty());
    let described_by = {
        let description_id = description_id.clone();
        move || has_description().then(|| description_id.clone())
    };
    let node = NodeRef::<leptos::html::Dialog>::new();
    // The element that had focus before opening, to give it back on close.
    let opener: StoredValue<Option<leptos::web_sys::Element>, LocalStorage> =
        StoredValue::new_local(None);

    Effect::new(move |_| {
        let want = open.get();
        let Some(dialog) = node.get() else {
            return;
        };
        if want && !dialog.open() {
            opener.set_value(document().active_element());
            let _ = dialog.show_modal();
        } else if !want && dialog.open() {
            dialog.close();
        }
    });

    let on_close = move |_: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        open.set(false);
        if let Some(el) = opener.get_value() {
            opener.set_value(None);
            if let Ok(el) = el.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    // An alert dialog is answered through its actions: Escape does nothing.
    let on_cancel = move |ev: leptos::ev::Event| {
        if !dismissible {
            ev.prevent_default();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" if !dismissible => ev.prevent_default(),
        "Tab" => {
            if let Some(dialog) = node.get_untracked() {
                wrap_focus(&dialog, &ev);
            }
        }
        _ => {}
    };
    let closable = close_label.is_some();
    let close = close_label.map(|label| {
        view! {
            <button
                type="button"
                class="crust-dialog__close"
                aria-label=label
                on:click=move |_| open.set(false)
            >
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M4 4l8 8M12 4l-8 8" />
                </svg>
            </button>
        }
    });
    view! {
        <dialog
            class=move || classes("crust-dialog", class.get())
            id=id
            role=(kind == Kind::Alert).then_some("alertdialog")
            data-closable=closable.then_some("")
            aria-modal="true"
            aria-labelledby=title_id.clone()
            aria-describedby=described_by
            node_ref=node
            on:close=on_close
            on:cancel=on_cancel
            on:keydown=on_keydown
        >
            <h2 class="crust-dialog__title" id=title_id.clone()>{move || title.get()}</h2>
            <p
                class="crust-dialog__description"
                id=description_id
                hidden=move || !has_description()
            >
                {move || description.get()}
            </p>
            <div class="crust-dialog__body">{children()}</div>
            // Last in the markup (first focus goes to the content), drawn in the corner.
            {close}
        </dialog>
    }
    .into_any()
}

/// Keeps Tab inside the dialog: from its last control to the first, and back with Shift + Tab
/// (the browser would otherwise move on to its own toolbar).
fn wrap_focus(dialog: &leptos::web_sys::HtmlDialogElement, ev: &leptos::ev::KeyboardEvent) {
    let items: Vec<_> = elements(dialog, FOCUSABLE)
        .into_iter()
        .filter(is_rendered)
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = document().active_element();
    let is = |e: &leptos::web_sys::HtmlElement| active.as_ref() == Some(e.as_ref());
    if ev.shift_key() && (is(first) || active.as_ref() == Some(dialog.as_ref())) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && is(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
