//! Theming without a flash: the reader's choice of theme, contrast, density and motion.
//!
//! Values never change at run time: tokens.css already holds every context. Choosing only sets
//! `data-theme`, `data-contrast`, `data-density` and `data-motion` on `<html>`; with an attribute
//! missing, the OS preference decides. The choice is kept in a cookie (so the server can render
//! the right attributes into the first byte of HTML) and in `localStorage` (for client-only
//! apps, whose head runs [`THEME_SCRIPT`] before the first paint).

use leptos::prelude::*;

use crate::id::{IdScope, use_id};
use crate::tokens::{Contrast, Density, Motion, Theme};
use crate::util::classes;

/// Name of the cookie (and `localStorage` key) that keeps the choice.
pub const THEME_COOKIE: &str = "crust-theme";

/// An inline script for a client-only app's `<head>`: applies the stored choice to `<html>`
/// before the first paint. (SSR apps render the attributes instead; see
/// [`Choice::html_attributes`].)
pub const THEME_SCRIPT: &str = r#"(function(){try{var d=document.documentElement,v=localStorage.getItem("crust-theme");if(v===null){var m=document.cookie.match(/(?:^|; )crust-theme=([^;]*)/);v=m?m[1]:"";}v.split(".").forEach(function(p){var k=p.split(":");if(/^(theme|contrast|density|motion)$/.test(k[0])&&/^[a-z]+$/.test(k[1]||""))d.setAttribute("data-"+k[0],k[1]);});}catch(e){}})();"#;

/// The reader's choice per modifier; `None` follows the OS preference (or the default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Choice {
    /// Light or dark; `None` follows `prefers-color-scheme`.
    pub theme: Option<Theme>,
    /// Normal or more contrast; `None` follows `prefers-contrast`.
    pub contrast: Option<Contrast>,
    /// Comfortable or compact; `None` is comfortable.
    pub density: Option<Density>,
    /// Full or reduced motion; `None` follows `prefers-reduced-motion`.
    pub motion: Option<Motion>,
}

impl Choice {
    /// Reads a stored value such as `theme:dark.contrast:more`; unknown parts are ignored.
    pub fn parse(value: &str) -> Choice {
        let mut choice = Choice::default();
        for part in value.split('.') {
            let Some((key, context)) = part.split_once(':') else {
                continue;
            };
            match key {
                "theme" => choice.theme = Theme::parse(context),
                "contrast" => choice.contrast = Contrast::parse(context),
                "density" => choice.density = Density::parse(context),
                "motion" => choice.motion = Motion::parse(context),
                _ => {}
            }
        }
        choice
    }

    /// Finds the choice in a whole `Cookie:` request header (`a=1; crust-theme=theme:dark`).
    ///
    /// ```
    /// use crust_ui::{Choice, tokens::Theme};
    /// let choice = Choice::from_cookie_header("session=x; crust-theme=theme:dark");
    /// assert_eq!(choice.theme, Some(Theme::Dark));
    /// assert_eq!(choice.html_attributes(), vec![("data-theme", "dark")]);
    /// ```
    pub fn from_cookie_header(header: &str) -> Choice {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == THEME_COOKIE)
            .map(|(_, value)| Choice::parse(value))
            .unwrap_or_default()
    }

    /// The stored form, `theme:dark.contrast:more` (only the modifiers that are chosen).
    pub fn to_value(&self) -> String {
        self.html_attributes()
            .iter()
            .map(|(attr, ctx)| format!("{}:{ctx}", attr.trim_start_matches("data-")))
            .collect::<Vec<_>>()
            .join(".")
    }

    /// The attributes to render on `<html>`, e.g. `[("data-theme", "dark")]`.
    pub fn html_attributes(&self) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        if let Some(t) = self.theme {
            out.push((Theme::ATTRIBUTE, t.as_str()));
        }
        if let Some(c) = self.contrast {
            out.push((Contrast::ATTRIBUTE, c.as_str()));
        }
        if let Some(d) = self.density {
            out.push((Density::ATTRIBUTE, d.as_str()));
        }
        if let Some(m) = self.motion {
            out.push((Motion::ATTRIBUTE, m.as_str()));
        }
        out
    }

    /// The choice for one setting, as the context name (`None` = follow the OS).
    pub fn get(&self, setting: Setting) -> Option<&'static str> {
        match setting {
            Setting::Theme => self.theme.map(Theme::as_str),
            Setting::Contrast => self.contrast.map(Contrast::as_str),
            Setting::Density => self.density.map(Density::as_str),
            Setting::Motion => self.motion.map(Motion::as_str),
        }
    }

    /// Sets one setting from a context name (`None`, or an unknown name, follows the OS).
    pub fn set(&mut self, setting: Setting, context: Option<&str>) {
        match setting {
            Setting::Theme => self.theme = context.and_then(Theme::parse),
            Setting::Contrast => self.contrast = context.and_then(Contrast::parse),
            Setting::Density => self.density = context.and_then(Density::parse),
            Setting::Motion => self.motion = context.and_then(Motion::parse),
        }
    }
}

/// One of the four modifiers a reader can choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Setting {
    /// Light or dark.
    #[default]
    Theme,
    /// Normal or more contrast.
    Contrast,
    /// Comfortable or compact.
    Density,
    /// Full or reduced motion.
    Motion,
}

impl Setting {
    /// Every setting.
    pub const ALL: [Setting; 4] = [
        Setting::Theme,
        Setting::Contrast,
        Setting::Density,
        Setting::Motion,
    ];

    /// The setting's name, as a label.
    pub const fn label(self) -> &'static str {
        match self {
            Setting::Theme => "Theme",
            Setting::Contrast => "Contrast",
            Setting::Density => "Density",
            Setting::Motion => "Motion",
        }
    }

    /// The attribute on `<html>` that carries this setting (`data-theme`…).
    pub const fn attribute(self) -> &'static str {
        match self {
            Setting::Theme => Theme::ATTRIBUTE,
            Setting::Contrast => Contrast::ATTRIBUTE,
            Setting::Density => Density::ATTRIBUTE,
            Setting::Motion => Motion::ATTRIBUTE,
        }
    }

    /// The name of the "follow the OS" option, if the setting has an OS preference.
    const fn system_label(self) -> Option<&'static str> {
        match self {
            Setting::Density => None,
            _ => Some("System"),
        }
    }

    /// `(context, label)` for each context.
    fn options(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Setting::Theme => vec![
                (Theme::Light.as_str(), "Light"),
                (Theme::Dark.as_str(), "Dark"),
            ],
            Setting::Contrast => vec![
                (Contrast::Normal.as_str(), "Normal"),
                (Contrast::More.as_str(), "More"),
            ],
            Setting::Density => vec![
                (Density::Comfortable.as_str(), "Comfortable"),
                (Density::Compact.as_str(), "Compact"),
            ],
            Setting::Motion => vec![
                (Motion::Full.as_str(), "Full"),
                (Motion::Reduced.as_str(), "Reduced"),
            ],
        }
    }
}

/// The current choice, shared by [`ThemeProvider`] with everything inside it.
#[derive(Clone, Copy, Debug)]
pub struct ThemeState(pub RwSignal<Choice>);

impl ThemeState {
    /// The nearest provider's state.
    pub fn use_context() -> Option<ThemeState> {
        use_context::<ThemeState>()
    }
}

/// Holds the reader's [`Choice`], applies it to `<html>` and remembers it.
///
/// On the server, read the request cookie ([`Choice::from_cookie_header`]) in the app shell,
/// render its attributes on `<html>` (so the first paint is right) and either pass it as
/// `initial` or `provide_context` it. In the browser leave `initial` out: the provider starts
/// from the attributes already on `<html>`, which keeps hydration consistent. Also opens an
/// [`IdScope`], so generated ids match between server and browser.
#[component]
pub fn ThemeProvider(
    /// The choice to start with (default: a `Choice` in context, else the `<html>` attributes).
    #[prop(optional)]
    initial: Option<Choice>,
    /// The app.
    children: Children,
) -> impl IntoView {
    // On the server, the app shell may provide the request's choice as context.
    let start = initial
        .or_else(use_context::<Choice>)
        .unwrap_or_else(from_document);
    let state = RwSignal::new(start);
    provide_context(ThemeState(state));
    Effect::new(move |_| apply(state.get()));
    view! { <IdScope>{children()}</IdScope> }
}

/// The attributes already on `<html>` (rendered by the server, or set by [`THEME_SCRIPT`]).
fn from_document() -> Choice {
    #[cfg(any(feature = "hydrate", feature = "csr"))]
    {
        let mut choice = Choice::default();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            for setting in Setting::ALL {
                choice.set(setting, html.get_attribute(setting.attribute()).as_deref());
            }
        }
        choice
    }
    #[cfg(not(any(feature = "hydrate", feature = "csr")))]
    {
        Choice::default()
    }
}

/// Puts the choice on `<html>` and stores it (browser only; effects do not run on the server).
#[cfg_attr(
    not(any(feature = "hydrate", feature = "csr")),
    allow(unused_variables)
)]
fn apply(choice: Choice) {
    #[cfg(any(feature = "hydrate", feature = "csr"))]
    {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(html) = document.document_element() {
            for setting in Setting::ALL {
                let _ = match choice.get(setting) {
                    Some(ctx) => html.set_attribute(setting.attribute(), ctx),
                    None => html.remove_attribute(setting.attribute()),
                };
            }
        }
        let value = choice.to_value();
        if let Ok(doc) = document.dyn_into::<web_sys::HtmlDocument>() {
            let _ = doc.set_cookie(&format!(
                "{THEME_COOKIE}={value}; path=/; max-age=31536000; samesite=lax"
            ));
        }
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(THEME_COOKIE, &value);
        }
    }
}

/// A segmented control that chooses one [`Setting`]: native radio buttons in a fieldset, so
/// Tab reaches the group once and the arrow keys move the choice.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Enters the toggle at the chosen option |
/// | Arrow keys | Choose the next or previous option |
#[component]
pub fn ThemeToggle(
    /// Which modifier this toggle chooses.
    #[prop(optional)]
    setting: Setting,
    /// The group's label (default: the setting's name). Hidden visually with `hide_label`.
    #[prop(optional, into)]
    label: Option<String>,
    /// Keep the label for screen readers only.
    #[prop(optional)]
    hide_label: bool,
    /// Extra classes for the root.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let state = ThemeState::use_context()
        .map(|s| s.0)
        .unwrap_or_else(|| RwSignal::new(Choice::default()));
    let name = use_id(None, "theme-toggle");
    let label = label.unwrap_or_else(|| setting.label().to_string());
    let mut options: Vec<(Option<&'static str>, &'static str)> = Vec::new();
    if let Some(system) = setting.system_label() {
        options.push((None, system));
    }
    options.extend(setting.options().into_iter().map(|(c, l)| (Some(c), l)));
    let items = options
        .into_iter()
        .map(|(context, text)| {
            let name = name.clone();
            let is_default_choice = setting.system_label().is_none()
                && setting.options().first().map(|o| o.0) == context;
            let checked = move || {
                let current = state.get().get(setting);
                current == context || (current.is_none() && is_default_choice)
            };
            view! {
                <label class="crust-theme-toggle__option">
                    <input
                        type="radio"
                        name=name
                        value=context.unwrap_or("system")
                        prop:checked=checked
                        checked=checked
                        on:change=move |_| state.update(|c| c.set(setting, context))
                    />
                    <span>{text}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class=move || classes("crust-theme-toggle", class.get())>
            <legend class=if hide_label { "crust-visually-hidden" } else { "crust-theme-toggle__legend" }>
                {label}
            </legend>
            <div class="crust-theme-toggle__options">{items}</div>
        </fieldset>
    }
}
