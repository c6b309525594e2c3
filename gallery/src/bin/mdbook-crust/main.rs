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
//!   `tokenc resolve --all-permutations`;
//! - `{{#specimens space}}`: the tokens under `space.` drawn to size with themselves (bars,
//!   radii, text, shadows, moving dots).
//!
//! Wired in `book/book.toml` with `command = "cargo run -q -p crust-gallery --bin mdbook-crust"`.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mdbook_preprocessor::book::{Book, BookItem};
use quote::ToTokens;

mod tokens;

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
            "contrast" => out.push_str(&tokens::contrast_table()?),
            "tokens" | "specimens" => {
                if tokens.is_none() {
                    *tokens = Some(tokens::resolve_tokens()?);
                }
                let all = tokens.as_ref().unwrap_or(&serde_json::Value::Null);
                out.push_str(&if name == "tokens" {
                    tokens::token_table(arg, all)?
                } else {
                    tokens::specimens(arg, all)?
                });
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
        doc = inline_code(&escape(&doc)),
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

/// `` `code` `` spans of an (escaped) doc line as `<code>` elements: captions are HTML, which
/// Markdown does not reach.
fn inline_code(s: &str) -> String {
    // An odd number of backticks: the last one has no partner, so leave the text alone.
    if !s.matches('`').count().is_multiple_of(2) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            out.push_str(part);
        }
    }
    out
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
    // Every props table needs the same list: read components/src once per build.
    static ENUMS: std::sync::OnceLock<Result<Vec<(String, String)>, String>> =
        std::sync::OnceLock::new();
    let enums = ENUMS
        .get_or_init(default_variants)
        .as_ref()
        .map_err(Clone::clone)?;
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
        let default = if optional {
            default_of(&ty, enums)
        } else {
            "required".to_string()
        };
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

/// What an optional prop of type `ty` is when left out (`Default::default()` of its type, since
/// every optional prop is `#[prop(optional)]`): `false`, nothing, or the enum's default variant.
fn default_of(ty: &str, enums: &[(String, String)]) -> String {
    let mut inner = ty;
    for wrapper in ["Signal<", "MaybeProp<", "Option<"] {
        if let Some(rest) = inner.strip_prefix(wrapper) {
            if wrapper != "Signal<" {
                return "none".into();
            }
            inner = rest.strip_suffix('>').unwrap_or(rest);
        }
    }
    match inner {
        "bool" => "`false`".into(),
        "String" => "`\"\"`".into(),
        "Callback<()>" => "none".into(),
        _ if inner.starts_with("Callback<") => "none".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "`0`".into(),
        "f32" | "f64" => "`0.0`".into(),
        _ => match enums.iter().find(|(name, _)| name == inner) {
            Some((name, variant)) => format!("`{name}::{variant}`"),
            None => "optional".into(),
        },
    }
}

/// `(enum, default variant)` for every enum in `components/src` with a `#[default]` variant.
fn default_variants() -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut stack = vec![root().join("components/src")];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            for item in parsed.items {
                if let syn::Item::Enum(e) = item
                    && let Some(v) = e
                        .variants
                        .iter()
                        .find(|v| v.attrs.iter().any(|a| a.path().is_ident("default")))
                {
                    out.push((e.ident.to_string(), v.ident.to_string()));
                }
            }
        }
    }
    Ok(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_show_code_spans_as_code() {
        assert_eq!(
            inline_code("through `use_toast()`."),
            "through <code>use_toast()</code>."
        );
        assert_eq!(inline_code("no code"), "no code");
        assert_eq!(inline_code("a lone ` tick"), "a lone ` tick");
    }

    #[test]
    fn defaults_of_optional_props() {
        let enums = vec![("Size".to_string(), "Md".to_string())];
        assert_eq!(default_of("Signal<bool>", &enums), "`false`");
        assert_eq!(default_of("bool", &enums), "`false`");
        assert_eq!(default_of("Signal<Size>", &enums), "`Size::Md`");
        assert_eq!(default_of("MaybeProp<String>", &enums), "none");
        assert_eq!(default_of("Option<Callback<String>>", &enums), "none");
        assert_eq!(default_of("Unknown", &enums), "optional");
    }

    #[test]
    fn every_component_enum_default_is_found() {
        let enums = default_variants().expect("components/src parses");
        for (name, variant) in [
            ("ButtonVariant", "Soft"),
            ("Gap", "Md"),
            ("Setting", "Theme"),
        ] {
            assert!(
                enums.iter().any(|(n, v)| n == name && v == variant),
                "{name}::{variant} missing from {enums:?}"
            );
        }
    }

    #[test]
    fn directives_expand_and_others_are_left_alone() {
        let mut tokens = None;
        let out = expand("a {{#include x.md}} b {{#props Badge}} c", &mut tokens).expect("expands");
        assert!(out.starts_with("a {{#include x.md}} b | Prop |"), "{out}");
        assert!(out.ends_with(" c"));
        assert!(expand("{{#demo nope/nothing}}", &mut tokens).is_err());
        assert!(expand("{{#props", &mut tokens).is_err());
    }
}
