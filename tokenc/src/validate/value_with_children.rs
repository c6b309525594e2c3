//! `value-with-children`: an object holds `$value` and child tokens or groups.

use super::Rule;

/// The `value-with-children` rule.
pub const RULE: Rule = Rule {
    code: "value-with-children",
    level: None,
    summary: "an object holds `$value` and child tokens or groups",
    doc: "An object with `$value` is a token, and a token cannot contain other tokens or groups. \
         To give a group a value of its own, use the reserved `$root` token inside it: \
         `{color.accent.$root}`.",
};
