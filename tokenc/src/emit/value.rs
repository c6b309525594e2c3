//! One token value → CSS text, printed through lightningcss so that every value is canonical
//! (`#fff`, `.5rem`) and valid. Aliases print as `var(--…)`, or followed to their end.

use lightningcss::printer::PrinterOptions;
use lightningcss::targets::Targets;
use lightningcss::traits::{Parse, ToCss};
use lightningcss::values::color::{ColorGamut, CssColor, SRGB};
use lightningcss::values::easing::EasingFunction;

use crate::model::{Color, ColorSpace, Value};
use crate::naming;
use crate::resolve::Resolved;

/// Whether aliases print as `var()` (for tokens.css) or followed to their literal value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `var(--crust-…)`
    Vars,
    /// The value at the end of the alias chain.
    Resolved,
}

/// How values are printed.
#[derive(Clone, Copy, Debug)]
pub struct Printer<'a> {
    /// Custom-property prefix.
    pub prefix: &'a str,
    /// Browser targets for down-levelling.
    pub targets: Targets,
}

/// The CSS of one token.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CssValue {
    /// The value in sRGB-safe CSS (the shorthand for composites).
    pub css: String,
    /// The wide-gamut value, when a colour lies outside sRGB.
    pub wide: Option<String>,
    /// Sub-properties of typography tokens: (`font-family`, value)…
    pub parts: Vec<(&'static str, String)>,
}

/// Typography parts as CSS sub-property names, in [`Value::Typography`] order.
pub const TYPOGRAPHY_PARTS: [&str; 5] = [
    "font-family",
    "font-size",
    "font-weight",
    "letter-spacing",
    "line-height",
];

fn options(targets: Targets) -> PrinterOptions<'static> {
    PrinterOptions {
        minify: true,
        targets,
        ..PrinterOptions::default()
    }
}

/// Escapes `<` so that a stylesheet can be inlined in `<style>` without ending it.
fn guard(s: String) -> String {
    if s.contains('<') {
        s.replace('<', "\\3c ")
    } else {
        s
    }
}

/// A number in CSS at full double precision, in lightningcss's style (`.5`, `-.25`, `100`).
/// lightningcss stores numbers as `f32`, which would turn 2147483647 into 2147480000.
pub fn css_number(n: f64) -> String {
    let s = num(n);
    if let Some(rest) = s.strip_prefix("0.") {
        format!(".{rest}")
    } else if let Some(rest) = s.strip_prefix("-0.") {
        format!("-.{rest}")
    } else {
        s
    }
}

/// Shortest round-trip decimal form of a number (`1e-7` → `0.0000001`).
fn num(n: f64) -> String {
    let mut s = format!("{n}");
    if s == "-0" {
        s = "0".into();
    }
    s
}

impl Printer<'_> {
    /// The CSS of token value `value` in `resolved`.
    pub fn value(&self, resolved: &Resolved, value: &Value, mode: Mode) -> CssValue {
        match value {
            Value::Alias(id) => {
                let target = resolved.get(resolved.final_target(*id));
                match (mode, &target.value) {
                    // Followed to the end, with the target's parts and wide-gamut form.
                    (Mode::Resolved, Some(v)) => self.value(resolved, v, mode),
                    // An alias of a typography token re-exposes the target's part variables.
                    (Mode::Vars, Some(Value::Typography(_))) => {
                        let direct = resolved.get(*id);
                        let parts = TYPOGRAPHY_PARTS
                            .iter()
                            .map(|p| {
                                (
                                    *p,
                                    format!(
                                        "var({})",
                                        naming::css_part_var(self.prefix, &direct.path, p)
                                    ),
                                )
                            })
                            .collect();
                        CssValue {
                            css: self.part(resolved, value, mode),
                            wide: None,
                            parts,
                        }
                    }
                    _ => CssValue {
                        css: self.part(resolved, value, mode),
                        wide: None,
                        parts: Vec::new(),
                    },
                }
            }
            Value::Color(c) => {
                let (css, wide) = self.color(c);
                CssValue {
                    css,
                    wide,
                    parts: Vec::new(),
                }
            }
            Value::Typography(parts) => {
                let texts: Vec<String> =
                    parts.iter().map(|p| self.part(resolved, p, mode)).collect();
                let css = format!("{} {}/{} {}", texts[2], texts[1], texts[4], texts[0]);
                CssValue {
                    css,
                    wide: None,
                    parts: TYPOGRAPHY_PARTS.iter().copied().zip(texts).collect(),
                }
            }
            other => {
                let css = self.part(resolved, other, mode);
                // Composites holding wide-gamut colours get a wide form too.
                let wide = self.part_in(resolved, other, mode, true);
                CssValue {
                    wide: (wide != css).then_some(wide),
                    css,
                    parts: Vec::new(),
                }
            }
        }
    }

    /// The CSS of a value or part; wide-gamut colours print as their sRGB fallback.
    fn part(&self, resolved: &Resolved, value: &Value, mode: Mode) -> String {
        self.part_in(resolved, value, mode, false)
    }

    /// [`Printer::part`], with literal wide-gamut colours in their wide form when `wide`.
    fn part_in(&self, resolved: &Resolved, value: &Value, mode: Mode, wide: bool) -> String {
        match value {
            Value::Alias(id) => match mode {
                Mode::Vars => {
                    let name = naming::css_var(self.prefix, &resolved.get(*id).path);
                    let mut out = String::with_capacity(name.len() + 5);
                    for part in ["var(", &name, ")"] {
                        out.push_str(part);
                    }
                    out
                }
                Mode::Resolved => {
                    let target = resolved.get(resolved.final_target(*id));
                    match &target.value {
                        Some(v) => {
                            let css = self.value(resolved, v, mode);
                            match (wide, css.wide) {
                                (true, Some(w)) => w,
                                _ => css.css,
                            }
                        }
                        None => String::new(),
                    }
                }
            },
            Value::Color(c) => {
                let (srgb, wide_form) = self.color(c);
                if wide {
                    wide_form.unwrap_or(srgb)
                } else {
                    srgb
                }
            }
            Value::Dimension(d) => self.length(d.value, &d.unit),
            Value::Duration(d) => self.time(d.value, &d.unit),
            Value::Number(n) => self.number(*n),
            Value::FontWeight(n) => self.number(*n),
            Value::FontFamily(names) => guard(
                names
                    .iter()
                    .map(|n| font_family(n))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Value::CubicBezier(p) => {
                let text = format!(
                    "cubic-bezier({}, {}, {}, {})",
                    num(p[0]),
                    num(p[1]),
                    num(p[2]),
                    num(p[3])
                );
                EasingFunction::parse_string(&text)
                    .ok()
                    .and_then(|e| e.to_css_string(options(self.targets)).ok())
                    .unwrap_or(text)
            }
            Value::StrokeKeyword(k) => k.clone(),
            // CSS has no dash patterns for borders: the nearest keyword stands in.
            Value::StrokeDashes { .. } => "dashed".into(),
            Value::Border(p) => format!(
                "{} {} {}",
                self.part_in(resolved, &p[1], mode, wide),
                self.part_in(resolved, &p[2], mode, wide),
                self.part_in(resolved, &p[0], mode, wide)
            ),
            Value::Transition(p) => format!(
                "{} {} {}",
                self.part_in(resolved, &p[0], mode, wide),
                self.part_in(resolved, &p[2], mode, wide),
                self.part_in(resolved, &p[1], mode, wide)
            ),
            Value::Shadow(layers) => layers
                .iter()
                .map(|l| self.part_in(resolved, l, mode, wide))
                .collect::<Vec<_>>()
                .join(", "),
            Value::ShadowLayer(p, inset) => {
                let mut s = String::new();
                if *inset {
                    s.push_str("inset ");
                }
                s.push_str(&format!(
                    "{} {} {} {} {}",
                    self.part_in(resolved, &p[1], mode, wide),
                    self.part_in(resolved, &p[2], mode, wide),
                    self.part_in(resolved, &p[3], mode, wide),
                    self.part_in(resolved, &p[4], mode, wide),
                    self.part_in(resolved, &p[0], mode, wide)
                ));
                s
            }
            Value::Gradient(stops) => stops
                .iter()
                .map(|s| self.part_in(resolved, s, mode, wide))
                .collect::<Vec<_>>()
                .join(", "),
            Value::GradientStop(p) => {
                let position = match &p[1] {
                    Value::Number(n) => format!(
                        "{}%",
                        self.number((n.clamp(0.0, 1.0) * 100.0 * 1e4).round() / 1e4)
                    ),
                    other => format!("calc({} * 100%)", self.part_in(resolved, other, mode, wide)),
                };
                format!("{} {position}", self.part_in(resolved, &p[0], mode, wide))
            }
            Value::Typography(_) => self.value(resolved, value, mode).css,
        }
    }

    fn number(&self, n: f64) -> String {
        css_number(n)
    }

    fn length(&self, value: f64, unit: &str) -> String {
        // Kept even for zero: a bare `0` breaks `calc(var(--x) + 1px)`.
        format!("{}{unit}", css_number(value))
    }

    /// The shorter of the `ms` and `s` forms, as lightningcss would choose, at full precision.
    fn time(&self, value: f64, unit: &str) -> String {
        let given = format!("{}{unit}", css_number(value));
        let other = match unit {
            "ms" => format!("{}s", css_number(value / 1000.0)),
            "s" => format!("{}ms", css_number(value * 1000.0)),
            _ => return given,
        };
        let exact = match unit {
            "ms" => (value / 1000.0) * 1000.0 == value,
            _ => (value * 1000.0) / 1000.0 == value,
        };
        if exact && other.len() < given.len() {
            other
        } else {
            given
        }
    }

    /// The sRGB CSS of a colour and, when it lies outside sRGB, its wide-gamut CSS.
    pub fn color(&self, c: &Color) -> (String, Option<String>) {
        let print = |color: &CssColor, targets: Targets| {
            color.to_css_string(options(targets)).unwrap_or_default()
        };
        let from_hex = |[r, g, b]: [u8; 3]| {
            let rgba = lightningcss::values::color::RGBA::new(r, g, b, c.alpha as f32);
            print(&CssColor::RGBA(rgba), self.targets)
        };
        // An sRGB-family colour with its hex needs no conversion at all.
        if let (true, Some(hex)) = (c.space.is_srgb_family(), c.hex) {
            return (from_hex(hex), None);
        }
        let Some(parsed) = parse_color(c) else {
            return (String::from("transparent"), None);
        };
        let wide = if c.space.is_srgb_family() {
            None
        } else {
            match SRGB::try_from(&parsed) {
                Ok(srgb) if !in_srgb_gamut(&srgb) => Some(print(&parsed, Targets::default())),
                _ => None,
            }
        };
        let srgb = match c.hex {
            Some(hex) => from_hex(hex),
            None => match parsed.to_rgb() {
                Ok(rgb) => print(&rgb, self.targets),
                Err(()) => print(&parsed, self.targets),
            },
        };
        (srgb, wide)
    }
}

fn in_srgb_gamut(c: &SRGB) -> bool {
    const EPS: f32 = 1e-4;
    let ok = |v: f32| v.is_nan() || (-EPS..=1.0 + EPS).contains(&v);
    ok(c.r) && ok(c.g) && ok(c.b) || c.in_gamut()
}

/// The colour converted (and gamut-mapped) to 8-bit sRGB, ignoring `hex`.
pub fn srgb_bytes(c: &Color) -> Option<[u8; 3]> {
    if c.space == ColorSpace::Srgb {
        // What lightningcss computes for `color(srgb …)`, without printing and parsing it: each
        // component as f32, times 255, rounded and clamped.
        let byte = |v: Option<f64>| {
            ((v.unwrap_or(0.0) as f32) * 255.0)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        return Some(c.components.map(byte));
    }
    match parse_color(c)?.to_rgb().ok()? {
        CssColor::RGBA(rgba) => Some([rgba.red, rgba.green, rgba.blue]),
        _ => None,
    }
}

/// The colour as lightningcss understands it.
pub fn parse_color(c: &Color) -> Option<CssColor> {
    let comp = |i: usize, suffix: &str| match c.components[i] {
        Some(v) => format!("{}{suffix}", num(v)),
        None => "none".into(),
    };
    let alpha = num(c.alpha);
    let text = match c.space {
        ColorSpace::Hsl => format!(
            "hsl({} {} {} / {alpha})",
            comp(0, ""),
            comp(1, "%"),
            comp(2, "%")
        ),
        ColorSpace::Hwb => format!(
            "hwb({} {} {} / {alpha})",
            comp(0, ""),
            comp(1, "%"),
            comp(2, "%")
        ),
        ColorSpace::Lab | ColorSpace::Lch | ColorSpace::Oklab | ColorSpace::Oklch => {
            format!(
                "{}({} {} {} / {alpha})",
                c.space.as_str(),
                comp(0, ""),
                comp(1, ""),
                comp(2, "")
            )
        }
        space => format!(
            "color({} {} {} {} / {alpha})",
            space.as_str(),
            comp(0, ""),
            comp(1, ""),
            comp(2, "")
        ),
    };
    CssColor::parse_string(&text).ok()
}

/// Generic families and CSS-wide keywords never get quotes; other names keep them only when
/// they are not a plain sequence of identifiers.
fn font_family(name: &str) -> String {
    const WIDE: &[&str] = &[
        "inherit",
        "initial",
        "unset",
        "revert",
        "revert-layer",
        "default",
    ];
    let is_ident = |w: &str| {
        let mut chars = w.chars();
        let first_ok = match chars.next() {
            Some('-') => chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '-'),
            Some(c) => c.is_ascii_alphabetic() || c == '_',
            None => false,
        };
        first_ok
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let plain =
        name.split(' ').all(is_ident) && !WIDE.contains(&name.to_ascii_lowercase().as_str());
    if plain {
        name.to_string()
    } else {
        let mut s = String::from("\"");
        for c in name.chars() {
            match c {
                '"' => s.push_str("\\\""),
                '\\' => s.push_str("\\\\"),
                c if c.is_control() => s.push_str(&format!("\\{:x} ", c as u32)),
                c => s.push(c),
            }
        }
        s.push('"');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printer() -> Printer<'static> {
        Printer {
            prefix: "x",
            targets: Targets::default(),
        }
    }

    fn color(space: ColorSpace, c: [f64; 3], alpha: f64, hex: Option<&str>) -> Color {
        Color {
            space,
            components: c.map(Some),
            alpha,
            hex: hex.map(|h| {
                let v = u32::from_str_radix(&h[1..], 16).expect("a test hex");
                [(v >> 16) as u8, (v >> 8) as u8, v as u8]
            }),
        }
    }

    #[test]
    fn colors() {
        let p = printer();
        assert_eq!(
            p.color(&color(ColorSpace::Srgb, [1.0, 1.0, 1.0], 1.0, None))
                .0,
            "#fff"
        );
        assert_eq!(
            p.color(&color(
                ColorSpace::Srgb,
                [0.0, 0.0, 0.0],
                0.5,
                Some("#000000")
            ))
            .0,
            "#00000080"
        );
        let (srgb, wide) = p.color(&color(ColorSpace::Oklch, [0.7, 0.3, 145.0], 1.0, None));
        assert!(srgb.starts_with('#'), "{srgb}");
        assert!(wide.unwrap().starts_with("oklch("));
        let (_, wide) = p.color(&color(ColorSpace::Oklch, [0.5, 0.01, 200.0], 1.0, None));
        assert_eq!(wide, None);
    }

    #[test]
    fn units_and_names() {
        let p = printer();
        assert_eq!(p.length(0.5, "rem"), ".5rem");
        assert_eq!(p.length(0.0, "px"), "0px");
        assert_eq!(p.time(200.0, "ms"), ".".to_string() + "2s");
        assert_eq!(font_family("Inter Display"), "Inter Display");
        assert_eq!(font_family("sans-serif"), "sans-serif");
        assert_eq!(font_family("Font \"1\""), "\"Font \\\"1\\\"\"");
        assert_eq!(font_family("inherit"), "\"inherit\"");
        assert_eq!(guard("\"</style>\"".into()), "\"\\3c /style>\"");
    }
}
