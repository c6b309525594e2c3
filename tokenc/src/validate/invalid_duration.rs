//! `invalid-duration`: a duration value is invalid.

use super::Rule;

/// The `invalid-duration` rule.
pub const RULE: Rule = Rule {
    code: "invalid-duration",
    level: None,
    summary: "a duration value is invalid",
    doc: "Durations are `{ value, unit }` objects with unit `ms` or `s` and a value of at least \
         zero.",
};
