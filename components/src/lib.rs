//! Crust UI: accessible Leptos components styled only by Crust's design tokens.
//!
//! This crate never reads token sources: it includes files that `tokenc` generates from
//! `tokens/` and that are committed beside it (`src/tokens.rs`, `styles/tokens.css`). A test in
//! `tests/` fails when either is stale.
//!
//! ```
//! use crust_ui::tokens::color;
//!
//! // Tokens print as `var(--…)`, ready for inline styles.
//! assert_eq!(color::bg::CANVAS.to_string(), "var(--crust-color-bg-canvas)");
//! assert_eq!(crust_ui::tokens::Theme::Dark.as_str(), "dark");
//! ```

pub mod tokens;

/// The generated token stylesheet: every token as a CSS custom property, per theme.
pub const TOKENS_CSS: &str = include_str!("../styles/tokens.css");
