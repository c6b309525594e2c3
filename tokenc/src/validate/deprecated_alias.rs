//! `deprecated-alias`: a token aliases a deprecated token.

use super::Rule;
use crate::lints::Level;

/// The `deprecated-alias` rule.
pub const RULE: Rule = Rule {
    code: "deprecated-alias",
    level: Some(Level::Warn),
    summary: "a token aliases a deprecated token",
    doc: "A token that is not deprecated itself aliases one marked `$deprecated`. The help \
         repeats the deprecation message, which usually names the replacement.",
};

use crate::diagnostics::Diagnostic;
use crate::flatten::Deprecation;
use crate::model::visit_aliases;
use crate::resolve::Resolved;

/// Reports tokens that are not deprecated but alias a deprecated token.
pub fn check(resolved: &Resolved) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for token in &resolved.tokens {
        let (None, Some(value)) = (token.deprecated(), &token.value) else {
            continue;
        };
        let mut targets = Vec::new();
        visit_aliases(value, &mut |id| targets.push(id));
        for id in targets {
            let target = resolved.get(id);
            let Some(why) = target.deprecated() else {
                continue;
            };
            let mut d = Diagnostic::warning(
                RULE.code,
                format!(
                    "`{}` aliases the deprecated token `{}`",
                    token.path, target.path
                ),
            )
            .at(token.span, "")
            .with_secondary(target.span, "deprecated here");
            if let Deprecation::Because(why) = why {
                d = d.with_help(why.to_string());
            }
            out.push(d);
        }
    }
    out
}
