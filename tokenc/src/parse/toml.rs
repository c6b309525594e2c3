//! TOML reader: `toml::de::DeTable` (spans on every key and value) → [`Node`].

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::MAX_DEPTH;
use crate::diagnostics::Diagnostic;
use crate::raw::{Entry, Node, NodeKind};
use crate::source::{FileId, Span};

/// Parses a TOML document. Syntax errors are reported with their location; the part of the
/// document that parsed is still returned so that its tokens are checked too.
pub fn parse_toml(file: FileId, text: &str) -> (Option<Node>, Vec<Diagnostic>) {
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let offset = text.len() - text_no_bom.len();
    let (table, errors) = DeTable::parse_recoverable(text_no_bom);
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut reported_at = std::collections::HashSet::new();
    for error in &errors {
        let span = error
            .span()
            .map(|r| Span::new(file, r.start + offset..r.end + offset))
            .unwrap_or(Span::new(file, offset..offset));
        let message = error.message().trim().to_string();
        let code = if message.contains("duplicate key") {
            "duplicate-key"
        } else {
            "parse-error"
        };
        // The recovering parser can report one mistake twice at one place.
        if !reported_at.insert(span.start) {
            continue;
        }
        // The TOML reader's own depth guard: say it in tokenc's words. For a header or dotted
        // key it points at the start of the document: then at the line that nests instead.
        if message.contains("recurs") {
            let span = if span.start as usize == offset {
                let at = deepest_line(text_no_bom) + offset;
                Span::new(file, at..at + 1)
            } else {
                span
            };
            diagnostics.push(
                Diagnostic::error(
                    "nesting-too-deep",
                    "tables, arrays or dotted keys are nested too deeply to read",
                )
                .at(span, "too deep here")
                .with_help("flatten the group structure"),
            );
            continue;
        }
        diagnostics.push(
            Diagnostic::error(code, format!("invalid TOML: {}", first_line(&message))).at(span, ""),
        );
    }
    let mut converter = Converter {
        file,
        offset,
        diagnostics,
        too_deep: false,
    };
    let span = table.span();
    let mut root = converter.table(table.into_inner(), span, 0);
    // What the parser recovered around a syntax error is a guess: drop the entries on the lines
    // of the errors, so that the guess is not reported again as a token problem.
    let mut error_offsets: Vec<usize> = converter
        .diagnostics
        .iter()
        .filter(|d| d.code == "parse-error")
        .filter_map(|d| d.primary.as_ref().map(|l| l.span.start as usize))
        .collect();
    error_offsets.sort_unstable();
    if !error_offsets.is_empty() {
        prune(&mut root, text, &error_offsets);
    }
    (Some(root), cap_syntax_errors(converter.diagnostics))
}

/// Syntax errors reported per file; the recovering parser can find thousands in a mangled one.
const MAX_SYNTAX_ERRORS: usize = 20;

/// Keeps the first [`MAX_SYNTAX_ERRORS`] syntax errors and says how many more there are.
fn cap_syntax_errors(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let is_syntax = |d: &Diagnostic| d.code == "parse-error" || d.code == "duplicate-key";
    let syntax = diagnostics.iter().filter(|d| is_syntax(d)).count();
    if syntax <= MAX_SYNTAX_ERRORS {
        return diagnostics;
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut seen = 0;
    for d in diagnostics {
        if is_syntax(&d) {
            seen += 1;
            if seen == MAX_SYNTAX_ERRORS + 1 {
                let more = syntax - MAX_SYNTAX_ERRORS;
                let mut summary = Diagnostic::error(
                    "parse-error",
                    format!("invalid TOML: {more} more syntax errors from here on"),
                )
                .with_help("fix the first errors and run again; later ones often follow from them");
                if let Some(p) = &d.primary {
                    summary = summary.at(p.span, "the next one is here");
                }
                kept.push(summary);
            }
            if seen > MAX_SYNTAX_ERRORS {
                continue;
            }
        }
        kept.push(d);
    }
    kept
}

/// Whether a sorted list of offsets has one in `range`.
fn any_in(errors: &[usize], range: std::ops::RangeInclusive<usize>) -> bool {
    let i = errors.partition_point(|&o| o < *range.start());
    errors.get(i).is_some_and(|o| range.contains(o))
}

/// Removes entries whose text (from the key to the end of the value's last line) holds an error
/// (`errors` sorted).
fn prune(node: &mut Node, text: &str, errors: &[usize]) {
    if let NodeKind::Object(boxed) = &mut node.kind {
        let mut entries = std::mem::take(boxed).into_vec();
        entries.retain(|e| {
            let start = e.key_span.start as usize;
            let end = e.value.span.end as usize;
            let line_end = text[end.min(text.len())..]
                .find('\n')
                .map_or(text.len(), |i| end + i);
            !any_in(errors, start..=line_end)
                || matches!(e.value.kind, NodeKind::Object(_)) && !covers_key_line(e, text, errors)
        });
        for e in entries.iter_mut() {
            prune(&mut e.value, text, errors);
        }
        *boxed = entries.into_boxed_slice();
    }
}

/// Whether an error sits on the line of an entry's key (the table header or `key = {` line).
fn covers_key_line(e: &Entry, text: &str, errors: &[usize]) -> bool {
    let start = e.key_span.start as usize;
    let line_start = text[..start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[start.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| start + i);
    any_in(errors, line_start..=line_end)
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

struct Converter {
    file: FileId,
    offset: usize,
    diagnostics: Vec<Diagnostic>,
    too_deep: bool,
}

impl Converter {
    fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(
            self.file,
            range.start + self.offset..range.end + self.offset,
        )
    }

    fn table(&mut self, table: DeTable<'_>, range: std::ops::Range<usize>, depth: usize) -> Node {
        let span = self.span(range);
        if depth > MAX_DEPTH {
            return self.deep(span);
        }
        let mut entries = Vec::with_capacity(table.len());
        for (key, value) in table {
            let key_span = self.span(key.span());
            // Too deep: located at the key, since a table opened by a long `[a.b.c…]` header or
            // dotted key has no span of its own.
            let value = if depth + 1 > MAX_DEPTH {
                self.deep(key_span)
            } else {
                self.value(value, depth + 1)
            };
            entries.push(Entry {
                key: key.into_inner().into(),
                key_span,
                value,
            });
        }
        Node {
            kind: NodeKind::Object(entries.into()),
            span,
        }
    }

    fn deep(&mut self, span: Span) -> Node {
        if !self.too_deep {
            self.too_deep = true;
            self.diagnostics.push(
                Diagnostic::error(
                    "nesting-too-deep",
                    format!("tables and arrays are nested more than {MAX_DEPTH} levels deep"),
                )
                .at(span, "too deep here")
                .with_help("flatten the group structure; deeper values are ignored"),
            );
        }
        Node {
            kind: NodeKind::Null,
            span,
        }
    }

    fn value(&mut self, value: Spanned<DeValue<'_>>, depth: usize) -> Node {
        let range = value.span();
        let span = self.span(range.clone());
        if depth > MAX_DEPTH {
            return self.deep(span);
        }
        let kind = match value.into_inner() {
            DeValue::String(s) => NodeKind::String(s.into()),
            DeValue::Integer(i) => {
                let (n, exact) = parse_integer(i.as_str(), i.radix());
                if !exact {
                    self.diagnostics.push(
                        Diagnostic::error(
                            "parse-error",
                            "invalid TOML: this integer is outside the 64-bit range TOML allows",
                        )
                        .at(span, "too big")
                        .with_help("write it as a float (`1e23`) if you mean a number this large"),
                    );
                }
                NodeKind::Number(n)
            }
            DeValue::Float(f) => NodeKind::Number(parse_float(f.as_str())),
            DeValue::Boolean(b) => NodeKind::Bool(b),
            DeValue::Datetime(_) => {
                self.diagnostics.push(
                    Diagnostic::error("invalid-value", "date-time values have no DTCG meaning")
                        .at(span, "a TOML date-time")
                        .with_help("write a number or a string instead"),
                );
                NodeKind::Null
            }
            DeValue::Array(array) => {
                let mut items = Vec::with_capacity(array.len());
                for item in array.iter().cloned() {
                    items.push(self.value(item, depth + 1));
                }
                NodeKind::Array(items.into())
            }
            DeValue::Table(table) => return self.table(table, range, depth),
        };
        Node { kind, span }
    }
}

/// Where the line with the most nesting characters (`.`, `[`, `{`) starts: where a document
/// too deep for the TOML reader goes deep.
fn deepest_line(text: &str) -> usize {
    let mut best = (0, 0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let depth = line
            .bytes()
            .filter(|b| matches!(b, b'.' | b'[' | b'{'))
            .count();
        if depth > best.0 {
            best = (depth, start);
        }
        start += line.len();
    }
    best.1
}

/// The integer's value, and whether it fits the 64-bit range TOML allows (TOML says a reader
/// must reject one that does not).
fn parse_integer(text: &str, radix: u32) -> (f64, bool) {
    let digits: String = text.chars().filter(|c| *c != '_').collect();
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, digits.trim_start_matches('+').to_string()),
    };
    let digits = if radix == 10 {
        digits
    } else {
        digits.get(2..).unwrap_or("").to_string()
    };
    let (magnitude, exact) = match i128::from_str_radix(&digits, radix) {
        Ok(v) => (v as f64, v <= i128::from(i64::MAX) + i128::from(negative)),
        Err(_) => (digits.parse::<f64>().unwrap_or(f64::INFINITY), false),
    };
    (if negative { -magnitude } else { magnitude }, exact)
}

fn parse_float(text: &str) -> f64 {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    match cleaned.as_str() {
        "inf" | "+inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" | "+nan" | "-nan" => f64::NAN,
        other => other.parse().unwrap_or(f64::NAN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_integer("1_000", 10), (1000.0, true));
        assert_eq!(parse_integer("-42", 10), (-42.0, true));
        assert_eq!(parse_integer("0xff", 16), (255.0, true));
        assert!(parse_integer("9223372036854775807", 10).1);
        assert!(parse_integer("-9223372036854775808", 10).1);
        assert!(!parse_integer("9223372036854775808", 10).1);
        assert!(!parse_integer("99999999999999999999999", 10).1);
        assert_eq!(parse_float("1e400"), f64::INFINITY);
        assert!(parse_float("nan").is_nan());
    }

    #[test]
    fn spans_point_at_values() {
        let text = "[a]\nb = { \"$value\" = 3 }\n";
        let (root, diags) = parse_toml(FileId(0), text);
        assert!(diags.is_empty());
        let root = root.unwrap();
        let b = &root.get("a").unwrap().value.get("b").unwrap().value;
        let v = &b.get("$value").unwrap().value;
        assert_eq!(&text[v.span.range()], "3");
        assert_eq!(v.as_f64(), Some(3.0));
    }

    #[test]
    fn duplicate_keys_are_located() {
        let text = "a = 1\na = 2\n";
        let (_, diags) = parse_toml(FileId(0), text);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "duplicate-key");
    }
}
