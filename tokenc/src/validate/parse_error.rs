//! `parse-error`: a TOML or JSON file is malformed.

use super::Rule;

/// The `parse-error` rule.
pub const RULE: Rule = Rule {
    code: "parse-error",
    level: None,
    summary: "a TOML or JSON file is malformed",
    doc: "The file is not valid TOML or JSON: a missing quote, comma or bracket, a value TOML \
         cannot hold (such as a date-time), or text after the end of a JSON document. The \
         diagnostic points at the first character the reader could not accept. Nothing in an \
         unreadable JSON file is checked further; TOML recovers where it can, so later problems \
         in the same file are still reported.",
};
