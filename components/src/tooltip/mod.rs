//! Tooltip: a short text that describes a control, shown on hover and on keyboard focus.

use leptos::prelude::*;

use crate::id::use_id;
use crate::position::{Side, keep_placed, token_ms};

/// A short description of the control inside it ("Copy link"), shown above it when the
/// pointer rests on it (after the `tooltip.delay` token) and at once when it gets keyboard
/// focus; Escape, moving away or blurring hides it. The control is described by the tooltip
/// (`aria-describedby` on its first element), so screen readers read it too. The tooltip stays
/// while the pointer moves onto it, and holds text only: never put controls in a tooltip (use a
/// [`crate::Popover`]).
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Focusing the control shows its tooltip |
/// | Escape | Hides the tooltip (the focus stays) |
#[component]
pub fn Tooltip(
    /// The tooltip's text.
    #[prop(into)]
    content: Signal<String>,
    /// The id of the tooltip (default: generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// The control the tooltip describes (one element).
    children: Children,
) -> impl IntoView {
    let id = use_id(id, "tooltip");
    let anchor = NodeRef::<leptos::html::Span>::new();
    let tip = NodeRef::<leptos::html::Span>::new();
    let shown = RwSignal::new(false);
    // A pending show or hide, so a quick pass of the pointer does nothing.
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let cancel = move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(None);
    };
    let set_shown = move |on: bool| {
        cancel();
        let Some(t) = tip.get_untracked() else {
            return;
        };
        if on == shown.get_untracked() {
            return;
        }
        shown.set(on);
        if on {
            let _ = t.show_popover();
            // Above the control itself (the anchor's first element), not the wrapper.
            keep_placed(
                move || {
                    anchor
                        .get_untracked()
                        .map(|a| a.first_element_child().unwrap_or_else(|| a.clone().into()))
                },
                move || tip.get_untracked().map(Into::into),
                shown,
                Side::Above,
            );
        } else {
            let _ = t.hide_popover();
        }
    };
    let later = move |on: bool, ms: f64| {
        cancel();
        let handle = set_timeout_with_handle(
            move || set_shown(on),
            std::time::Duration::from_millis(ms.max(0.0) as u64),
        );
        pending.set_value(handle.ok());
    };
    let delay = move || {
        tip.get_untracked()
            .map_or(700.0, |t| token_ms(&t, "--crust-tooltip-delay", 700.0))
    };
    // Describe the control itself: its first element gets aria-describedby once mounted.
    let described = id.clone();
    Effect::new(move |_| {
        if let Some(a) = anchor.get()
            && let Some(control) = a.first_element_child()
        {
            let _ = control.set_attribute("aria-describedby", &described);
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && shown.get_untracked() {
            set_shown(false);
        }
    };
    view! {
        <span
            class="crust-tooltip__anchor"
            node_ref=anchor
            on:pointerenter=move |_| later(true, delay())
            on:pointerleave=move |_| later(false, 100.0)
            on:focusin=move |_| set_shown(true)
            on:focusout=move |_| set_shown(false)
            on:keydown=on_keydown
        >
            {children()}
        </span>
        <span
            class="crust-tooltip"
            id=id
            role="tooltip"
            popover="manual"
            node_ref=tip
            on:pointerenter=move |_| cancel()
            on:pointerleave=move |_| later(false, 100.0)
        >
            {move || content.get()}
        </span>
    }
}
