//! `shadowed-token`: a later source redefines a token.

use super::Rule;
use crate::lints::Level;

/// The `shadowed-token` rule.
pub const RULE: Rule = Rule {
    code: "shadowed-token",
    level: Some(Level::Allow),
    summary: "a later source redefines a token",
    doc: "In a resolver, later sources override earlier ones; that is how themes work. When \
         enabled, this lint shows both definitions, which helps when a token's value comes from \
         an unexpected file.",
};

use crate::diagnostics::Diagnostic;
use crate::resolve::Resolved;

/// Reports every token defined in more than one source, with all its definitions.
pub fn check(resolved: &Resolved) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for token in resolved.tokens.iter().filter(|t| !t.shadowed().is_empty()) {
        let mut d = Diagnostic::warning(
            RULE.code,
            format!(
                "`{}` is defined {} times; the last definition wins",
                token.path,
                token.shadowed().len() + 1
            ),
        )
        .at(token.span, "this definition wins");
        for span in token.shadowed() {
            d = d.with_secondary(*span, "overridden");
        }
        out.push(d);
    }
    out
}
