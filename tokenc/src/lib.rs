//! tokenc compiles design tokens written in TOML (a literal mirror of the DTCG 2025.10 format)
//! or DTCG JSON into CSS custom properties, typed Rust constants and resolved JSON.
//!
//! The pipeline reads top to bottom in [`compile`]: **parse** (TOML/JSON → raw tree with spans),
//! **load** (resolver, sets, modifiers, `$ref` files through a [`SourceLoader`]), **resolve**
//! (per permutation: merge, types, aliases, cycles), **emit** (CSS, Rust). Every stage keeps going
//! after an error, so one run reports every problem; the library does no IO and never prints.
//!
//! ```
//! use tokenc::{MemoryLoader, Settings, compile};
//!
//! let mut files = MemoryLoader::new();
//! files.insert("/p/tokens.toml", r#"
//! [color]
//! "$type" = "color"
//! brand = { "$value" = { colorSpace = "srgb", components = [0, 0.4, 1] } }
//! accent = { "$value" = "{color.brand}" }
//! "#);
//! let settings = Settings::for_resolver("/p/tokens.toml".as_ref());
//! let compilation = compile(&files, &settings).unwrap();
//! assert!(compilation.diagnostics.is_empty());
//! let css = &compilation.outputs.unwrap().css;
//! assert!(css.contains("--color-accent: var(--color-brand);"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod audit;
pub mod config;
pub mod convert;
pub mod diagnostics;
pub mod emit;
pub mod flatten;
pub mod init;
pub mod lints;
pub mod load;
pub mod model;
pub mod naming;
pub mod output;
pub mod parse;
pub mod permute;
pub mod raw;
pub mod required;
pub mod resolve;
pub mod source;
pub mod timing;
pub mod validate;
pub mod values;

use std::path::{Path, PathBuf};

pub use config::{Config, parse_config};
pub use diagnostics::{Diagnostic, Severity};
pub use emit::css::CssConfig;
pub use load::{EntryError, Project, Roots};
pub use resolve::{Resolved, Selection};
pub use source::{LoadError, MemoryLoader, SourceLoader, SourceMap};

use emit::value::Printer;
use permute::Permutations;

/// What to compile and how.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Settings {
    /// The resolver document or plain token file.
    pub entry: PathBuf,
    /// Where sources may be read from.
    pub roots: Roots,
    /// CSS settings (prefix, targets, context selectors).
    pub css: CssConfig,
    /// Lint levels.
    pub levels: lints::Levels,
    /// Bulk contrast rules (`[[contrast]]`).
    pub contrast: Vec<config::ContrastRule>,
    /// Manifests of tokens a consumer needs (`require`), with where each is named.
    pub required: Vec<(PathBuf, Option<source::Span>)>,
}

impl Settings {
    /// `--resolver` mode: no prefix, targets `defaults`, each context at `[data-<modifier>=…]`.
    pub fn for_resolver(entry: &Path) -> Settings {
        let project = entry.parent().map(Path::to_path_buf).unwrap_or_default();
        Settings {
            entry: entry.to_path_buf(),
            roots: Roots {
                project,
                extra: Vec::new(),
            },
            css: CssConfig {
                targets: config::targets("defaults").unwrap_or_default(),
                ..CssConfig::default()
            },
            levels: lints::Levels::default(),
            contrast: Vec::new(),
            required: Vec::new(),
        }
    }

    /// Settings from a parsed `tokenc.toml`.
    pub fn from_config(config: &Config) -> Settings {
        Settings {
            entry: config.resolver.clone(),
            roots: Roots {
                project: config.dir.clone(),
                extra: config.roots.clone(),
            },
            css: config.css.clone(),
            levels: config.levels.clone(),
            contrast: config.contrast.clone(),
            required: config
                .required
                .iter()
                .map(|(path, span)| (path.clone(), Some(*span)))
                .collect(),
        }
    }
}

/// The generated files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs {
    /// `tokens.css`
    pub css: String,
    /// `tokens.rs`
    pub rust: String,
}

/// The result of [`compile`].
pub struct Compilation {
    /// Every file read, for rendering diagnostics.
    pub files: SourceMap,
    /// Every problem, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The outputs, or `None` when any diagnostic is an error.
    pub outputs: Option<Outputs>,
}

impl Compilation {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Compiles the tokens of `settings.entry` into `tokens.css` and `tokens.rs`.
pub fn compile(io: &dyn SourceLoader, settings: &Settings) -> Result<Compilation, EntryError> {
    compile_with(io, settings, SourceMap::new())
}

/// [`compile`] with files already read (the config), so that diagnostics can point into them.
pub fn compile_with(
    io: &dyn SourceLoader,
    settings: &Settings,
    files: SourceMap,
) -> Result<Compilation, EntryError> {
    compile_cached(io, settings, files, None)
}

/// [`compile_with`], reusing the token files of `cache` whose text has not changed and the
/// permutations resolved from those files alone (and leaving this build's in it): `tokenc watch`
/// parses and resolves only what an edit can change.
pub fn compile_cached(
    io: &dyn SourceLoader,
    settings: &Settings,
    files: SourceMap,
    cache: Option<&mut load::SourceCache>,
) -> Result<Compilation, EntryError> {
    compile_streaming(io, settings, files, cache, &|_, _| {})
}

/// An output of a build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    /// tokens.css
    Css,
    /// tokens.rs
    Rust,
}

/// [`compile_cached`], handing each output to `ready` as soon as it is built, while the build
/// goes on checking (on any thread): `tokenc build` writes it to a temporary file then, and
/// puts it in place only if the whole build succeeds ([`output::prepare`]). An output handed
/// over is the one [`Compilation::outputs`] holds when there are no errors.
pub fn compile_streaming(
    io: &dyn SourceLoader,
    settings: &Settings,
    files: SourceMap,
    mut cache: Option<&mut load::SourceCache>,
    ready: &(dyn Fn(OutputKind, &str) + Sync),
) -> Result<Compilation, EntryError> {
    let mut files = files;
    let (manifests, manifest_diagnostics) = required::read(io, &mut files, &settings.required);
    let earlier = cache
        .as_deref_mut()
        .map(|c| std::mem::take(&mut c.perms))
        .unwrap_or_default();
    let mut project = load::load_cached(
        io,
        &settings.entry,
        &settings.roots,
        files,
        cache.as_deref_mut(),
    )?;
    timing::mark("loaded");
    let mut perms = Permutations::reusing(&project, &settings.css.prefix, earlier);
    perms.report(project.diagnostics.clone());
    perms.report(unknown_contexts(&project, &settings.css));
    perms.report(
        missing_inputs(&project, &[])
            .into_iter()
            .map(|d| d.with_note("`build` and `check` need a `default` for every modifier; `resolve` also accepts `--input`"))
            .collect(),
    );
    // Named relative to the project folder, so the output does not depend on where tokenc runs.
    let entry_name = settings
        .entry
        .strip_prefix(&settings.roots.project)
        .unwrap_or(&settings.entry)
        .display()
        .to_string()
        .replace('\\', "/");
    let header = format!(
        "@generated by tokenc from {entry_name}. Do not edit: change the tokens and run `tokenc build`."
    );
    // Every output needs the default permutation and each single-context one: resolved at once,
    // in parallel.
    let singles = perms.singles();
    perms.prefetch(&singles);
    timing::mark("resolved");
    // With one modifier (or none) that is every permutation: a one-shot build drops the token
    // definitions before building the outputs, which lowers its peak memory by a fifth.
    let mut released = Vec::new();
    if cache.is_none() && perms.complete() {
        let suspended = perms.suspend();
        released = project.release_definitions();
        perms = Permutations::resume(&project, suspended);
        timing::mark("definitions released");
    }
    let held: Vec<std::sync::Arc<Resolved>> = singles.iter().map(|s| perms.get(s)).collect();
    let prefix = settings.css.prefix.as_str();
    // Listing the tokens to emit and freeing the definitions take about as long: at once.
    let (token_refs, ()) = rayon::join(|| emitted_tokens(&held), move || drop(released));
    timing::mark("emitted tokens listed");
    // tokens.css, tokens.rs, the name checks and the contrast check are independent: rayon
    // spreads them over the cores (all but tokens.css need only the permutations resolved above;
    // the contrast check reads them through a fork of the cache). A worker free after tokens.css
    // or tokens.rs shares the name checks; tokens.css, the longest, runs alone on its worker.
    let mut contrast_perms = perms.fork();
    let contrast_rules = &settings.contrast;
    let ((css, css_diagnostics), ((rust, rust_diagnostics), (names, required, contrast))) =
        rayon::join(
            || {
                let css = emit::css::emit_css(&mut perms, &settings.css, &header);
                timing::mark("tokens.css built");
                ready(OutputKind::Css, &css.0);
                css
            },
            || {
                rayon::join(
                    || {
                        let rust = emit::rust::emit_rust(&project, &token_refs, prefix, &header);
                        timing::mark("tokens.rs built");
                        ready(OutputKind::Rust, &rust.0);
                        rust
                    },
                    || {
                        let names = emit::check_names(&token_refs, prefix, true);
                        timing::mark("names checked");
                        let required = required::check(&manifests, &token_refs, prefix);
                        let (pairs, pair_diagnostics) =
                            validate::contrast::pairs(&mut contrast_perms, contrast_rules);
                        let (_, contrast_diagnostics) =
                            validate::contrast::evaluate(&mut contrast_perms, &pairs);
                        timing::mark("contrast checked");
                        (names, required, (pair_diagnostics, contrast_diagnostics))
                    },
                )
            },
        );
    timing::mark("emitted");
    perms.report(css_diagnostics);
    perms.report(names);
    perms.report(manifest_diagnostics);
    perms.report(required);
    perms.report(rust_diagnostics);
    // What the contrast check resolved and found, in the order it did.
    let (pair_diagnostics, contrast_diagnostics) = contrast;
    perms.absorb(contrast_perms);
    perms.report(pair_diagnostics);
    perms.report(contrast_diagnostics);
    let diagnostics = settings.levels.apply(perms.take_diagnostics());
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    if let Some(cache) = cache {
        cache.perms = perms.keep();
    }
    drop(perms);
    drop(token_refs);
    let files = std::mem::take(&mut project.files);
    // Freeing a large project takes a while (~15 ms at 100,000 tokens): another thread does it,
    // while the caller writes the outputs (and a one-shot build exits). A `watch` rebuild frees
    // only what its cache does not share. (Should no thread start, the refused closure, and so
    // all of it, is dropped right here.)
    let _ = std::thread::Builder::new()
        .name("tokenc-free".into())
        .spawn(move || drop((project, held, manifests)));
    Ok(Compilation {
        outputs: (!failed).then_some(Outputs { css, rust }),
        diagnostics,
        files,
    })
}

/// The tokens tokens.css and tokens.rs are built from: every token of the permutations in `held`
/// (the default one and each single-modifier one, [`Permutations::singles`]), once each, in order
/// of first definition, borrowed rather than copied.
pub fn emitted_tokens(held: &[std::sync::Arc<Resolved>]) -> Vec<&resolve::Token> {
    first_definitions(held, |_| true)
}

/// The tokens of `held` that `keep` accepts, each path once, at its first accepted definition,
/// in that order.
pub fn first_definitions(
    held: &[std::sync::Arc<Resolved>],
    keep: impl Fn(&resolve::Token) -> bool,
) -> Vec<&resolve::Token> {
    // Usually every permutation lists the same tokens in the same order, and `keep` judges them
    // alike: then the first permutation's are all of them.
    if let Some((first, rest)) = held.split_first()
        && rest.iter().all(|r| {
            r.same_tokens_as(first)
                && r.tokens
                    .iter()
                    .zip(&first.tokens)
                    .all(|(a, b)| keep(a) == keep(b))
        })
    {
        return first.tokens.iter().filter(|t| keep(t)).collect();
    }
    let mut seen = std::collections::HashSet::new();
    held.iter()
        .flat_map(|r| r.tokens.iter())
        .filter(|t| keep(t) && seen.insert(&*t.path))
        .collect()
}

/// `[css.contexts]` keys must name a `modifier.context` of the resolver.
fn unknown_contexts(project: &Project, css: &CssConfig) -> Vec<Diagnostic> {
    let known: Vec<String> = project
        .modifiers
        .iter()
        .flat_map(|m| {
            m.contexts
                .iter()
                .map(move |(c, _)| format!("{}.{c}", m.name))
        })
        .collect();
    let mut out = Vec::new();
    for (key, span) in &css.context_spans {
        if known.iter().any(|k| k == key) {
            continue;
        }
        let help = match diagnostics::did_you_mean(key, known.iter().map(String::as_str)) {
            Some(m) => format!("did you mean \"{m}\"?"),
            None => format!("the resolver's contexts are: {}", known.join(", ")),
        };
        out.push(
            Diagnostic::error(
                "invalid-config",
                format!("`[css.contexts]` names `{key}`, which is no modifier context"),
            )
            .at(*span, "")
            .with_help(help),
        );
    }
    out
}

/// `missing-input` for every modifier without a default that `inputs` does not choose.
pub fn missing_inputs(project: &Project, inputs: &[(usize, usize)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, m) in project.modifiers.iter().enumerate() {
        if m.default.is_none()
            && !m.default_invalid
            && !inputs.iter().any(|(mi, _)| *mi == i)
            && !m.contexts.is_empty()
        {
            let names: Vec<&str> = m.contexts.iter().map(|(c, _)| c.as_str()).collect();
            out.push(
                Diagnostic::error(
                    "missing-input",
                    format!("modifier `{}` has no default and no input", m.name),
                )
                .at(m.span, "needs a context")
                .with_help(format!(
                    "pass `--input {}=<context>` (one of: {}) or add `default` to the modifier",
                    m.name,
                    names.join(", ")
                )),
            );
        }
    }
    out
}

/// A usage problem with `--input` (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

/// Matches `--input MOD=CTX` pairs (case-insensitively) against the project's modifiers.
pub fn parse_inputs(
    project: &Project,
    inputs: &[String],
) -> Result<Vec<(usize, usize)>, InputError> {
    let mut out = Vec::new();
    for input in inputs {
        let Some((m, c)) = input.split_once('=') else {
            return Err(InputError(format!(
                "`--input {input}` must be written MODIFIER=CONTEXT"
            )));
        };
        let names: Vec<&str> = project.modifiers.iter().map(|m| m.name.as_str()).collect();
        let Some(mi) = project
            .modifiers
            .iter()
            .position(|x| x.name.eq_ignore_ascii_case(m.trim()))
        else {
            let hint = match diagnostics::did_you_mean(m, names.iter().copied()) {
                Some(s) => format!("; did you mean `{s}`?"),
                None if names.is_empty() => "; this resolver has no modifiers".into(),
                None => format!("; modifiers are: {}", names.join(", ")),
            };
            return Err(InputError(format!("unknown modifier `{m}`{hint}")));
        };
        let modifier = &project.modifiers[mi];
        let Some(ci) = modifier
            .contexts
            .iter()
            .position(|(x, _)| x.eq_ignore_ascii_case(c.trim()))
        else {
            let contexts: Vec<&str> = modifier.contexts.iter().map(|(c, _)| c.as_str()).collect();
            let hint = match diagnostics::did_you_mean(c, contexts.iter().copied()) {
                Some(s) => format!("; did you mean `{s}`?"),
                None => format!("; contexts are: {}", contexts.join(", ")),
            };
            return Err(InputError(format!(
                "unknown context `{c}` of modifier `{}`{hint}",
                modifier.name
            )));
        };
        if let Some(&(_, earlier)) = out.iter().find(|(x, _): &&(usize, usize)| *x == mi) {
            if earlier != ci {
                return Err(InputError(format!(
                    "`--input` gives modifier `{}` twice: `{}` and `{}`",
                    modifier.name, modifier.contexts[earlier].0, modifier.contexts[ci].0
                )));
            }
            continue;
        }
        out.push((mi, ci));
    }
    Ok(out)
}

/// The most permutations `resolve --all-permutations` lists; beyond, it is an error, not hours
/// of output.
pub const MAX_LISTED_PERMUTATIONS: usize = 4096;

/// `tokenc resolve` as JSON: one permutation, or every permutation keyed by its label.
pub fn resolve_json(
    project: &Project,
    inputs: &[(usize, usize)],
    all_permutations: bool,
    settings: &Settings,
) -> (serde_json::Value, Vec<Diagnostic>) {
    let css = &settings.css;
    let mut perms = Permutations::new(project, &css.prefix);
    perms.report(project.diagnostics.clone());
    let printer = Printer {
        prefix: &css.prefix,
        targets: css.targets,
    };
    let one = |perms: &mut Permutations<'_>, selection: &Selection| {
        let resolved = perms.get(selection);
        let mut found = Vec::new();
        let json = emit::json::resolve_json(&resolved, &printer, &mut found);
        let tokens: Vec<&resolve::Token> = resolved.tokens.iter().collect();
        found.extend(emit::check_names(&tokens, &css.prefix, false));
        perms.report(found);
        json
    };
    let count = perms.count();
    let value = if all_permutations && count > MAX_LISTED_PERMUTATIONS {
        let modifiers = perms.ordered_modifiers();
        let mut d = Diagnostic::error(
            "too-many-permutations",
            if count == usize::MAX {
                // The count saturated.
                format!(
                    "more than {count} permutations are too many to list (at most {MAX_LISTED_PERMUTATIONS})"
                )
            } else {
                format!(
                    "{count} permutations are too many to list (at most {MAX_LISTED_PERMUTATIONS})"
                )
            },
        )
        .with_help(
            "choose contexts with `--input modifier=context` instead of `--all-permutations`",
        );
        for (i, &m) in modifiers.iter().enumerate() {
            let modifier = &project.modifiers[m];
            let label = format!("{} contexts", modifier.contexts.len());
            d = if i == 0 {
                d.at(modifier.span, label)
            } else {
                d.with_secondary(modifier.span, label)
            };
        }
        perms.report(vec![d]);
        serde_json::Value::Object(serde_json::Map::new())
    } else if all_permutations {
        let mut map = serde_json::Map::new();
        for selection in perms.all() {
            map.insert(selection.label(project), one(&mut perms, &selection));
        }
        serde_json::Value::Object(map)
    } else {
        perms.report(missing_inputs(project, inputs));
        let mut selection = Selection::defaults(project);
        for &(m, c) in inputs {
            selection.0[m] = Some(c);
        }
        one(&mut perms, &selection)
    };
    (value, settings.levels.apply(perms.take_diagnostics()))
}

/// `tokenc contrast`: every declared pair in every permutation that can change it.
pub fn contrast_report(
    project: &Project,
    settings: &Settings,
) -> (Vec<validate::contrast::Outcome>, Vec<Diagnostic>) {
    let mut perms = Permutations::new(project, &settings.css.prefix);
    perms.report(project.diagnostics.clone());
    let (pairs, diagnostics) = validate::contrast::pairs(&mut perms, &settings.contrast);
    perms.report(diagnostics);
    let (outcomes, diagnostics) = validate::contrast::evaluate(&mut perms, &pairs);
    perms.report(diagnostics);
    (outcomes, settings.levels.apply(perms.take_diagnostics()))
}

/// A resolver for tests: set `base.json`, then modifier `theme` with `light.json` (the default)
/// and `dark.json`.
#[cfg(test)]
pub(crate) const THEMED_RESOLVER: &str = r##"{ "version": "2025.10",
  "sets": { "base": { "sources": [{ "$ref": "base.json" }] } },
  "modifiers": { "theme": { "contexts": {
    "light": [{ "$ref": "light.json" }], "dark": [{ "$ref": "dark.json" }] },
    "default": "light" } },
  "resolutionOrder": [{ "$ref": "#/sets/base" }, { "$ref": "#/modifiers/theme" }] }"##;

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dark_accent: &str, light_css: &str) -> MemoryLoader {
        let mut io = MemoryLoader::new();
        io.insert("/p/r.resolver.json", THEMED_RESOLVER)
        .insert(
            "/p/base.json",
            r##"{ "blue": { "$type": "color", "$value": { "colorSpace": "srgb", "components": [0, 0, 1] } },
                 "gap": { "$type": "dimension", "$value": { "value": 4, "unit": "px" } } }"##,
        )
        .insert(
            "/p/light.json",
            format!(
                r#"{{ "accent": {{ "$type": "color", "$value": "{{blue}}" }},
                     "odd": {{ "$type": "dimension", "$value": {{ "value": 1, "unit": "px" }},
                              "$extensions": {{ "dev.crust": {{ "css": "{light_css}" }} }} }} }}"#
            ),
        )
        .insert(
            "/p/dark.json",
            format!(
                r#"{{ "accent": {{ "$type": "color", "$value": {dark_accent} }},
                     "odd": {{ "$type": "dimension", "$value": {{ "value": 2, "unit": "px" }} }} }}"#
            ),
        );
        io
    }

    /// Builds the edited files with the cache of the first build, and from scratch.
    fn twice(first: &MemoryLoader, edited: &MemoryLoader) -> (Compilation, Compilation) {
        let settings = Settings::for_resolver("/p/r.resolver.json".as_ref());
        let mut cache = load::SourceCache::default();
        compile_cached(first, &settings, SourceMap::new(), Some(&mut cache)).unwrap();
        let cached = compile_cached(edited, &settings, SourceMap::new(), Some(&mut cache)).unwrap();
        let fresh = compile(edited, &settings).unwrap();
        (cached, fresh)
    }

    #[test]
    fn a_cached_rebuild_gives_what_a_fresh_build_gives() {
        let red = r#"{ "colorSpace": "srgb", "components": [1, 0, 0] }"#;
        let green = r#"{ "colorSpace": "srgb", "components": [0, 1, 0] }"#;
        let (cached, fresh) = twice(
            &files(red, "calc(1px + 1px)"),
            &files(green, "calc(1px + 1px)"),
        );
        assert!(fresh.diagnostics.is_empty(), "{:?}", fresh.diagnostics);
        assert_eq!(cached.outputs, fresh.outputs);
        let css = cached.outputs.unwrap().css;
        assert!(
            css.contains("--accent: #0f0;") && css.contains("--odd: calc(1px + 1px);"),
            "{css}"
        );
    }

    #[test]
    fn a_cached_rebuild_reports_the_unchanged_files_problems_again() {
        // light.json (unchanged, its permutation and declarations reused) has a CSS override
        // that may not load anything: the rebuild must fail on it exactly as a fresh build does.
        let red = r#"{ "colorSpace": "srgb", "components": [1, 0, 0] }"#;
        let green = r#"{ "colorSpace": "srgb", "components": [0, 1, 0] }"#;
        let (cached, fresh) = twice(&files(red, "url(x.png)"), &files(green, "url(x.png)"));
        let codes = |c: &Compilation| c.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
        assert_eq!(codes(&cached), ["invalid-css-override"]);
        assert_eq!(cached.diagnostics, fresh.diagnostics);
        assert!(cached.outputs.is_none());
    }
}
