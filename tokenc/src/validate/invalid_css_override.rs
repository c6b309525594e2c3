//! `invalid-css-override`: a CSS override in `$extensions` is not one CSS value.

use super::Rule;

/// The `invalid-css-override` rule.
pub const RULE: Rule = Rule {
    code: "invalid-css-override",
    level: None,
    summary: "a CSS override in `$extensions` is not one CSS value",
    doc: "`$extensions.dev.crust.css` replaces a token's CSS, for values DTCG cannot express \
         such as `clamp()`. It must be a single CSS value that lightningcss parses: no `;`, \
         braces, `<` or `!`, so an override can never add rules to the stylesheet, and nothing \
         that loads or runs something (`url()`, `image-set()`, `expression()`…): tokens are \
         values, not resources.",
};
