//! `tokenc init`: a small working token set (primitives, light and dark themes, a resolver and
//! a `tokenc.toml` with a contrast rule) that `tokenc build` compiles without a diagnostic.

/// The files `tokenc init` writes, as (path relative to the target folder, contents).
pub const FILES: &[(&str, &str)] = &[
    ("tokenc.toml", include_str!("../templates/init/tokenc.toml")),
    (
        "tokens.resolver.toml",
        include_str!("../templates/init/tokens.resolver.toml"),
    ),
    ("base.toml", include_str!("../templates/init/base.toml")),
    (
        "themes/light.toml",
        include_str!("../templates/init/themes/light.toml"),
    ),
    (
        "themes/dark.toml",
        include_str!("../templates/init/themes/dark.toml"),
    ),
];
