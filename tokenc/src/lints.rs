//! Lint levels: the relaxable diagnostics, their defaults, and how `[rules]` in `tokenc.toml`
//! and `--allow/--warn/--deny` change them. Hard errors are never relaxable.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Severity, did_you_mean};

/// What to do with a lint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Drop it.
    Allow,
    /// Report it as a warning.
    Warn,
    /// Report it as an error (the build fails).
    Deny,
}

impl Level {
    /// Parses `allow`, `warn` or `deny`.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "allow" => Some(Level::Allow),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        }
    }
}

/// Every relaxable lint with its default level.
pub fn lints() -> impl Iterator<Item = (&'static str, Level)> {
    crate::validate::RULES
        .iter()
        .filter_map(|r| r.level.map(|l| (r.code, l)))
}

/// Levels chosen by the config and the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Levels(HashMap<String, Level>);

impl Levels {
    /// Sets the level of `code`. Unknown codes and hard errors are refused with an explanation.
    pub fn set(&mut self, code: &str, level: Level) -> Result<(), String> {
        match crate::validate::rule(code) {
            Some(rule) if rule.level.is_some() => {
                self.0.insert(code.to_string(), level);
                return Ok(());
            }
            Some(_) => return Err(format!("`{code}` is a hard error and cannot be relaxed")),
            None => {}
        }
        let hint = did_you_mean(code, lints().map(|(c, _)| c))
            .map(|m| format!("; did you mean `{m}`?"))
            .unwrap_or_else(|| {
                format!(
                    "; lints are: {}",
                    lints().map(|(c, _)| c).collect::<Vec<_>>().join(", ")
                )
            });
        Err(format!("unknown lint `{code}`{hint}"))
    }

    /// Takes the level of every code this set does not choose itself from `base`.
    pub fn inherit(&mut self, base: &Levels) {
        for (code, level) in &base.0 {
            self.0.entry(code.clone()).or_insert(*level);
        }
    }

    /// The level of `code` if it is a lint.
    pub fn level(&self, code: &str) -> Option<Level> {
        let default = crate::validate::rule(code)?.level?;
        Some(self.0.get(code).copied().unwrap_or(default))
    }

    /// Applies the levels: allowed lints are dropped, the others get their severity.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut d| {
                match self.level(d.code) {
                    Some(Level::Allow) => return None,
                    Some(Level::Warn) => d.severity = Severity::Warning,
                    Some(Level::Deny) => d.severity = Severity::Error,
                    None => {}
                }
                Some(d)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        let mut levels = Levels::default();
        assert!(
            levels
                .set("alias-cycle", Level::Allow)
                .unwrap_err()
                .contains("hard error")
        );
        assert!(
            levels
                .set("unit-not-in-specc", Level::Warn)
                .unwrap_err()
                .contains("did you mean `unit-not-in-spec`?")
        );
        levels.set("unit-not-in-spec", Level::Warn).unwrap();
        levels.set("overlapping-modifiers", Level::Allow).unwrap();
        let diags = vec![
            Diagnostic::error("unit-not-in-spec", "a"),
            Diagnostic::warning("overlapping-modifiers", "b"),
            Diagnostic::error("alias-cycle", "c"),
        ];
        let out = levels.apply(diags);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[1].severity, Severity::Error);
    }
}
