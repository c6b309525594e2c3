//! Placing a floating element (popover, menu, tooltip) next to its trigger: below it and
//! aligned with its start edge, flipped above when there is more room there, kept inside the
//! viewport, mirrored in right-to-left text. Runs in the browser only.

use leptos::prelude::*;

use crate::dom::computed;

/// Which side of the trigger the floating element prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Side {
    /// Below the trigger (menus, popovers).
    #[default]
    Below,
    /// Above the trigger (tooltips).
    Above,
}

/// Positions `floating` (a `position: fixed` element in the top layer) next to `anchor`,
/// `gap` CSS pixels away. Returns the side it ended up on.
#[cfg_attr(
    not(any(feature = "hydrate", feature = "csr")),
    allow(unused_variables)
)]
pub(crate) fn place(
    anchor: &leptos::web_sys::Element,
    floating: &leptos::web_sys::HtmlElement,
    side: Side,
    gap: f64,
) -> Side {
    #[cfg(any(feature = "hydrate", feature = "csr"))]
    {
        let Some(window) = web_sys::window() else {
            return side;
        };
        let number = |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
            v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
        };
        let (vw, vh) = (number(window.inner_width()), number(window.inner_height()));
        let a = anchor.get_bounding_client_rect();
        let f = floating.get_bounding_client_rect();
        let (w, h) = (f.width(), f.height());
        let below = vh - a.bottom() - gap;
        let above = a.top() - gap;
        let chosen = match side {
            Side::Below if below < h && above > below => Side::Above,
            Side::Above if above < h && below > above => Side::Below,
            s => s,
        };
        let top = match chosen {
            Side::Below => a.bottom() + gap,
            Side::Above => a.top() - gap - h,
        };
        let rtl = anchor.matches(":dir(rtl)").unwrap_or(false);
        let left = if rtl { a.right() - w } else { a.left() };
        let margin = 8.0;
        let left = left.min(vw - w - margin).max(margin);
        let top = top.min(vh - h - margin).max(margin);
        let style = floating.style();
        let _ = style.set_property("top", &format!("{top}px"));
        let _ = style.set_property("left", &format!("{left}px"));
        let _ = floating.set_attribute(
            "data-side",
            if chosen == Side::Below {
                "below"
            } else {
                "above"
            },
        );
        chosen
    }
    #[cfg(not(any(feature = "hydrate", feature = "csr")))]
    {
        side
    }
}

/// The value of a `--crust-…` length token on `el` in CSS pixels (`rem` and `px` understood),
/// or `fallback`.
pub(crate) fn token_px(el: &leptos::web_sys::Element, name: &str, fallback: f64) -> f64 {
    let value = computed(el, name);
    let value = value.trim();
    if let Some(px) = value.strip_suffix("px") {
        return px.trim().parse().unwrap_or(fallback);
    }
    if let Some(rem) = value.strip_suffix("rem") {
        let base: f64 = document()
            .document_element()
            .map(|root| computed(&root, "font-size"))
            .unwrap_or_default()
            .trim()
            .trim_end_matches("px")
            .parse()
            .unwrap_or(16.0);
        return rem.trim().parse::<f64>().map_or(fallback, |r| r * base);
    }
    fallback
}

/// The value of a `--crust-…` duration token on `el` in milliseconds (`s` and `ms`), or
/// `fallback`.
pub(crate) fn token_ms(el: &leptos::web_sys::Element, name: &str, fallback: f64) -> f64 {
    let value = computed(el, name);
    let value = value.trim();
    if let Some(ms) = value.strip_suffix("ms") {
        return ms.trim().parse().unwrap_or(fallback);
    }
    if let Some(s) = value.strip_suffix('s') {
        return s.trim().parse::<f64>().map_or(fallback, |s| s * 1000.0);
    }
    fallback
}

/// Calls `step` once per animation frame for as long as it returns `true` (a floating element
/// follows its trigger through scrolling, in any scroll container, and resizing).
pub(crate) fn follow<F: Fn() -> bool + Clone + 'static>(step: F) {
    if step() {
        let next = step.clone();
        request_animation_frame(move || follow(next));
    }
}

/// Whether a popover element is showing.
pub(crate) fn is_open(el: &leptos::web_sys::HtmlElement) -> bool {
    el.matches(":popover-open").unwrap_or(false)
}

/// Places `floating` next to `anchor` now and on every frame while `open` holds, `gap` being
/// the `--crust-popover-offset` token, so it follows scrolling and resizing.
pub(crate) fn keep_placed<A, F>(anchor: A, floating: F, open: RwSignal<bool>, side: Side)
where
    A: Fn() -> Option<leptos::web_sys::Element> + Clone + 'static,
    F: Fn() -> Option<leptos::web_sys::HtmlElement> + Clone + 'static,
{
    follow(move || {
        let (Some(a), Some(f)) = (anchor(), floating()) else {
            return false;
        };
        if !open.get_untracked() {
            return false;
        }
        let gap = token_px(&f, "--crust-popover-offset", 4.0);
        place(&a, &f, side, gap);
        true
    });
}
