//! `raw-length`: `tokenc audit` found a length written as a literal in application code.

use super::Rule;
use crate::lints::Level;

/// The `raw-length` rule.
pub const RULE: Rule = Rule {
    code: "raw-length",
    level: Some(Level::Warn),
    summary: "`tokenc audit`: a length written as a literal in app code",
    doc: "A length such as `12px` or `1.5rem` in app code does not follow density or a \
         re-brand. When a dimension token has exactly that value (`16px` also matches `1rem`), \
         the finding names it; otherwise pick a spacing, size or radius token, or add one. `0` \
         and `1px` hairlines are never reported. Relax it with `--allow raw-length` to audit \
         colours only.",
};
