//! The gallery's demos: plain functions that build a view with crust-ui. The mdBook
//! preprocessor (`mdbook-crust`) renders them to HTML at build time and shows their source from
//! the same files, so what the book shows is the code.

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
}

/// The demo with this id.
pub fn find(id: &str) -> Option<&'static Demo> {
    DEMOS.iter().find(|d| d.id == id)
}
