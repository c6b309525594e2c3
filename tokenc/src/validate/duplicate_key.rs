//! `duplicate-key`: a key appears twice in one object.

use super::Rule;

/// The `duplicate-key` rule.
pub const RULE: Rule = Rule {
    code: "duplicate-key",
    level: None,
    summary: "a key appears twice in one object",
    doc: "Within one table or JSON object a key may appear once. TOML readers reject duplicates; \
         tokenc's JSON reader does too, where most JSON tools silently keep the last one. Both \
         places are shown; remove one. Across files, a later definition overriding an earlier \
         one is normal Resolver merging, not this error.",
};
