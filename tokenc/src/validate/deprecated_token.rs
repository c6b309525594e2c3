//! `deprecated-token`: `tokenc audit` found app code reading a deprecated token.

use super::Rule;
use crate::lints::Level;

/// The `deprecated-token` rule.
pub const RULE: Rule = Rule {
    code: "deprecated-token",
    level: Some(Level::Warn),
    summary: "`tokenc audit`: app code reads a deprecated token",
    doc: "A `var(--…)` in app code names a token marked `$deprecated`. The finding repeats the \
         deprecation's explanation, which names the replacement; switch to it before the token \
         is removed.",
};
