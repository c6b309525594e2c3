//! `tokenc audit`: raw colours and lengths in application code, each with the token to use
//! instead, and uses of deprecated tokens with their replacement.
//!
//! Stylesheets are read with cssparser, so comments, strings and `url()`s are never mistaken for
//! values, and only declaration values are checked (not selectors such as `#main`). In Rust, the
//! string literals are checked: a literal holding declarations (`"color: #333; padding: 12px"`,
//! as in a `view!` `style` attribute) is read like a `style` attribute, and a literal that is one
//! value (`"#333"`, as in `style:color="#333"`) like a declaration value. In HTML, `style`
//! attributes and `<style>` elements are checked. Files marked `@generated` in their first lines
//! are skipped, and a comment containing `tokenc-audit: allow` on the line of a finding or the
//! line above keeps it quiet.

use std::collections::HashMap;

use cssparser::{Parser, ParserInput, Token};
use lightningcss::traits::Parse;

use crate::diagnostics::Diagnostic;
use crate::model::Value;
use crate::naming;
use crate::resolve::Resolved;
use crate::source::{FileId, SourceMap, Span};

/// The marker that silences a finding on its line or the next.
pub const ALLOW_MARKER: &str = "tokenc-audit: allow";

/// How close (OKLab ΔE) a raw colour must be to a token to count as the same colour.
const SAME_COLOR: f64 = 0.02;

/// What kind of file a text is, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// CSS (and SCSS/Less, whose declarations look the same).
    Css,
    /// Rust source.
    Rust,
    /// HTML and templates.
    Html,
}

impl Kind {
    /// The kind of a file name, or `None` for files audit does not read.
    pub fn of(path: &std::path::Path) -> Option<Kind> {
        match path.extension()?.to_str()? {
            "css" | "scss" | "less" | "pcss" => Some(Kind::Css),
            "rs" => Some(Kind::Rust),
            "html" | "htm" | "hbs" | "svelte" | "vue" => Some(Kind::Html),
            _ => None,
        }
    }
}

struct ColorToken {
    path: String,
    lab: [f64; 3],
    alpha: f64,
    /// Aliases name a role (`color.fg.default`), which is what code should use.
    alias: bool,
}

struct LengthToken {
    path: String,
    value: f64,
    unit: String,
    alias: bool,
}

/// The tokens of one permutation, ready for lookups.
pub struct TokenIndex {
    prefix: String,
    colors: Vec<ColorToken>,
    lengths: Vec<LengthToken>,
    /// Custom property → (token path, the deprecation's explanation).
    deprecated: HashMap<String, (String, Option<String>)>,
}

impl TokenIndex {
    /// Indexes the resolved tokens; names use `prefix`.
    pub fn new(resolved: &Resolved, prefix: &str) -> TokenIndex {
        let mut index = TokenIndex {
            prefix: prefix.to_string(),
            colors: Vec::new(),
            lengths: Vec::new(),
            deprecated: HashMap::new(),
        };
        for (i, token) in resolved.tokens.iter().enumerate() {
            let id = crate::model::TokenId(i as u32);
            if let Some(d) = token.deprecated() {
                let why = match d {
                    crate::flatten::Deprecation::Because(text) => Some(text.to_string()),
                    _ => None,
                };
                index.deprecated.insert(
                    naming::css_var(prefix, &token.path),
                    (token.path.to_string(), why),
                );
                continue;
            }
            let alias = matches!(token.value, Some(Value::Alias(_)));
            match &resolved.get(resolved.final_target(id)).value {
                Some(Value::Color(c)) => {
                    let rgb = c.hex.or_else(|| crate::emit::value::srgb_bytes(c));
                    if let Some(rgb) = rgb {
                        index.colors.push(ColorToken {
                            path: token.path.to_string(),
                            lab: oklab(rgb),
                            alpha: c.alpha,
                            alias,
                        });
                    }
                }
                Some(Value::Dimension(d)) => index.lengths.push(LengthToken {
                    path: token.path.to_string(),
                    value: d.value,
                    unit: d.unit.clone(),
                    alias,
                }),
                _ => {}
            }
        }
        index
    }

    fn var(&self, path: &str) -> String {
        format!("var({})", naming::css_var(&self.prefix, path))
    }

    /// How to name `path` in a file of `kind`.
    fn suggestion(&self, path: &str, kind: Kind) -> String {
        match kind {
            Kind::Rust => format!(
                "`tokens::{}` (it prints `{}`)",
                crate::emit::rust_path(path),
                self.var(path)
            ),
            _ => format!("`{}`", self.var(path)),
        }
    }

    /// The tokens closest to a colour: the distance, then the paths with that value, roles first.
    fn nearest_color(&self, rgb: [u8; 3], alpha: f64) -> Option<(f64, Vec<&str>)> {
        let lab = oklab(rgb);
        let distance = |t: &ColorToken| {
            let d = (0..3)
                .map(|i| (t.lab[i] - lab[i]).powi(2))
                .sum::<f64>()
                .sqrt();
            d + (t.alpha - alpha).abs()
        };
        let best = self
            .colors
            .iter()
            .map(distance)
            .min_by(|a, b| a.total_cmp(b))?;
        let mut same: Vec<&ColorToken> = self
            .colors
            .iter()
            .filter(|t| distance(t) <= best + 1e-9)
            .collect();
        same.sort_by_key(|t| !t.alias);
        Some((best, same.iter().map(|t| t.path.as_str()).collect()))
    }

    /// Tokens with exactly this length (`16px` also matches `1rem`, at the default root size).
    fn same_length(&self, value: f64, unit: &str) -> Vec<&str> {
        let px = |v: f64, u: &str| match u {
            "px" => Some(v),
            "rem" => Some(v * 16.0),
            _ => None,
        };
        let mut found: Vec<&LengthToken> = self
            .lengths
            .iter()
            .filter(|t| {
                (t.unit == unit && (t.value - value).abs() < 1e-9)
                    || matches!((px(t.value, &t.unit), px(value, unit)), (Some(a), Some(b)) if (a - b).abs() < 1e-9)
            })
            .collect();
        found.sort_by_key(|t| !t.alias);
        found.iter().map(|t| t.path.as_str()).collect()
    }
}

/// OKLab of an sRGB colour (Björn Ottosson's published matrices).
fn oklab(rgb: [u8; 3]) -> [f64; 3] {
    let lin = |b: u8| {
        let v = f64::from(b) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb.map(lin);
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785 * m - 0.004_072_046_8 * s,
        1.977_998_495_1 * l - 2.428_592_205 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766 * s,
    ]
}

/// Lengths written as literals that need no token: `0`, `1px` hairlines, percentages.
fn allowed_length(value: f32, unit: &str) -> bool {
    value == 0.0 || (unit.eq_ignore_ascii_case("px") && value.abs() == 1.0)
}

const LENGTH_UNITS: &[&str] = &[
    "px", "rem", "em", "ex", "ch", "pt", "pc", "cm", "mm", "in", "q", "vw", "vh", "vmin", "vmax",
    "svh", "lvh", "dvh", "svw", "lvw", "dvw",
];

const COLOR_FUNCTIONS: &[&str] = &[
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
];

/// Named colours (CSS Color 4), without `transparent`, `currentcolor` and system colours.
const NAMED: &[&str] = &[
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
];

/// One raw value found: where (bytes in the file) and what.
#[derive(Debug)]
enum Found {
    Color {
        start: usize,
        end: usize,
        text: String,
    },
    Length {
        start: usize,
        end: usize,
        value: f32,
        unit: String,
    },
    Var {
        start: usize,
        end: usize,
        name: String,
    },
}

/// Audits one file of the map; returns its findings as warnings (`--strict` makes them errors).
pub fn audit_file(
    files: &SourceMap,
    id: FileId,
    kind: Kind,
    index: &TokenIndex,
) -> Vec<Diagnostic> {
    let text = files.text(id);
    if text.lines().take(5).any(|l| l.contains("@generated")) {
        return Vec::new();
    }
    let mut found = Vec::new();
    match kind {
        Kind::Css => scan_css(text, 0, Mode::Sheet, &mut found),
        Kind::Html => scan_html(text, &mut found),
        Kind::Rust => scan_rust(text, &mut found),
    }
    found
        .into_iter()
        .filter_map(|f| diagnose(files, id, kind, index, f))
        .collect()
}

fn allowed_here(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let previous = text[..line_start.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    text[line_start..line_end].contains(ALLOW_MARKER)
        || (line_start > 0 && text[previous..line_start].contains(ALLOW_MARKER))
}

fn diagnose(
    files: &SourceMap,
    id: FileId,
    kind: Kind,
    index: &TokenIndex,
    found: Found,
) -> Option<Diagnostic> {
    let text = files.text(id);
    let (start, end) = match &found {
        Found::Color { start, end, .. }
        | Found::Length { start, end, .. }
        | Found::Var { start, end, .. } => (*start, *end),
    };
    if allowed_here(text, start) {
        return None;
    }
    let span = Span::new(id, start..end);
    let allow = format!("if it is deliberate, add a `{ALLOW_MARKER}` comment on this line");
    match found {
        Found::Color { text: raw, .. } => {
            let color = lightningcss::values::color::CssColor::parse_string(&raw).ok()?;
            let (rgb, alpha) = match color.to_rgb().ok()? {
                lightningcss::values::color::CssColor::RGBA(c) => {
                    ([c.red, c.green, c.blue], f64::from(c.alpha) / 255.0)
                }
                _ => return None,
            };
            let mut d = Diagnostic::warning("raw-color", format!("raw colour `{raw}`"));
            match index.nearest_color(rgb, alpha) {
                Some((distance, paths)) if distance <= SAME_COLOR => {
                    d = d
                        .at(span, format!("the value of `{}`", paths[0]))
                        .with_help(format!(
                            "use {}{}",
                            index.suggestion(paths[0], kind),
                            others(&paths)
                        ));
                }
                Some((distance, paths)) => {
                    d = d
                        .at(
                            span,
                            format!(
                                "no token has this colour; nearest: `{}` (OKLab ΔE {distance:.3})",
                                paths[0]
                            ),
                        )
                        .with_help(format!(
                            "use a colour role such as {}, or add a token for this colour",
                            index.suggestion(paths[0], kind)
                        ));
                }
                None => {
                    d = d
                        .at(span, "")
                        .with_help("define colour tokens and use them here")
                }
            }
            Some(d.with_note(allow))
        }
        Found::Length { value, unit, .. } => {
            let written = format!("{}{unit}", crate::emit::value::css_number(f64::from(value)));
            let paths = index.same_length(f64::from(value), &unit.to_ascii_lowercase());
            let d = Diagnostic::warning("raw-length", format!("raw length `{written}`"));
            let d = match paths.first() {
                Some(first) => d
                    .at(span, format!("the value of `{first}`"))
                    .with_help(format!(
                        "use {}{}",
                        index.suggestion(first, kind),
                        others(&paths)
                    )),
                None => d.at(span, "no token has this length").with_help(
                    "use a spacing, size or radius token, or add a token for this length",
                ),
            };
            Some(d.with_note(allow))
        }
        Found::Var { name, .. } => {
            let (path, why) = index.deprecated.get(&name)?;
            let mut d = Diagnostic::warning(
                "deprecated-token",
                format!("`{name}` (`{path}`) is deprecated"),
            )
            .at(span, "deprecated token");
            d = match why {
                Some(why) => d.with_help(why.clone()),
                None => d.with_help("see the token's description for its replacement"),
            };
            Some(d)
        }
    }
}

fn others(paths: &[&str]) -> String {
    match paths.len() {
        0 | 1 => String::new(),
        n => format!(
            "; same value: {}{}",
            paths[1..n.min(4)]
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if n > 4 { ", …" } else { "" }
        ),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// A stylesheet: rules with selectors.
    Sheet,
    /// A declaration list (`style` attribute).
    Declarations,
    /// One value.
    Value,
}

/// Scans CSS `text` (found at byte `offset` of the file).
fn scan_css(text: &str, offset: usize, mode: Mode, out: &mut Vec<Found>) {
    let mut input = ParserInput::new(text);
    let mut parser = Parser::new(&mut input);
    match mode {
        Mode::Sheet => sheet(&mut parser, offset, out),
        Mode::Declarations => declarations(&mut parser, offset, out),
        Mode::Value => value(&mut parser, offset, out),
    }
}

/// Rules: only the blocks matter (selectors and at-rule preludes are not values).
fn sheet(p: &mut Parser<'_, '_>, offset: usize, out: &mut Vec<Found>) {
    while let Ok(token) = p.next_including_whitespace_and_comments() {
        if matches!(token, Token::CurlyBracketBlock) {
            let _ = p.parse_nested_block(|p| {
                declarations(p, offset, out);
                Ok::<(), cssparser::ParseError<'_, ()>>(())
            });
        }
    }
}

/// Declarations (and nested rules): `name: value;` values are scanned; a `{` before the `;`
/// shows the "declaration" was a nested rule's selector, whose findings are dropped.
fn declarations(p: &mut Parser<'_, '_>, offset: usize, out: &mut Vec<Found>) {
    let mut pending: Vec<Found> = Vec::new();
    let mut in_value = false;
    let mut last_ident = false;
    loop {
        let start = p.position();
        let Ok(token) = p.next_including_whitespace_and_comments().cloned() else {
            break;
        };
        let ident = matches!(token, Token::Ident(_))
            || (last_ident && matches!(token, Token::WhiteSpace(_)));
        match token {
            Token::Colon if last_ident && !in_value => in_value = true,
            Token::Semicolon => {
                out.append(&mut pending);
                in_value = false;
            }
            Token::CurlyBracketBlock => {
                pending.clear();
                in_value = false;
                let _ = p.parse_nested_block(|p| {
                    declarations(p, offset, out);
                    Ok::<(), cssparser::ParseError<'_, ()>>(())
                });
            }
            other if in_value => item(p, &other, start, offset, &mut pending),
            _ => {}
        }
        last_ident = ident;
    }
    if in_value {
        out.append(&mut pending);
    }
}

/// A whole value.
fn value(p: &mut Parser<'_, '_>, offset: usize, out: &mut Vec<Found>) {
    loop {
        let start = p.position();
        let Ok(token) = p.next_including_whitespace_and_comments().cloned() else {
            break;
        };
        item(p, &token, start, offset, out);
    }
}

/// One token of a declaration value (recursing into functions).
fn item(
    p: &mut Parser<'_, '_>,
    token: &Token<'_>,
    start_position: cssparser::SourcePosition,
    offset: usize,
    out: &mut Vec<Found>,
) {
    let start = start_position.byte_index();
    let here = |p: &Parser<'_, '_>| offset + p.position().byte_index();
    match token {
        Token::Hash(h) | Token::IDHash(h)
            if matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            out.push(Found::Color {
                start: offset + start,
                end: here(p),
                text: format!("#{h}"),
            });
        }
        Token::Ident(name) if NAMED.contains(&name.to_ascii_lowercase().as_str()) => {
            out.push(Found::Color {
                start: offset + start,
                end: here(p),
                text: name.to_string(),
            });
        }
        Token::Dimension { value, unit, .. }
            if LENGTH_UNITS.contains(&unit.to_ascii_lowercase().as_str())
                && !allowed_length(*value, unit) =>
        {
            out.push(Found::Length {
                start: offset + start,
                end: here(p),
                value: *value,
                unit: unit.to_string(),
            });
        }
        Token::Function(name) if COLOR_FUNCTIONS.contains(&name.to_ascii_lowercase().as_str()) => {
            let _ = p.parse_nested_block(|p| {
                while p.next_including_whitespace_and_comments().is_ok() {}
                Ok::<(), cssparser::ParseError<'_, ()>>(())
            });
            let end = p.position().byte_index();
            let raw = p.slice_from(start_position).to_string();
            // Relative colours and colours built from variables are not raw values.
            if !raw.contains("var(") && !raw.contains(" from ") {
                out.push(Found::Color {
                    start: offset + start,
                    end: offset + end,
                    text: raw,
                });
            }
        }
        Token::Function(name) if name.eq_ignore_ascii_case("var") => {
            let _ = p.parse_nested_block(|p| {
                let at = p.position().byte_index();
                if let Ok(Token::Ident(var)) = p.next().cloned() {
                    out.push(Found::Var {
                        start: offset + at,
                        end: offset + p.position().byte_index(),
                        name: var.to_string(),
                    });
                }
                // The fallback is a value too.
                loop {
                    let start = p.position();
                    let Ok(token) = p.next_including_whitespace_and_comments().cloned() else {
                        break;
                    };
                    item(p, &token, start, offset, out);
                }
                Ok::<(), cssparser::ParseError<'_, ()>>(())
            });
        }
        Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock => {
            let _ = p.parse_nested_block(|p| {
                loop {
                    let start = p.position();
                    let Ok(token) = p.next_including_whitespace_and_comments().cloned() else {
                        break;
                    };
                    item(p, &token, start, offset, out);
                }
                Ok::<(), cssparser::ParseError<'_, ()>>(())
            });
        }
        _ => {}
    }
}

/// HTML: `<style>` elements and `style="…"` attributes.
fn scan_html(text: &str, out: &mut Vec<Found>) {
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<style") {
        let open = at + i;
        let Some(close_tag) = lower[open..].find('>') else {
            break;
        };
        let body = open + close_tag + 1;
        let end = lower[body..]
            .find("</style")
            .map_or(text.len(), |j| body + j);
        scan_css(&text[body..end], body, Mode::Sheet, out);
        at = end;
    }
    let mut at = 0;
    while let Some(i) = lower[at..].find("style=") {
        let attr = at + i;
        at = attr + 6;
        // Only the attribute itself, not `data-style=` or a word ending in "style".
        let before = lower[..attr].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':') {
            continue;
        }
        let Some(quote) = text[at..]
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
        else {
            continue;
        };
        let start = at + 1;
        let Some(len) = text[start..].find(quote) else {
            break;
        };
        scan_css(&text[start..start + len], start, Mode::Declarations, out);
        at = start + len;
    }
}

/// Rust: every string literal, read as declarations when it holds `name: value`, as one value
/// when it is one, and otherwise left alone (prose).
fn scan_rust(text: &str, out: &mut Vec<Found>) {
    for (start, content) in rust_strings(text) {
        let trimmed = content.trim();
        if trimmed.is_empty() || trimmed.contains('\n') && !trimmed.contains(':') {
            continue;
        }
        let looks_like_declarations =
            trimmed
                .split(';')
                .filter(|d| !d.trim().is_empty())
                .all(|d| {
                    d.split_once(':').is_some_and(|(name, _)| {
                        let name = name.trim();
                        !name.is_empty()
                            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                });
        if looks_like_declarations {
            scan_css(content, start, Mode::Declarations, out);
        } else if is_single_value(trimmed) {
            scan_css(content, start, Mode::Value, out);
        }
    }
}

/// A literal that is exactly one colour or one length (`"#333"`, `"rgb(0 0 0)"`, `"12px"`),
/// not prose that merely contains a colour word.
fn is_single_value(s: &str) -> bool {
    if let Some(h) = s.strip_prefix('#') {
        return matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit());
    }
    if let Some(open) = s.find('(') {
        return COLOR_FUNCTIONS.contains(&s[..open].to_ascii_lowercase().as_str())
            && s.ends_with(')');
    }
    let digits = s
        .trim_start_matches(['-', '+'])
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    digits != s.trim_start_matches(['-', '+'])
        && LENGTH_UNITS.contains(&digits.to_ascii_lowercase().as_str())
}

/// The string literals of Rust source: (byte offset of the content, content as written).
/// Comments, char literals and lifetimes are skipped; escapes are left as written (a colour or
/// a length never contains one).
fn rust_strings(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' | b'b' | b'c'
                if (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
                    && raw_string_at(bytes, i).is_some() =>
            {
                let (content_start, hashes) = raw_string_at(bytes, i).unwrap_or((i, 0));
                let closing = format!("\"{}", "#".repeat(hashes));
                let end = text[content_start..]
                    .find(&closing)
                    .map_or(bytes.len(), |n| content_start + n);
                out.push((content_start, &text[content_start..end]));
                i = end + closing.len();
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(bytes.len());
                out.push((start, &text[start..end]));
                i = end + 1;
            }
            b'\'' => {
                // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a): skip either.
                if bytes.get(i + 1) == Some(&b'\\') {
                    i = text[i + 2..].find('\'').map_or(bytes.len(), |n| i + 3 + n);
                } else if bytes.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// At a raw string (`r"`, `r#"`, `br"`…): the content's start and the number of `#`s.
fn raw_string_at(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if matches!(bytes.get(j), Some(b'b' | b'c')) {
        j += 1;
    }
    if bytes.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while bytes.get(j) == Some(&b'#') {
        hashes += 1;
        j += 1;
    }
    (bytes.get(j) == Some(&b'"')).then_some((j + 1, hashes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, kind: Kind) -> Vec<String> {
        let mut out = Vec::new();
        match kind {
            Kind::Css => scan_css(text, 0, Mode::Sheet, &mut out),
            Kind::Html => scan_html(text, &mut out),
            Kind::Rust => scan_rust(text, &mut out),
        }
        out.iter()
            .map(|f| match f {
                Found::Color { start, end, .. }
                | Found::Length { start, end, .. }
                | Found::Var { start, end, .. } => text[*start..*end].to_string(),
            })
            .collect()
    }

    #[test]
    fn css_values_not_selectors_comments_or_strings() {
        let css = "#main .a, a:hover { color: #1a2b3c; /* #fff */ margin: 12px 0 1px; content: \"#abc\"; }\n\
                   .b { border: 1px solid rgb(0 0 0 / 50%); &:focus { outline-color: red } width: calc(100% - 2rem) }\n\
                   @media (max-width: 600px) { .c { background: var(--x, white) } }";
        assert_eq!(
            found(css, Kind::Css),
            [
                "#1a2b3c",
                "12px",
                "rgb(0 0 0 / 50%)",
                "red",
                "2rem",
                "--x",
                "white"
            ]
        );
    }

    #[test]
    fn rust_literals_and_html_attributes() {
        let rs = r##"
            // "#ffffff" in a comment
            let a = "color: #333; padding: 8px";
            let b = view! { <p style:color="#0af" title="Mark as red">"Red alert"</p> };
            let c = r#"12px"#;
            let d = 'x';
            fn f<'a>(s: &'a str) -> &'a str { "white" }
        "##;
        assert_eq!(found(rs, Kind::Rust), ["#333", "8px", "#0af", "12px"]);
        let html = "<div style=\"gap: 4px; color: teal\" data-style=\"color: red\"><style>p { color: #fff }</style>";
        assert_eq!(found(html, Kind::Html), ["#fff", "4px", "teal"]);
    }

    #[test]
    fn oklab_of_white_and_black() {
        let w = oklab([255, 255, 255]);
        assert!((w[0] - 1.0).abs() < 1e-3 && w[1].abs() < 1e-3 && w[2].abs() < 1e-3);
        let k = oklab([0, 0, 0]);
        assert!(k[0].abs() < 1e-9);
    }
}
