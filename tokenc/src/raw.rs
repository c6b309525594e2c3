//! The raw tree: what a TOML or JSON file says, with a byte span on every key and value.
//!
//! Both readers produce this one model, so every later stage (and every diagnostic) works the
//! same for both formats. A big file's tree lives for the whole build, so it is compact: arrays
//! and objects are boxed slices of exactly their length, and keys and strings of up to 24 bytes
//! (nearly all of them) are stored inline, without an allocation of their own.

use crate::source::Span;
use compact_str::CompactString;

/// A value with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// What the value is.
    pub kind: NodeKind,
    /// Where it is written.
    pub span: Span,
}

/// The kinds of raw values (the JSON data model; TOML has no `Null`).
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// JSON `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number. Out-of-range literals such as `1e400` are kept as infinities so that the
    /// token using them gets a located error instead of the whole file failing.
    Number(f64),
    /// A string.
    String(CompactString),
    /// An array.
    Array(Box<[Node]>),
    /// An object, entries in source order.
    Object(Box<[Entry]>),
}

/// One key of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key as written (unescaped).
    pub key: CompactString,
    /// Where the key is written.
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

impl Node {
    /// The entries, if this is an object.
    pub fn as_object(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self.kind {
            NodeKind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The entry named `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.as_object()?.iter().find(|e| e.key == key)
    }

    /// A short name of the kind, for messages (`a string`, `an object`…).
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Number(_) => "a number",
            NodeKind::String(_) => "a string",
            NodeKind::Array(_) => "an array",
            NodeKind::Object(_) => "an object",
        }
    }
}
