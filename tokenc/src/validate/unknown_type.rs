//! `unknown-type`: `$type` is not one of the DTCG types.

use super::Rule;

/// The `unknown-type` rule.
pub const RULE: Rule = Rule {
    code: "unknown-type",
    level: None,
    summary: "`$type` is not one of the DTCG types",
    doc: "`$type` must be one of the thirteen DTCG 2025.10 types: color, dimension, duration, \
         number, fontFamily, fontWeight, cubicBezier, strokeStyle, border, transition, shadow, \
         gradient, typography (case-sensitive). Tool-specific types such as `string` or \
         `boolean` are not part of the format. The help suggests the closest type.",
};
