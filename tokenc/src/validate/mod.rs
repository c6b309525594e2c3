//! Validation rules: one file per diagnostic code, each with its default level and the
//! paragraph that the diagnostics reference (`docs/diagnostics.md`) is generated from.
//!
//! Most rules are checked where the problem is found (parse, load, resolve, emit); the lints
//! that look across resolved tokens have a `check` function here and run after resolution.

pub mod alias_cycle;
pub mod apca_contrast;
pub mod confusable_name;
pub mod contrast;
pub mod deprecated_alias;
pub mod deprecated_token;
pub mod duplicate_key;
pub mod hex_fallback_mismatch;
pub mod invalid_color;
pub mod invalid_config;
pub mod invalid_css_override;
pub mod invalid_dimension;
pub mod invalid_duration;
pub mod invalid_name;
pub mod invalid_resolver;
pub mod invalid_value;
pub mod lossy_conversion;
pub mod missing_file;
pub mod missing_input;
pub mod missing_required_token;
pub mod missing_type;
pub mod name_collision;
pub mod nesting_too_deep;
pub mod overlapping_modifiers;
pub mod parse_error;
pub mod raw_color;
pub mod raw_length;
pub mod ref_outside_project;
pub mod shadowed_token;
pub mod single_context_modifier;
pub mod stale_output;
pub mod too_many_permutations;
pub mod type_mismatch;
pub mod unit_not_in_spec;
pub mod unknown_alias;
pub mod unknown_dtcg_property;
pub mod unknown_property;
pub mod unknown_type;
pub mod value_with_children;

use crate::diagnostics::Diagnostic;
use crate::lints::Level;
use crate::resolve::Resolved;

/// A diagnostic code and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable code, e.g. `unknown-alias`.
    pub code: &'static str,
    /// Default level of a relaxable lint; `None` for a hard error.
    pub level: Option<Level>,
    /// One line.
    pub summary: &'static str,
    /// One paragraph: what it means and how to fix it.
    pub doc: &'static str,
}

/// Every rule, in the order the reference lists them.
pub const RULES: &[&Rule] = &[
    &parse_error::RULE,
    &duplicate_key::RULE,
    &nesting_too_deep::RULE,
    &unknown_type::RULE,
    &missing_type::RULE,
    &unknown_dtcg_property::RULE,
    &unknown_property::RULE,
    &value_with_children::RULE,
    &invalid_value::RULE,
    &invalid_color::RULE,
    &invalid_dimension::RULE,
    &invalid_duration::RULE,
    &invalid_name::RULE,
    &unknown_alias::RULE,
    &alias_cycle::RULE,
    &type_mismatch::RULE,
    &name_collision::RULE,
    &ref_outside_project::RULE,
    &missing_file::RULE,
    &invalid_resolver::RULE,
    &missing_input::RULE,
    &too_many_permutations::RULE,
    &missing_required_token::RULE,
    &invalid_config::RULE,
    &invalid_css_override::RULE,
    &overlapping_modifiers::RULE,
    &single_context_modifier::RULE,
    &deprecated_alias::RULE,
    &hex_fallback_mismatch::RULE,
    &unit_not_in_spec::RULE,
    &stale_output::RULE,
    &lossy_conversion::RULE,
    &contrast::RULE,
    &apca_contrast::RULE,
    &confusable_name::RULE,
    &shadowed_token::RULE,
    &raw_color::RULE,
    &raw_length::RULE,
    &deprecated_token::RULE,
];

/// The rule with `code`.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
}

/// Lints that look across the resolved tokens of one permutation.
pub fn check_resolved(resolved: &Resolved, prefix: &str) -> Vec<Diagnostic> {
    let mut out = deprecated_alias::check(resolved);
    out.extend(confusable_name::check(resolved, prefix));
    out.extend(shadowed_token::check(resolved));
    out
}

/// The diagnostics reference in Markdown. `example(code)` gives a rendered example, if any.
pub fn reference_markdown(example: &dyn Fn(&str) -> Option<String>) -> String {
    use std::fmt::Write;
    let level = |r: &Rule| match r.level {
        None => "error (always)",
        Some(Level::Deny) => "error by default (relaxable)",
        Some(Level::Warn) => "warning by default (relaxable)",
        Some(Level::Allow) => "off by default (relaxable)",
    };
    let mut out = String::from(
        "<!-- @generated from tokenc/src/validate/*.rs by `cargo xtask regen`. Do not edit. -->\n\n\
         # Diagnostics reference\n\n\
         Every problem tokenc reports has a stable code. Errors fail the build (exit code 1) and \
         nothing is written; warnings are reported and the build goes on. Relaxable lints can be \
         set to `allow`, `warn` or `deny` in `[rules]` of `tokenc.toml` or with \
         `--allow/--warn/--deny CODE`; the other codes are always errors.\n\n\
         | code | level | meaning |\n|---|---|---|\n",
    );
    for r in RULES {
        let _ = writeln!(
            out,
            "| [`{}`](#{}) | {} | {} |",
            r.code,
            r.code,
            level(r),
            r.summary
        );
    }
    for r in RULES {
        let _ = write!(out, "\n## {}\n\n**{}.** {}\n", r.code, level(r), r.doc);
        if let Some(text) = example(r.code) {
            let _ = write!(out, "\nExample:\n\n```text\n{}```\n", text);
        }
    }
    out
}
