//! The stylesheet crust-ui ships: tokens, base styles and every component's CSS, in layers.

/// Each component's stylesheet, by folder name, in the order they are assembled.
pub const COMPONENTS: &[(&str, &str)] = &[
    (
        "visually_hidden",
        include_str!("visually_hidden/visually_hidden.css"),
    ),
    ("stack", include_str!("stack/stack.css")),
    ("grid", include_str!("grid/grid.css")),
    ("separator", include_str!("separator/separator.css")),
    ("button", include_str!("button/button.css")),
    ("icon_button", include_str!("icon_button/icon_button.css")),
    ("link", include_str!("link/link.css")),
    ("field", include_str!("field/field.css")),
    ("text_field", include_str!("text_field/text_field.css")),
    ("textarea", include_str!("textarea/textarea.css")),
    ("select", include_str!("select/select.css")),
    ("checkbox", include_str!("checkbox/checkbox.css")),
    ("radio_group", include_str!("radio_group/radio_group.css")),
    ("switch", include_str!("switch/switch.css")),
    ("tabs", include_str!("tabs/tabs.css")),
    ("accordion", include_str!("accordion/accordion.css")),
    ("dialog", include_str!("dialog/dialog.css")),
    (
        "alert_dialog",
        include_str!("alert_dialog/alert_dialog.css"),
    ),
    ("breadcrumb", include_str!("breadcrumb/breadcrumb.css")),
    ("pagination", include_str!("pagination/pagination.css")),
    ("avatar", include_str!("avatar/avatar.css")),
    ("table", include_str!("table/table.css")),
    ("popover", include_str!("popover/popover.css")),
    ("tooltip", include_str!("tooltip/tooltip.css")),
    ("menu", include_str!("menu/menu.css")),
    ("toast", include_str!("toast/toast.css")),
    ("badge", include_str!("badge/badge.css")),
    ("callout", include_str!("callout/callout.css")),
    ("card", include_str!("card/card.css")),
    ("spinner", include_str!("spinner/spinner.css")),
    ("progress", include_str!("progress/progress.css")),
    ("skeleton", include_str!("skeleton/skeleton.css")),
    ("theme", include_str!("theme/theme.css")),
];

/// The base layer: page colours and type from tokens, focus ring, reduced motion.
pub const BASE: &str = include_str!("../styles/base.css");

/// Builds `crust-ui.css` from the token stylesheet, [`BASE`] and [`COMPONENTS`]: the layer order
/// first, then tokens in `crust.tokens` (its `@custom-media` rules stay at the top level, where
/// CSS requires them), the base layer, and the components (each file declares its own
/// `@layer crust.components` block).
pub fn assemble(tokens_css: &str) -> String {
    let mut custom_media = String::new();
    let mut tokens = String::new();
    for line in tokens_css.lines() {
        if line.starts_with("@custom-media") {
            custom_media.push_str(line);
            custom_media.push('\n');
        } else if !line.starts_with("/*") {
            tokens.push_str("  ");
            tokens.push_str(line);
            tokens.push('\n');
        }
    }
    let mut out = String::from(
        "/* @generated from components/styles/tokens.css, styles/base.css and the component folders by \
         `cargo xtask regen`. Do not edit. */\n@layer crust.tokens, crust.base, crust.components;\n",
    );
    out.push_str(&custom_media);
    out.push_str("@layer crust.tokens {\n");
    out.push_str(tokens.trim_end_matches([' ', '\n']));
    out.push_str("\n}\n");
    out.push_str(BASE.trim_end());
    out.push('\n');
    for (name, css) in COMPONENTS {
        out.push_str(&format!("/* {name} */\n"));
        out.push_str(css.trim_end());
        out.push('\n');
    }
    out
}
