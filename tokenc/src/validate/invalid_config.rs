//! `invalid-config`: `tokenc.toml` is malformed.

use super::Rule;

/// The `invalid-config` rule.
pub const RULE: Rule = Rule {
    code: "invalid-config",
    level: None,
    summary: "`tokenc.toml` is malformed",
    doc: "The configuration has an unknown key (with a did-you-mean), a value of the wrong kind, \
         an invalid browserslist query, a selector lightningcss cannot parse, a contrast rule \
         that matches no token, a lint level other than allow, warn or deny, or names a \
         resolver file that does not exist. Paths in it are relative to its own folder.",
};
