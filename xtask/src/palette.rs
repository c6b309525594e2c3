//! `cargo xtask palette`: Crust's colour ramps, built in OKLCH.
//!
//! Every ramp has the same eleven steps at the same OKLCH lightness, so `blue.600` and
//! `red.600` are equally light and carry the same contrast against the same neutral. Chroma
//! follows a curve that peaks in the middle of the ramp and is cut back to what sRGB can show, so
//! the hex fallback is the colour itself rather than a clipped approximation. The file this
//! writes, `tokens/base/color.toml`, is committed; run the command again after changing a ramp
//! here, or print one ramp for your own brand with `--hue` and `--chroma`.

use std::fmt::Write as _;

/// Step names and their OKLCH lightness: fine steps at the light end (page and surface
/// backgrounds), then steps of about 0.09 down to the darkest text and dark-theme surfaces
/// (slightly shorter at the dark end, where the eye separates lightness better).
pub(crate) const STEPS: [(&str, f64); 11] = [
    ("50", 0.985),
    ("100", 0.96),
    ("200", 0.91),
    ("300", 0.84),
    ("400", 0.745),
    ("500", 0.65),
    ("600", 0.55),
    ("700", 0.465),
    ("800", 0.38),
    ("900", 0.295),
    ("950", 0.215),
];

/// Share of a ramp's peak chroma at each step: colourful in the middle, quiet at both ends.
const CHROMA_SHAPE: [f64; 11] = [
    0.12, 0.22, 0.42, 0.64, 0.86, 1.0, 1.0, 0.92, 0.78, 0.56, 0.34,
];

/// One ramp: a name, its hue at the light and the dark end (warm hues drift as they darken),
/// and its peak chroma.
pub(crate) struct Ramp {
    /// Token group name under `color`.
    pub(crate) name: &'static str,
    /// What the ramp is for, written as the group's `$description`.
    pub(crate) role: &'static str,
    /// Hue (degrees) at the lightest step.
    pub(crate) hue_light: f64,
    /// Hue (degrees) at the darkest step.
    pub(crate) hue_dark: f64,
    /// Peak chroma, before the sRGB gamut cuts it.
    pub(crate) chroma: f64,
}

/// Crust's ramps. The neutral carries a trace of the brand hue so greys do not look dead.
pub(crate) const RAMPS: [Ramp; 8] = [
    Ramp {
        name: "gray",
        role: "Neutral: text, surfaces, borders",
        hue_light: 260.0,
        hue_dark: 260.0,
        chroma: 0.014,
    },
    Ramp {
        name: "blue",
        role: "Brand and accent",
        hue_light: 258.0,
        hue_dark: 264.0,
        chroma: 0.20,
    },
    Ramp {
        name: "violet",
        role: "Alternative brand hue",
        hue_light: 295.0,
        hue_dark: 290.0,
        chroma: 0.20,
    },
    Ramp {
        name: "cyan",
        role: "Information",
        hue_light: 222.0,
        hue_dark: 228.0,
        chroma: 0.13,
    },
    Ramp {
        name: "green",
        role: "Success",
        hue_light: 152.0,
        hue_dark: 155.0,
        chroma: 0.16,
    },
    Ramp {
        name: "amber",
        role: "Warning",
        hue_light: 88.0,
        hue_dark: 55.0,
        chroma: 0.17,
    },
    Ramp {
        name: "red",
        role: "Danger",
        hue_light: 22.0,
        hue_dark: 27.0,
        chroma: 0.20,
    },
    Ramp {
        name: "pink",
        role: "Decorative accent",
        hue_light: 350.0,
        hue_dark: 355.0,
        chroma: 0.18,
    },
];

/// A colour step: rounded OKLCH components and the sRGB bytes they convert to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Swatch {
    /// OKLCH lightness (0–1), chroma and hue (degrees), as written in the token.
    pub(crate) lch: [f64; 3],
    /// The same colour in 8-bit sRGB (the token's `hex`).
    pub(crate) rgb: [u8; 3],
}

/// Converts OKLCH to gamma-encoded sRGB (0–1, unclipped), by CSS Color 4's matrices.
pub(crate) fn oklch_to_srgb([l, c, h]: [f64; 3]) -> [f64; 3] {
    let (a, b) = (c * h.to_radians().cos(), c * h.to_radians().sin());
    let l_ = l + 0.396_337_777_4 * a + 0.215_803_757_3 * b;
    let m_ = l - 0.105_561_345_8 * a - 0.063_854_172_8 * b;
    let s_ = l - 0.089_484_177_5 * a - 1.291_485_548 * b;
    let (l3, m3, s3) = (l_.powi(3), m_.powi(3), s_.powi(3));
    let linear = [
        4.076_741_662_1 * l3 - 3.307_711_591_3 * m3 + 0.230_969_929_2 * s3,
        -1.268_438_004_6 * l3 + 2.609_757_401_1 * m3 - 0.341_319_396_5 * s3,
        -0.004_196_086_3 * l3 - 0.703_418_614_7 * m3 + 1.707_614_701 * s3,
    ];
    linear.map(|v| {
        if v.abs() <= 0.003_130_8 {
            12.92 * v
        } else {
            v.signum() * (1.055 * v.abs().powf(1.0 / 2.4) - 0.055)
        }
    })
}

fn in_gamut(rgb: [f64; 3]) -> bool {
    rgb.iter().all(|v| (-1e-6..=1.0 + 1e-6).contains(v))
}

/// The step at lightness `l`, hue `h`, with the largest chroma up to `c` that sRGB can show,
/// rounded as written (chroma rounded down so the rounded colour stays inside).
pub(crate) fn swatch(l: f64, c: f64, h: f64) -> Swatch {
    let (mut lo, mut hi) = (0.0, c);
    if !in_gamut(oklch_to_srgb([l, c, h])) {
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if in_gamut(oklch_to_srgb([l, mid, h])) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi = lo;
    }
    let lch = [
        (l * 1000.0).round() / 1000.0,
        (hi * 1000.0).floor() / 1000.0,
        (h * 10.0).round() / 10.0,
    ];
    let rgb = oklch_to_srgb(lch).map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
    Swatch { lch, rgb }
}

/// Opacity steps (percent) of the translucent black and white ramps.
const ALPHA_STEPS: [u8; 10] = [4, 8, 12, 16, 24, 32, 48, 64, 72, 80];

/// Extra neutral steps for dark themes, which need fine steps at the dark end as light themes
/// do at the light end (page, surface, raised surface, hover).
const DARK_NEUTRAL_STEPS: [(&str, f64); 3] = [("850", 0.345), ("925", 0.26), ("975", 0.18)];

/// Linear interpolation of `CHROMA_SHAPE` at lightness `l`.
fn shape_at(l: f64) -> f64 {
    let pos = STEPS
        .iter()
        .position(|(_, sl)| *sl <= l)
        .unwrap_or(STEPS.len() - 1);
    if pos == 0 {
        return CHROMA_SHAPE[0];
    }
    let (l0, l1) = (STEPS[pos - 1].1, STEPS[pos].1);
    let t = ((l0 - l) / (l0 - l1)).clamp(0.0, 1.0);
    CHROMA_SHAPE[pos - 1] + (CHROMA_SHAPE[pos] - CHROMA_SHAPE[pos - 1]) * t
}

/// The steps of one ramp, light to dark (the neutral has the extra dark steps).
pub(crate) fn ramp(r: &Ramp) -> Vec<(&'static str, Swatch)> {
    let mut steps = STEPS.to_vec();
    if r.name == "gray" {
        steps.extend(DARK_NEUTRAL_STEPS);
        steps.sort_by(|a, b| b.1.total_cmp(&a.1));
    }
    let (lightest, darkest) = (STEPS[0].1, STEPS[STEPS.len() - 1].1);
    steps
        .into_iter()
        .map(|(name, l)| {
            let t = ((lightest - l) / (lightest - darkest)).clamp(0.0, 1.0);
            let hue = r.hue_light + (r.hue_dark - r.hue_light) * t;
            (name, swatch(l, r.chroma * shape_at(l), hue))
        })
        .collect()
}

fn num(v: f64) -> String {
    let s = format!("{v}");
    if s.contains('.') { s } else { format!("{s}.0") }
}

/// The TOML group of one ramp.
pub(crate) fn ramp_toml(r: &Ramp) -> String {
    let mut out = format!(
        "[color.{}]\n\"$type\" = \"color\"\n\"$description\" = \"{} (OKLCH hue {}→{}, peak chroma {})\"\n",
        r.name,
        r.role,
        r.hue_light,
        r.hue_dark,
        num(r.chroma)
    );
    for (step, s) in ramp(r) {
        let [l, c, h] = s.lch;
        let [red, green, blue] = s.rgb;
        let _ = writeln!(
            out,
            "{step} = {{ \"$value\" = {{ colorSpace = \"oklch\", components = [{}, {}, {}], hex = \"#{red:02x}{green:02x}{blue:02x}\" }} }}",
            num(l),
            num(c),
            num(h)
        );
    }
    out
}

/// The whole of `tokens/base/color.toml`.
pub(crate) fn color_file() -> String {
    let mut out = String::from(
        "# @generated by `cargo xtask palette`: edit the ramps in xtask/src/palette.rs and run it again.\n\
         # Colour primitives. Every ramp has the same OKLCH lightness at the same step, so steps are\n\
         # interchangeable across hues; chroma is cut to the sRGB gamut, so `hex` is the colour itself.\n\
         # Semantic colours (themes/*.toml) alias these; components never use them directly.\n\n\
         [color.white]\n\
         \"$type\" = \"color\"\n\
         \"$value\" = { colorSpace = \"srgb\", components = [1.0, 1.0, 1.0], hex = \"#ffffff\" }\n\
         \"$description\" = \"Pure white: text on solid colours, light page\"\n\n\
         [color.black]\n\
         \"$type\" = \"color\"\n\
         \"$value\" = { colorSpace = \"srgb\", components = [0.0, 0.0, 0.0], hex = \"#000000\" }\n\
         \"$description\" = \"Pure black: the base of shadows and scrims\"\n",
    );
    for r in &RAMPS {
        out.push('\n');
        out.push_str(&ramp_toml(r));
    }
    for (name, base, role) in [
        (
            "black-alpha",
            0.0,
            "Translucent black: shadows, scrims, hover tints on light surfaces",
        ),
        (
            "white-alpha",
            1.0,
            "Translucent white: hover tints and highlights on dark surfaces",
        ),
    ] {
        let _ = write!(
            out,
            "\n[color.{name}]\n\"$type\" = \"color\"\n\"$description\" = \"{role}\"\n"
        );
        for step in ALPHA_STEPS {
            let _ = writeln!(
                out,
                "{step} = {{ \"$value\" = {{ colorSpace = \"srgb\", components = [{b}, {b}, {b}], alpha = {a} }} }}",
                b = num(base),
                a = num(f64::from(step) / 100.0)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_known_colours() {
        // CSS Color 4 examples: sRGB red and white in OKLCH.
        let red = oklch_to_srgb([0.627_955, 0.257_683, 29.234]);
        assert!((red[0] - 1.0).abs() < 1e-3 && red[1].abs() < 1e-3 && red[2].abs() < 1e-3);
        let white = oklch_to_srgb([1.0, 0.0, 0.0]);
        assert!(white.iter().all(|v| (v - 1.0).abs() < 1e-6));
    }

    #[test]
    fn steps_stay_in_gamut_and_darken() {
        for r in &RAMPS {
            let steps = ramp(r);
            for (name, s) in &steps {
                assert!(
                    in_gamut(oklch_to_srgb(s.lch)),
                    "{}.{name} out of sRGB",
                    r.name
                );
            }
            for pair in steps.windows(2) {
                assert!(
                    pair[0].1.lch[0] > pair[1].1.lch[0],
                    "{} does not darken",
                    r.name
                );
            }
        }
    }
}
