//! `missing-type`: a token has no type from itself, its alias target or a parent group.

use super::Rule;

/// The `missing-type` rule.
pub const RULE: Rule = Rule {
    code: "missing-type",
    level: None,
    summary: "a token has no type from itself, its alias target or a parent group",
    doc: "Every token needs exactly one type, and tokenc never guesses it from the value: the \
         token's own `$type`, else the type of the token it aliases, else the nearest parent \
         group's `$type`. Add `$type` to the token or to its group.",
};
