//! `hex-fallback-mismatch`: a colour's `hex` differs from its components.

use super::Rule;
use crate::lints::Level;

/// The `hex-fallback-mismatch` rule.
pub const RULE: Rule = Rule {
    code: "hex-fallback-mismatch",
    level: Some(Level::Warn),
    summary: "a colour's `hex` differs from its components",
    doc: "The `hex` fallback of a colour is used for sRGB output. When it differs from what the \
         components give (after gamut mapping) by more than 1/255 in any channel, one of them \
         is probably stale; the message shows the value the components give.",
};
