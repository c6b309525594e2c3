//! `missing-input`: a modifier has no default and no `--input`.

use super::Rule;

/// The `missing-input` rule.
pub const RULE: Rule = Rule {
    code: "missing-input",
    level: None,
    summary: "a modifier has no default and no `--input`",
    doc: "A modifier without `default` needs an input to choose a context: `--input theme=dark`. \
         Resolution goes on without that modifier's sources, so every token that does not \
         depend on it is still resolved and printed.",
};
