//! `tokens.css`: defaults at `:where(:root)`, one `:where()` block per modifier context in
//! `resolutionOrder`, combined blocks where modifiers overlap, wide-gamut overrides after each
//! block. A context block re-declares every token whose definition differs from the default and
//! every token that aliases one of those, transitively, so `var()` chains never go stale.

use foldhash::HashMap;
use std::fmt::Write;

use crate::diagnostics::Diagnostic;
use crate::emit::value::{CssValue, Mode, Printer};
use crate::model::{TokenType, visit_aliases};
use crate::naming;
use crate::permute::Permutations;
use crate::raw::Node;
use crate::resolve::{Resolved, Token};
use std::sync::Arc;

/// Where each context applies and how the sheet is printed.
#[derive(Clone, Debug, Default)]
pub struct CssConfig {
    /// Custom-property prefix (`crust` → `--crust-…`); empty for none.
    pub prefix: String,
    /// `"theme.dark"` → selectors or `@media (…) { selector }` entries.
    pub contexts: std::collections::HashMap<String, Vec<String>>,
    /// Browser targets.
    pub targets: lightningcss::targets::Targets,
    /// Minify the whole sheet.
    pub minify: bool,
    /// Where each `[css.contexts]` key is written, to report keys that name no context.
    pub context_spans: std::collections::HashMap<String, crate::source::Span>,
}

/// One declared token: its lines in the sRGB block and in the wide-gamut block. (`Eq` lets
/// `Arc<Decl>` comparisons of a shared declaration stop at the pointer.) A build holds one per
/// token and permutation: the custom property and its value share one allocation, and the rare
/// parts are boxed apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decl {
    /// The custom property followed by its value; `name_len` bytes of it are the name.
    line: Box<str>,
    name_len: usize,
    /// Typography part properties and the wide-gamut value, for the few tokens with them.
    extra: Option<Box<Extra>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Extra {
    /// Typography part properties, declared before the shorthand.
    parts: Vec<(String, String)>,
    /// The value inside the wide-gamut block, when it differs.
    wide: Option<String>,
}

/// Every token's declaration in one permutation (`None` for tokens without a value), shared.
type Decls = Arc<Vec<Option<Arc<Decl>>>>;

impl Decl {
    fn new(name: String, value: &str, parts: Vec<(String, String)>, wide: Option<String>) -> Decl {
        let name_len = name.len();
        let mut line = name;
        line.reserve_exact(value.len());
        line.push_str(value);
        Decl {
            line: line.into_boxed_str(),
            name_len,
            extra: (!parts.is_empty() || wide.is_some()).then(|| Box::new(Extra { parts, wide })),
        }
    }

    fn name(&self) -> &str {
        &self.line[..self.name_len]
    }

    fn lines(&self) -> impl Iterator<Item = (&str, &str)> {
        self.extra
            .iter()
            .flat_map(|e| e.parts.iter())
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .chain(std::iter::once(self.line.split_at(self.name_len)))
    }

    fn wide(&self) -> Option<(&str, &str)> {
        let wide = self.extra.as_ref()?.wide.as_deref()?;
        Some((self.name(), wide))
    }
}

/// The CSS override of a token (`$extensions."dev.crust".css`), checked to be one CSS value.
pub fn css_override(token: &Token) -> Option<Result<String, Box<Diagnostic>>> {
    let ext = token.extensions()?;
    let node: &Node = &ext.get("dev.crust")?.value.get("css")?.value;
    let Some(text) = node.as_str() else {
        return Some(Err(Box::new(
            Diagnostic::error(
                "invalid-css-override",
                format!("the CSS override of `{}` must be a string", token.path),
            )
            .at(node.span, ""),
        )));
    };
    let text = text.trim();
    let bad = |why: &str| {
        Err(Box::new(
            Diagnostic::error(
                "invalid-css-override",
                format!(
                    "the CSS override of `{}` is not one CSS value: {why}",
                    token.path
                ),
            )
            .at(node.span, "")
            .with_help("write a single value such as `clamp(1rem, 2vw, 1.5rem)`"),
        ))
    };
    if text.is_empty() {
        return Some(bad("it is empty"));
    }
    if text.contains([';', '{', '}', '<', '!']) || text.chars().any(|c| c.is_control()) {
        return Some(bad(
            "it contains `;`, `{`, `}`, `<`, `!` or a control character",
        ));
    }
    // Printed back by lightningcss (comments dropped, strings and escapes closed), then parsed
    // again beside another declaration: the override can never swallow what follows it.
    let sheet = format!(":root{{--x:{text}}}");
    let options = lightningcss::stylesheet::ParserOptions {
        error_recovery: false,
        ..Default::default()
    };
    let printed = lightningcss::stylesheet::StyleSheet::parse(&sheet, options)
        .ok()
        .filter(|s| s.rules.0.len() == 1)
        .and_then(|s| {
            s.to_css(lightningcss::stylesheet::PrinterOptions {
                minify: true,
                ..Default::default()
            })
            .ok()
        });
    let Some(value) = printed.and_then(|p| {
        let v = p
            .code
            .strip_prefix(":root{--x:")?
            .strip_suffix('}')?
            .trim()
            .to_string();
        Some(v)
    }) else {
        return Some(bad("lightningcss cannot parse it"));
    };
    // Tokens are values, not resources: nothing in an override may load or run anything.
    // Checked on lightningcss's printing too, where escapes such as `\75 rl(` are undone.
    let loads = |t: &str| {
        let t = t.to_ascii_lowercase();
        [
            "url(",
            "src(",
            "image(",
            "image-set(",
            "cross-fade(",
            "element(",
            "expression(",
            "javascript:",
        ]
        .iter()
        .any(|f| t.contains(f))
    };
    if loads(text) || loads(&value) {
        return Some(bad(
            "it loads or runs something (`url()`, `image-set()`, `expression()`…)",
        ));
    }
    let probe = format!(":root{{--x:{value};--y:0}}");
    let probe_options = lightningcss::stylesheet::ParserOptions {
        error_recovery: false,
        ..Default::default()
    };
    let intact = match lightningcss::stylesheet::StyleSheet::parse(&probe, probe_options) {
        Ok(sheet) => sheet
            .to_css(Default::default())
            .is_ok_and(|p| p.code.contains("--y: 0")),
        Err(_) => false,
    };
    if value.is_empty() || value.contains(['<', ';', '{', '}']) || !intact {
        return Some(bad("it does not stay one value"));
    }
    Some(Ok(value))
}

fn declare(
    printer: &Printer<'_>,
    resolved: &Resolved,
    token: &Token,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Decl> {
    let value = token.value.as_ref()?;
    let name = naming::css_var(printer.prefix, &token.path);
    let css = match css_override(token) {
        Some(Ok(text)) => CssValue {
            css: text,
            ..CssValue::default()
        },
        Some(Err(d)) => {
            diagnostics.push(*d);
            return None;
        }
        None => printer.value(resolved, value, Mode::Vars),
    };
    let mut parts = Vec::new();
    let value = if token.ty == Some(TokenType::Typography) && !css.parts.is_empty() {
        let part_var = |p: &str| naming::css_part_var(printer.prefix, &token.path, p);
        for (part, text) in &css.parts {
            parts.push((part_var(part), text.clone()));
        }
        format!(
            "var({}) var({})/var({}) var({})",
            part_var("font-weight"),
            part_var("font-size"),
            part_var("line-height"),
            part_var("font-family")
        )
    } else {
        css.css
    };
    Some(Decl::new(name, &value, parts, css.wide))
}

/// Every token's declaration in one permutation, kept with the permutation: `tokenc watch`
/// reuses an unchanged permutation and then need not print its declarations again.
#[derive(Clone, Debug)]
pub(crate) struct Declarations {
    prefix: String,
    targets: lightningcss::targets::Targets,
    decls: Decls,
    diagnostics: Vec<Diagnostic>,
}

/// The declarations of every token of `resolved` (from its cache when printed the same way).
fn declarations(
    printer: &Printer<'_>,
    resolved: &Resolved,
    diagnostics: &mut Vec<Diagnostic>,
) -> Decls {
    if let Some(done) = resolved.declarations.get()
        && done.prefix == printer.prefix
        && done.targets == printer.targets
    {
        diagnostics.extend(done.diagnostics.iter().cloned());
        return done.decls.clone();
    }
    let mut found = Vec::new();
    let decls: Decls = Arc::new(
        resolved
            .tokens
            .iter()
            .map(|t| declare(printer, resolved, t, &mut found).map(Arc::new))
            .collect(),
    );
    diagnostics.extend(found.iter().cloned());
    // A permutation is printed with one prefix and one set of targets per build; the first wins.
    let _ = resolved.declarations.set(Declarations {
        prefix: printer.prefix.to_string(),
        targets: printer.targets,
        decls: decls.clone(),
        diagnostics: found,
    });
    decls
}

struct Block {
    /// Plain selectors (joined into one `:where()`), and `@media` entries with their inner selector.
    plain: Vec<String>,
    media: Vec<(String, String)>,
    scheme: Option<&'static str>,
    decls: Vec<Arc<Decl>>,
}

fn split_selectors(entries: &[String]) -> (Vec<String>, Vec<(String, String)>) {
    let mut plain = Vec::new();
    let mut media = Vec::new();
    for entry in entries {
        let entry = entry.trim();
        if entry.starts_with('@') {
            if let (Some(open), Some(close)) = (entry.find('{'), entry.rfind('}')) {
                media.push((
                    entry[..open].trim().to_string(),
                    entry[open + 1..close].trim().to_string(),
                ));
            }
        } else {
            plain.push(entry.to_string());
        }
    }
    (plain, media)
}

fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3c "),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `[data-theme="dark"]`
pub fn attribute_selector(modifier: &str, context: &str) -> String {
    let attr = naming::css_var("", modifier);
    format!("[data-{}={}]", &attr[2..], css_string(context))
}

/// `dark` for contexts named `dark` or `dark-…`, `light` likewise (not `highlight`).
fn scheme_of(context: &str) -> Option<&'static str> {
    let lower = context.to_ascii_lowercase();
    let named = |word: &str| {
        lower == word
            || lower
                .strip_prefix(word)
                .is_some_and(|rest| rest.starts_with(|c: char| !c.is_ascii_alphanumeric()))
    };
    if named("dark") {
        Some("dark")
    } else if named("light") {
        Some("light")
    } else {
        None
    }
}

/// Builds `tokens.css`.
pub fn emit_css(
    perms: &mut Permutations<'_>,
    config: &CssConfig,
    header: &str,
) -> (String, Vec<Diagnostic>) {
    let project = perms.project;
    let printer = Printer {
        prefix: &config.prefix,
        targets: config.targets,
    };
    let mut diagnostics = Vec::new();
    let defaults = perms.with(&[]);
    let default = perms.get(&defaults);
    let modifiers = perms.ordered_modifiers();
    // Every single-context permutation, fetched first: what follows only reads them.
    let mut contexts: Vec<(usize, usize, Arc<Resolved>)> = Vec::new();
    for &m in &modifiers {
        for c in 0..project.modifiers[m].contexts.len() {
            let resolved = perms.get(&perms.with(&[(m, c)]));
            contexts.push((m, c, resolved));
        }
    }
    // The default permutation's declarations (most of the work) on one worker; the contexts'
    // own declarations, the token ids and the alias dependents, which do not need them, on
    // the other.
    let ((default_decls, default_found), work) = rayon::join(
        || {
            let mut found = Vec::new();
            let decls = declarations(&printer, &default, &mut found);
            crate::timing::mark("tokens.css: default declarations");
            (decls, found)
        },
        || context_work(&printer, project, &default, &contexts),
    );
    let ContextWork {
        own,
        diagnostics: mut found,
        ids,
        maps,
        dependents,
    } = work;
    diagnostics.extend(default_found);
    diagnostics.append(&mut found);
    crate::timing::mark("tokens.css: context declarations, ids, dependents");
    // A context's declarations: its own, and the default one where its definition is the
    // default's.
    let variants: Vec<Variant> = contexts
        .iter()
        .zip(own)
        .map(|((m, c, resolved), own)| {
            let decls = match own {
                None => default_decls.clone(),
                Some(own) => Arc::new(
                    own.into_iter()
                        .enumerate()
                        .map(|(i, d)| match d {
                            Own::Same => default_decls[i].clone(),
                            Own::Decl(d) => d,
                        })
                        .collect(),
                ),
            };
            (*m, *c, resolved.clone(), decls)
        })
        .collect();
    let mut blocks = Vec::new();
    let root_scheme = perms.ordered_modifiers().iter().find_map(|&m| {
        let modifier = &project.modifiers[m];
        let has_scheme = modifier
            .contexts
            .iter()
            .any(|(c, _)| scheme_of(c).is_some());
        has_scheme
            .then(|| {
                modifier
                    .default
                    .and_then(|d| scheme_of(&modifier.contexts[d].0))
            })
            .flatten()
    });
    blocks.push(Block {
        plain: vec![":root".into()],
        media: Vec::new(),
        scheme: root_scheme,
        decls: default_decls.iter().flatten().cloned().collect(),
    });

    // For each modifier: the tokens whose definition it changes (direct), and those plus every
    // token aliasing them (closure); every context block declares the closure.
    let mut touched: Vec<(usize, Vec<bool>, Vec<bool>)> = Vec::new();
    for &m in &modifiers {
        let modifier = &project.modifiers[m];
        let mut direct = vec![false; ids.len()];
        for ((_, _, _, decls), map) in variants.iter().zip(&maps).filter(|(v, _)| v.0 == m) {
            for (i, decl) in decls.iter().enumerate() {
                let id = map.id(i);
                let before = default_decls.get(id).and_then(Option::as_ref);
                if decl.is_some() && before != decl.as_ref() {
                    direct[id] = true;
                }
            }
        }
        let closure = close(&direct, &dependents);
        if closure.contains(&true) {
            let has_scheme = modifier
                .contexts
                .iter()
                .any(|(c, _)| scheme_of(c).is_some());
            for ((_, c, _, decls), map) in variants.iter().zip(&maps).filter(|(v, _)| v.0 == m) {
                let context = &modifier.contexts[*c].0;
                let (plain, media) = split_selectors(&context_selectors(config, modifier, *c));
                blocks.push(Block {
                    plain,
                    media,
                    scheme: if has_scheme { scheme_of(context) } else { None },
                    decls: decls
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| closure[map.id(*i)])
                        .filter_map(|(_, d)| d.clone())
                        .collect(),
                });
            }
        }
        touched.push((m, direct, closure));
    }

    // Overlapping modifiers: one changes a token whose value the other also changes (directly or
    // through an alias). Warn, and emit combined blocks per pair of contexts.
    let mut combos: Vec<(Rank, Block)> = Vec::new();
    for i in 0..touched.len() {
        for j in i + 1..touched.len() {
            let (m1, direct1, closure1) = &touched[i];
            let (m2, direct2, closure2) = &touched[j];
            let overlap: Vec<bool> = (0..ids.len())
                .map(|id| (direct1[id] && closure2[id]) || (direct2[id] && closure1[id]))
                .collect();
            if !overlap.contains(&true) {
                continue;
            }
            let mut shared: Vec<&str> = (0..ids.len())
                .filter(|&id| overlap[id])
                .map(|id| ids.path(id))
                .collect();
            shared.sort();
            let (mod1, mod2) = (&project.modifiers[*m1], &project.modifiers[*m2]);
            let listed: Vec<String> = shared.iter().take(5).map(|s| format!("`{s}`")).collect();
            let more = if shared.len() > 5 {
                format!(" and {} more", shared.len() - 5)
            } else {
                String::new()
            };
            diagnostics.push(
                Diagnostic::warning(
                    "overlapping-modifiers",
                    format!(
                        "modifiers `{}` and `{}` both change {}{more}",
                        mod1.name,
                        mod2.name,
                        listed.join(", ")
                    ),
                )
                .at(mod2.span, "")
                .with_secondary(mod1.span, "")
                .with_help("tokenc emits combined blocks for both attributes; keep modifiers on disjoint tokens to avoid them"),
            );
            let combined = close(&overlap, &dependents);
            for c1 in 0..mod1.contexts.len() {
                for c2 in 0..mod2.contexts.len() {
                    let forms = combine(
                        &split_selectors(&context_selectors(config, mod1, c1)),
                        &split_selectors(&context_selectors(config, mod2, c2)),
                    );
                    if forms.is_empty() {
                        continue;
                    }
                    let resolved = perms.get(&perms.with(&[(*m1, c1), (*m2, c2)]));
                    // Paths no single context defines have no id: none of them changed.
                    let map = ids.lookup(&resolved);
                    let decls: Vec<Arc<Decl>> = resolved
                        .tokens
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| combined.get(map.id(*i)).copied().unwrap_or(false))
                        .filter_map(|(_, t)| declare(&printer, &resolved, t, &mut diagnostics))
                        .map(Arc::new)
                        .collect();
                    for (rank, (plain, media)) in forms {
                        combos.push((
                            rank,
                            Block {
                                plain,
                                media,
                                scheme: None,
                                decls: decls.clone(),
                            },
                        ));
                    }
                }
            }
        }
    }
    // Later blocks win (all have specificity 0), so the most specific combinations go last.
    combos.sort_by_key(|(rank, _)| *rank);
    blocks.extend(combos.into_iter().map(|(_, block)| block));

    // The header names a file: keep it inside the comment, and inlinable in `<style>`.
    crate::timing::mark("tokens.css: blocks");
    let header = header.replace("*/", "* /").replace('<', "\u{2039}");
    let mut out = format!("/* {header} */\n");
    let start = out.len();
    out.push_str(&custom_media(&printer, &default, &mut diagnostics));
    // Sized once: a sheet of 100,000 tokens is megabytes, and growing it by doubling would copy
    // it repeatedly and hold up to twice its size.
    let estimate: usize = blocks
        .iter()
        .map(|b| {
            let lines: usize = b
                .decls
                .iter()
                .flat_map(|d| d.lines().chain(d.wide()))
                .map(|(n, v)| n.len() + v.len() + 10)
                .sum();
            (lines + 256) * (usize::from(!b.plain.is_empty()) + b.media.len())
        })
        .sum();
    out.reserve(estimate);
    for block in &blocks {
        write_block(&mut out, block);
    }
    if config.minify {
        // Left as written when lightningcss cannot minify it.
        if let Some(body) = minify(&out[start..], config.targets) {
            out.truncate(start);
            out.push_str(&body);
        }
        out.push('\n');
    }
    (out, diagnostics)
}

/// A context's declaration of one token: the default permutation's, or its own.
enum Own {
    /// The token's definition is the default permutation's: so is its declaration.
    Same,
    /// Declared for this context (`None`: the token has no value).
    Decl(Option<Arc<Decl>>),
}

/// What tokens.css needs of the single-context permutations besides the default declarations.
struct ContextWork<'a> {
    /// Each context's own declarations (`None` for the default context, which is the default
    /// permutation).
    own: Vec<Option<Vec<Own>>>,
    /// Problems found.
    diagnostics: Vec<Diagnostic>,
    /// One id per token path over the default permutation and every context.
    ids: Ids<'a>,
    /// Each context's token ids → `ids`.
    maps: Vec<IdMap>,
    /// For every id, the ids of the tokens that alias it.
    dependents: Vec<Vec<usize>>,
}

/// [`ContextWork`] for `contexts` (modifier, context, permutation).
fn context_work<'a>(
    printer: &Printer<'_>,
    project: &crate::load::Project,
    default: &'a Arc<Resolved>,
    contexts: &'a [(usize, usize, Arc<Resolved>)],
) -> ContextWork<'a> {
    let mut diagnostics = Vec::new();
    let own = contexts
        .iter()
        .map(|(_, _, resolved)| {
            if Arc::ptr_eq(resolved, default) {
                return None;
            }
            // Where both permutations list the same tokens in the same order (the usual case),
            // a token whose definition is unchanged shares the default declaration instead of
            // being printed again: its text could only differ through its value, its alias
            // targets (same ids, same paths) or its CSS override.
            let aligned = resolved.same_tokens_as(default);
            Some(
                resolved
                    .tokens
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let unchanged = aligned && {
                            let before = &default.tokens[i];
                            t.ty == before.ty
                                && t.value.is_some()
                                && t.value == before.value
                                && t.extensions() == before.extensions()
                        };
                        if unchanged {
                            Own::Same
                        } else {
                            Own::Decl(declare(printer, resolved, t, &mut diagnostics).map(Arc::new))
                        }
                    })
                    .collect(),
            )
        })
        .collect();
    // Every token of every permutation emitted gets one id: its index in the default
    // permutation, or a number after those for a token that only some context defines. The
    // sets below are then flags per id instead of sets of path strings.
    let mut ids = Ids::new(default);
    for (_, _, resolved) in contexts {
        ids.add(resolved);
    }
    let maps: Vec<IdMap> = contexts.iter().map(|v| ids.lookup(&v.2)).collect();
    // A context may change a token's value, never its type: CSS and Rust have one name for it.
    for ((m, c, resolved), map) in contexts.iter().zip(&maps) {
        for (i, token) in resolved.tokens.iter().enumerate() {
            let before = default.tokens.get(map.id(i));
            if let (Some(before_ty), Some(now)) = (before.and_then(|t| t.ty), token.ty)
                && before_ty != now
            {
                let modifier = &project.modifiers[*m];
                diagnostics.push(
                    Diagnostic::error(
                        "type-mismatch",
                        format!(
                            "`{}` is a {before_ty} token, but a {now} in {}={}",
                            token.path, modifier.name, modifier.contexts[*c].0
                        ),
                    )
                    .at(token.span, format!("a {now} here"))
                    .with_secondary(
                        before.map_or(token.span, |t| t.span),
                        format!("a {before_ty} here"),
                    )
                    .with_help("a context may change a token's value but not its type"),
                );
            }
        }
    }
    // Alias dependents across every permutation emitted: a token may alias a themed token only
    // under another modifier's context, and must then be re-declared too.
    // (The default context's variant is the default permutation itself: counted once.)
    let mut dependents = vec![Vec::new(); ids.len()];
    add_dependents(&mut dependents, default, &IdMap::Same);
    for (v, map) in contexts.iter().zip(&maps) {
        if !Arc::ptr_eq(&v.2, default) {
            add_dependents(&mut dependents, &v.2, map);
        }
    }
    ContextWork {
        own,
        diagnostics,
        ids,
        maps,
        dependents,
    }
}

/// Breakpoints: dimension tokens marked `$extensions."dev.crust".breakpoint = true` also become
/// `@custom-media --<name> (min-width: <value>);`, since `var()` cannot be used in media queries.
/// They come from the default permutation: a media query cannot follow a theme attribute.
fn custom_media(
    printer: &Printer<'_>,
    default: &Resolved,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let mut out = String::new();
    for token in &default.tokens {
        let Some(flag) = token
            .extensions()
            .and_then(|e| e.get("dev.crust"))
            .and_then(|e| e.value.get("breakpoint"))
        else {
            continue;
        };
        if flag.value.kind != crate::raw::NodeKind::Bool(true) {
            continue;
        }
        let literal = token
            .value
            .as_ref()
            .map(|v| printer.value(default, v, Mode::Resolved).css);
        match (token.ty, literal) {
            (Some(TokenType::Dimension), Some(css)) => {
                let name = naming::css_var(printer.prefix, &token.path);
                let _ = writeln!(out, "@custom-media {name} (min-width: {css});");
            }
            (_, Some(_)) => diagnostics.push(
                Diagnostic::error(
                    "invalid-value",
                    format!("breakpoint `{}` must be a dimension", token.path),
                )
                .at(flag.key_span, "marked as a breakpoint")
                .with_help("breakpoints are widths, such as `{ value = 48, unit = \"rem\" }`"),
            ),
            _ => {}
        }
    }
    out
}

/// One number per token path over several permutations: the default permutation's own ids,
/// then the paths only other permutations define, in order of appearance.
struct Ids<'a> {
    default: &'a Resolved,
    extra: HashMap<&'a str, usize>,
    extra_paths: Vec<&'a str>,
}

/// A permutation's token ids → [`Ids`]: the same numbers when it lists the default
/// permutation's tokens in the same order (the usual case), else a table.
enum IdMap {
    Same,
    Table(Vec<usize>),
}

impl IdMap {
    fn id(&self, i: usize) -> usize {
        match self {
            IdMap::Same => i,
            IdMap::Table(t) => t[i],
        }
    }
}

impl<'a> Ids<'a> {
    fn new(default: &'a Resolved) -> Ids<'a> {
        Ids {
            default,
            extra: HashMap::default(),
            extra_paths: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.default.tokens.len() + self.extra_paths.len()
    }

    fn path(&self, id: usize) -> &'a str {
        match self.default.tokens.get(id) {
            Some(t) => &t.path,
            None => self.extra_paths[id - self.default.tokens.len()],
        }
    }

    /// Numbers the paths of `resolved` not seen yet.
    fn add(&mut self, resolved: &'a Resolved) {
        if resolved.same_tokens_as(self.default) {
            return;
        }
        for t in &resolved.tokens {
            if self.default.id_of(&t.path).is_none() && !self.extra.contains_key(&*t.path) {
                self.extra.insert(&t.path, self.len());
                self.extra_paths.push(&t.path);
            }
        }
    }

    /// The ids of `resolved`'s tokens; a path never [added](Ids::add) gets `usize::MAX`.
    fn lookup(&self, resolved: &Resolved) -> IdMap {
        if resolved.same_tokens_as(self.default) {
            return IdMap::Same;
        }
        let id = |path: &str| match self.default.id_of(path) {
            Some(id) => id.0 as usize,
            None => self.extra.get(path).copied().unwrap_or(usize::MAX),
        };
        IdMap::Table(resolved.tokens.iter().map(|t| id(&t.path)).collect())
    }
}

/// Adds to `out` (target id → ids of the tokens that alias it) the aliases of `resolved`.
fn add_dependents(out: &mut [Vec<usize>], resolved: &Resolved, map: &IdMap) {
    for (i, token) in resolved.tokens.iter().enumerate() {
        if let Some(v) = &token.value {
            let dependent = map.id(i);
            visit_aliases(v, &mut |target| {
                let list = &mut out[map.id(target.0 as usize)];
                if !list.contains(&dependent) {
                    list.push(dependent);
                }
            });
        }
    }
}

/// `set` plus every token that aliases one of its tokens, transitively.
fn close(set: &[bool], dependents: &[Vec<usize>]) -> Vec<bool> {
    let mut out = set.to_vec();
    let mut queue: Vec<usize> = (0..set.len()).filter(|&id| set[id]).collect();
    while let Some(id) = queue.pop() {
        for &d in &dependents[id] {
            if !out[d] {
                out[d] = true;
                queue.push(d);
            }
        }
    }
    out
}

/// The configured selectors of context `c` of `modifier`, or `[data-<modifier>="<context>"]`.
fn context_selectors(
    config: &CssConfig,
    modifier: &crate::load::Modifier,
    c: usize,
) -> Vec<String> {
    let context = &modifier.contexts[c].0;
    config
        .contexts
        .get(&format!("{}.{}", modifier.name, context))
        .cloned()
        .unwrap_or_else(|| vec![attribute_selector(&modifier.name, context)])
}

type Selectors = (Vec<String>, Vec<(String, String)>);

/// One single-context permutation: modifier, context, tokens, declarations.
type Variant = (usize, usize, Arc<Resolved>, Decls);

/// Selectors where two contexts apply together: on one element, or either inside the other.
/// An `@media` context combines with the other's selectors inside its query; two queries are
/// joined with `and`. `:root` alone is the default block's and is left out.
/// How a combined selector matches, for ordering: descendant forms (the two contexts set on
/// different elements) before compound ones (both on one element), and within each, forms that
/// lean on a default (`:root`, weight 0) or an OS preference (`@media`, 1) before attributes (2).
type Rank = (bool, u8);

/// One side of a combination: a context's default `:root`, an attribute selector, or an
/// `@media` query with the selector inside it.
enum Part<'a> {
    Root,
    Attr(&'a str),
    Media(&'a str, &'a str),
}

impl Part<'_> {
    fn weight(&self) -> u8 {
        match self {
            Part::Root => 0,
            Part::Media(..) => 1,
            Part::Attr(_) => 2,
        }
    }
}

fn parts(s: &Selectors) -> Vec<Part<'_>> {
    let mut out: Vec<Part<'_>> =
        s.0.iter()
            .map(|x| {
                if x == ":root" {
                    Part::Root
                } else {
                    Part::Attr(x)
                }
            })
            .collect();
    out.extend(s.1.iter().map(|(q, inner)| Part::Media(q, inner)));
    out
}

/// The selectors under which two contexts (of overlapping modifiers) hold together, each with
/// its rank. Exact when both are set on one element, when one is set on an ancestor of the
/// other, and when either comes from `:root` or an OS preference; deeper alternations (a theme
/// switched back and forth in nested subtrees) follow the last matching rule, not the nearest.
fn combine(a: &Selectors, b: &Selectors) -> Vec<(Rank, Selectors)> {
    let mut out: Vec<(Rank, Selectors)> = Vec::new();
    let mut add = |compound: bool, weight: u8, media: Option<&str>, selector: String| {
        let rank = (compound, weight);
        let index = match out.iter().position(|(r, _)| *r == rank) {
            Some(i) => i,
            None => {
                out.push((rank, (Vec::new(), Vec::new())));
                out.len() - 1
            }
        };
        match media {
            Some(q) => out[index].1.1.push((q.to_string(), selector)),
            None => out[index].1.0.push(selector),
        }
    };
    // An inner `@media` selector starts at `:root`; it can only be the outer element.
    let rooted = |s: &str| s.starts_with(":root");
    for x in parts(a) {
        for y in parts(b) {
            let weight = x.weight() + y.weight();
            match (&x, &y) {
                (Part::Root, Part::Root) => {}
                (Part::Root, Part::Attr(s)) | (Part::Attr(s), Part::Root) => {
                    add(true, weight, None, format!(":root{s}"));
                }
                (Part::Root, Part::Media(q, inner)) | (Part::Media(q, inner), Part::Root) => {
                    add(true, weight, Some(q), (*inner).to_string());
                }
                (Part::Attr(s), Part::Attr(t)) => {
                    add(false, weight, None, format!("{s} {t}"));
                    add(false, weight, None, format!("{t} {s}"));
                    add(true, weight, None, format!("{s}{t}"));
                }
                (Part::Attr(s), Part::Media(q, inner)) | (Part::Media(q, inner), Part::Attr(s)) => {
                    if rooted(inner) {
                        add(false, weight, Some(q), format!("{inner} {s}"));
                        add(true, weight, Some(q), format!("{s}{inner}"));
                    } else {
                        add(false, weight, Some(q), format!("{inner} {s}"));
                        add(false, weight, Some(q), format!("{s} {inner}"));
                        add(true, weight, Some(q), format!("{s}{inner}"));
                    }
                }
                (Part::Media(qa, ia), Part::Media(qb, ib)) => {
                    let (Some(fa), Some(fb)) =
                        (qa.strip_prefix("@media "), qb.strip_prefix("@media "))
                    else {
                        continue;
                    };
                    let simple = |q: &str| !q.contains(',') && !q.trim_start().starts_with("not");
                    if simple(fa) && simple(fb) {
                        let inner = if ia == ib {
                            (*ia).to_string()
                        } else {
                            format!("{ia}{}", ib.trim_start_matches(":root"))
                        };
                        let query = format!("@media {} and {}", fa.trim(), fb.trim());
                        add(true, weight, Some(&query), inner);
                    }
                }
            }
        }
    }
    out
}

fn write_rule(
    out: &mut String,
    indent: usize,
    selector: &str,
    scheme: Option<&str>,
    lines: &[(&str, &str)],
) {
    let pad = "  ".repeat(indent);
    let _ = writeln!(out, "{pad}:where({selector}) {{");
    if let Some(s) = scheme {
        let _ = writeln!(out, "{pad}  color-scheme: {s};");
    }
    for (name, value) in lines {
        // Pushed piece by piece: the formatting machinery costs more than the copying here.
        out.push_str(&pad);
        out.push_str("  ");
        out.push_str(name);
        out.push_str(": ");
        out.push_str(value);
        out.push_str(";\n");
    }
    let _ = writeln!(out, "{pad}}}");
}

fn write_block(out: &mut String, block: &Block) {
    let lines: Vec<(&str, &str)> = block.decls.iter().flat_map(|d| d.lines()).collect();
    let wide: Vec<(&str, &str)> = block.decls.iter().filter_map(|d| d.wide()).collect();
    if lines.is_empty() && block.scheme.is_none() {
        return;
    }
    let targets: Vec<(Option<&str>, String)> = {
        let mut t = Vec::new();
        if !block.plain.is_empty() {
            t.push((None, block.plain.join(", ")));
        }
        for (media, inner) in &block.media {
            t.push((Some(media.as_str()), inner.clone()));
        }
        t
    };
    for (media, selector) in targets {
        let indent = match media {
            Some(m) => {
                let _ = writeln!(out, "{m} {{");
                1
            }
            None => 0,
        };
        write_rule(out, indent, &selector, block.scheme, &lines);
        if !wide.is_empty() {
            let pad = "  ".repeat(indent);
            let _ = writeln!(out, "{pad}@supports (color: oklch(0% 0 0)) {{");
            let _ = writeln!(out, "{pad}  @media (color-gamut: p3) {{");
            write_rule(out, indent + 2, &selector, None, &wide);
            let _ = writeln!(out, "{pad}  }}");
            let _ = writeln!(out, "{pad}}}");
        }
        if media.is_some() {
            let _ = writeln!(out, "}}");
        }
    }
}

fn minify(css: &str, targets: lightningcss::targets::Targets) -> Option<String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(css, ParserOptions::default()).ok()?;
    sheet
        .minify(MinifyOptions {
            targets,
            ..MinifyOptions::default()
        })
        .ok()?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            targets,
            ..PrinterOptions::default()
        })
        .ok()?;
    Some(printed.code)
}
