//! `too-many-permutations`: `resolve --all-permutations` would list too many combinations.

use super::Rule;

/// The `too-many-permutations` rule.
pub const RULE: Rule = Rule {
    code: "too-many-permutations",
    level: None,
    summary: "`resolve --all-permutations` would list more permutations than tokenc prints",
    doc: "Every modifier multiplies the permutations: twelve modifiers of six contexts make two \
         billion. `tokenc resolve --all-permutations` stops above 4,096 with this error instead \
         of printing for hours; choose the contexts to look at with `--input theme=dark`. \
         `build` and `check` are not affected: they compile each context on its own.",
};
