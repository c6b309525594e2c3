//! `unknown-alias`: an alias or `$ref` names no token.

use super::Rule;

/// The `unknown-alias` rule.
pub const RULE: Rule = Rule {
    code: "unknown-alias",
    level: None,
    summary: "an alias or `$ref` names no token",
    doc: "An alias `{a.b}` must name a token (not a group) that exists in the merged tokens of \
         the permutation; a `$ref` JSON pointer must point at a token or at a property inside a \
         token's `$value`. The help suggests the closest existing token, or `$root` when the \
         name is a group. Tokens that depend on the broken one are not reported again.",
};
