//! `contrast`: a declared colour pair lacks the required contrast.

use super::Rule;

/// The `contrast` rule.
pub const RULE: Rule = Rule {
    code: "contrast",
    level: None,
    summary: "a declared colour pair lacks the required contrast",
    doc: "Contrast requirements are declared per token (`$extensions.dev.crust.contrast`) or in \
         bulk (`[[contrast]]` in tokenc.toml). Each pair is checked with the WCAG 2 ratio in \
         every permutation that can change either colour, after resolving aliases, compositing \
         translucent colours over the background and mapping to sRGB. A failure names both \
         tokens, the ratio, the minimum and the permutation.",
};

use crate::config::{ContrastRule, glob, glob_matches};
use crate::diagnostics::Diagnostic;
use crate::model::{Color, TokenType, Value};
use crate::permute::Permutations;
use crate::raw::{Node, NodeKind};
use crate::resolve::{Resolved, Selection};
use crate::source::Span;

/// One declared requirement: `foreground` must contrast with `background`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// Foreground token path.
    pub foreground: String,
    /// Background token path.
    pub background: String,
    /// Minimum WCAG 2 ratio.
    pub min: f64,
    /// Higher minimums in some contexts (`modifier.context`).
    pub min_in: Vec<(String, f64)>,
    /// Where the requirement is written.
    pub span: Span,
}

/// One pair in one permutation.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Foreground token path.
    pub foreground: String,
    /// Background token path.
    pub background: String,
    /// `theme=dark,contrast=more` (empty without modifiers).
    pub permutation: String,
    /// WCAG 2 contrast ratio, 1–21.
    pub ratio: f64,
    /// The minimum that applies in this permutation.
    pub min: f64,
    /// APCA Lc (advisory).
    pub apca: f64,
}

impl Outcome {
    /// Whether the pair meets its minimum.
    pub fn passes(&self) -> bool {
        self.ratio + 1e-9 >= self.min
    }
}

/// The sRGB colour the stylesheet uses for `c` (its `hex` when present), with alpha.
fn srgb(c: &Color) -> Option<[f64; 4]> {
    let bytes = match c.hex {
        Some(hex) => hex,
        None => crate::emit::value::srgb_bytes(c)?,
    };
    let f = |b: u8| f64::from(b) / 255.0;
    Some([f(bytes[0]), f(bytes[1]), f(bytes[2]), c.alpha])
}

/// Composites `top` over an opaque `bottom` (gamma-encoded, as browsers blend).
fn over(top: [f64; 4], bottom: [f64; 3]) -> [f64; 3] {
    let a = top[3];
    [0, 1, 2].map(|i| top[i] * a + bottom[i] * (1.0 - a))
}

fn luminance(c: [f64; 3]) -> f64 {
    let lin = |v: f64| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG 2 contrast ratio of two opaque sRGB colours.
pub fn wcag_ratio(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// APCA Lc of text on a background, from the published APCA-W3 0.0.98G constants.
pub fn apca_lc(text: [f64; 3], background: [f64; 3]) -> f64 {
    let y = |c: [f64; 3]| {
        let y =
            0.2126729 * c[0].powf(2.4) + 0.7151522 * c[1].powf(2.4) + 0.0721750 * c[2].powf(2.4);
        if y < 0.022 {
            y + (0.022 - y).powf(1.414)
        } else {
            y
        }
    };
    let (yt, yb) = (y(text), y(background));
    if (yb - yt).abs() < 0.0005 {
        return 0.0;
    }
    let lc = if yb > yt {
        let s = (yb.powf(0.56) - yt.powf(0.57)) * 1.14;
        if s < 0.1 { 0.0 } else { s - 0.027 }
    } else {
        let s = (yb.powf(0.65) - yt.powf(0.62)) * 1.14;
        if s > -0.1 { 0.0 } else { s + 0.027 }
    };
    lc * 100.0
}

/// The final literal colour of token `path` in `resolved`.
fn color_of(resolved: &Resolved, path: &str) -> Option<Color> {
    let id = resolved.id_of(path)?;
    match &resolved.get(resolved.final_target(id)).value {
        Some(Value::Color(c)) => Some(c.clone()),
        _ => None,
    }
}

/// Declared pairs: bulk rules from the config and per-token `$extensions."dev.crust".contrast`.
pub fn pairs(perms: &mut Permutations<'_>, rules: &[ContrastRule]) -> (Vec<Pair>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut out = Vec::new();
    // Colour tokens of the default permutation and of each single-context permutation, each
    // path once, at its first definition as a colour.
    let held: Vec<std::sync::Arc<crate::resolve::Resolved>> =
        perms.singles().iter().map(|s| perms.get(s)).collect();
    let tokens: Vec<(&str, Option<&Node>)> =
        crate::first_definitions(&held, |t| t.ty == Some(TokenType::Color))
            .into_iter()
            .map(|t| (&*t.path, t.extensions()))
            .collect();
    // Built for the first requirement written on a token: most sets have none.
    let mut colours: Option<foldhash::HashSet<&str>> = None;
    let names: Vec<&str> = tokens.iter().map(|(p, _)| *p).collect();
    for rule in rules {
        // Every pattern must match some colour token: a misspelt name would otherwise drop a
        // requirement without a word.
        let mut matching = |patterns: &[(String, Span)]| -> Vec<String> {
            let mut out = Vec::new();
            let mut have: foldhash::HashSet<&str> = foldhash::HashSet::default();
            for (pattern, span) in patterns {
                let Ok(g) = glob(pattern) else { continue };
                let found: Vec<&str> = names
                    .iter()
                    .copied()
                    .filter(|p| glob_matches(&g, p))
                    .collect();
                for p in &found {
                    if have.insert(p) {
                        out.push(p.to_string());
                    }
                }
                if found.is_empty() {
                    let mut d = Diagnostic::error(
                        "invalid-config",
                        format!("contrast pattern `{pattern}` matches no colour token"),
                    )
                    .at(*span, "matches nothing");
                    d = match crate::diagnostics::did_you_mean(pattern, names.iter().copied()) {
                        Some(near) => d.with_help(format!("did you mean `{near}`?")),
                        None => d.with_help(
                            "patterns are dot paths; `*` matches within one segment, `**` across segments",
                        ),
                    };
                    diagnostics.push(d);
                }
            }
            out
        };
        let (fgs, bgs) = (matching(&rule.foreground), matching(&rule.background));
        if fgs.is_empty() || bgs.is_empty() {
            continue;
        }
        for fg in &fgs {
            for bg in &bgs {
                if fg != bg {
                    out.push(Pair {
                        foreground: fg.clone(),
                        background: bg.clone(),
                        min: rule.min,
                        min_in: rule.min_in.clone(),
                        span: rule.span,
                    });
                }
            }
        }
    }
    for (path, extensions) in &tokens {
        let Some(spec) = extensions
            .and_then(|e| e.get("dev.crust"))
            .and_then(|e| e.value.get("contrast"))
        else {
            continue;
        };
        let items: Vec<&Node> = match &spec.value.kind {
            NodeKind::Array(items) => items.iter().collect(),
            _ => vec![&spec.value],
        };
        for item in items {
            match token_pair(path, item) {
                Ok(pair)
                    if colours
                        .get_or_insert_with(|| tokens.iter().map(|(p, _)| *p).collect())
                        .contains(pair.background.as_str()) =>
                {
                    out.push(pair)
                }
                Ok(pair) => diagnostics.push(
                    Diagnostic::error("unknown-alias", format!("contrast requirement of `{path}` names `{}`, which is not a colour token", pair.background))
                        .at(item.span, ""),
                ),
                Err(d) => diagnostics.push(*d),
            }
        }
    }
    (out, diagnostics)
}

fn token_pair(path: &str, item: &Node) -> Result<Pair, Box<Diagnostic>> {
    let bad = |why: &str| {
        Box::new(
            Diagnostic::error(
                "invalid-value",
                format!("contrast requirement of `{path}`: {why}"),
            )
            .at(item.span, "")
            .with_help("write `contrast = [{ against = \"{color.bg.default}\", min = 4.5 }]`"),
        )
    };
    let against = item
        .get("against")
        .and_then(|e| e.value.as_str())
        .ok_or_else(|| bad("`against` must name a token"))?;
    let background = crate::values::alias_path(against)
        .unwrap_or(against)
        .to_string();
    let min = match item.get("min") {
        Some(e) => e
            .value
            .as_f64()
            .filter(|n| (1.0..=21.0).contains(n))
            .ok_or_else(|| bad("`min` must be a ratio from 1 to 21"))?,
        None => 4.5,
    };
    let mut min_in = Vec::new();
    if let Some(e) = item.get("min_in") {
        for c in e
            .value
            .as_object()
            .ok_or_else(|| bad("`min_in` must be a table"))?
        {
            let n = c
                .value
                .as_f64()
                .ok_or_else(|| bad("`min_in` values must be ratios"))?;
            min_in.push((c.key.to_string(), n));
        }
    }
    for key in item.as_object().unwrap_or(&[]) {
        if !["against", "min", "min_in"].contains(&key.key.as_str()) {
            return Err(bad(&format!("unknown key `{}`", key.key)));
        }
    }
    Ok(Pair {
        foreground: path.to_string(),
        background,
        min,
        min_in,
        span: item.span,
    })
}

/// Evaluates every pair in every permutation that can change either colour. Failures are
/// `contrast` errors; APCA values are `apca-contrast` notes (off unless enabled).
pub fn evaluate(perms: &mut Permutations<'_>, pairs: &[Pair]) -> (Vec<Outcome>, Vec<Diagnostic>) {
    let project = perms.project;
    let mut outcomes = Vec::new();
    let mut diagnostics = Vec::new();
    let default = perms.get(&perms.with(&[]));
    for pair in pairs {
        // Modifiers whose contexts change either colour.
        let mut relevant = Vec::new();
        for m in perms.ordered_modifiers() {
            let changes = (0..project.modifiers[m].contexts.len()).any(|c| {
                let r = perms.get(&perms.with(&[(m, c)]));
                color_of(&r, &pair.foreground) != color_of(&default, &pair.foreground)
                    || color_of(&r, &pair.background) != color_of(&default, &pair.background)
            });
            if changes {
                relevant.push(m);
            }
        }
        let mut selections: Vec<Selection> = vec![perms.with(&[])];
        for &m in &relevant {
            let mut next = Vec::new();
            for s in &selections {
                for c in 0..project.modifiers[m].contexts.len() {
                    let mut s = s.clone();
                    s.0[m] = Some(c);
                    next.push(s);
                }
            }
            selections = next;
        }
        for selection in selections {
            let resolved = perms.get(&selection);
            let (Some(fg), Some(bg)) = (
                color_of(&resolved, &pair.foreground),
                color_of(&resolved, &pair.background),
            ) else {
                continue; // a broken token is reported where it is defined
            };
            let (Some(fg), Some(bg)) = (srgb(&fg), srgb(&bg)) else {
                continue;
            };
            let bg = over(bg, [1.0, 1.0, 1.0]);
            let fg = over(fg, bg);
            let label = selection.label(project);
            let min = pair
                .min_in
                .iter()
                .filter(|(key, _)| in_selection(project, &selection, key))
                .map(|(_, n)| *n)
                .fold(pair.min, f64::max);
            let outcome = Outcome {
                foreground: pair.foreground.clone(),
                background: pair.background.clone(),
                permutation: label.clone(),
                ratio: wcag_ratio(fg, bg),
                min,
                apca: apca_lc(fg, bg),
            };
            let place = if label.is_empty() {
                String::new()
            } else {
                format!(" in {label}")
            };
            if !outcome.passes() {
                diagnostics.push(
                    Diagnostic::error(
                        RULE.code,
                        format!(
                            "`{}` on `{}` has contrast {:.2}:1, below {}:1{place}",
                            pair.foreground, pair.background, outcome.ratio, outcome.min
                        ),
                    )
                    .at(pair.span, "required here")
                    .with_help("darken or lighten one of the two colours in this permutation"),
                );
            }
            diagnostics.push(
                Diagnostic::warning(
                    "apca-contrast",
                    format!(
                        "APCA Lc {:.1} for `{}` on `{}`{place}",
                        outcome.apca, pair.foreground, pair.background
                    ),
                )
                .at(pair.span, ""),
            );
            outcomes.push(outcome);
        }
    }
    (outcomes, diagnostics)
}

/// Whether `key` (`modifier.context`) is chosen in `selection`.
fn in_selection(project: &crate::load::Project, selection: &Selection, key: &str) -> bool {
    let Some((m, c)) = key.split_once('.') else {
        return false;
    };
    project
        .modifiers
        .iter()
        .zip(&selection.0)
        .any(|(modifier, chosen)| {
            modifier.name.eq_ignore_ascii_case(m)
                && chosen.is_some_and(|i| modifier.contexts[i].0.eq_ignore_ascii_case(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcag_and_apca_known_values() {
        let white = [1.0, 1.0, 1.0];
        let black = [0.0, 0.0, 0.0];
        assert!((wcag_ratio(white, black) - 21.0).abs() < 1e-9);
        let grey = [136.0 / 255.0; 3];
        assert!((apca_lc(grey, white) - 63.06).abs() < 0.05);
        assert!((apca_lc(white, grey) + 68.54).abs() < 0.05);
        assert!((apca_lc(black, white) - 106.04).abs() < 0.05);
        let blue = [0.0, 0x90 as f64 / 255.0, 1.0];
        let text = [0xfc as f64 / 255.0; 3];
        assert!((wcag_ratio(text, blue) - 3.18).abs() < 0.01);
    }

    #[test]
    fn translucent_colours_are_composited() {
        let half_black = [0.0, 0.0, 0.0, 0.5];
        let on_white = over(half_black, [1.0, 1.0, 1.0]);
        assert!((on_white[0] - 0.5).abs() < 1e-9);
    }
}
