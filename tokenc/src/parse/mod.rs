//! Parse: TOML or JSON text → [`Node`] tree with spans.
//!
//! Readers never stop at the first problem they can recover from, and never panic: nesting is
//! limited to [`MAX_DEPTH`] levels, duplicate keys are errors showing both spans, and numbers
//! that do not fit a double become infinities for the typed stage to reject at the token.

mod json;
mod toml;

use crate::diagnostics::Diagnostic;
use crate::raw::Node;
use crate::source::FileId;

pub use json::parse_json;
pub use toml::parse_toml;

/// Deepest nesting of objects and arrays accepted in one file.
pub const MAX_DEPTH: usize = 256;

/// The format of a source file, chosen by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `*.toml`
    Toml,
    /// `*.json` (and `*.tokens`)
    Json,
}

impl Format {
    /// `Json` for `.json`/`.tokens` names, `Toml` otherwise.
    pub fn of(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") | Some("tokens") => Format::Json,
            _ => Format::Toml,
        }
    }
}

/// Parses `text` in `format`. Returns the root (when the file could be read at all) and every
/// problem found.
pub fn parse(file: FileId, text: &str, format: Format) -> (Option<Node>, Vec<Diagnostic>) {
    match format {
        Format::Toml => parse_toml(file, text),
        Format::Json => parse_json(file, text),
    }
}
