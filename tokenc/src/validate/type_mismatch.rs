//! `type-mismatch`: an alias points at a token of another type.

use super::Rule;

/// The `type-mismatch` rule.
pub const RULE: Rule = Rule {
    code: "type-mismatch",
    level: None,
    summary: "an alias points at a token of another type",
    doc: "An alias must point at a token of the type expected where it is used: the token's own \
         `$type`, a composite part's type (a border's width must be a dimension), or the type \
         its group declares. Both places are shown.",
};
