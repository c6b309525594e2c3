//! `invalid-name`: a token or group name uses reserved characters.

use super::Rule;

/// The `invalid-name` rule.
pub const RULE: Rule = Rule {
    code: "invalid-name",
    level: None,
    summary: "a token or group name uses reserved characters",
    doc: "Names cannot start with `$` (except the reserved `$root`) and cannot contain `.`, `{` \
         or `}`, which alias syntax uses, or control characters. Rename the token or group.",
};
