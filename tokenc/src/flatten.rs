//! Flatten one token document (a root group) into token and group definitions keyed by path,
//! checking names and `$`-properties on the way. Runs once per source file, not per permutation.

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::model::TokenType;
use crate::parse::MAX_DEPTH;
use crate::raw::{Entry, Node, NodeKind};
use crate::source::Span;
use std::sync::Arc;

/// A declared `$type`.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeDecl {
    /// No `$type`.
    None,
    /// A valid `$type`.
    Known(TokenType, Span),
    /// An unknown `$type` (already reported); the token is invalid.
    Invalid,
}

/// `$deprecated`: `true` or an explanation; `false` is kept because it un-deprecates.
#[derive(Clone, Debug, PartialEq)]
pub enum Deprecation {
    /// `false`
    No,
    /// `true`
    Yes,
    /// `"use {x} instead"`
    Because(Arc<str>),
}

/// A token definition from one source.
#[derive(Clone, Debug)]
pub struct TokenDef {
    /// Dot-joined path (`color.accent.$root`), shared with every permutation's token.
    pub path: Arc<str>,
    /// Span of the token's name.
    pub name_span: Span,
    /// `$value`, or the `$ref` object of a token written as a pointer.
    pub value: Node,
    /// `$type`.
    pub ty: TypeDecl,
    /// `$description` (shared, not copied, by the tokens it describes).
    pub description: Option<Arc<str>>,
    /// `$deprecated`.
    pub deprecated: Option<Deprecation>,
    /// `$extensions` (shared, not copied, by the tokens that carry them).
    pub extensions: Option<Arc<Node>>,
}

/// A group definition from one source.
#[derive(Clone, Debug)]
pub struct GroupDef {
    /// Dot-joined path; empty for the root group.
    pub path: String,
    /// Span of the group's name (or the whole document for the root).
    pub name_span: Span,
    /// `$type`, inherited by descendants.
    pub ty: TypeDecl,
    /// `$deprecated`, inherited by descendants.
    pub deprecated: Option<Deprecation>,
    /// `$extends` target as written, with its span.
    pub extends: Option<(String, Span)>,
    /// `$description`.
    pub description: Option<String>,
}

/// Everything one source defines.
#[derive(Clone, Debug, Default)]
pub struct Flat {
    /// Tokens in document order.
    pub tokens: Vec<TokenDef>,
    /// Groups in document order (parents before children).
    pub groups: Vec<GroupDef>,
    /// Paths left out because of an invalid name (reported once, here).
    pub skipped: Vec<String>,
}

const TOKEN_PROPS: &[&str] = &[
    "$value",
    "$type",
    "$description",
    "$deprecated",
    "$extensions",
];
const GROUP_PROPS: &[&str] = &[
    "$type",
    "$description",
    "$deprecated",
    "$extensions",
    "$extends",
    "$schema",
    "$ref",
];

/// Flattens a document. `diagnostics` receives naming and property problems.
pub fn flatten(root: Node, diagnostics: &mut Vec<Diagnostic>) -> Flat {
    let mut flat = Flat::default();
    let span = root.span;
    match root.kind {
        NodeKind::Object(entries) => group(
            &mut flat,
            String::new(),
            span,
            entries.into_vec(),
            0,
            diagnostics,
        ),
        NodeKind::Null => {} // already reported by the reader
        _ => diagnostics.push(
            Diagnostic::error(
                "invalid-value",
                "a token file must be an object (the root group)",
            )
            .at(span, format!("found {}", root.kind_name())),
        ),
    }
    // The vectors grew by doubling; a big file's definitions stay for the whole build.
    flat.tokens.shrink_to_fit();
    flat.groups.shrink_to_fit();
    flat
}

/// Whether `name` is a valid token or group name (`$root` is handled by the caller).
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("names cannot be empty")
    } else if name.starts_with('$') {
        Some("names cannot start with `$`")
    } else if name.contains(['.', '{', '}']) {
        Some("names cannot contain `.`, `{` or `}`")
    } else if name.chars().any(|c| c.is_control()) {
        Some("names cannot contain control characters")
    } else {
        None
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        let mut s = String::with_capacity(prefix.len() + 1 + name.len());
        s.push_str(prefix);
        s.push('.');
        s.push_str(name);
        s
    }
}

fn type_decl(entry: &Entry, diagnostics: &mut Vec<Diagnostic>) -> TypeDecl {
    match entry.value.as_str() {
        Some(s) => match TokenType::parse(s) {
            Some(t) => TypeDecl::Known(t, entry.value.span),
            None => {
                let mut d = Diagnostic::error("unknown-type", format!("unknown `$type` \"{s}\""))
                    .at(entry.value.span, "not a DTCG type");
                let names = TokenType::ALL.iter().map(|t| t.as_str());
                d = match did_you_mean(s, names) {
                    Some(m) => d.with_help(format!("did you mean \"{m}\"?")),
                    None => d.with_help(format!(
                        "the DTCG types are: {}",
                        TokenType::ALL.map(|t| t.as_str()).join(", ")
                    )),
                };
                diagnostics.push(d);
                TypeDecl::Invalid
            }
        },
        None => {
            diagnostics.push(
                Diagnostic::error("unknown-type", "`$type` must be a string").at(
                    entry.value.span,
                    format!("found {}", entry.value.kind_name()),
                ),
            );
            TypeDecl::Invalid
        }
    }
}

fn deprecation(entry: &Entry, diagnostics: &mut Vec<Diagnostic>) -> Option<Deprecation> {
    match &entry.value.kind {
        NodeKind::Bool(true) => Some(Deprecation::Yes),
        NodeKind::Bool(false) => Some(Deprecation::No),
        NodeKind::String(s) => Some(Deprecation::Because(s.as_str().into())),
        _ => {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-value",
                    "`$deprecated` must be a boolean or a string",
                )
                .at(
                    entry.value.span,
                    format!("found {}", entry.value.kind_name()),
                ),
            );
            None
        }
    }
}

fn description<T: for<'a> From<&'a str>>(
    entry: &Entry,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    match entry.value.as_str() {
        Some(s) => Some(s.into()),
        None => {
            diagnostics.push(
                Diagnostic::error("invalid-value", "`$description` must be a string").at(
                    entry.value.span,
                    format!("found {}", entry.value.kind_name()),
                ),
            );
            None
        }
    }
}

/// `$extensions`, which DTCG requires to be an object (keyed by vendor namespace).
fn extensions(entry: Entry, diagnostics: &mut Vec<Diagnostic>) -> Option<Node> {
    if entry.value.as_object().is_some() {
        return Some(entry.value);
    }
    diagnostics.push(
        Diagnostic::error("invalid-value", "`$extensions` must be an object").at(
            entry.value.span,
            format!("found {}", entry.value.kind_name()),
        )
        .with_help("key extensions by a namespace you own: `\"$extensions\": { \"com.example\": { … } }`"),
    );
    None
}

fn unknown_dollar(entry: &Entry, allowed: &[&str], what: &str) -> Diagnostic {
    let mut d = Diagnostic::error(
        "unknown-dtcg-property",
        format!("unknown property `{}` on a {what}", entry.key),
    )
    .at(entry.key_span, "not a DTCG property");
    if let Some(m) = did_you_mean(&entry.key, allowed.iter().copied()) {
        d = d.with_help(format!("did you mean `{m}`?"));
    } else {
        d = d.with_help(format!("{what} properties are: {}", allowed.join(", ")));
    }
    d
}

fn group(
    flat: &mut Flat,
    path: String,
    name_span: Span,
    entries: Vec<Entry>,
    depth: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut def = GroupDef {
        path: path.clone(),
        name_span,
        ty: TypeDecl::None,
        deprecated: None,
        extends: None,
        description: None,
    };
    let group_index = flat.groups.len();
    flat.groups.push(def.clone());
    let mut children = Vec::new();
    for entry in entries {
        match entry.key.as_str() {
            "$type" => def.ty = type_decl(&entry, diagnostics),
            "$deprecated" => def.deprecated = deprecation(&entry, diagnostics),
            "$description" => def.description = description(&entry, diagnostics),
            "$extensions" => {
                extensions(entry, diagnostics);
            }
            "$schema" => {}
            "$extends" | "$ref" => match entry.value.as_str() {
                Some(target) => def.extends = Some((target.to_string(), entry.value.span)),
                None => diagnostics.push(
                    Diagnostic::error(
                        "invalid-value",
                        format!("`{}` must be a string such as \"{{group}}\"", entry.key),
                    )
                    .at(
                        entry.value.span,
                        format!("found {}", entry.value.kind_name()),
                    ),
                ),
            },
            "$root" => children.push(entry),
            key if key.starts_with('$') => {
                // `$value` is among the candidates: a misspelt `$value` makes a token look like a group.
                let candidates = [GROUP_PROPS, &["$value"]].concat();
                diagnostics.push(unknown_dollar(&entry, &candidates, "group"))
            }
            _ => children.push(entry),
        }
    }
    flat.groups[group_index] = def;
    for child in children {
        let problem = if child.key == "$root" {
            // `$root` gives a group its own value; the document itself has no name to give it.
            path.is_empty()
                .then_some("`$root` belongs inside a group, not at the top of a file")
        } else {
            name_problem(&child.key)
        };
        if let Some(problem) = problem {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-name",
                    format!("invalid name `{}`", child.key.escape_debug()),
                )
                .at(child.key_span, problem)
                .with_help(if child.key == "$root" {
                    "move it into the group whose value it is"
                } else {
                    "rename it; `.`, `{` and `}` are reserved for aliases"
                }),
            );
            continue;
        }
        let child_path = join(&path, &child.key);
        node(flat, child_path, child, depth + 1, diagnostics);
    }
}

fn node(
    flat: &mut Flat,
    path: String,
    entry: Entry,
    depth: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Entry {
        key,
        key_span,
        value,
        ..
    } = entry;
    let NodeKind::Object(entries) = value.kind else {
        diagnostics.push(
            Diagnostic::error(
                "invalid-value",
                format!("`{path}` must be a token (an object with `$value`) or a group"),
            )
            .at(value.span, format!("found {}", value.kind_name()))
            .with_help(format!("write `{key} = {{ \"$value\" = … }}`")),
        );
        return;
    };
    if depth > MAX_DEPTH {
        return; // the reader already reported the nesting
    }
    let is_token = entries.iter().any(|e| e.key == "$value")
        || (entries.iter().any(|e| e.key == "$ref")
            && entries
                .iter()
                .all(|e| e.key.starts_with('$') && e.key != "$extends"));
    if is_token {
        token(flat, path, key_span, entries.into_vec(), diagnostics);
    } else {
        group(flat, path, key_span, entries.into_vec(), depth, diagnostics);
    }
}

fn token(
    flat: &mut Flat,
    path: String,
    name_span: Span,
    entries: Vec<Entry>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut value = None;
    let mut reference = None;
    let mut def = TokenDef {
        path: path.into(),
        name_span,
        value: Node {
            kind: NodeKind::Null,
            span: name_span,
        },
        ty: TypeDecl::None,
        description: None,
        deprecated: None,
        extensions: None,
    };
    for entry in entries {
        match entry.key.as_str() {
            "$value" => value = Some(entry.value),
            "$ref" => reference = Some(entry),
            "$type" => def.ty = type_decl(&entry, diagnostics),
            "$description" => def.description = description(&entry, diagnostics),
            "$deprecated" => def.deprecated = deprecation(&entry, diagnostics),
            "$extensions" => def.extensions = extensions(entry, diagnostics).map(Arc::new),
            key if key.starts_with('$') => {
                diagnostics.push(unknown_dollar(&entry, TOKEN_PROPS, "token"))
            }
            _ if entry.value.as_object().is_some() => diagnostics.push(
                Diagnostic::error(
                    "value-with-children",
                    format!("token `{}` has `$value` and a child `{}`", def.path, entry.key),
                )
                .at(entry.key_span, "child token or group beside `$value`")
                .with_secondary(def.name_span, "this is a token because it has `$value`")
                .with_help("move the child into a group of its own, or use `$root` for the group's own value"),
            ),
            _ => diagnostics.push(
                Diagnostic::warning(
                    "unknown-property",
                    format!("unknown property `{}` beside `$value` in `{}`", entry.key, def.path),
                )
                .at(entry.key_span, "ignored")
                .with_help("keep tool data in `$extensions`; the token still resolves"),
            ),
        }
    }
    match (value, reference) {
        (Some(v), None) => def.value = v,
        (Some(v), Some(r)) => {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-value",
                    format!("token `{}` has both `$value` and `$ref`", def.path),
                )
                .at(r.key_span, "remove this or `$value`"),
            );
            def.value = v;
        }
        (None, Some(r)) => {
            // A token written as `{ "$ref": "#/…" }`: keep the whole reference object as its value.
            def.value = Node {
                span: r.value.span,
                kind: NodeKind::Object(vec![r].into()),
            };
        }
        // `node` only calls `token` when `$value` or `$ref` is present.
        (None, None) => {}
    }
    flat.tokens.push(def);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_toml;
    use crate::source::FileId;

    fn run(text: &str) -> (Flat, Vec<Diagnostic>) {
        let (root, mut diags) = parse_toml(FileId(0), text);
        let flat = flatten(root.unwrap(), &mut diags);
        (flat, diags)
    }

    #[test]
    fn paths_and_root() {
        let (flat, diags) = run(
            "[color.accent]\n\"$type\" = \"color\"\n\"$root\" = { \"$value\" = \"{a.b}\" }\nsolid = { \"$value\" = \"{a.b}\" }\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let paths: Vec<_> = flat.tokens.iter().map(|t| &*t.path).collect();
        assert_eq!(paths, ["color.accent.$root", "color.accent.solid"]);
        assert_eq!(flat.groups.len(), 3);
    }

    #[test]
    fn property_problems() {
        let (_, diags) = run(
            "a = { \"$valeu\" = 1 }\nb = { \"$value\" = 1, alpha = 0.4 }\nc = { \"$value\" = 1, d = { \"$value\" = 2 } }\n",
        );
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [
                "unknown-dtcg-property",
                "unknown-property",
                "value-with-children"
            ]
        );
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `$value`?"));
        assert!(diags[1].severity == crate::diagnostics::Severity::Warning);
    }
}
