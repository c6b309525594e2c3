//! The few DOM reads the overlays share: elements matching a selector, and computed CSS
//! values. In the browser only; on the server they find nothing.

/// What the keyboard can reach: links, enabled form controls, and explicit tab stops.
pub(crate) const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// The HTML elements under `root` that match `selector`, in document order.
#[cfg_attr(
    not(any(feature = "hydrate", feature = "csr")),
    allow(unused_variables)
)]
pub(crate) fn elements(
    root: &leptos::web_sys::Element,
    selector: &str,
) -> Vec<leptos::web_sys::HtmlElement> {
    #[cfg(any(feature = "hydrate", feature = "csr"))]
    {
        use wasm_bindgen::JsCast;
        let Ok(list) = root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    }
    #[cfg(not(any(feature = "hydrate", feature = "csr")))]
    {
        Vec::new()
    }
}

/// The computed value of CSS property `name` (a custom property too) on `el`, or `""`.
#[cfg_attr(
    not(any(feature = "hydrate", feature = "csr")),
    allow(unused_variables)
)]
pub(crate) fn computed(el: &leptos::web_sys::Element, name: &str) -> String {
    #[cfg(any(feature = "hydrate", feature = "csr"))]
    {
        web_sys::window()
            .and_then(|w| w.get_computed_style(el).ok().flatten())
            .and_then(|s| s.get_property_value(name).ok())
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "hydrate", feature = "csr")))]
    {
        String::new()
    }
}

/// Whether `el` takes part in layout (not `display: none`, itself or through an ancestor).
#[cfg_attr(
    not(any(feature = "hydrate", feature = "csr")),
    allow(unused_variables)
)]
pub(crate) fn is_rendered(el: &leptos::web_sys::HtmlElement) -> bool {
    #[cfg(any(feature = "hydrate", feature = "csr"))]
    {
        el.offset_parent().is_some() || el.get_client_rects().length() > 0
    }
    #[cfg(not(any(feature = "hydrate", feature = "csr")))]
    {
        false
    }
}
