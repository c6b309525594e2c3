//! `unknown-dtcg-property`: a `$`-key the DTCG format does not define.

use super::Rule;

/// The `unknown-dtcg-property` rule.
pub const RULE: Rule = Rule {
    code: "unknown-dtcg-property",
    level: None,
    summary: "a `$`-key the DTCG format does not define",
    doc: "Keys starting with `$` are reserved for the format (`$value`, `$type`, `$description`, \
         `$deprecated`, `$extensions`, `$extends`, `$root`). Any other `$`-key, such as a \
         misspelt `$valeu`, is an error with a did-you-mean. Tool data belongs in `$extensions` \
         under a namespace of its own.",
};
