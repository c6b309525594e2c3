//! `single-context-modifier`: a modifier has only one context.

use super::Rule;
use crate::lints::Level;

/// The `single-context-modifier` rule.
pub const RULE: Rule = Rule {
    code: "single-context-modifier",
    level: Some(Level::Warn),
    summary: "a modifier has only one context",
    doc: "A modifier exists to choose between contexts; with only one it is a set in disguise. \
         Add the other contexts, or move its sources into a set.",
};
