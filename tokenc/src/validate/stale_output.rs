//! `stale-output`: a generated file differs from what tokenc would write.

use super::Rule;

/// The `stale-output` rule.
pub const RULE: Rule = Rule {
    code: "stale-output",
    level: None,
    summary: "a generated file differs from what tokenc would write",
    doc: "`tokenc check` compiles in memory and compares with the files on disk: a committed \
         `tokens.css` or `tokens.rs` that is missing or different fails CI. Run `tokenc build` \
         and commit the result.",
};
