//! `raw-color`: `tokenc audit` found a colour written as a literal in application code.

use super::Rule;
use crate::lints::Level;

/// The `raw-color` rule.
pub const RULE: Rule = Rule {
    code: "raw-color",
    level: Some(Level::Warn),
    summary: "`tokenc audit`: a colour written as a literal in app code",
    doc: "A hex colour, `rgb()`, `hsl()`, `oklch()` or named colour in a stylesheet, a Rust \
         string or an HTML `style` does not follow the theme, the contrast setting or a \
         re-brand. The finding names the token with that colour (OKLab distance under 0.02), \
         roles such as `color.fg.default` before the palette entry they alias, or the nearest \
         one; use its `var(--…)` or its Rust constant. `tokenc audit --strict` fails on it; a \
         `tokenc-audit: allow` comment on the line (or the line above) keeps a deliberate one.",
};
