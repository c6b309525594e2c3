//! A spanned JSON reader (RFC 8259) that reports duplicate keys, limits nesting, and keeps numbers
//! that overflow a double as infinities so that they are rejected at the token that uses them.
//!
//! `serde_json::Value` keeps no spans and silently lets the last duplicate key win, which is why
//! tokenc has its own small reader; it is strict JSON otherwise.

use super::MAX_DEPTH;
use crate::diagnostics::Diagnostic;
use crate::raw::{Entry, Node, NodeKind};
use crate::source::{FileId, Span};
use compact_str::CompactString;

/// Parses a JSON document. A syntax error stops the reader (JSON has no safe resynchronisation
/// point); duplicate keys and lone surrogates are reported and reading goes on.
pub fn parse_json(file: FileId, text: &str) -> (Option<Node>, Vec<Diagnostic>) {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = Reader {
        file,
        bytes: text.as_bytes(),
        text,
        pos: start,
        diagnostics: Vec::new(),
        items: Vec::new(),
        entries: Vec::new(),
    };
    reader.skip_ws();
    let result = reader.value(0).and_then(|node| {
        reader.skip_ws();
        if reader.pos < reader.bytes.len() {
            Err(reader.error_here(
                "unexpected text after the JSON value",
                "expected end of file",
            ))
        } else {
            Ok(node)
        }
    });
    match result {
        Ok(node) => (Some(node), reader.diagnostics),
        Err(diagnostic) => {
            reader.diagnostics.push(*diagnostic);
            (None, reader.diagnostics)
        }
    }
}

struct Reader<'a> {
    file: FileId,
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    diagnostics: Vec<Diagnostic>,
    /// Items of the arrays being read, innermost last; each array takes its own off the end,
    /// into a slice of exactly its length.
    items: Vec<Node>,
    /// Entries of the objects being read, likewise.
    entries: Vec<Entry>,
}

type Result<T> = std::result::Result<T, Box<Diagnostic>>;

impl Reader<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start..end)
    }

    fn error_here(&self, message: &str, label: &str) -> Box<Diagnostic> {
        let end = self.char_end(self.pos);
        Box::new(
            Diagnostic::error("parse-error", format!("invalid JSON: {message}"))
                .at(self.span(self.pos, end), label),
        )
    }

    /// End of the character starting at `pos` (so spans never split a UTF-8 sequence).
    fn char_end(&self, pos: usize) -> usize {
        if pos >= self.bytes.len() {
            return self.bytes.len();
        }
        let mut end = pos + 1;
        while end < self.bytes.len() && !self.text.is_char_boundary(end) {
            end += 1;
        }
        end
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node> {
        if depth > MAX_DEPTH {
            return Err(Box::new(
                Diagnostic::error(
                    "nesting-too-deep",
                    format!("objects and arrays are nested more than {MAX_DEPTH} levels deep"),
                )
                .at(self.span(self.pos, self.pos + 1), "too deep here")
                .with_help("flatten the group structure"),
            ));
        }
        match self.bytes.get(self.pos) {
            None => Err(self.error_here("unexpected end of file", "expected a value")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let start = self.pos;
                let s = self.string()?;
                Ok(Node {
                    kind: NodeKind::String(s),
                    span: self.span(start, self.pos),
                })
            }
            Some(b't') => self.literal("true", NodeKind::Bool(true)),
            Some(b'f') => self.literal("false", NodeKind::Bool(false)),
            Some(b'n') => self.literal("null", NodeKind::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error_here("unexpected character", "expected a value")),
        }
    }

    fn literal(&mut self, word: &str, kind: NodeKind) -> Result<Node> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            let start = self.pos;
            self.pos += word.len();
            Ok(Node {
                kind,
                span: self.span(start, self.pos),
            })
        } else {
            Err(self.error_here("unexpected word", "expected a value"))
        }
    }

    fn number(&mut self) -> Result<Node> {
        let start = self.pos;
        let b = self.bytes;
        let mut p = self.pos;
        if b.get(p) == Some(&b'-') {
            p += 1;
        }
        match b.get(p) {
            Some(b'0') => p += 1,
            Some(b'1'..=b'9') => {
                while matches!(b.get(p), Some(b'0'..=b'9')) {
                    p += 1;
                }
            }
            _ => {
                self.pos = p;
                return Err(self.error_here("malformed number", "expected a digit"));
            }
        }
        if b.get(p) == Some(&b'.') {
            p += 1;
            if !matches!(b.get(p), Some(b'0'..=b'9')) {
                self.pos = p;
                return Err(self.error_here("malformed number", "expected a digit after `.`"));
            }
            while matches!(b.get(p), Some(b'0'..=b'9')) {
                p += 1;
            }
        }
        if matches!(b.get(p), Some(b'e' | b'E')) {
            p += 1;
            if matches!(b.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if !matches!(b.get(p), Some(b'0'..=b'9')) {
                self.pos = p;
                return Err(self.error_here("malformed number", "expected an exponent"));
            }
            while matches!(b.get(p), Some(b'0'..=b'9')) {
                p += 1;
            }
        }
        self.pos = p;
        // The grammar above guarantees a valid float literal; overflow gives ±infinity.
        let value = self.text[start..p].parse::<f64>().unwrap_or(f64::NAN);
        Ok(Node {
            kind: NodeKind::Number(value),
            span: self.span(start, p),
        })
    }

    /// A string; short ones (most keys and values) are stored inline, and one without escapes
    /// is copied once from the text.
    fn string(&mut self) -> Result<CompactString> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            let Some(&byte) = self.bytes.get(self.pos) else {
                return Err(Box::new(
                    Diagnostic::error("parse-error", "invalid JSON: unterminated string")
                        .at(self.span(open, open + 1), "string starts here"),
                ));
            };
            match byte {
                b'"' => {
                    let run = &self.text[run_start..self.pos];
                    self.pos += 1;
                    if out.is_empty() {
                        return Ok(CompactString::new(run));
                    }
                    out.push_str(run);
                    return Ok(out.into());
                }
                b'\\' => {
                    out.push_str(&self.text[run_start..self.pos]);
                    self.escape(&mut out)?;
                    run_start = self.pos;
                }
                0..=0x1f => {
                    return Err(self.error_here(
                        "control character in a string",
                        "write it as an escape such as \\n or \\u0009",
                    ));
                }
                _ => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let start = self.pos;
        self.pos += 1;
        let Some(&kind) = self.bytes.get(self.pos) else {
            return Err(self.error_here("unterminated escape", "expected an escape"));
        };
        self.pos += 1;
        match kind {
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'/' => out.push('/'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first)
                    && self.bytes[self.pos..].starts_with(b"\\u")
                {
                    let save = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else {
                        self.pos = save;
                        first
                    }
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(c) => out.push(c),
                    None => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                "invalid-value",
                                "a lone UTF-16 surrogate cannot be represented",
                            )
                            .at(self.span(start, self.pos), "lone surrogate")
                            .with_help("use a complete surrogate pair or the character itself"),
                        );
                        out.push('\u{fffd}');
                    }
                }
            }
            _ => {
                self.pos = start;
                return Err(self.error_here("unknown escape", "not a JSON escape"));
            }
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4);
        let value = digits
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        match value {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.error_here("malformed \\u escape", "expected four hex digits")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node> {
        let start = self.pos;
        self.pos += 1;
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Node {
                kind: NodeKind::Array(Box::default()),
                span: self.span(start, self.pos),
            });
        }
        let base = self.items.len();
        loop {
            self.skip_ws();
            let item = self.value(depth + 1)?;
            self.items.push(item);
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node {
                        kind: NodeKind::Array(self.items.drain(base..).collect()),
                        span: self.span(start, self.pos),
                    });
                }
                _ => return Err(self.error_here("expected `,` or `]`", "in this array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Node> {
        let start = self.pos;
        self.pos += 1;
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Node {
                kind: NodeKind::Object(Box::default()),
                span: self.span(start, self.pos),
            });
        }
        let base = self.entries.len();
        // Duplicate keys: a scan while the object is small (most are), a map once it is big.
        let mut seen: Option<foldhash::HashMap<CompactString, usize>> = None;
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.error_here("expected a string key", "keys are quoted strings"));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = self.span(key_start, self.pos);
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b':') {
                return Err(self.error_here("expected `:` after the key", "expected `:`"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            let entries = &self.entries[base..];
            let earlier = if entries.len() < 16 {
                entries.iter().position(|e| e.key == key)
            } else {
                seen.get_or_insert_with(|| {
                    entries
                        .iter()
                        .enumerate()
                        .map(|(i, e)| (e.key.clone(), i))
                        .collect()
                })
                .get(&key)
                .copied()
            };
            match earlier {
                Some(index) => {
                    let first: &Entry = &entries[index];
                    self.diagnostics.push(
                        Diagnostic::error("duplicate-key", format!("duplicate key `{key}`"))
                            .at(key_span, "given again here")
                            .with_secondary(first.key_span, "first given here")
                            .with_help("remove one of them; the first is used"),
                    );
                }
                None => {
                    if let Some(seen) = &mut seen {
                        seen.insert(key.clone(), entries.len());
                    }
                    self.entries.push(Entry {
                        key,
                        key_span,
                        value,
                    });
                }
            }
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Node {
                        kind: NodeKind::Object(self.entries.drain(base..).collect()),
                        span: self.span(start, self.pos),
                    });
                }
                _ => return Err(self.error_here("expected `,` or `}`", "in this object")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<Node>, Vec<Diagnostic>) {
        parse_json(FileId(0), text)
    }

    #[test]
    fn reads_values_with_spans() {
        let text = r#"{"a": {"$value": [1, -2.5e1, "x\u00e9\ud83d\ude00", true, null]}}"#;
        let (root, diags) = parse(text);
        assert!(diags.is_empty(), "{diags:?}");
        let root = root.unwrap();
        let value = &root.get("a").unwrap().value.get("$value").unwrap().value;
        let items = value.as_array().unwrap();
        assert_eq!(items[1].as_f64(), Some(-25.0));
        assert_eq!(items[2].as_str(), Some("xé😀"));
        assert_eq!(&text[items[1].span.range()], "-2.5e1");
    }

    #[test]
    fn duplicate_keys_are_found_in_big_objects_too() {
        // Past 16 keys the reader switches from a scan to a map: both must see repeats.
        let mut keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        keys.insert(10, "\"k3\": 99".into());
        keys.push("\"k3\": 100".into());
        keys.push("\"k25\": 101".into());
        let (root, diags) = parse(&format!("{{{}}}", keys.join(", ")));
        let root = root.unwrap();
        assert_eq!(root.as_object().unwrap().len(), 40);
        assert_eq!(root.get("k3").unwrap().value.as_f64(), Some(3.0));
        assert_eq!(root.get("k25").unwrap().value.as_f64(), Some(25.0));
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["duplicate-key"; 3]);
    }

    #[test]
    fn duplicate_keys_keep_the_first() {
        let (root, diags) = parse(r#"{"a": 1, "a": 2}"#);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "duplicate-key");
        assert_eq!(root.unwrap().get("a").unwrap().value.as_f64(), Some(1.0));
    }

    #[test]
    fn huge_numbers_become_infinite() {
        let (root, diags) = parse(r#"[1e400]"#);
        assert!(diags.is_empty());
        assert_eq!(
            root.unwrap().as_array().unwrap()[0].as_f64(),
            Some(f64::INFINITY)
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let (root, diags) = parse(&text);
        assert!(root.is_none());
        assert_eq!(diags[0].code, "nesting-too-deep");
    }

    #[test]
    fn syntax_errors_are_located() {
        for bad in [
            "{",
            "{\"a\" 1}",
            "[1,]",
            "\"abc",
            "{\"a\":1} x",
            "NaN",
            "[01]",
            "\"\t\"",
        ] {
            let (root, diags) = parse(bad);
            assert!(root.is_none(), "{bad}");
            assert!(diags.iter().any(|d| d.primary.is_some()), "{bad}");
        }
    }

    #[test]
    fn bom_is_skipped() {
        let (root, diags) = parse("\u{feff}{}");
        assert!(diags.is_empty());
        assert!(root.is_some());
    }
}
