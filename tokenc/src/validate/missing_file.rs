//! `missing-file`: a `$ref` names a file that cannot be read.

use super::Rule;

/// The `missing-file` rule.
pub const RULE: Rule = Rule {
    code: "missing-file",
    level: None,
    summary: "a `$ref` names a file that cannot be read",
    doc: "The referenced file does not exist, is a folder, or is not UTF-8. Paths in `$ref` are \
         relative to the file that contains them.",
};
