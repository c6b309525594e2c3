//! `alias-cycle`: aliases, `$extends` or sets refer to each other in a loop.

use super::Rule;

/// The `alias-cycle` rule.
pub const RULE: Rule = Rule {
    code: "alias-cycle",
    level: None,
    summary: "aliases, `$extends` or sets refer to each other in a loop",
    doc: "Following aliases (or group extensions, or set references) comes back to where it \
         started. The message names every member of the loop, once; point one of them at a \
         value instead. Every token in the loop, and every token depending on it, has no value.",
};
