//! `tokenc import` and `tokenc export`: DTCG JSON ⇄ TOML, file by file.
//!
//! A conversion changes the syntax only. Every file the entry reaches is written again in the
//! other format with the same tree: keys in source order, descriptions, extensions and
//! deprecations kept, the folder layout mirrored, and each `$ref` renamed to the converted file.
//! Problems in the tokens themselves (a dangling alias, an invalid value) do not stop it: they are
//! reported as warnings, located in the original files, to be fixed after converting. Only what
//! cannot be converted fails: a malformed file, a duplicate key, nesting too deep, and numbers
//! the target format cannot hold (JSON has no infinity or NaN).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{EntryError, is_resolver};
use crate::parse::{Format, parse};
use crate::raw::{Entry, Node, NodeKind};
use crate::source::{FileId, SourceLoader, SourceMap, normalize};

/// The format a conversion writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// TOML sources (`tokenc import`).
    Toml,
    /// DTCG JSON (`tokenc export`).
    Json,
}

impl Target {
    fn extension(self) -> &'static str {
        match self {
            Target::Toml => "toml",
            Target::Json => "json",
        }
    }
}

/// The result of [`convert`].
pub struct Conversion {
    /// Converted files, by path relative to the output folder, in the order they were read.
    pub files: Vec<(PathBuf, String)>,
    /// The converted entry (always a resolver), relative to the output folder.
    pub entry: PathBuf,
    /// Every problem found; only [`Severity::Error`]s prevent writing.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read, for rendering diagnostics.
    pub sources: SourceMap,
}

impl Conversion {
    /// Whether the conversion failed (nothing may be written).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Problems that make a file impossible to convert faithfully; every other diagnostic is
/// lowered to a warning.
const FATAL: &[&str] = &["parse-error", "duplicate-key", "nesting-too-deep"];

/// Converts the entry of `settings` and every file it reaches into `target`. `preloaded` holds
/// files read before (the config), which are not converted.
pub fn convert(
    io: &dyn SourceLoader,
    settings: &crate::Settings,
    preloaded: SourceMap,
    target: Target,
) -> Result<Conversion, EntryError> {
    let first = preloaded.len();
    let compilation = crate::compile_with(io, settings, preloaded)?;
    let sources = compilation.files;
    let mut diagnostics: Vec<Diagnostic> = compilation
        .diagnostics
        .into_iter()
        .map(|mut d| {
            if d.severity == Severity::Error && !FATAL.contains(&d.code) {
                d.severity = Severity::Warning;
            }
            d
        })
        .collect();

    // Token files only: not the config, nor the required-token manifests it names.
    let ids: Vec<FileId> = (first..sources.len())
        .map(|i| FileId(i as u32))
        .filter(|&id| !settings.required.iter().any(|(p, _)| sources.path(id) == p))
        .collect();
    let entry_id = sources
        .find(&normalize(&settings.entry))
        .unwrap_or(FileId(first as u32));
    let mut trees = Vec::new();
    for &id in &ids {
        let (root, _) = parse(id, sources.text(id), Format::of(sources.path(id)));
        let resolver = root
            .as_ref()
            .is_some_and(|r| id == entry_id && is_resolver(r));
        trees.push((id, root, resolver));
    }
    let base = common_folder(ids.iter().map(|&id| sources.path(id)));
    let renamed: HashMap<PathBuf, PathBuf> = trees
        .iter()
        .map(|(id, _, resolver)| {
            let path = sources.path(*id);
            let relative = path.strip_prefix(&base).unwrap_or(path);
            (path.to_path_buf(), rename(relative, *resolver, target))
        })
        .collect();

    // In reading order, so the message names the files the same way every run.
    let mut seen: HashMap<&PathBuf, &Path> = HashMap::new();
    for (id, _, _) in &trees {
        let from = sources.path(*id);
        let to = &renamed[from];
        if let Some(other) = seen.insert(to, from) {
            diagnostics.push(
                Diagnostic::error(
                    "name-collision",
                    format!(
                        "{} and {} would both be written to {}",
                        other.display(),
                        from.display(),
                        to.display()
                    ),
                )
                .with_help("rename one of the files"),
            );
        }
    }
    let mut files = Vec::new();
    let mut entry = None;
    for (id, root, resolver) in trees {
        let Some(mut root) = root else { continue };
        let path = sources.path(id).to_path_buf();
        let folder = path.parent().unwrap_or(Path::new("")).to_path_buf();
        rewrite_refs(&mut root, &folder, &renamed, target);
        if target == Target::Toml {
            let mut nulls = Vec::new();
            report_nulls(&root, &mut nulls);
            // `--allow lossy-conversion` and `[rules]` apply, as for any lint.
            diagnostics.extend(settings.levels.apply(nulls));
        }
        let text = match target {
            Target::Toml => to_toml(&root),
            Target::Json => to_json(&root, &mut diagnostics),
        };
        let out = renamed[&path].clone();
        if id == entry_id && !resolver {
            // A plain token file: give it a resolver, so the converted folder is a project.
            let name = stem(&out);
            let resolver_path =
                out.with_file_name(format!("{name}.resolver.{}", target.extension()));
            let file_name = out
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let doc = single_set_resolver(&name, &file_name);
            let doc_text = match target {
                Target::Toml => to_toml(&doc),
                Target::Json => to_json(&doc, &mut diagnostics),
            };
            files.push((out, text_with_newline(text)));
            files.push((resolver_path.clone(), text_with_newline(doc_text)));
            entry = Some(resolver_path);
            continue;
        }
        if id == entry_id {
            entry = Some(out.clone());
        }
        files.push((out, text_with_newline(text)));
    }
    Ok(Conversion {
        entry: entry.unwrap_or_default(),
        files,
        diagnostics,
        sources,
    })
}

fn text_with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The deepest folder holding every path.
fn common_folder<'a>(paths: impl Iterator<Item = &'a Path>) -> PathBuf {
    let mut common: Option<PathBuf> = None;
    for path in paths {
        let folder = path.parent().unwrap_or(Path::new(""));
        common = Some(match common {
            None => folder.to_path_buf(),
            Some(c) => c
                .components()
                .zip(folder.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    common.unwrap_or_default()
}

/// `color` from `color.tokens.json`, `crust` from `crust.resolver.toml`, `base` from `base.toml`.
fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name
        .strip_suffix(".json")
        .or_else(|| name.strip_suffix(".toml"))
        .or_else(|| name.strip_suffix(".tokens"))
        .unwrap_or(&name);
    let name = name
        .strip_suffix(".tokens")
        .or_else(|| name.strip_suffix(".resolver"))
        .unwrap_or(name);
    name.to_string()
}

/// The converted file's path: `<stem>.tokens.<ext>` or `<stem>.resolver.<ext>`.
fn rename(relative: &Path, resolver: bool, target: Target) -> PathBuf {
    let kind = if resolver { "resolver" } else { "tokens" };
    relative.with_file_name(format!("{}.{kind}.{}", stem(relative), target.extension()))
}

/// Renames the file part of every `$ref` that names a converted file.
fn rewrite_refs(
    node: &mut Node,
    folder: &Path,
    renamed: &HashMap<PathBuf, PathBuf>,
    target: Target,
) {
    match &mut node.kind {
        NodeKind::Object(entries) => {
            for e in entries {
                if e.key == "$ref"
                    && let NodeKind::String(reference) = &mut e.value.kind
                {
                    *reference = renamed_ref(reference, folder, renamed, target).into();
                } else {
                    rewrite_refs(&mut e.value, folder, renamed, target);
                }
            }
        }
        NodeKind::Array(items) => {
            for item in items {
                rewrite_refs(item, folder, renamed, target);
            }
        }
        _ => {}
    }
}

fn renamed_ref(
    reference: &str,
    folder: &Path,
    renamed: &HashMap<PathBuf, PathBuf>,
    target: Target,
) -> String {
    let (file, pointer) = match reference.split_once('#') {
        Some((f, p)) => (f, Some(p)),
        None => (reference, None),
    };
    if file.is_empty() || file.contains("://") || file.starts_with("file:") {
        return reference.to_string();
    }
    let absolute = normalize(&folder.join(file));
    let new_name = match renamed.get(&absolute) {
        Some(new) => new.file_name().map(|n| n.to_string_lossy().into_owned()),
        // A file that was not read (missing, outside the project): renamed the same way, so
        // that it lines up once the user converts it too.
        None => rename(Path::new(file), false, target)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned()),
    };
    let Some(new_name) = new_name else {
        return reference.to_string();
    };
    let head = match file.rfind('/') {
        Some(i) => &file[..=i],
        None => "",
    };
    match pointer {
        Some(p) => format!("{head}{new_name}#{p}"),
        None => format!("{head}{new_name}"),
    }
}

/// `{ version, sets.<stem>.sources = [{ $ref = file }], resolutionOrder = [{ $ref = #/sets/<stem> }] }`
fn single_set_resolver(stem: &str, file: &str) -> Node {
    let span = crate::source::Span::new(FileId(0), 0..0);
    let node = |kind| Node { kind, span };
    let entry = |key: &str, value: Node| Entry {
        key: key.into(),
        key_span: span,
        value,
    };
    let reference = |target: String| {
        node(NodeKind::Object(Box::new([entry(
            "$ref",
            node(NodeKind::String(target.into())),
        )])))
    };
    let set = node(NodeKind::Object(Box::new([entry(
        "sources",
        node(NodeKind::Array(Box::new([reference(file.to_string())]))),
    )])));
    node(NodeKind::Object(Box::new([
        entry("version", node(NodeKind::String("2025.10".into()))),
        entry("sets", node(NodeKind::Object(Box::new([entry(stem, set)])))),
        entry(
            "resolutionOrder",
            node(NodeKind::Array(Box::new([reference(format!(
                "#/sets/{}",
                stem.replace('~', "~0").replace('/', "~1")
            ))]))),
        ),
    ])))
}

/// TOML has no null: each one is dropped, with a warning where it was.
fn report_nulls(node: &Node, diagnostics: &mut Vec<Diagnostic>) {
    match &node.kind {
        NodeKind::Null => diagnostics.push(
            Diagnostic::warning(
                "lossy-conversion",
                "TOML has no null: this value is left out of the TOML file",
            )
            .at(node.span, "dropped")
            .with_help("remove the key, or give it a value TOML can hold"),
        ),
        NodeKind::Object(entries) => entries
            .iter()
            .for_each(|e| report_nulls(&e.value, diagnostics)),
        NodeKind::Array(items) => items.iter().for_each(|i| report_nulls(i, diagnostics)),
        _ => {}
    }
}

// ---- TOML -------------------------------------------------------------------------------------

/// Longest `key = { … }` line written inline; longer objects become tables.
const INLINE_WIDTH: usize = 100;

fn to_toml(root: &Node) -> String {
    let mut doc = toml_edit::DocumentMut::new();
    if let NodeKind::Object(entries) = &root.kind {
        fill_table(doc.as_table_mut(), entries, false);
    }
    doc.to_string()
}

/// Writes `entries` into `table`. TOML prints a table's plain keys before its sub-tables, so once
/// one object became a sub-table every later object does too, and when a plain key follows a
/// sub-table the sub-tables are written as dotted keys instead: the order stays as written.
fn fill_table(table: &mut toml_edit::Table, entries: &[Entry], dotted: bool) {
    let mut tabled = false;
    let plan: Vec<Option<toml_edit::InlineTable>> = entries
        .iter()
        .map(|e| match &e.value.kind {
            NodeKind::Object(children) => {
                let inline = (!tabled)
                    .then(|| inline_table(children))
                    .filter(|t| fits(&e.key, &toml_edit::Value::InlineTable(t.clone())));
                tabled |= inline.is_none();
                inline
            }
            _ => None,
        })
        .collect();
    let first_table = entries
        .iter()
        .zip(&plan)
        .position(|(e, p)| p.is_none() && matches!(e.value.kind, NodeKind::Object(_)));
    let dotted = dotted
        || first_table.is_some_and(|i| {
            entries[i..]
                .iter()
                .any(|e| !matches!(e.value.kind, NodeKind::Object(_) | NodeKind::Null))
        });
    for (e, inline) in entries.iter().zip(plan) {
        match (&e.value.kind, inline) {
            (NodeKind::Null, _) => {}
            (NodeKind::Object(_), Some(t)) => {
                table.insert(&e.key, toml_edit::Item::Value(t.into()));
            }
            (NodeKind::Object(children), None) => {
                let mut sub = toml_edit::Table::new();
                sub.set_implicit(true);
                sub.set_dotted(dotted);
                fill_table(&mut sub, children, dotted);
                table.insert(&e.key, toml_edit::Item::Table(sub));
            }
            (NodeKind::Array(items), _) => {
                let value = toml_edit::Value::Array(array(items, false));
                let value = if fits(&e.key, &value) {
                    value
                } else {
                    toml_edit::Value::Array(array(items, true))
                };
                table.insert(&e.key, toml_edit::Item::Value(value));
            }
            _ => {
                table.insert(&e.key, toml_edit::Item::Value(value_of(&e.value)));
            }
        }
    }
}

fn fits(key: &str, value: &toml_edit::Value) -> bool {
    let text = value.to_string();
    !text.contains('\n') && key.len() + text.trim().len() + 3 <= INLINE_WIDTH
}

fn inline_table(entries: &[Entry]) -> toml_edit::InlineTable {
    let mut table = toml_edit::InlineTable::new();
    for e in entries {
        if !matches!(e.value.kind, NodeKind::Null) {
            table.insert(&*e.key, value_of(&e.value));
        }
    }
    table
}

/// An array; `multiline` puts each item on its own line.
fn array(items: &[Node], multiline: bool) -> toml_edit::Array {
    let mut out = toml_edit::Array::new();
    for item in items {
        if matches!(item.kind, NodeKind::Null) {
            continue;
        }
        let mut value = value_of(item);
        if multiline {
            value.decor_mut().set_prefix("\n    ");
        }
        out.push_formatted(value);
    }
    if multiline {
        out.set_trailing_comma(true);
        out.set_trailing("\n");
    }
    out
}

fn value_of(node: &Node) -> toml_edit::Value {
    match &node.kind {
        NodeKind::Bool(b) => (*b).into(),
        NodeKind::Number(n) => match integer(*n) {
            Some(i) => i.into(),
            None => (*n).into(),
        },
        NodeKind::String(s) => s.as_str().into(),
        NodeKind::Array(items) => toml_edit::Value::Array(array(items, false)),
        NodeKind::Object(entries) => toml_edit::Value::InlineTable(inline_table(entries)),
        // Never reached: nulls are skipped by every caller.
        NodeKind::Null => "".into(),
    }
}

/// `n` as an integer, when it is one that both formats hold exactly.
fn integer(n: f64) -> Option<i64> {
    const SAFE: f64 = 9_007_199_254_740_992.0;
    (n.is_finite() && n.fract() == 0.0 && n.abs() <= SAFE && !(n == 0.0 && n.is_sign_negative()))
        .then_some(n as i64)
}

// ---- JSON -------------------------------------------------------------------------------------

fn to_json(root: &Node, diagnostics: &mut Vec<Diagnostic>) -> String {
    let mut text = String::new();
    pretty(root, 0, &mut text, diagnostics);
    text.push('\n');
    text
}

/// Two-space indented JSON, keys in source order, arrays of plain values on one line
/// (`[1, 0.5, 0]`).
fn pretty(node: &Node, depth: usize, out: &mut String, diagnostics: &mut Vec<Diagnostic>) {
    let indent = |out: &mut String, depth: usize| out.push_str(&"  ".repeat(depth));
    match &node.kind {
        NodeKind::Object(entries) if !entries.is_empty() => {
            out.push_str("{\n");
            for (i, e) in entries.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(&serde_json::Value::String(e.key.to_string()).to_string());
                out.push_str(": ");
                pretty(&e.value, depth + 1, out, diagnostics);
                out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        NodeKind::Object(_) => out.push_str("{}"),
        NodeKind::Array(items)
            if items
                .iter()
                .any(|i| matches!(i.kind, NodeKind::Object(_) | NodeKind::Array(_))) =>
        {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                pretty(item, depth + 1, out, diagnostics);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        NodeKind::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                pretty(item, depth, out, diagnostics);
            }
            out.push(']');
        }
        NodeKind::Null => out.push_str("null"),
        NodeKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        NodeKind::String(s) => out.push_str(&serde_json::Value::String(s.to_string()).to_string()),
        NodeKind::Number(n) => match integer(*n) {
            Some(i) => out.push_str(&i.to_string()),
            None if n.is_finite() => out.push_str(
                &serde_json::Number::from_f64(*n).map_or_else(String::new, |x| x.to_string()),
            ),
            // JSON has no infinity, but a literal too large for a double reads back as one
            // (tokenc reports it at the token, as it did in the source).
            None if n.is_infinite() => out.push_str(if *n > 0.0 { "1e400" } else { "-1e400" }),
            None => {
                diagnostics.push(
                    Diagnostic::error("invalid-value", "JSON cannot hold NaN")
                        .at(node.span, "not a number")
                        .with_help("write a number"),
                );
                out.push_str("null");
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(json: &str) -> Node {
        let (root, diagnostics) = crate::parse::parse_json(FileId(0), json);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        root.unwrap()
    }

    #[test]
    fn names() {
        assert_eq!(stem(Path::new("a/color.tokens.json")), "color");
        assert_eq!(stem(Path::new("crust.resolver.toml")), "crust");
        assert_eq!(stem(Path::new("base.toml")), "base");
        assert_eq!(
            rename(Path::new("base/color.toml"), false, Target::Json),
            Path::new("base/color.tokens.json")
        );
        assert_eq!(
            rename(Path::new("x.resolver.json"), true, Target::Toml),
            Path::new("x.resolver.toml")
        );
    }

    #[test]
    fn short_tokens_inline_long_ones_tables_order_kept() {
        let root = tree(
            r##"{
              "color": {
                "$type": "color",
                "a": { "$value": "{color.b}" },
                "long": { "$value": "{color.b}", "$description": "a description long enough that the token cannot stay on one line" },
                "b": { "$value": { "colorSpace": "srgb", "components": [1, 0.5, 0] } }
              }
            }"##,
        );
        let text = to_toml(&root);
        let a = text.find("a = {").unwrap();
        let long = text.find("[color.long]").unwrap();
        let b = text.find("[color.b]").unwrap();
        assert!(a < long && long < b, "{text}");
        assert!(text.contains("components = [1, 0.5, 0]"), "{text}");
        let (back, d) = crate::parse::parse_toml(FileId(0), &text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(strip(&back.unwrap()), strip(&root));
    }

    /// The tree without spans, numbers compared as written.
    fn strip(node: &Node) -> String {
        match &node.kind {
            NodeKind::Object(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|e| format!("{:?}:{}", e.key, strip(&e.value)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            NodeKind::Array(items) => {
                format!(
                    "[{}]",
                    items.iter().map(strip).collect::<Vec<_>>().join(",")
                )
            }
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn numbers_keep_their_value() {
        assert_eq!(integer(4.0), Some(4));
        assert_eq!(integer(-0.0), None);
        assert_eq!(integer(0.5), None);
        assert_eq!(integer(1e300), None);
        let mut d = Vec::new();
        let text = to_json(
            &tree(r#"{"a": 1e400, "b": -0.0, "c": 0.1, "d": [1, 2.5]}"#),
            &mut d,
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            text,
            "{\n  \"a\": 1e400,\n  \"b\": -0.0,\n  \"c\": 0.1,\n  \"d\": [1, 2.5]\n}\n"
        );
    }

    #[test]
    fn refs_renamed() {
        let renamed = HashMap::from([(
            PathBuf::from("/p/base/color.toml"),
            PathBuf::from("base/color.tokens.json"),
        )]);
        let folder = Path::new("/p");
        assert_eq!(
            renamed_ref("base/color.toml", folder, &renamed, Target::Json),
            "base/color.tokens.json"
        );
        assert_eq!(
            renamed_ref("./base/color.toml#/a/b", folder, &renamed, Target::Json),
            "./base/color.tokens.json#/a/b"
        );
        assert_eq!(
            renamed_ref("#/sets/a", folder, &renamed, Target::Json),
            "#/sets/a"
        );
        assert_eq!(
            renamed_ref("missing.json", folder, &renamed, Target::Toml),
            "missing.tokens.toml"
        );
    }
}
