//! `mdbook-crust`: the gallery's mdBook preprocessor. Directives in chapters:
//!
//! - `{{#demo button/variants}}`: the demo rendered to HTML on the server side of Leptos, its
//!   doc line as a caption, and its source from the same file;
//! - `{{#props Button}}`: the component's props table, read from its `#[component]` function and
//!   `///` docs with `syn`;
//! - `{{#keyboard RadioGroup}}`: the `# Keyboard` section of the component's `///` docs;
//! - `{{#contrast}}`: every declared contrast pair with its WCAG ratio per theme and contrast,
//!   from `tokenc contrast --format json`;
//! - `{{#tokens button}}`: the tokens under `button.` with their values in each theme, from
//!   `tokenc resolve --all-permutations`.
//!
//! Wired in `book/book.toml` with `command = "cargo run -q -p crust-gallery --bin mdbook-crust"`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mdbook_preprocessor::book::{Book, BookItem};
use quote::ToTokens;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("supports") {
        // Only the HTML renderer shows demos.
        return if args.get(1).map(String::as_str) == Some("html") {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mdbook-crust: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let (_ctx, mut book): (_, Book) =
        mdbook_preprocessor::parse_input(std::io::stdin()).map_err(|e| e.to_string())?;
    let mut tokens: Option<serde_json::Value> = None;
    let mut errors = Vec::new();
    book.for_each_mut(|item| {
        if let BookItem::Chapter(chapter) = item {
            match expand(&chapter.content, &mut tokens) {
                Ok(text) => chapter.content = text,
                Err(e) => errors.push(format!("{}: {e}", chapter.name)),
            }
        }
    });
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    serde_json::to_writer(std::io::stdout(), &book).map_err(|e| e.to_string())
}

/// Replaces every directive in a chapter.
fn expand(content: &str, tokens: &mut Option<serde_json::Value>) -> Result<String, String> {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(start) = rest.find("{{#") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        let end = after
            .find("}}")
            .ok_or_else(|| "a `{{#` directive is not closed".to_string())?;
        let directive = after[..end].trim();
        let (name, arg) = directive.split_once(' ').unwrap_or((directive, ""));
        let arg = arg.trim();
        match name {
            "demo" => out.push_str(&demo(arg)?),
            "props" => out.push_str(&props(arg)?),
            "keyboard" => out.push_str(&keyboard(arg)?),
            "contrast" => out.push_str(&contrast_table()?),
            "tokens" => {
                if tokens.is_none() {
                    *tokens = Some(resolve_tokens()?);
                }
                out.push_str(&token_table(
                    arg,
                    tokens.as_ref().unwrap_or(&serde_json::Value::Null),
                )?);
            }
            // Leave mdBook's own directives ({{#include}}, {{#title}}…) alone.
            _ => out.push_str(&rest[start..start + 3 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn demo(id: &str) -> Result<String, String> {
    let demo = crust_gallery::find(id).ok_or_else(|| format!("no demo `{id}`"))?;
    let render = demo.render;
    let prefix = id.replace('/', "-");
    let html = crust_gallery::render_html(Some(prefix), render);
    let (doc, source) = demo_source(demo.file, id.split('/').nth(1).unwrap_or(""))?;
    Ok(format!(
        "<figure class=\"crust-demo\" data-demo=\"{id}\">\n<div class=\"crust-demo__specimen\">{html}</div>\n<figcaption>{doc}</figcaption>\n</figure>\n\n<details class=\"crust-demo__source\"><summary>Source</summary>\n\n```rust\n{source}\n```\n\n</details>\n",
        doc = escape(&doc),
    ))
}

/// The doc line and the source text of demo function `name` in `file`.
fn demo_source(file: &str, name: &str) -> Result<(String, String), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    for item in parsed.items {
        if let syn::Item::Fn(f) = item
            && f.sig.ident == name
        {
            let first = f.sig.fn_token.span.start().line;
            let last = f.block.brace_token.span.close().end().line;
            let lines: Vec<&str> = text.lines().collect();
            let source = lines[first.saturating_sub(1)..last.min(lines.len())].join("\n");
            return Ok((docs(&f.attrs), source));
        }
    }
    Err(format!("{}: no function `{name}`", path.display()))
}

/// The `///` lines of an item, each without the one space after `///`.
fn doc_lines(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|l| l.strip_prefix(' ').unwrap_or(&l).to_string())
        .collect()
}

/// The `///` text of an item, joined into one paragraph.
fn docs(attrs: &[syn::Attribute]) -> String {
    doc_lines(attrs)
        .iter()
        .map(|s| s.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The `#[component]` function named `component`, parsed from `components/src/*/mod.rs`.
fn component_fn(component: &str) -> Result<syn::ItemFn, String> {
    let src = root().join("components/src");
    let entries = std::fs::read_dir(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    for entry in entries.flatten() {
        let file = entry.path().join("mod.rs");
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        for item in parsed.items {
            if let syn::Item::Fn(f) = item
                && f.attrs.iter().any(|a| a.path().is_ident("component"))
                && f.sig.ident == component
            {
                return Ok(f);
            }
        }
    }
    Err(format!("no #[component] fn {component} in components/src"))
}

/// The props table of a `#[component]` function, from its source.
fn props(component: &str) -> Result<String, String> {
    let f = component_fn(component)?;
    let mut table = String::from("| Prop | Type | Default | Description |\n|---|---|---|---|\n");
    for input in &f.sig.inputs {
        let syn::FnArg::Typed(arg) = input else {
            continue;
        };
        let name = arg.pat.to_token_stream().to_string();
        let name = name.trim_start_matches("r#");
        let ty = tidy(&arg.ty.to_token_stream().to_string());
        let prop = arg
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("prop"))
            .map(|a| a.meta.to_token_stream().to_string())
            .collect::<String>();
        let optional = prop.contains("optional") || ty.starts_with("Option<");
        let default = if optional { "optional" } else { "required" };
        let doc = docs(&arg.attrs).replace('|', "\\|");
        table.push_str(&format!(
            "| `{name}` | `{}` | {default} | {doc} |\n",
            ty.replace('|', "\\|")
        ));
    }
    Ok(table)
}

/// The `# Keyboard` section of a component's docs (a Markdown table), as written there.
fn keyboard(component: &str) -> Result<String, String> {
    let f = component_fn(component)?;
    let lines = doc_lines(&f.attrs);
    let start = lines
        .iter()
        .position(|l| l.trim() == "# Keyboard")
        .ok_or_else(|| format!("{component} has no `# Keyboard` section in its docs"))?;
    let section: Vec<&String> = lines[start + 1..]
        .iter()
        .take_while(|l| !l.starts_with('#'))
        .collect();
    Ok(section
        .iter()
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .trim()
        .to_string()
        + "\n")
}

/// `Signal < bool >` → `Signal<bool>`.
fn tidy(ty: &str) -> String {
    ty.replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace("& ", "&")
        .replace(" :: ", "::")
}

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
fn resolve_tokens() -> Result<serde_json::Value, String> {
    tokenc_json(&["resolve", "--all-permutations"])
}

/// A foreground and a background token path.
type Pair = (String, String);
/// A measured ratio and the minimum it must reach.
type Ratio = (f64, f64);

/// Every declared contrast pair: a live sample in the page's theme, and its WCAG 2 ratio in
/// light and dark, each with normal and more contrast (the lowest over density and motion).
fn contrast_table() -> Result<String, String> {
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
            Some((ratio, min)) => format!("{ratio:.2} (≥ {min})"),
            None => "—".into(),
        };
        let var = |path: &str| format!("var(--crust-{})", path.replace('.', "-"));
        table.push_str(&format!(
            "| `{fg}` on `{bg}` | <span class=\"crust-pair\" style=\"color:{};background:{}\">Aa</span> | {} | {} | {} | {} |\n",
            var(fg),
            var(bg),
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
fn token_table(prefix: &str, all: &serde_json::Value) -> Result<String, String> {
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
