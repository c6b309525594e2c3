//! Popover: a small non-modal panel that opens from a button, on the native Popover API.

use leptos::prelude::*;

use crate::button::ButtonVariant;
use crate::dom::{FOCUSABLE, elements};
use crate::id::use_id;
use crate::position::{Side, is_open, keep_placed};
use crate::util::classes;

/// A button that opens a small panel next to it (filters, a share sheet, details): a
/// non-modal dialog on the native Popover API (`popover="auto"`), so it sits in the top layer,
/// closes when the reader clicks elsewhere or presses Escape, and gives the focus back to the
/// button. On opening, the focus moves to the first control inside. The panel is placed below
/// the button, flipped above at the bottom of the viewport, aligned with the button's start
/// edge (its right edge in right-to-left text).
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Enter / Space | On the button: opens or closes the panel |
/// | Tab | Moves through the panel's controls; leaving the panel closes it |
/// | Escape | Closes the panel and returns the focus to the button |
#[component]
pub fn Popover(
    /// The button's text.
    #[prop(into)]
    label: String,
    /// A heading inside the panel, which also names it (default: the button's text names it).
    #[prop(optional, into)]
    title: Option<String>,
    /// The button's visual weight (default outline).
    #[prop(optional)]
    variant: Option<ButtonVariant>,
    /// The id of the panel (default: generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes, appended to `crust-popover` (on the panel).
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The panel's content.
    children: Children,
) -> impl IntoView {
    let id = use_id(id, "popover");
    let trigger_id = format!("{id}-trigger");
    let title_id = format!("{id}-title");
    let labelled_by = if title.is_some() {
        title_id.clone()
    } else {
        trigger_id.clone()
    };
    let open = RwSignal::new(false);
    let trigger = NodeRef::<leptos::html::Button>::new();
    let panel = NodeRef::<leptos::html::Div>::new();
    let variant = variant.unwrap_or(ButtonVariant::Outline);

    let on_toggle = move |_: leptos::ev::Event| {
        let now_open = panel.get_untracked().is_some_and(|p| is_open(&p));
        open.set(now_open);
        if now_open {
            keep_placed(
                move || trigger.get_untracked().map(Into::into),
                move || panel.get_untracked().map(Into::into),
                open,
                Side::Below,
            );
            if let Some(p) = panel.get_untracked() {
                focus_first(&p);
            }
        }
    };

    let heading = title.map(|t| {
        view! { <h2 class="crust-popover__title" id=title_id.clone()>{t}</h2> }
    });
    view! {
        <button
            type="button"
            class="crust-button crust-popover__trigger"
            data-variant=variant.as_str()
            data-tone="accent"
            data-size="md"
            id=trigger_id
            popovertarget=id.clone()
            aria-haspopup="dialog"
            aria-controls=id.clone()
            aria-expanded=move || if open.get() { "true" } else { "false" }
            node_ref=trigger
        >
            {label}
        </button>
        <div
            class=move || classes("crust-popover", class.get())
            id=id
            popover="auto"
            role="dialog"
            aria-labelledby=labelled_by
            node_ref=panel
            on:toggle=on_toggle
        >
            {heading}
            {children()}
        </div>
    }
}

/// Moves the focus to the first control inside `el`, if there is one.
fn focus_first(el: &leptos::web_sys::HtmlElement) {
    if let Some(first) = elements(el, FOCUSABLE).first() {
        let _ = first.focus();
    }
}
