//! `name-collision`: two tokens map to one CSS or Rust name.

use super::Rule;

/// The `name-collision` rule.
pub const RULE: Rule = Rule {
    code: "name-collision",
    level: None,
    summary: "two tokens map to one CSS or Rust name",
    doc: "Token paths become CSS custom properties (`color.bg` becomes `--crust-color-bg`) and \
         Rust constants (`color::BG`). Names that differ only by case or separators can \
         collide: `a-b.c` and `a.b-c` are both `--a-b-c`, `Fg` and `fg` are both `FG` in Rust. \
         Rename one. A top-level group named `kind` is reserved in Rust output.",
};
