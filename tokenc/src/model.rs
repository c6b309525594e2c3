//! The typed token model: DTCG types and values that can no longer be malformed.
//!
//! A [`Value`] is either a literal of its type or an [`Value::Alias`] to another token; composite
//! values hold their parts as `Value`s too, so a part can be an alias (`{color.accent}` inside a
//! border) and is type-checked like a whole token.

use std::fmt;

/// Index of a token in one resolved permutation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenId(pub u32);

/// The thirteen DTCG 2025.10 token types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenType {
    /// `color`
    Color,
    /// `dimension`
    Dimension,
    /// `duration`
    Duration,
    /// `number`
    Number,
    /// `fontFamily`
    FontFamily,
    /// `fontWeight`
    FontWeight,
    /// `cubicBezier`
    CubicBezier,
    /// `strokeStyle`
    StrokeStyle,
    /// `border`
    Border,
    /// `transition`
    Transition,
    /// `shadow`
    Shadow,
    /// `gradient`
    Gradient,
    /// `typography`
    Typography,
}

impl TokenType {
    /// Every type, in the spec's order.
    pub const ALL: [TokenType; 13] = [
        TokenType::Color,
        TokenType::Dimension,
        TokenType::Duration,
        TokenType::Number,
        TokenType::FontFamily,
        TokenType::FontWeight,
        TokenType::CubicBezier,
        TokenType::StrokeStyle,
        TokenType::Border,
        TokenType::Transition,
        TokenType::Shadow,
        TokenType::Gradient,
        TokenType::Typography,
    ];

    /// The `$type` spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenType::Color => "color",
            TokenType::Dimension => "dimension",
            TokenType::Duration => "duration",
            TokenType::Number => "number",
            TokenType::FontFamily => "fontFamily",
            TokenType::FontWeight => "fontWeight",
            TokenType::CubicBezier => "cubicBezier",
            TokenType::StrokeStyle => "strokeStyle",
            TokenType::Border => "border",
            TokenType::Transition => "transition",
            TokenType::Shadow => "shadow",
            TokenType::Gradient => "gradient",
            TokenType::Typography => "typography",
        }
    }

    /// Parses a `$type` (case-sensitive, as the spec requires).
    pub fn parse(s: &str) -> Option<TokenType> {
        TokenType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The Rust marker type name (`Color`, `FontFamily`…).
    pub fn rust_name(self) -> &'static str {
        match self {
            TokenType::Color => "Color",
            TokenType::Dimension => "Dimension",
            TokenType::Duration => "Duration",
            TokenType::Number => "Number",
            TokenType::FontFamily => "FontFamily",
            TokenType::FontWeight => "FontWeight",
            TokenType::CubicBezier => "CubicBezier",
            TokenType::StrokeStyle => "StrokeStyle",
            TokenType::Border => "Border",
            TokenType::Transition => "Transition",
            TokenType::Shadow => "Shadow",
            TokenType::Gradient => "Gradient",
            TokenType::Typography => "Typography",
        }
    }
}

impl fmt::Display for TokenType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The colour spaces of the DTCG Color module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum ColorSpace {
    Srgb,
    SrgbLinear,
    Hsl,
    Hwb,
    Lab,
    Lch,
    Oklab,
    Oklch,
    DisplayP3,
    A98Rgb,
    ProphotoRgb,
    Rec2020,
    XyzD65,
    XyzD50,
}

impl ColorSpace {
    /// Every colour space with its DTCG spelling.
    pub const ALL: [(ColorSpace, &'static str); 14] = [
        (ColorSpace::Srgb, "srgb"),
        (ColorSpace::SrgbLinear, "srgb-linear"),
        (ColorSpace::Hsl, "hsl"),
        (ColorSpace::Hwb, "hwb"),
        (ColorSpace::Lab, "lab"),
        (ColorSpace::Lch, "lch"),
        (ColorSpace::Oklab, "oklab"),
        (ColorSpace::Oklch, "oklch"),
        (ColorSpace::DisplayP3, "display-p3"),
        (ColorSpace::A98Rgb, "a98-rgb"),
        (ColorSpace::ProphotoRgb, "prophoto-rgb"),
        (ColorSpace::Rec2020, "rec2020"),
        (ColorSpace::XyzD65, "xyz-d65"),
        (ColorSpace::XyzD50, "xyz-d50"),
    ];

    /// Parses a DTCG colour-space name.
    pub fn parse(s: &str) -> Option<ColorSpace> {
        Self::ALL.iter().find(|(_, n)| *n == s).map(|(c, _)| *c)
    }

    /// The DTCG spelling.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(c, _)| *c == self)
            .map(|(_, n)| *n)
            .unwrap_or("srgb")
    }

    /// Inclusive ranges of the three components (`None` where unbounded), as the spec gives them.
    pub fn ranges(self) -> [(Option<f64>, Option<f64>); 3] {
        let unit = (Some(0.0), Some(1.0));
        let hue = (Some(0.0), Some(360.0));
        let pct = (Some(0.0), Some(100.0));
        let free = (None, None);
        let nonneg = (Some(0.0), None);
        match self {
            ColorSpace::Hsl | ColorSpace::Hwb => [hue, pct, pct],
            ColorSpace::Lab => [pct, free, free],
            ColorSpace::Lch => [pct, nonneg, hue],
            ColorSpace::Oklab => [unit, free, free],
            ColorSpace::Oklch => [unit, nonneg, hue],
            // Gamut-bounded RGB spaces; XYZ values stay in [0, 1] by the Color module.
            _ => [unit, unit, unit],
        }
    }

    /// Whether colours in this space can always be shown as sRGB without gamut mapping.
    pub fn is_srgb_family(self) -> bool {
        matches!(self, ColorSpace::Srgb | ColorSpace::Hsl | ColorSpace::Hwb)
    }
}

/// A DTCG colour value.
#[derive(Clone, Debug, PartialEq)]
pub struct Color {
    /// The colour space.
    pub space: ColorSpace,
    /// The three components; `None` is the keyword `"none"`.
    pub components: [Option<f64>; 3],
    /// Alpha in [0, 1].
    pub alpha: f64,
    /// The optional sRGB fallback (`hex`), as its three bytes.
    pub hex: Option<[u8; 3]>,
}

/// A DTCG dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Dimension {
    /// The number.
    pub value: f64,
    /// `px` or `rem` (other CSS units only when `unit-not-in-spec` is relaxed).
    pub unit: String,
}

/// A DTCG duration.
#[derive(Clone, Debug, PartialEq)]
pub struct Duration {
    /// The number, ≥ 0.
    pub value: f64,
    /// `ms` or `s`.
    pub unit: String,
}

/// A resolved or partly aliased token value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// The whole value (or part) is another token's value.
    Alias(TokenId),
    /// `color`
    Color(Color),
    /// `dimension`
    Dimension(Dimension),
    /// `duration`
    Duration(Duration),
    /// `number`
    Number(f64),
    /// `fontFamily`: one or more family names, most preferred first.
    FontFamily(Vec<String>),
    /// `fontWeight`: 1–1000 (keywords are converted to their numbers).
    FontWeight(f64),
    /// `cubicBezier`: P1x, P1y, P2x, P2y.
    CubicBezier([f64; 4]),
    /// `strokeStyle` keyword.
    StrokeKeyword(String),
    /// `strokeStyle` object form: dashes (dimensions) and a line cap.
    StrokeDashes {
        /// Dash and gap lengths.
        dash_array: Vec<Value>,
        /// `round`, `butt` or `square`.
        line_cap: String,
    },
    /// `border`: color, width, style.
    Border(Box<[Value; 3]>),
    /// `transition`: duration, delay, timing function.
    Transition(Box<[Value; 3]>),
    /// `shadow`: layers, each a [`Value::ShadowLayer`] or an alias to a shadow token.
    Shadow(Vec<Value>),
    /// One shadow layer: color, offsetX, offsetY, blur, spread, and inset.
    ShadowLayer(Box<[Value; 5]>, bool),
    /// `gradient`: stops, each a [`Value::GradientStop`] or an alias.
    Gradient(Vec<Value>),
    /// One gradient stop: color and position (a number in [0, 1]).
    GradientStop(Box<[Value; 2]>),
    /// `typography`: fontFamily, fontSize, fontWeight, letterSpacing, lineHeight.
    Typography(Box<[Value; 5]>),
}

/// Sub-properties of the composite types, in the order [`Value`] stores them, with their types.
pub fn composite_fields(ty: TokenType) -> &'static [(&'static str, TokenType)] {
    match ty {
        TokenType::Border => &[
            ("color", TokenType::Color),
            ("width", TokenType::Dimension),
            ("style", TokenType::StrokeStyle),
        ],
        TokenType::Transition => &[
            ("duration", TokenType::Duration),
            ("delay", TokenType::Duration),
            ("timingFunction", TokenType::CubicBezier),
        ],
        TokenType::Typography => &[
            ("fontFamily", TokenType::FontFamily),
            ("fontSize", TokenType::Dimension),
            ("fontWeight", TokenType::FontWeight),
            ("letterSpacing", TokenType::Dimension),
            ("lineHeight", TokenType::Number),
        ],
        _ => &[],
    }
}

/// Fields of one shadow layer, in storage order.
pub const SHADOW_FIELDS: [(&str, TokenType); 5] = [
    ("color", TokenType::Color),
    ("offsetX", TokenType::Dimension),
    ("offsetY", TokenType::Dimension),
    ("blur", TokenType::Dimension),
    ("spread", TokenType::Dimension),
];

/// Fields of one gradient stop, in storage order.
pub const GRADIENT_FIELDS: [(&str, TokenType); 2] =
    [("color", TokenType::Color), ("position", TokenType::Number)];

/// DTCG fontWeight keywords and their numbers.
pub const FONT_WEIGHT_KEYWORDS: &[(&str, u16)] = &[
    ("thin", 100),
    ("hairline", 100),
    ("extra-light", 200),
    ("ultra-light", 200),
    ("light", 300),
    ("normal", 400),
    ("regular", 400),
    ("book", 400),
    ("medium", 500),
    ("semi-bold", 600),
    ("demi-bold", 600),
    ("bold", 700),
    ("extra-bold", 800),
    ("ultra-bold", 800),
    ("black", 900),
    ("heavy", 900),
    ("extra-black", 950),
    ("ultra-black", 950),
];

/// strokeStyle keywords.
pub const STROKE_KEYWORDS: &[&str] = &[
    "solid", "dashed", "dotted", "double", "groove", "ridge", "outset", "inset",
];

/// Whether `value` (or any part of it) is an alias.
pub fn has_alias(value: &Value) -> bool {
    let mut found = false;
    visit_aliases(value, &mut |_| found = true);
    found
}

/// Calls `f` with every alias target in `value`, parts included.
pub fn visit_aliases(value: &Value, f: &mut dyn FnMut(TokenId)) {
    match value {
        Value::Alias(id) => f(*id),
        Value::StrokeDashes { dash_array, .. } => {
            dash_array.iter().for_each(|v| visit_aliases(v, f))
        }
        Value::Border(parts) | Value::Transition(parts) => {
            parts.iter().for_each(|v| visit_aliases(v, f))
        }
        Value::ShadowLayer(parts, _) | Value::Typography(parts) => {
            parts.iter().for_each(|v| visit_aliases(v, f))
        }
        Value::GradientStop(parts) => parts.iter().for_each(|v| visit_aliases(v, f)),
        Value::Shadow(items) | Value::Gradient(items) => {
            items.iter().for_each(|v| visit_aliases(v, f))
        }
        _ => {}
    }
}
