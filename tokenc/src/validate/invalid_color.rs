//! `invalid-color`: a colour value is invalid.

use super::Rule;

/// The `invalid-color` rule.
pub const RULE: Rule = Rule {
    code: "invalid-color",
    level: None,
    summary: "a colour value is invalid",
    doc: "Colours are `{ colorSpace, components, alpha?, hex? }` objects. The colour space must \
         be one of the fourteen of the Color module; components must be three numbers (or \
         `none`) within the space's ranges (sRGB 0-1, hue from 0 to below 360, OKLCH lightness \
         0-1); alpha is 0-1; `hex` is a 6-digit `#rrggbb` sRGB fallback. A legacy string such \
         as `#ff8800` gets the exact object to write instead.",
};
