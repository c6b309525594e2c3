//! `tokenc resolve --format json`: every token's resolved value, CSS and custom property.

use serde_json::{Map, Value as Json, json};

use crate::emit::css::css_override;
use crate::emit::value::{Mode, Printer};
use crate::model::{Color, Value};
use crate::naming;
use crate::resolve::Resolved;

/// The `resolve` object of one permutation: `{"path": {"type", "css", "name", "value", …}}`.
/// Tokens that could not be resolved are left out.
pub fn resolve_json(
    resolved: &Resolved,
    printer: &Printer<'_>,
    diagnostics: &mut Vec<crate::Diagnostic>,
) -> Json {
    let mut out = Map::new();
    for token in &resolved.tokens {
        let (Some(ty), Some(value)) = (token.ty, &token.value) else {
            continue;
        };
        let css = printer.value(resolved, value, Mode::Resolved);
        let mut entry = Map::new();
        entry.insert("type".into(), json!(ty.as_str()));
        let css_text = match css_override(token) {
            Some(Ok(text)) => text,
            Some(Err(d)) => {
                diagnostics.push(*d);
                continue;
            }
            None => css.css.clone(),
        };
        entry.insert("css".into(), json!(css_text));
        entry.insert(
            "name".into(),
            json!(naming::css_var(printer.prefix, &token.path)),
        );
        entry.insert("value".into(), dtcg(resolved, value));
        if let Some(wide) = &css.wide {
            entry.insert("css_wide".into(), json!(wide));
        }
        if !css.parts.is_empty() {
            let parts: Map<String, Json> = css
                .parts
                .iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect();
            entry.insert("parts".into(), Json::Object(parts));
        }
        out.insert(token.path.to_string(), Json::Object(entry));
    }
    Json::Object(out)
}

fn num(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

/// The DTCG `$value` of a value with every alias followed.
pub fn dtcg(resolved: &Resolved, value: &Value) -> Json {
    let part = |v: &Value| dtcg(resolved, v);
    match value {
        Value::Alias(id) => {
            let target = resolved.get(resolved.final_target(*id));
            match &target.value {
                Some(v) if !matches!(v, Value::Alias(_)) => dtcg(resolved, v),
                _ => Json::Null,
            }
        }
        Value::Color(c) => color(c),
        Value::Dimension(d) => json!({"value": num(d.value), "unit": d.unit}),
        Value::Duration(d) => json!({"value": num(d.value), "unit": d.unit}),
        Value::Number(n) | Value::FontWeight(n) => num(*n),
        Value::FontFamily(names) if names.len() == 1 => json!(names[0]),
        Value::FontFamily(names) => json!(names),
        Value::CubicBezier(p) => Json::Array(p.iter().map(|n| num(*n)).collect()),
        Value::StrokeKeyword(k) => json!(k),
        Value::StrokeDashes {
            dash_array,
            line_cap,
        } => {
            json!({"dashArray": dash_array.iter().map(part).collect::<Vec<_>>(), "lineCap": line_cap})
        }
        Value::Border(p) => {
            json!({"color": part(&p[0]), "width": part(&p[1]), "style": part(&p[2])})
        }
        Value::Transition(p) => {
            json!({"duration": part(&p[0]), "delay": part(&p[1]), "timingFunction": part(&p[2])})
        }
        Value::Shadow(layers) => {
            let mut flat = Vec::new();
            for layer in layers {
                match part(layer) {
                    Json::Array(items) => flat.extend(items),
                    other => flat.push(other),
                }
            }
            Json::Array(flat)
        }
        Value::ShadowLayer(p, inset) => json!({
            "color": part(&p[0]), "offsetX": part(&p[1]), "offsetY": part(&p[2]),
            "blur": part(&p[3]), "spread": part(&p[4]), "inset": inset,
        }),
        Value::Gradient(stops) => {
            let mut flat = Vec::new();
            for stop in stops {
                match part(stop) {
                    Json::Array(items) => flat.extend(items),
                    other => flat.push(other),
                }
            }
            Json::Array(flat)
        }
        Value::GradientStop(p) => json!({"color": part(&p[0]), "position": part(&p[1])}),
        Value::Typography(p) => json!({
            "fontFamily": part(&p[0]), "fontSize": part(&p[1]), "fontWeight": part(&p[2]),
            "letterSpacing": part(&p[3]), "lineHeight": part(&p[4]),
        }),
    }
}

fn color(c: &Color) -> Json {
    let mut m = Map::new();
    m.insert("colorSpace".into(), json!(c.space.as_str()));
    let components: Vec<Json> = c
        .components
        .iter()
        .map(|v| match v {
            Some(n) => num(*n),
            None => json!("none"),
        })
        .collect();
    m.insert("components".into(), Json::Array(components));
    if c.alpha != 1.0 {
        m.insert("alpha".into(), num(c.alpha));
    }
    if let Some([r, g, b]) = c.hex {
        m.insert("hex".into(), json!(format!("#{r:02x}{g:02x}{b:02x}")));
    }
    Json::Object(m)
}
