//! The token pages' tables and specimens, from `tokenc resolve` and `tokenc contrast` run on
//! Crust's own token set.

use crate::{escape, root};

/// Runs `tokenc <args>` on Crust's tokens (built with cargo if needed) and parses its JSON.
fn tokenc_json(args: &[&str]) -> Result<serde_json::Value, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut all = vec!["run", "-q", "-p", "tokenc", "--"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--config", "tokens/tokenc.toml", "-q"]);
    let out = std::process::Command::new(cargo)
        .current_dir(root())
        .args(&all)
        .output()
        .map_err(|e| format!("cannot run tokenc: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "tokenc {} failed:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("tokenc printed bad JSON: {e}"))
}

/// Every permutation of Crust's tokens, from `tokenc resolve`.
pub(crate) fn resolve_tokens() -> Result<serde_json::Value, String> {
    tokenc_json(&["resolve", "--all-permutations"])
}

/// A foreground and a background token path.
type Pair = (String, String);
/// A measured ratio and the minimum it must reach.
type Ratio = (f64, f64);

/// Every declared contrast pair: a live sample in the page's theme, and its WCAG 2 ratio in
/// light and dark, each with normal and more contrast (the lowest over density and motion).
pub(crate) fn contrast_table() -> Result<String, String> {
    let rows = tokenc_json(&["contrast", "--format", "json"])?;
    let rows = rows.as_array().ok_or("tokenc contrast printed no list")?;
    let columns = [
        ("light", "normal"),
        ("dark", "normal"),
        ("light", "more"),
        ("dark", "more"),
    ];
    // (fg, bg) → ratio and minimum per column, in first-seen order.
    let mut pairs: Vec<(Pair, [Option<Ratio>; 4])> = Vec::new();
    for row in rows {
        let (Some(fg), Some(bg), Some(perm)) = (
            row["foreground"].as_str(),
            row["background"].as_str(),
            row["permutation"].as_str(),
        ) else {
            continue;
        };
        let ratio = row["ratio"].as_f64().unwrap_or(0.0);
        let min = row["min"].as_f64().unwrap_or(0.0);
        let key = (fg.to_string(), bg.to_string());
        let at = match pairs.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                pairs.push((key, [None; 4]));
                pairs.len() - 1
            }
        };
        for (i, (theme, contrast)) in columns.iter().enumerate() {
            if perm.starts_with(&format!("theme={theme},contrast={contrast},")) {
                let cell = &mut pairs[at].1[i];
                if cell.is_none_or(|(r, _)| ratio < r) {
                    *cell = Some((ratio, min));
                }
            }
        }
    }
    let mut table = String::from(
        "| Pair | Sample | Light | Dark | Light, more | Dark, more |\n|---|---|---|---|---|---|\n",
    );
    for ((fg, bg), cells) in &pairs {
        // A permutation left out of the report did not change the pair: use its neighbour.
        let get = |i: usize| cells[i].or(cells[i % 2]).or(cells[0]);
        let cell = |i: usize| match get(i) {
            Some((ratio, min)) => {
                format!("<span class=\"crust-ratio\">{ratio:.2} (≥ {min})</span>")
            }
            None => "—".into(),
        };
        let var = |path: &str| format!("var(--crust-{})", path.replace('.', "-"));
        // Pairs held to text contrast are shown as text; the 3:1 ones (boundaries, focus,
        // fills) as a ring of the foreground colour, which is what they draw.
        let is_text = cells.iter().flatten().all(|(_, min)| *min >= 4.5);
        let sample = if is_text {
            format!(
                "<span class=\"crust-pair\" style=\"color:{};background:{}\">Aa</span>",
                var(fg),
                var(bg)
            )
        } else {
            format!(
                "<span class=\"crust-pair crust-pair--ring\" style=\"border-color:{};background:{}\"></span>",
                var(fg),
                var(bg)
            )
        };
        table.push_str(&format!(
            "| `{fg}` on `{bg}` | {sample} | {} | {} | {} | {} |\n",
            cell(0),
            cell(1),
            cell(2),
            cell(3)
        ));
    }
    Ok(table)
}

/// The tokens under `prefix.` with their CSS value in light and dark (and more contrast where it
/// differs), with a swatch for colours.
pub(crate) fn token_table(prefix: &str, all: &serde_json::Value) -> Result<String, String> {
    let key = |theme: &str, contrast: &str| {
        format!("theme={theme},contrast={contrast},density=comfortable,motion=full")
    };
    let light = &all[key("light", "normal")];
    let dark = &all[key("dark", "normal")];
    let compact = &all["theme=light,contrast=normal,density=compact,motion=full"];
    let tokens = light.as_object().ok_or("tokenc printed no tokens")?;
    let mut table = String::from("| Token | Light | Dark | Compact |\n|---|---|---|---|\n");
    let mut n = 0;
    for (path, token) in tokens {
        if !path.starts_with(&format!("{prefix}.")) {
            continue;
        }
        n += 1;
        let name = token["name"].as_str().unwrap_or("");
        let cell = |t: &serde_json::Value| {
            let css = t[path.as_str()]["css"].as_str().unwrap_or("").to_string();
            let swatch = if token["type"] == "color" {
                format!(
                    "<span class=\"crust-swatch\" style=\"background:{}\"></span> ",
                    escape(&css)
                )
            } else {
                String::new()
            };
            format!("{swatch}`{}`", css.replace('|', "\\|"))
        };
        let compact_cell = if compact[path.as_str()] == light[path.as_str()] {
            "same".to_string()
        } else {
            cell(compact)
        };
        table.push_str(&format!(
            "| `{name}` | {} | {} | {compact_cell} |\n",
            cell(light),
            cell(dark)
        ));
    }
    if n == 0 {
        return Err(format!("no tokens under `{prefix}.`"));
    }
    Ok(table)
}

/// Specimens of the tokens under `prefix.`, drawn with the tokens themselves (so they follow the
/// page's theme and density): dimensions as bars (radii as rounded squares), typography as
/// text, shadows as cards, durations and easings as dots that move when "Play" is checked,
/// font families and weights as text. Colours and plain numbers are left to the tables.
pub(crate) fn specimens(prefix: &str, all: &serde_json::Value) -> Result<String, String> {
    let light = &all["theme=light,contrast=normal,density=comfortable,motion=full"];
    let tokens = light.as_object().ok_or("tokenc printed no tokens")?;
    let mut rows = String::new();
    let mut moving = false;
    for (path, token) in tokens {
        if !path.starts_with(&format!("{prefix}.")) {
            continue;
        }
        let name = token["name"].as_str().unwrap_or("");
        let css = escape(token["css"].as_str().unwrap_or(""));
        let var = format!("var({name})");
        // `text.heading.1` → "heading 1": the role, as words.
        let role = path[prefix.len() + 1..].replace(['.', '-'], " ");
        let sample = match token["type"].as_str().unwrap_or("") {
            "dimension" if path.starts_with("font.size.") => format!(
                "<span class=\"crust-specimen__text\" style=\"font-size:{var}\">Sphinx of black quartz</span>"
            ),
            "dimension" if path.contains("radius") => format!(
                "<span class=\"crust-specimen__radius\" style=\"border-radius:{var}\"></span>"
            ),
            "dimension" => {
                format!("<span class=\"crust-specimen__bar\" style=\"inline-size:{var}\"></span>")
            }
            "typography" => format!(
                "<span class=\"crust-specimen__text\" style=\"font:{var}\">{role}: sphinx of black quartz, judge my vow</span>"
            ),
            "fontFamily" => format!(
                "<span class=\"crust-specimen__text\" style=\"font-family:{var}\">Sphinx of black quartz, judge my vow</span>"
            ),
            "fontWeight" => format!(
                "<span class=\"crust-specimen__text\" style=\"font-weight:{var}\">Sphinx of black quartz, judge my vow</span>"
            ),
            "shadow" => {
                format!("<span class=\"crust-specimen__card\" style=\"box-shadow:{var}\"></span>")
            }
            "duration" => {
                moving = true;
                let timing = if path.contains("delay") {
                    format!(
                        "transition-delay:{var};transition-duration:var(--crust-motion-duration-move)"
                    )
                } else {
                    format!("transition-duration:{var}")
                };
                format!(
                    "<span class=\"crust-specimen__track\"><span class=\"crust-specimen__dot\" style=\"{timing}\"></span></span>"
                )
            }
            "cubicBezier" => {
                moving = true;
                format!(
                    "{}<span class=\"crust-specimen__track\"><span class=\"crust-specimen__dot\" style=\"transition-timing-function:{var}\"></span></span>",
                    curve(token["css"].as_str().unwrap_or(""))
                )
            }
            _ => continue,
        };
        rows.push_str(&format!(
            "<div class=\"crust-specimen\"><span class=\"crust-specimen__label\"><code>{name}</code><span class=\"crust-specimen__value\">{css}</span></span><span class=\"crust-specimen__sample\">{sample}</span></div>\n"
        ));
    }
    if rows.is_empty() {
        return Err(format!("no tokens to draw under `{prefix}.`"));
    }
    let play = if moving {
        "<label class=\"crust-specimens__play\"><input type=\"checkbox\"> Play: move every dot with its duration, delay or easing (the reduced-motion setting shortens them)</label>\n"
    } else {
        ""
    };
    Ok(format!(
        "<div class=\"crust-specimens\">\n{play}{rows}</div>\n"
    ))
}

/// A small drawing of a `cubic-bezier(x1,y1,x2,y2)` easing curve (decorative).
fn curve(css: &str) -> String {
    let inner = css
        .trim()
        .strip_prefix("cubic-bezier(")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or("");
    let n: Vec<f64> = inner
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    let [x1, y1, x2, y2] = n[..] else {
        return String::new();
    };
    let (w, h) = (32.0, 32.0);
    let point = |x: f64, y: f64| format!("{:.1},{:.1}", x * w, h - y * h);
    format!(
        "<svg class=\"crust-specimen__curve\" viewBox=\"-2 -2 36 36\" aria-hidden=\"true\"><path d=\"M{} C{} {} {}\"/></svg>",
        point(0.0, 0.0),
        point(x1, y1),
        point(x2, y2),
        point(1.0, 1.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easing_curves_are_drawn_from_their_control_points() {
        let svg = curve("cubic-bezier(.2,0,0,1)");
        assert!(
            svg.contains("d=\"M0.0,32.0 C6.4,32.0 0.0,0.0 32.0,0.0\""),
            "{svg}"
        );
        assert_eq!(curve("linear"), "");
    }

    #[test]
    fn specimens_draw_each_kind_with_its_token() {
        let all = serde_json::json!({
            "theme=light,contrast=normal,density=comfortable,motion=full": {
                "space.4": { "name": "--crust-space-4", "type": "dimension", "css": "1rem" },
                "space.x": { "name": "--crust-space-x", "type": "color", "css": "#fff" },
                "motion.delay.tip": { "name": "--crust-motion-delay-tip", "type": "duration", "css": ".7s" },
                "radius.md": { "name": "--crust-radius-md", "type": "dimension", "css": ".375rem" }
            }
        });
        let space = specimens("space", &all).expect("space");
        assert!(space.contains("inline-size:var(--crust-space-4)"));
        assert!(
            !space.contains("--crust-space-x"),
            "colours are left to the tables"
        );
        assert!(!space.contains("Play"), "nothing moves, so no play switch");
        let motion = specimens("motion", &all).expect("motion");
        assert!(motion.contains("transition-delay:var(--crust-motion-delay-tip)"));
        assert!(motion.contains("type=\"checkbox\""));
        assert!(
            specimens("radius", &all)
                .expect("radius")
                .contains("border-radius:var(--crust-radius-md)")
        );
        assert!(specimens("nothing", &all).is_err());
    }
}
