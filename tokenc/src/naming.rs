//! The only place a token path becomes an identifier: CSS custom-property names and Rust names.

/// Rust keywords that need the raw form (`r#type`) as module names.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing `_`.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Path segments of a token as they appear in names (`$root` dropped).
fn segments(path: &str) -> impl Iterator<Item = &str> {
    dot_split(path).filter(|s| *s != "$root")
}

/// `path.split('.')`, testing each character: `str::split` with a `char` pattern calls
/// `memcmp` at every match, and this is a third faster on token paths.
#[expect(
    clippy::manual_pattern_char_comparison,
    reason = "the `char` pattern is the slower one"
)]
pub fn dot_split(path: &str) -> impl DoubleEndedIterator<Item = &str> {
    path.split(|c: char| c == '.')
}

/// The byte offset of the last `.` of `path` (see [`dot_split`]).
pub fn last_dot(path: &str) -> Option<usize> {
    path.bytes().rposition(|b| b == b'.')
}

/// The bytes a plain path is made of: ASCII letters, digits, `-`, `_` and the dots between
/// segments.
static PLAIN_PATH: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.';
        i += 1;
    }
    table
};

/// The CSS custom property of a token: `--{prefix}-{segments joined by -}`, case kept,
/// characters outside `[A-Za-z0-9_-]` (and non-ASCII) escaped as CSS identifier escapes.
pub fn css_var(prefix: &str, path: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + path.len() + 3);
    out.push_str("--");
    if !prefix.is_empty() {
        push_css_ident(&mut out, prefix);
    }
    // Nearly every path is plain ASCII without `$root`: copied byte by byte with its dots
    // turned into dashes (twice as fast as joining its segments).
    if path.bytes().all(|b| PLAIN_PATH[usize::from(b)]) {
        let mut bytes = out.into_bytes();
        if !prefix.is_empty() {
            bytes.push(b'-');
        }
        bytes.extend(path.bytes().map(|b| if b == b'.' { b'-' } else { b }));
        // ASCII replaced by ASCII: still UTF-8.
        return String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    }
    for (i, segment) in segments(path).enumerate() {
        if i > 0 || !prefix.is_empty() {
            out.push('-');
        }
        push_css_ident(&mut out, segment);
    }
    out
}

/// The name of one part of a composite token (`--crust-type-body-font-size`).
pub fn css_part_var(prefix: &str, path: &str, part: &str) -> String {
    format!("{}-{part}", css_var(prefix, path))
}

fn push_css_ident(out: &mut String, s: &str) {
    // Nearly every name needs no escape: copy it whole.
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        if c.is_ascii_alphanumeric()
            || c == '-'
            || c == '_'
            || (c as u32 >= 0x80 && !c.is_control())
        {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
}

/// Characters kept in Rust names: ASCII letters and digits, and non-ASCII identifier characters.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && unicode_ident::is_xid_continue(c))
}

/// Whether a Rust identifier may start with `c` (otherwise `_` is put in front).
fn starts_ident(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

/// `words(segment).join(sep)`, without the intermediate words when the segment is plain ASCII
/// with no capitals (almost every name), where words are simply the alphanumeric runs.
fn joined_words(segment: &str, sep: char) -> String {
    if !segment.is_ascii() || segment.bytes().any(|b| b.is_ascii_uppercase()) {
        return words(segment).join(&sep.to_string());
    }
    let mut out = String::with_capacity(segment.len());
    let mut pending = false;
    for c in segment.chars() {
        if c.is_ascii_alphanumeric() {
            if pending && !out.is_empty() {
                out.push(sep);
            }
            pending = false;
            out.push(c);
        } else {
            pending = true;
        }
    }
    out
}

/// Splits `bgColor`, `bg-color`, `bg_color` and `bg color` into lowercase words.
fn words(segment: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in segment.chars() {
        if !is_word_char(c) {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_numeric();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `name` in Unicode normalization form C, as rustc reads identifiers: `é` written as `e` and a
/// combining accent is the same Rust name as the precomposed `é`, so names are compared (and
/// written) composed.
fn nfc(name: String) -> String {
    if name.is_ascii() {
        return name;
    }
    use unicode_normalization::UnicodeNormalization;
    name.nfc().collect()
}

/// A Rust module name for a group segment (`bgColor` → `bg_color`, `500` → `_500`,
/// `type` → `r#type`).
pub fn rust_module(segment: &str) -> String {
    nfc(rust_module_raw(segment))
}

fn rust_module_raw(segment: &str) -> String {
    let mut name = joined_words(segment, '_');
    if name.is_empty() {
        name.push('_');
    }
    if !name.starts_with(starts_ident) {
        name.insert(0, '_');
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    } else if KEYWORDS.contains(&name.as_str()) {
        name.insert_str(0, "r#");
    }
    name
}

/// A Rust constant name for a token's last segment (`on-solid` → `ON_SOLID`, `$root` → `ROOT`).
pub fn rust_const(segment: &str) -> String {
    nfc(rust_const_raw(segment))
}

fn rust_const_raw(segment: &str) -> String {
    if segment == "$root" {
        return "ROOT".into();
    }
    let mut name = joined_words(segment, '_');
    if name.is_ascii() {
        name.make_ascii_uppercase();
    } else {
        name = name.to_uppercase();
    }
    if name.is_empty() {
        name.push('_');
    }
    if !name.starts_with(starts_ident) {
        name.insert(0, '_');
    }
    if name == "_" {
        name.push('_');
    }
    name
}

/// A Rust type or variant name (`high-contrast` → `HighContrast`).
pub fn rust_type(name: &str) -> String {
    nfc(rust_type_raw(name))
}

fn rust_type_raw(name: &str) -> String {
    let mut out: String = words(name)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(f) => f.to_uppercase().collect::<String>() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect();
    if out.is_empty() || !out.starts_with(starts_ident) {
        out.insert(0, '_');
    }
    if out == "Self" {
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn plain_segments_take_the_short_way_to_the_same_words() {
        for segment in [
            "bg",
            "bg-hover",
            "bg_color",
            "a--b",
            "-lead",
            "trail-",
            "500",
            "x 1",
            "bgColor",
            "HTMLElement",
            "ünïcode",
            "on-solid_2",
            "",
            "--",
            "$root",
        ] {
            assert_eq!(
                joined_words(segment, '_'),
                words(segment).join("_"),
                "{segment:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn css_names() {
        assert_eq!(
            css_var("crust", "color.bg.default"),
            "--crust-color-bg-default"
        );
        assert_eq!(
            css_var("crust", "color.accent.$root"),
            "--crust-color-accent"
        );
        assert_eq!(css_var("", "fgColor.muted"), "--fgColor-muted");
        assert_eq!(css_var("", "a b.c/d"), "--a\\20 b-c\\2f d");
        assert_eq!(css_var("x", "größe"), "--x-größe");
    }

    #[test]
    fn rust_names_are_composed_as_rustc_reads_them() {
        assert_eq!(rust_const("e\u{301}"), rust_const("é"));
        assert_eq!(rust_const("é"), "É");
        assert_eq!(rust_module("Cafe\u{301}"), "café");
        assert_eq!(rust_type("e\u{301}tat"), "État");
    }

    #[test]
    fn rust_names() {
        assert_eq!(rust_module("bgColor"), "bg_color");
        assert_eq!(rust_module("500"), "_500");
        assert_eq!(rust_module("type"), "r#type");
        assert_eq!(rust_module("self"), "self_");
        assert_eq!(rust_const("on-solid"), "ON_SOLID");
        assert_eq!(rust_const("$root"), "ROOT");
        assert_eq!(rust_const("2xl"), "_2XL");
        assert_eq!(rust_const("Fg"), rust_const("fg"));
        assert_eq!(rust_type("high-contrast"), "HighContrast");
        assert_eq!(rust_type("dark"), "Dark");
        assert_eq!(rust_const("größe"), "GRÖSSE");
        assert_eq!(rust_module("Größe"), "größe");
    }
}
