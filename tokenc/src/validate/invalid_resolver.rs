//! `invalid-resolver`: a resolver document is malformed.

use super::Rule;

/// The `invalid-resolver` rule.
pub const RULE: Rule = Rule {
    code: "invalid-resolver",
    level: None,
    summary: "a resolver document is malformed",
    doc: "A Resolver module document needs `version = 2025.10`, `resolutionOrder`, and \
         well-formed `sets` and `modifiers`; references in `resolutionOrder` must name an \
         existing set or modifier (never a point inside `resolutionOrder`), a modifier's \
         `default` must be one of its contexts, and inline sets and modifiers need unique \
         names.",
};
