//! `tokenc.toml`: where the resolver is, what to write, the CSS prefix, targets and the selector
//! of each modifier context. Validated with the same located diagnostics as tokens.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::emit::css::CssConfig;
use crate::source::{FileId, SourceMap, Span, normalize};

/// A validated configuration, paths resolved against the config's folder.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    /// The config file's folder: the project folder.
    pub dir: PathBuf,
    /// The resolver (or plain token file).
    pub resolver: PathBuf,
    /// Further folders sources may be read from.
    pub roots: Vec<PathBuf>,
    /// Where `tokens.css` goes.
    pub css_output: Option<PathBuf>,
    /// Where `tokens.rs` goes.
    pub rust_output: Option<PathBuf>,
    /// CSS settings.
    pub css: CssConfig,
    /// Lint levels from `[rules]`.
    pub levels: crate::lints::Levels,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    resolver: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    roots: Vec<String>,
    #[serde(default)]
    output: RawOutput,
    #[serde(default)]
    css: RawCss,
    #[serde(default)]
    rules: IndexMap<String, toml::Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawOutput {
    css: Option<String>,
    rust: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCss {
    #[serde(default = "default_targets")]
    targets: toml::Spanned<String>,
    #[serde(default)]
    minify: bool,
    #[serde(default)]
    contexts: IndexMap<String, Vec<String>>,
}

impl Default for RawCss {
    fn default() -> Self {
        RawCss {
            targets: default_targets(),
            minify: false,
            contexts: IndexMap::new(),
        }
    }
}

fn default_targets() -> toml::Spanned<String> {
    toml::Spanned::new(0..0, "defaults".into())
}

/// Browserslist query → lightningcss targets.
pub fn targets(query: &str) -> Result<lightningcss::targets::Targets, String> {
    let browsers =
        lightningcss::targets::Browsers::from_browserslist([query]).map_err(|e| e.to_string())?;
    Ok(browsers.map(Into::into).unwrap_or_default())
}

/// Parses the config in `file` (already in `files`), found at `path`.
pub fn parse_config(
    files: &SourceMap,
    file: FileId,
    path: &Path,
) -> Result<Config, Vec<Diagnostic>> {
    let text = files.text(file);
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e
                .span()
                .map(|r| Span::new(file, r))
                .unwrap_or(Span::new(file, 0..0));
            let message = e.message().trim().to_string();
            let mut d = Diagnostic::error(
                "invalid-config",
                format!(
                    "invalid tokenc.toml: {}",
                    message.lines().next().unwrap_or("")
                ),
            );
            d = d.at(span, "");
            if message.contains("unknown field") {
                d = d.with_help(
                    message
                        .lines()
                        .skip_while(|l| !l.contains("expected"))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            return Err(vec![d]);
        }
    };
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let join = |p: &str| normalize(&dir.join(p));
    let mut errors = Vec::new();
    let query = raw.css.targets.get_ref().clone();
    let targets = match targets(&query) {
        Ok(t) => t,
        Err(why) => {
            errors.push(
                Diagnostic::error(
                    "invalid-config",
                    format!("invalid browserslist query \"{query}\": {why}"),
                )
                .at(Span::new(file, raw.css.targets.span()), "")
                .with_help("use a query such as \"defaults\" or \"last 2 versions, not dead\""),
            );
            Default::default()
        }
    };
    for (key, entries) in &raw.css.contexts {
        if !key.contains('.') {
            errors.push(
                Diagnostic::error(
                    "invalid-config",
                    format!("`[css.contexts]` key \"{key}\" must be `modifier.context`"),
                )
                .at(Span::new(file, 0..0), ""),
            );
        }
        for entry in entries {
            if let Some(problem) = selector_problem(entry) {
                errors.push(
                    Diagnostic::error("invalid-config", format!("invalid selector for `{key}`: {problem}"))
                        .at(find_span(text, file, entry), "")
                        .with_help("write a selector such as `[data-theme=\"dark\"]` or `@media (…) { selector }`"),
                );
            }
        }
    }
    let mut levels = crate::lints::Levels::default();
    for (code, level) in &raw.rules {
        let span = Span::new(file, level.span());
        match crate::lints::Level::parse(level.get_ref()) {
            Some(l) => {
                if let Err(why) = levels.set(code, l) {
                    errors.push(
                        Diagnostic::error("invalid-config", format!("`[rules]`: {why}"))
                            .at(find_span(text, file, code), ""),
                    );
                }
            }
            None => errors.push(
                Diagnostic::error(
                    "invalid-config",
                    format!("level of `{code}` must be \"allow\", \"warn\" or \"deny\""),
                )
                .at(span, ""),
            ),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Config {
        resolver: join(&raw.resolver),
        roots: raw.roots.iter().map(|r| join(r)).collect(),
        css_output: raw.output.css.as_deref().map(join),
        rust_output: raw.output.rust.as_deref().map(join),
        css: CssConfig {
            prefix: raw.prefix,
            contexts: raw.css.contexts.into_iter().collect::<HashMap<_, _>>(),
            targets,
            minify: raw.css.minify,
        },
        levels,
        dir,
    })
}

fn find_span(text: &str, file: FileId, needle: &str) -> Span {
    let quoted = format!("{needle:?}");
    match text.find(&quoted).or_else(|| text.find(needle)) {
        Some(i) => Span::new(file, i..i + quoted.len().min(text.len() - i)),
        None => Span::new(file, 0..0),
    }
}

/// Checks a context selector by parsing a rule with it.
fn selector_problem(entry: &str) -> Option<String> {
    let entry = entry.trim();
    let (media, selector) = if entry.starts_with('@') {
        match (entry.find('{'), entry.rfind('}')) {
            (Some(open), Some(close)) if close > open => {
                (Some(&entry[..open]), entry[open + 1..close].trim())
            }
            _ => return Some("an `@media` entry needs `{ selector }`".into()),
        }
    } else {
        (None, entry)
    };
    if selector.is_empty() || selector.contains(['{', '}', ';']) {
        return Some("expected one selector".into());
    }
    let css = match media {
        Some(m) => format!("{m} {{ :where({selector}) {{ --x: 0 }} }}"),
        None => format!(":where({selector}) {{ --x: 0 }}"),
    };
    let opts = lightningcss::stylesheet::ParserOptions {
        error_recovery: false,
        ..Default::default()
    };
    match lightningcss::stylesheet::StyleSheet::parse(&css, opts) {
        Ok(sheet) if sheet.rules.0.len() == 1 => None,
        Ok(_) => Some("expected one selector".into()),
        Err(e) => Some(e.to_string()),
    }
}
