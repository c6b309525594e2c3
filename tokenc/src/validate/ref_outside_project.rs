//! `ref-outside-project`: a `$ref` reaches outside the project folder and its roots.

use super::Rule;

/// The `ref-outside-project` rule.
pub const RULE: Rule = Rule {
    code: "ref-outside-project",
    level: None,
    summary: "a `$ref` reaches outside the project folder and its roots",
    doc: "tokenc reads source files only from the project folder (the folder of `tokenc.toml`, \
         or of the resolver with `--resolver`) and the folders listed in `roots`. Paths that \
         leave it (`../`, absolute paths, symbolic links pointing out) and URLs are refused, so \
         a token file cannot make tokenc read arbitrary files. List the folder in `roots` to \
         allow it.",
};
