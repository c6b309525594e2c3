//! `invalid-dimension`: a dimension value is invalid.

use super::Rule;

/// The `invalid-dimension` rule.
pub const RULE: Rule = Rule {
    code: "invalid-dimension",
    level: None,
    summary: "a dimension value is invalid",
    doc: "Dimensions are `{ value, unit }` objects with unit `px` or `rem`; the unit is required \
         even for zero. Legacy strings such as `16px` get the object to write instead. CSS \
         units outside the spec are `unit-not-in-spec`; anything else is this error.",
};
