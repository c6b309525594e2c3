//! Typed parsing of `$value`s: raw [`Node`] → [`Value`], checked against the spec's shapes and
//! ranges. Values out of range are rejected, never clamped.

use crate::diagnostics::Diagnostic;
use crate::model::{
    Color, ColorSpace, Dimension, Duration, FONT_WEIGHT_KEYWORDS, GRADIENT_FIELDS, SHADOW_FIELDS,
    STROKE_KEYWORDS, TokenType, Value, composite_fields,
};
use crate::raw::{Node, NodeKind};

/// What a reference inside a value turned out to be.
pub enum Reference<'n> {
    /// Not a reference: parse the node itself.
    Literal(&'n Node),
    /// A whole-token alias (`{a.b}` or a pointer to a token).
    Token(crate::model::TokenId),
    /// A broken reference (already reported).
    Broken,
}

/// Resolves references met while parsing a value.
pub trait Lookup<'n> {
    /// Classifies `node`: a literal, an alias to a token whose type must be `expected`, or a
    /// property-level JSON pointer (returned as the node it points at).
    fn reference(&mut self, node: &'n Node, expected: TokenType) -> Reference<'n>;

    /// Whether `file` is JSON, so that suggested fixes use its syntax.
    fn is_json(&self, file: crate::source::FileId) -> bool {
        let _ = file;
        false
    }
}

/// Whether `s` is written as an alias (`{a.b}`), returning the path inside the braces.
pub fn alias_path(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('{')?.strip_suffix('}')?;
    (!inner.is_empty() && !inner.contains(['{', '}'])).then_some(inner)
}

/// Parses a value of type `ty` from `node`. Problems go to `diagnostics`; `None` means invalid.
pub fn parse_value<'n>(
    ty: TokenType,
    node: &'n Node,
    path: &str,
    lookup: &mut dyn Lookup<'n>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Value> {
    let mut p = Parser {
        path,
        lookup,
        diagnostics,
        parts: Vec::new(),
    };
    p.value(ty, node)
}

struct Parser<'a, 'n> {
    path: &'a str,
    /// The composite property being parsed, innermost last (for messages).
    parts: Vec<&'static str>,
    lookup: &'a mut dyn Lookup<'n>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

fn code_for(ty: TokenType) -> &'static str {
    match ty {
        TokenType::Color => "invalid-color",
        TokenType::Dimension => "invalid-dimension",
        TokenType::Duration => "invalid-duration",
        _ => "invalid-value",
    }
}

impl<'n> Parser<'_, 'n> {
    fn fail(
        &mut self,
        ty: TokenType,
        node: &Node,
        message: String,
        label: &str,
        help: Option<String>,
    ) -> Option<Value> {
        let place = match self.parts.last() {
            Some(part) => format!("in `{}`, property `{part}`", self.path),
            None => format!("in `{}`", self.path),
        };
        let mut d =
            Diagnostic::error(code_for(ty), format!("{message} {place}")).at(node.span, label);
        if let Some(h) = help {
            d = d.with_help(self.syntax(node, h));
        }
        self.diagnostics.push(d);
        None
    }

    /// Suggested fixes are written in TOML; in a JSON file they are rewritten in JSON syntax.
    fn syntax(&self, node: &Node, help: String) -> String {
        if self.lookup.is_json(node.span.file) {
            json_syntax(&help)
        } else {
            help
        }
    }

    /// The value of `key` in `node`, following a property-level `$ref` JSON pointer.
    fn field(&mut self, node: &'n Node, key: &str) -> Option<&'n Node> {
        let value = &node.get(key)?.value;
        let is_pointer = value
            .as_object()
            .is_some_and(|e| e.len() == 1 && e[0].key == "$ref");
        if !is_pointer {
            return Some(value);
        }
        match self.lookup.reference(value, TokenType::Number) {
            Reference::Literal(n) => Some(n),
            _ => Some(value),
        }
    }

    /// A property inside a value (a colour's space or components), which may be a `$ref`
    /// pointer but not a whole-token alias.
    fn property_node(&mut self, ty: TokenType, node: &'n Node, what: &str) -> Option<&'n Node> {
        match self.lookup.reference(node, TokenType::Number) {
            Reference::Literal(n) => Some(n),
            Reference::Token(_) => {
                self.fail(
                    ty,
                    node,
                    format!("an alias cannot stand for {what}"),
                    "whole-token alias",
                    Some("point at the property with a `$ref` JSON pointer, e.g. `{ \"$ref\" = \"#/color/blue/$value/components/0\" }`".into()),
                );
                None
            }
            Reference::Broken => None,
        }
    }

    /// A value (or part) of type `ty`, which may be an alias.
    fn value(&mut self, ty: TokenType, node: &'n Node) -> Option<Value> {
        let node = match self.lookup.reference(node, ty) {
            Reference::Literal(n) => n,
            Reference::Token(id) => return Some(Value::Alias(id)),
            Reference::Broken => return None,
        };
        match ty {
            TokenType::Color => self.color(node),
            TokenType::Dimension => self.dimension(node),
            TokenType::Duration => self.duration(node),
            TokenType::Number => self.number(ty, node, "a number").map(Value::Number),
            TokenType::FontFamily => self.font_family(node),
            TokenType::FontWeight => self.font_weight(node),
            TokenType::CubicBezier => self.cubic_bezier(node),
            TokenType::StrokeStyle => self.stroke_style(node),
            TokenType::Border | TokenType::Transition | TokenType::Typography => {
                let parts = self.fields(ty, node, composite_fields(ty), &[])?;
                Some(match ty {
                    TokenType::Border => Value::Border(Box::new(parts.try_into().ok()?)),
                    TokenType::Transition => Value::Transition(Box::new(parts.try_into().ok()?)),
                    _ => Value::Typography(Box::new(parts.try_into().ok()?)),
                })
            }
            TokenType::Shadow => self.shadow(node),
            TokenType::Gradient => self.gradient(node),
        }
    }

    /// A finite number.
    fn number(&mut self, ty: TokenType, node: &'n Node, what: &str) -> Option<f64> {
        let node = match self.lookup.reference(node, TokenType::Number) {
            Reference::Literal(n) => n,
            Reference::Token(_) => {
                self.fail(
                    ty,
                    node,
                    format!("expected {what}, found an alias"),
                    "aliases cannot stand for a part of a value here",
                    Some(
                        "write the number, or use a `$ref` JSON pointer to the exact property"
                            .into(),
                    ),
                );
                return None;
            }
            Reference::Broken => return None,
        };
        match node.kind {
            NodeKind::Number(n) if n.is_finite() => Some(n),
            NodeKind::Number(_) => {
                self.fail(
                    ty,
                    node,
                    format!("{what} is too large or not a number"),
                    "not a finite number",
                    None,
                );
                None
            }
            _ => {
                let help = node
                    .as_str()
                    .and_then(|s| s.trim().parse::<f64>().ok())
                    .map(|n| format!("write the number without quotes: {n}"));
                self.fail(
                    ty,
                    node,
                    format!("expected {what}, found {}", node.kind_name()),
                    "",
                    help,
                );
                None
            }
        }
    }

    fn object(
        &mut self,
        ty: TokenType,
        node: &'n Node,
        shape: &str,
    ) -> Option<&'n [crate::raw::Entry]> {
        match node.as_object() {
            Some(entries) => Some(entries),
            None => {
                let help = match (ty, node.as_str()) {
                    (TokenType::Color, Some(s)) => legacy_color_help(s),
                    (TokenType::Dimension | TokenType::Duration, Some(s)) => legacy_unit_help(s),
                    _ => None,
                }
                .or_else(|| Some(format!("write {shape}")));
                self.fail(
                    ty,
                    node,
                    format!("expected a {ty} object, found {}", node.kind_name()),
                    "",
                    help,
                );
                None
            }
        }
    }

    fn unknown_fields(&mut self, ty: TokenType, node: &'n Node, known: &[&str]) -> bool {
        let mut ok = true;
        for e in node.as_object().unwrap_or(&[]) {
            if !known.contains(&e.key.as_str()) {
                let help = crate::diagnostics::did_you_mean(&e.key, known.iter().copied())
                    .map(|m| format!("did you mean `{m}`?"))
                    .unwrap_or_else(|| format!("{ty} values have: {}", known.join(", ")));
                self.diagnostics.push(
                    Diagnostic::error(
                        code_for(ty),
                        format!("unknown {ty} property `{}` in `{}`", e.key, self.path),
                    )
                    .at(e.key_span, "not part of this type")
                    .with_help(help),
                );
                ok = false;
            }
        }
        ok
    }

    fn color(&mut self, node: &'n Node) -> Option<Value> {
        const SHAPE: &str =
            "`{ colorSpace = \"srgb\", components = [r, g, b], alpha = 1, hex = \"#rrggbb\" }`";
        let ty = TokenType::Color;
        self.object(ty, node, SHAPE)?;
        let mut ok = self.unknown_fields(ty, node, &["colorSpace", "components", "alpha", "hex"]);
        let space = match node.get("colorSpace") {
            Some(e) => match self.property_node(ty, &e.value, "a colour space") {
                Some(n) => match n.as_str().and_then(ColorSpace::parse) {
                    Some(s) => Some(s),
                    None => {
                        let names = ColorSpace::ALL.map(|(_, n)| n);
                        let help = n
                            .as_str()
                            .and_then(|s| {
                                crate::diagnostics::did_you_mean(s, names.iter().copied())
                            })
                            .map(|m| format!("did you mean \"{m}\"?"))
                            .unwrap_or_else(|| format!("colour spaces are: {}", names.join(", ")));
                        self.fail(
                            ty,
                            n,
                            "unknown colorSpace".into(),
                            "not a DTCG colour space",
                            Some(help),
                        );
                        None
                    }
                },
                None => None,
            },
            None => {
                self.fail(
                    ty,
                    node,
                    "colour without `colorSpace`".into(),
                    "",
                    Some(format!("write {SHAPE}")),
                );
                None
            }
        };
        let mut components = [None; 3];
        match node.get("components") {
            Some(e) => {
                let list = self.property_node(ty, &e.value, "a colour's components")?;
                match list.as_array() {
                    Some(items) if items.len() == 3 => {
                        for (i, item) in items.iter().enumerate() {
                            let Some(item) = self.property_node(ty, item, "a colour component")
                            else {
                                ok = false;
                                continue;
                            };
                            if item.as_str() == Some("none") {
                                continue;
                            }
                            match self.number(ty, item, "a colour component") {
                                Some(v) => {
                                    if let Some(space) = space {
                                        let (lo, hi) = space.ranges()[i];
                                        let hue = hi == Some(360.0);
                                        let below = lo.is_some_and(|lo| v < lo);
                                        let above =
                                            hi.is_some_and(|hi| if hue { v >= hi } else { v > hi });
                                        if below || above {
                                            let range = match (lo, hi) {
                                                (Some(lo), Some(hi)) if hue => {
                                                    format!("[{lo}, {hi})")
                                                }
                                                (Some(lo), Some(hi)) => format!("[{lo}, {hi}]"),
                                                (Some(lo), None) => format!("≥ {lo}"),
                                                _ => String::new(),
                                            };
                                            self.fail(ty, item, format!("colour component {} of {} is outside {range}", i + 1, space.as_str()), "out of range", Some("values are rejected, not clamped; use a wider colour space for out-of-gamut colours".into()));
                                            ok = false;
                                        }
                                    }
                                    components[i] = Some(v);
                                }
                                None => ok = false,
                            }
                        }
                    }
                    _ => {
                        self.fail(
                            ty,
                            list,
                            "`components` must be an array of three numbers".into(),
                            "",
                            None,
                        );
                        ok = false;
                    }
                }
            }
            None => {
                self.fail(
                    ty,
                    node,
                    "colour without `components`".into(),
                    "",
                    Some(format!("write {SHAPE}")),
                );
                ok = false;
            }
        }
        let mut alpha = 1.0;
        if let Some(e) = node.get("alpha") {
            match self.number(ty, &e.value, "alpha") {
                Some(a) if (0.0..=1.0).contains(&a) => alpha = a,
                Some(_) => {
                    self.fail(
                        ty,
                        &e.value,
                        "alpha is outside [0, 1]".into(),
                        "out of range",
                        None,
                    );
                    ok = false;
                }
                None => ok = false,
            }
        }
        let mut hex = None;
        if let Some(hex_node) = self.field(node, "hex") {
            match hex_node.as_str() {
                Some(s)
                    if s.len() == 7
                        && s.starts_with('#')
                        && s[1..].chars().all(|c| c.is_ascii_hexdigit()) =>
                {
                    let v = u32::from_str_radix(&s[1..], 16).unwrap_or(0);
                    hex = Some([(v >> 16) as u8, (v >> 8) as u8, v as u8]);
                }
                other => {
                    let help = match other {
                        Some(h) if h.len() == 9 => "alpha belongs in `alpha`, not in `hex`",
                        Some(h) if h.len() == 4 => "write all six digits: `#rrggbb`",
                        _ => "write six hex digits after `#`",
                    };
                    self.fail(
                        ty,
                        hex_node,
                        "`hex` must be a 6-digit `#rrggbb` string".into(),
                        "",
                        Some(help.into()),
                    );
                    ok = false;
                }
            }
        }
        let space = space?;
        if !ok {
            return None;
        }
        let color = Color {
            space,
            components,
            alpha,
            hex,
        };
        if let (Some(hex), Some(e)) = (color.hex, node.get("hex")) {
            self.hex_fallback(&color, hex, e.value.span);
        }
        Some(Value::Color(color))
    }

    /// `hex-fallback-mismatch`: the `hex` fallback differs from the components by more than 1/255.
    fn hex_fallback(&mut self, color: &Color, given: [u8; 3], span: crate::source::Span) {
        let Some(rgb) = crate::emit::value::srgb_bytes(color) else {
            return;
        };
        if rgb.iter().zip(given).any(|(a, b)| a.abs_diff(b) > 1) {
            let expected = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
            self.diagnostics.push(
                Diagnostic::warning(
                    "hex-fallback-mismatch",
                    format!(
                        "the `hex` fallback of `{}` does not match its components",
                        self.path
                    ),
                )
                .at(span, format!("the components give {expected}"))
                .with_help(format!(
                    "write `hex = \"{expected}\"`, or fix the components"
                )),
            );
        }
    }

    fn unit_value(
        &mut self,
        ty: TokenType,
        node: &'n Node,
        units: &[&str],
    ) -> Option<(f64, String)> {
        let shape = format!("`{{ value = 16, unit = \"{}\" }}`", units[0]);
        self.object(ty, node, &shape)?;
        let ok = self.unknown_fields(ty, node, &["value", "unit"]);
        let value = match node.get("value") {
            Some(e) => self.number(ty, &e.value, "a number"),
            None => {
                self.fail(
                    ty,
                    node,
                    format!("{ty} without `value`"),
                    "",
                    Some(format!("write {shape}")),
                );
                None
            }
        };
        let unit = match self.field(node, "unit") {
            Some(unit_node) => match unit_node.as_str() {
                Some(u) if units.contains(&u) => Some(u.to_string()),
                Some(u) if ty == TokenType::Dimension && CSS_LENGTH_UNITS.contains(&u) => {
                    // A lint (deny by default): when relaxed, the CSS unit is kept.
                    self.diagnostics.push(
                        Diagnostic::error("unit-not-in-spec", format!("unit `{u}` is not in the DTCG spec in `{}`", self.path))
                            .at(unit_node.span, "DTCG dimensions use px or rem")
                            .with_help("convert to px or rem, or put the CSS in `$extensions.\"dev.crust\".css`; relax with `--warn unit-not-in-spec`"),
                    );
                    Some(u.to_string())
                }
                Some(u) => {
                    let help = crate::diagnostics::did_you_mean(u, units.iter().copied())
                        .map(|m| format!("did you mean \"{m}\"?"))
                        .unwrap_or_else(|| format!("{ty} units are: {}", units.join(", ")));
                    self.fail(
                        ty,
                        unit_node,
                        format!("unknown {ty} unit \"{u}\""),
                        "",
                        Some(help),
                    );
                    None
                }
                None => {
                    self.fail(ty, unit_node, "`unit` must be a string".into(), "", None);
                    None
                }
            },
            None => {
                self.fail(
                    ty,
                    node,
                    format!("{ty} without `unit`"),
                    "",
                    Some("the unit is required, even for 0".into()),
                );
                None
            }
        };
        if !ok {
            return None;
        }
        Some((value?, unit?))
    }

    fn dimension(&mut self, node: &'n Node) -> Option<Value> {
        let (value, unit) = self.unit_value(TokenType::Dimension, node, &["px", "rem"])?;
        Some(Value::Dimension(Dimension { value, unit }))
    }

    fn duration(&mut self, node: &'n Node) -> Option<Value> {
        let (value, unit) = self.unit_value(TokenType::Duration, node, &["ms", "s"])?;
        if value < 0.0 {
            let v = node.get("value").map(|e| &e.value).unwrap_or(node);
            return self.fail(
                TokenType::Duration,
                v,
                "negative duration".into(),
                "durations are ≥ 0",
                None,
            );
        }
        Some(Value::Duration(Duration { value, unit }))
    }

    fn font_family(&mut self, node: &'n Node) -> Option<Value> {
        let ty = TokenType::FontFamily;
        match &node.kind {
            NodeKind::String(s) if !s.trim().is_empty() => {
                Some(Value::FontFamily(vec![s.to_string()]))
            }
            NodeKind::Array(items) if !items.is_empty() => {
                let mut names = Vec::new();
                for item in items {
                    match item.as_str() {
                        Some(s) if !s.trim().is_empty() => names.push(s.to_string()),
                        _ => {
                            self.fail(
                                ty,
                                item,
                                "font family names must be non-empty strings".into(),
                                "",
                                None,
                            );
                            return None;
                        }
                    }
                }
                Some(Value::FontFamily(names))
            }
            _ => self.fail(
                ty,
                node,
                format!(
                    "expected a font family name or a list of them, found {}",
                    node.kind_name()
                ),
                "",
                Some("write `\"Inter\"` or `[\"Inter\", \"system-ui\", \"sans-serif\"]`".into()),
            ),
        }
    }

    fn font_weight(&mut self, node: &'n Node) -> Option<Value> {
        let ty = TokenType::FontWeight;
        match &node.kind {
            NodeKind::String(s) => match FONT_WEIGHT_KEYWORDS.iter().find(|(k, _)| k == s) {
                Some((_, n)) => Some(Value::FontWeight(f64::from(*n))),
                None => {
                    let help = crate::diagnostics::did_you_mean(
                        s,
                        FONT_WEIGHT_KEYWORDS.iter().map(|(k, _)| *k),
                    )
                    .map(|m| format!("did you mean \"{m}\"?"))
                    .unwrap_or_else(|| {
                        "use a number from 1 to 1000 or a DTCG keyword such as \"semi-bold\"".into()
                    });
                    self.fail(
                        ty,
                        node,
                        format!("unknown font weight \"{s}\""),
                        "",
                        Some(help),
                    )
                }
            },
            _ => {
                let n = self.number(ty, node, "a font weight")?;
                if (1.0..=1000.0).contains(&n) {
                    Some(Value::FontWeight(n))
                } else {
                    self.fail(
                        ty,
                        node,
                        "font weight is outside 1–1000".into(),
                        "out of range",
                        None,
                    )
                }
            }
        }
    }

    fn cubic_bezier(&mut self, node: &'n Node) -> Option<Value> {
        let ty = TokenType::CubicBezier;
        let Some(items) = node.as_array().filter(|i| i.len() == 4) else {
            return self.fail(
                ty,
                node,
                "a cubic Bézier must be an array of four numbers".into(),
                "",
                Some("write `[0.4, 0, 0.2, 1]` (P1x, P1y, P2x, P2y)".into()),
            );
        };
        let mut out = [0.0; 4];
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.number(ty, item, "a number") {
                Some(v) if (i == 0 || i == 2) && !(0.0..=1.0).contains(&v) => {
                    self.fail(
                        ty,
                        item,
                        "cubic Bézier x coordinates must be in [0, 1]".into(),
                        "out of range",
                        None,
                    );
                    ok = false;
                }
                Some(v) => out[i] = v,
                None => ok = false,
            }
        }
        ok.then_some(Value::CubicBezier(out))
    }

    fn stroke_style(&mut self, node: &'n Node) -> Option<Value> {
        let ty = TokenType::StrokeStyle;
        match &node.kind {
            NodeKind::String(s) if STROKE_KEYWORDS.contains(&s.as_str()) => {
                Some(Value::StrokeKeyword(s.to_string()))
            }
            NodeKind::String(s) => {
                let help = crate::diagnostics::did_you_mean(s, STROKE_KEYWORDS.iter().copied())
                    .map(|m| format!("did you mean \"{m}\"?"))
                    .unwrap_or_else(|| {
                        format!("stroke styles are: {}", STROKE_KEYWORDS.join(", "))
                    });
                self.fail(
                    ty,
                    node,
                    format!("unknown stroke style \"{s}\""),
                    "",
                    Some(help),
                )
            }
            NodeKind::Object(_) => {
                let ok = self.unknown_fields(ty, node, &["dashArray", "lineCap"]);
                let dashes = match node.get("dashArray").map(|e| &e.value) {
                    Some(list) => match list.as_array() {
                        Some(items) if !items.is_empty() => {
                            let mut out = Vec::new();
                            for item in items {
                                out.push(self.value(TokenType::Dimension, item));
                            }
                            out.into_iter().collect::<Option<Vec<_>>>()
                        }
                        _ => self
                            .fail(
                                ty,
                                list,
                                "`dashArray` must be a non-empty array of dimensions".into(),
                                "",
                                None,
                            )
                            .map(|_| Vec::new()),
                    },
                    None => self
                        .fail(
                            ty,
                            node,
                            "stroke style without `dashArray`".into(),
                            "",
                            None,
                        )
                        .map(|_| Vec::new()),
                };
                let cap = match self.field(node, "lineCap") {
                    Some(n) => match n.as_str() {
                        Some(c @ ("round" | "butt" | "square")) => Some(c.to_string()),
                        _ => self
                            .fail(
                                ty,
                                n,
                                "`lineCap` must be \"round\", \"butt\" or \"square\"".into(),
                                "",
                                None,
                            )
                            .map(|_| String::new()),
                    },
                    None => self
                        .fail(ty, node, "stroke style without `lineCap`".into(), "", None)
                        .map(|_| String::new()),
                };
                if !ok {
                    return None;
                }
                Some(Value::StrokeDashes {
                    dash_array: dashes?,
                    line_cap: cap?,
                })
            }
            _ => self.fail(
                ty,
                node,
                format!("expected a stroke style, found {}", node.kind_name()),
                "",
                None,
            ),
        }
    }

    /// Parses an object with exactly `fields` (plus `optional` keys, handled by the caller).
    fn fields(
        &mut self,
        ty: TokenType,
        node: &'n Node,
        fields: &[(&'static str, TokenType)],
        optional: &[&str],
    ) -> Option<Vec<Value>> {
        let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
        let shape = format!("an object with {}", names.join(", "));
        self.object(ty, node, &shape)?;
        let known: Vec<&str> = names
            .iter()
            .copied()
            .chain(optional.iter().copied())
            .collect();
        let mut ok = self.unknown_fields(ty, node, &known);
        let mut parts = Vec::new();
        for (name, part_ty) in fields {
            match node.get(name) {
                Some(e) => {
                    self.parts.push(name);
                    let value = self.value(*part_ty, &e.value);
                    self.parts.pop();
                    match value {
                        Some(v) => parts.push(v),
                        None => ok = false,
                    }
                }
                None => {
                    self.fail(
                        ty,
                        node,
                        format!("{ty} without `{name}`"),
                        &format!("`{name}` is required"),
                        Some(format!("{ty} values need all of: {}", names.join(", "))),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(parts)
    }

    fn shadow_layer(&mut self, node: &'n Node) -> Option<Value> {
        let ty = TokenType::Shadow;
        let parts = self.fields(ty, node, &SHADOW_FIELDS, &["inset"])?;
        if let Value::Dimension(d) = &parts[3]
            && d.value < 0.0
        {
            let blur = node.get("blur").map(|e| &e.value).unwrap_or(node);
            return self.fail(
                ty,
                blur,
                "negative shadow blur".into(),
                "blur must be ≥ 0",
                None,
            );
        }
        let inset = match self.field(node, "inset") {
            None => false,
            Some(n) => match n.kind {
                NodeKind::Bool(b) => b,
                _ => return self.fail(ty, n, "`inset` must be true or false".into(), "", None),
            },
        };
        Some(Value::ShadowLayer(Box::new(parts.try_into().ok()?), inset))
    }

    fn shadow(&mut self, node: &'n Node) -> Option<Value> {
        match &node.kind {
            NodeKind::Array(items) if !items.is_empty() => {
                let mut layers = Vec::new();
                for item in items {
                    layers.push(match self.lookup.reference(item, TokenType::Shadow) {
                        Reference::Literal(n) => self.shadow_layer(n),
                        Reference::Token(id) => Some(Value::Alias(id)),
                        Reference::Broken => None,
                    });
                }
                Some(Value::Shadow(
                    layers.into_iter().collect::<Option<Vec<_>>>()?,
                ))
            }
            NodeKind::Array(_) => self.fail(
                TokenType::Shadow,
                node,
                "a shadow needs at least one layer".into(),
                "",
                None,
            ),
            // A single layer stays a single object, as written.
            _ => self.shadow_layer(node),
        }
    }

    fn gradient(&mut self, node: &'n Node) -> Option<Value> {
        let ty = TokenType::Gradient;
        let Some(items) = node.as_array().filter(|i| !i.is_empty()) else {
            return self.fail(
                ty,
                node,
                "a gradient must be an array of stops".into(),
                "",
                Some("write `[{ color = …, position = 0 }, { color = …, position = 1 }]`".into()),
            );
        };
        let mut stops = Vec::new();
        for item in items {
            stops.push(match self.lookup.reference(item, TokenType::Gradient) {
                Reference::Literal(n) => self
                    .fields(ty, n, &GRADIENT_FIELDS, &[])
                    .and_then(|p| p.try_into().ok())
                    .map(|p| Value::GradientStop(Box::new(p))),
                Reference::Token(id) => Some(Value::Alias(id)),
                Reference::Broken => None,
            });
        }
        Some(Value::Gradient(
            stops.into_iter().collect::<Option<Vec<_>>>()?,
        ))
    }
}

/// Rewrites TOML inline tables in a help text (`{ value = 16, unit = "px" }`) as JSON
/// (`{"value": 16, "unit": "px"}`).
fn json_syntax(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(eq) = rest.find(" = ") {
        let before = &rest[..eq];
        let start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        out.push_str(&before[..start]);
        out.push_str(&format!("\"{}\": ", &before[start..]));
        rest = &rest[eq + 3..];
    }
    out.push_str(rest);
    out.replace("{ ", "{").replace(" }", "}")
}

/// CSS length units that DTCG does not allow (`unit-not-in-spec`).
const CSS_LENGTH_UNITS: &[&str] = &[
    "em", "ex", "ch", "ic", "lh", "rlh", "cap", "vw", "vh", "vi", "vb", "vmin", "vmax", "svw",
    "svh", "lvw", "lvh", "dvw", "dvh", "cqw", "cqh", "cqi", "cqb", "cqmin", "cqmax", "cm", "mm",
    "q", "in", "pc", "pt", "%",
];

fn legacy_color_help(s: &str) -> Option<String> {
    let hex = s.strip_prefix('#')?;
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let v = u32::from_str_radix(&full, 16).ok()?;
    let c = |shift: u32| {
        let x = f64::from((v >> shift) & 0xff) / 255.0;
        (x * 10000.0).round() / 10000.0
    };
    Some(format!(
        "write `{{ colorSpace = \"srgb\", components = [{}, {}, {}], hex = \"#{}\" }}`",
        c(16),
        c(8),
        c(0),
        full.to_ascii_lowercase()
    ))
}

fn legacy_unit_help(s: &str) -> Option<String> {
    let s = s.trim();
    let split = s.find(|c: char| c.is_ascii_alphabetic() || c == '%')?;
    let (n, unit) = s.split_at(split);
    let n: f64 = n.trim().parse().ok()?;
    Some(format!("write `{{ value = {n}, unit = \"{unit}\" }}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_syntax() {
        assert_eq!(alias_path("{a.b}"), Some("a.b"));
        assert_eq!(alias_path("{}"), None);
        assert_eq!(alias_path("{a}{b}"), None);
        assert_eq!(alias_path("a"), None);
    }

    #[test]
    fn help_in_json_syntax() {
        assert_eq!(
            json_syntax("write `{ value = 16, unit = \"px\" }`"),
            "write `{\"value\": 16, \"unit\": \"px\"}`"
        );
    }

    #[test]
    fn legacy_help() {
        assert_eq!(
            legacy_color_help("#fff").unwrap(),
            "write `{ colorSpace = \"srgb\", components = [1, 1, 1], hex = \"#ffffff\" }`"
        );
        assert_eq!(
            legacy_unit_help("16px").unwrap(),
            "write `{ value = 16, unit = \"px\" }`"
        );
    }
}
