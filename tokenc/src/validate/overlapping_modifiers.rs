//! `overlapping-modifiers`: two modifiers change the same tokens.

use super::Rule;
use crate::lints::Level;

/// The `overlapping-modifiers` rule.
pub const RULE: Rule = Rule {
    code: "overlapping-modifiers",
    level: Some(Level::Warn),
    summary: "two modifiers change the same tokens",
    doc: "Modifiers work best on disjoint tokens (theme changes colours, density changes \
         spacing). When two change the same tokens, their CSS blocks interact when the \
         attributes are set on different elements; tokenc then emits combined blocks for each \
         pair of contexts and names the shared tokens here.",
};
