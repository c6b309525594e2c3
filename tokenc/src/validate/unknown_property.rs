//! `unknown-property`: a plain key beside `$value`, such as a tool's `alpha`.

use super::Rule;
use crate::lints::Level;

/// The `unknown-property` rule.
pub const RULE: Rule = Rule {
    code: "unknown-property",
    level: Some(Level::Warn),
    summary: "a plain key beside `$value`, such as a tool's `alpha`",
    doc: "A token object holds `$`-properties only. Some exports put plain keys next to `$value` \
         (for example `alpha = 0.4`); tokenc ignores them and warns, and the token still \
         resolves. Move such data into `$extensions`. Keys written next to a `$ref` where the \
         Resolver module allows no override are reported the same way.",
};
