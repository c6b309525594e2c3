//! `missing-required-token`: a token a consumer's manifest requires is missing or retyped.

use super::Rule;

/// The `missing-required-token` rule.
pub const RULE: Rule = Rule {
    code: "missing-required-token",
    level: None,
    summary: "a token that a required-token manifest lists is missing, has another type, or the prefix differs",
    doc: "A token set that re-brands crust-ui (or any other consumer of the stylesheet) names the \
         consumer's manifest under `require` in tokenc.toml, for example \
         `require = [\"../crust/components/tokens.required.toml\"]`. Every build then checks \
         that each token the manifest lists is defined with the listed type, and that the set \
         is built with the prefix the consumer's CSS reads. The error is located at the \
         manifest entry and names the token; a retyped token also points at its definition. \
         Define the token (or keep the source file that defines it in the resolver), or give it \
         the listed type.",
};
