//! `unit-not-in-spec`: a CSS unit outside the DTCG spec.

use super::Rule;
use crate::lints::Level;

/// The `unit-not-in-spec` rule.
pub const RULE: Rule = Rule {
    code: "unit-not-in-spec",
    level: Some(Level::Deny),
    summary: "a CSS unit outside the DTCG spec",
    doc: "DTCG dimensions use `px` or `rem`. Other CSS units (`em`, `%`, `vw`, `ch` and so on) \
         are errors by default; relaxed to `warn` they are kept in the CSS as written. Prefer \
         `px` or `rem`, or keep a DTCG value and put the CSS in `$extensions.dev.crust.css`.",
};
