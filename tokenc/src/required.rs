//! Required tokens: a consumer of the stylesheet (crust-ui) ships a manifest of the tokens it
//! reads and their types; a token set that re-brands it names the manifest under `require` in
//! `tokenc.toml`, and every build checks that each token is still defined with its type.
//!
//! ```toml
//! # tokens.required.toml
//! name = "crust-ui"        # who needs the tokens, for messages
//! prefix = "crust"         # the custom-property prefix its CSS reads
//! [tokens]
//! "color.bg.canvas" = "color"
//! ```

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::model::TokenType;
use crate::raw::Node;
use crate::resolve::Token;
use crate::source::{SourceLoader, SourceMap, Span};

/// A read manifest.
#[derive(Clone, Debug)]
pub struct Manifest {
    /// Who needs the tokens.
    pub name: String,
    /// The prefix its CSS reads, with where it is written.
    pub prefix: Option<(String, Span)>,
    /// Token path, type and where the entry is written.
    pub tokens: Vec<(String, TokenType, Span)>,
}

fn problem(message: String, span: Option<Span>) -> Diagnostic {
    let d = Diagnostic::error("missing-required-token", message);
    match span {
        Some(span) => d.at(span, ""),
        None => d,
    }
}

/// Reads every manifest into `files`; a missing or malformed one is an error.
pub fn read(
    io: &dyn SourceLoader,
    files: &mut SourceMap,
    paths: &[(PathBuf, Option<Span>)],
) -> (Vec<Manifest>, Vec<Diagnostic>) {
    let mut manifests = Vec::new();
    let mut diagnostics = Vec::new();
    for (path, named_at) in paths {
        let text = match io.read(path) {
            Ok(text) => text,
            Err(e) => {
                diagnostics.push(
                    problem(
                        format!(
                            "cannot read the required-token manifest {}: {e}",
                            path.display()
                        ),
                        *named_at,
                    )
                    .with_help("the path in `require` is relative to tokenc.toml"),
                );
                continue;
            }
        };
        let id = files.add(io.display_name(path), path.clone(), text);
        let (root, parse_diagnostics) =
            crate::parse::parse(id, files.text(id), crate::parse::Format::of(path));
        let failed = !parse_diagnostics.is_empty();
        diagnostics.extend(parse_diagnostics);
        let Some(root) = root.filter(|_| !failed) else {
            continue;
        };
        match manifest(&root, path) {
            Ok(m) => manifests.push(m),
            Err(d) => diagnostics.push(*d),
        }
    }
    (manifests, diagnostics)
}

fn manifest(root: &Node, path: &Path) -> Result<Manifest, Box<Diagnostic>> {
    let bad = |span: Span, what: &str| {
        Box::new(
            problem(
                format!(
                    "{} is not a required-token manifest: {what}",
                    path.display()
                ),
                Some(span),
            )
            .with_help(
                "a manifest has `name`, `prefix` and a `[tokens]` table of `\"path\" = \"type\"`",
            ),
        )
    };
    let name = root
        .get("name")
        .and_then(|e| e.value.as_str())
        .unwrap_or("a consumer")
        .to_string();
    let prefix = match root.get("prefix") {
        Some(e) => match e.value.as_str() {
            Some(p) => Some((p.to_string(), e.value.span)),
            None => return Err(bad(e.value.span, "`prefix` must be a string")),
        },
        None => None,
    };
    let Some(tokens) = root.get("tokens") else {
        return Err(bad(root.span, "it has no `[tokens]` table"));
    };
    let Some(entries) = tokens.value.as_object() else {
        return Err(bad(tokens.value.span, "`tokens` must be a table"));
    };
    let mut out = Vec::new();
    for e in entries {
        let Some(ty) = e.value.as_str().and_then(TokenType::parse) else {
            return Err(bad(
                e.value.span,
                "each token's value must be a DTCG type such as \"color\"",
            ));
        };
        out.push((e.key.to_string(), ty, e.key_span));
    }
    Ok(Manifest {
        name,
        prefix,
        tokens: out,
    })
}

/// Checks the emitted tokens against every manifest: each required token defined, with its type,
/// and the prefix the consumer reads.
pub fn check(manifests: &[Manifest], tokens: &[&Token], prefix: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if manifests.is_empty() {
        return out;
    }
    let by_path: std::collections::HashMap<&str, &Token> =
        tokens.iter().map(|t| (&*t.path, *t)).collect();
    for m in manifests {
        if let Some((wanted, span)) = &m.prefix
            && wanted != prefix
        {
            out.push(
                problem(
                    format!(
                        "{} reads `--{wanted}-…` custom properties, but this token set is built with prefix `{prefix}`",
                        m.name
                    ),
                    Some(*span),
                )
                .with_help(format!("set `prefix = \"{wanted}\"` in tokenc.toml (or extend the config that does)")),
            );
            continue;
        }
        for (path, ty, span) in &m.tokens {
            match by_path.get(path.as_str()) {
                None => out.push(
                    problem(
                        format!(
                            "{} needs the {ty} token `{path}`, which this token set does not define",
                            m.name
                        ),
                        Some(*span),
                    )
                    .with_help(format!(
                        "define `{path}` as a {ty}, or keep the source that defines it in the resolver"
                    )),
                ),
                Some(token) if token.ty.is_some_and(|t| t != *ty) => {
                    let now = token.ty.map_or("untyped", TokenType::as_str);
                    out.push(
                        problem(
                            format!(
                                "{} needs `{path}` to be a {ty} token, but this token set makes it a {now}",
                                m.name
                            ),
                            Some(*span),
                        )
                        .with_secondary(token.span, format!("a {now} here"))
                        .with_help(format!("give `{path}` a {ty} value")),
                    );
                }
                Some(_) => {}
            }
        }
    }
    out
}
