//! `invalid-value`: a value does not fit its type.

use super::Rule;

/// The `invalid-value` rule.
pub const RULE: Rule = Rule {
    code: "invalid-value",
    level: None,
    summary: "a value does not fit its type",
    doc: "The value does not have the shape or range its type requires: a number where a string \
         is needed, a font weight outside 1-1000, a cubic Bezier x outside 0-1, a composite \
         missing a required property or holding an unknown one, a non-finite number such as \
         `1e400`. Values are rejected, never clamped. The help shows the expected shape.",
};
