//! `lossy-conversion`: a value the target format of `tokenc import` cannot hold.

use super::Rule;
use crate::lints::Level;

/// The `lossy-conversion` rule.
pub const RULE: Rule = Rule {
    code: "lossy-conversion",
    level: Some(Level::Warn),
    summary: "`tokenc import` left out a JSON `null`, which TOML cannot hold",
    doc: "TOML has no null, so `tokenc import` leaves out every `null` of the JSON file (most \
         often inside `$extensions`, where other tools keep empty settings) and warns at each. \
         The rest of the file converts unchanged. If the value matters to a tool, give it a value \
         TOML can hold, such as `false` or an empty string, in the TOML file.",
};
