//! `apca-contrast`: APCA lightness contrast of a declared pair (informational).

use super::Rule;
use crate::lints::Level;

/// The `apca-contrast` rule.
pub const RULE: Rule = Rule {
    code: "apca-contrast",
    level: Some(Level::Allow),
    summary: "APCA lightness contrast of a declared pair (informational)",
    doc: "When enabled (`--warn apca-contrast`), every declared pair also gets its APCA Lc \
         value, computed from the published APCA-W3 0.0.98G formula. APCA is advisory: it is \
         not part of WCAG 2, and its reference implementation carries licence terms of its own, \
         so it never fails a build.",
};
