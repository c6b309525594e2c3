//! The gallery's demos: plain functions that build a view with crust-ui. The mdBook
//! preprocessor (`mdbook-crust`) renders them to HTML at build time and shows their source from
//! the same files, so what the book shows is the code.
#![forbid(unsafe_code)]

pub mod demos;

use leptos::prelude::*;

/// One demo: its id (`button/variants`), the file that holds it, and the function.
pub struct Demo {
    /// `<component>/<function>`.
    pub id: &'static str,
    /// The source file, relative to this crate.
    pub file: &'static str,
    /// Builds the view.
    pub render: fn() -> AnyView,
}

macro_rules! registry {
    ($($module:ident :: $name:ident),* $(,)?) => {
        /// Every demo, in page order.
        pub const DEMOS: &[Demo] = &[
            $(Demo {
                id: concat!(stringify!($module), "/", stringify!($name)),
                file: concat!("src/demos/", stringify!($module), ".rs"),
                render: || demos::$module::$name().into_any(),
            },)*
        ];
    };
}

registry! {
    button::variants, button::sizes, button::states,
    icon_button::basic,
    link::basic,
    text_field::basic, text_field::states,
    textarea::basic,
    checkbox::basic,
    radio_group::basic,
    switch::basic,
    select::basic,
    field::validation,
    badge::tones,
    callout::tones,
    card::basic,
    separator::basic,
    spinner::basic,
    progress::basic,
    skeleton::basic,
    stack::basic,
    grid::basic,
    visually_hidden::basic,
    theme::toggles,
    tabs::basic, tabs::manual,
    accordion::single, accordion::multiple,
    dialog::basic,
    alert_dialog::confirm,
    breadcrumb::basic,
    pagination::basic,
    avatar::basic,
    table::sortable,
    popover::basic,
    tooltip::basic,
    menu::basic,
    toast::basic,
    overview::showcase,
}

/// Removes Leptos's hydration markers (`<!>`, `<!--…-->`) from server-rendered HTML: mdBook's
/// HTML handling mangles them, and snapshots read better without them.
pub fn strip_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|e| e + 3)
        } else {
            after.find('>').map(|e| e + 1)
        };
        match end {
            Some(e) => rest = &after[e..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Renders a view as the server would, inside its own [`crust_ui::IdScope`] (ids prefixed with
/// `prefix` when given), with the hydration markers removed.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_html<V: IntoView + 'static>(
    prefix: Option<String>,
    f: impl FnOnce() -> V + Send + 'static,
) -> String {
    let owner = Owner::new();
    let html = owner.with(|| match prefix {
        Some(p) => view! { <crust_ui::IdScope prefix=p>{f()}</crust_ui::IdScope> }.to_html(),
        None => view! { <crust_ui::IdScope>{f()}</crust_ui::IdScope> }.to_html(),
    });
    strip_markers(&html)
}

/// The demo with this id.
pub fn find(id: &str) -> Option<&'static Demo> {
    DEMOS.iter().find(|d| d.id == id)
}

/// Browser entry point of the live gallery: mounts the page's appearance panel (crust-ui's
/// [`crust_ui::ThemeProvider`] and [`crust_ui::ThemeToggle`]s, in the menu bar), then replaces
/// every `[data-demo]` specimen that the preprocessor rendered on the server side with the same
/// demo mounted by Leptos, so buttons click and fields type. Demos share the panel's
/// [`crust_ui::ThemeState`], so a theme demo changes the whole page like the panel does.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let theme = mount_appearance(&document);
    let Ok(figures) = document.query_selector_all("[data-demo]") else {
        return;
    };
    for i in 0..figures.length() {
        let Some(figure) = figures
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let id = figure.get_attribute("data-demo").unwrap_or_default();
        let (Some(demo), Ok(Some(specimen))) =
            (find(&id), figure.query_selector(".crust-demo__specimen"))
        else {
            continue;
        };
        let Ok(specimen) = specimen.dyn_into::<web_sys::HtmlElement>() else {
            continue;
        };
        specimen.set_inner_html("");
        let render = demo.render;
        let prefix = id.replace('/', "-");
        leptos::mount::mount_to(specimen.clone(), move || {
            if let Some(theme) = theme {
                provide_context(theme);
            }
            view! { <crust_ui::IdScope prefix=prefix>{render()}</crust_ui::IdScope> }
        })
        .forget();
        let _ = figure.set_attribute("data-live", "");
    }
}

/// Mounts the appearance panel into `#crust-appearance` (see `book/theme/index.hbs`), shows
/// its toggle button and returns the panel's theme state.
#[cfg(target_arch = "wasm32")]
fn mount_appearance(document: &web_sys::Document) -> Option<crust_ui::ThemeState> {
    use crust_ui::prelude::*;
    use std::sync::{Arc, OnceLock};
    use wasm_bindgen::JsCast;
    let panel = document
        .get_element_by_id("crust-appearance")?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let shared = Arc::new(OnceLock::new());
    let out = Arc::clone(&shared);
    leptos::mount::mount_to(panel, move || {
        view! {
            <ThemeProvider>
                {
                    if let Some(state) = ThemeState::use_context() {
                        let _ = out.set(state);
                    }
                    view! {
                        <IdScope prefix="appearance">
                            <ThemeToggle setting=Setting::Theme />
                            <ThemeToggle setting=Setting::Contrast />
                            <ThemeToggle setting=Setting::Density />
                            <ThemeToggle setting=Setting::Motion />
                        </IdScope>
                    }
                }
            </ThemeProvider>
        }
    })
    .forget();
    if let Some(button) = document.get_element_by_id("crust-appearance-toggle") {
        let _ = button.remove_attribute("hidden");
    }
    shared.get().copied()
}
