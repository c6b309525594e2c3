//! `contrast`: a declared colour pair lacks the required contrast.

use super::Rule;

/// The `contrast` rule.
pub const RULE: Rule = Rule {
    code: "contrast",
    level: None,
    summary: "a declared colour pair lacks the required contrast",
    doc: "Contrast requirements are declared per token (`$extensions.dev.crust.contrast`) or in \
         bulk (`[[contrast]]` in tokenc.toml). Each pair is checked with the WCAG 2 ratio in \
         every permutation that can change either colour, after resolving aliases, compositing \
         translucent colours over the background and mapping to sRGB. A failure names both \
         tokens, the ratio, the minimum and the permutation.",
};
