//! `tokenc.toml`: where the resolver is, what to write, the CSS prefix, targets, the selector of
//! each modifier context, contrast rules and lint levels. Read through the same spanned TOML
//! reader as tokens, so every problem is located and unknown keys get a did-you-mean.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::emit::css::CssConfig;
use crate::lints::{Level, Levels};
use crate::raw::{Entry, Node, NodeKind};
use crate::source::{FileId, SourceMap, Span, normalize};

/// A validated configuration, paths resolved against the config's folder.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    /// The config file's folder: the project folder.
    pub dir: PathBuf,
    /// The resolver (or plain token file).
    pub resolver: PathBuf,
    /// Where `resolver` is written, for a located error when the file is missing.
    pub resolver_span: Span,
    /// Further folders sources may be read from.
    pub roots: Vec<PathBuf>,
    /// Where `tokens.css` goes.
    pub css_output: Option<PathBuf>,
    /// Where `tokens.rs` goes.
    pub rust_output: Option<PathBuf>,
    /// Where `[output]` names each output path, for located errors about them.
    pub output_spans: Vec<(PathBuf, Span)>,
    /// CSS settings.
    pub css: CssConfig,
    /// Lint levels from `[rules]`.
    pub levels: Levels,
    /// Bulk contrast requirements from `[[contrast]]`.
    pub contrast: Vec<ContrastRule>,
    /// Manifests of tokens a consumer needs (`require`), each with where it is named.
    pub required: Vec<(PathBuf, Span)>,
    /// The config this one builds on (`extends`), with where it is named.
    pub extends: Option<(PathBuf, Span)>,
    /// Settings written in this file (not inherited): `prefix`, `css.targets`, `css.minify`.
    explicit: Vec<&'static str>,
}

impl Config {
    /// Takes from `base` what this config does not set itself: the prefix, CSS targets and
    /// minifying, context selectors (per context), lint levels (per code), contrast rules (the
    /// base's first) and required-token manifests. The resolver, outputs and roots are always
    /// this config's own: they are paths of this project.
    pub fn inherit(&mut self, base: &Config) {
        for key in &base.explicit {
            if self.explicit.contains(key) {
                continue;
            }
            match *key {
                "prefix" => self.css.prefix = base.css.prefix.clone(),
                "css.targets" => self.css.targets = base.css.targets,
                "css.minify" => self.css.minify = base.css.minify,
                _ => continue,
            }
            // Set now, as if written here: a farther base does not override it.
            self.explicit.push(key);
        }
        for (key, selectors) in &base.css.contexts {
            self.css
                .contexts
                .entry(key.clone())
                .or_insert_with(|| selectors.clone());
        }
        for (key, span) in &base.css.context_spans {
            self.css.context_spans.entry(key.clone()).or_insert(*span);
        }
        self.levels.inherit(&base.levels);
        let own = std::mem::take(&mut self.contrast);
        self.contrast = base.contrast.iter().cloned().chain(own).collect();
        let own = std::mem::take(&mut self.required);
        self.required = base.required.iter().cloned().chain(own).collect();
    }
}

/// How many `extends` a config may chain.
const MAX_EXTENDS: usize = 8;

/// Parses the config in `file` (already in `files`, found at `path`) and reads every config it
/// `extends` through `io` into `files`; returns the merged config or every problem found
/// (located).
pub fn load_config(
    io: &dyn crate::source::SourceLoader,
    files: &mut SourceMap,
    file: FileId,
    path: &Path,
) -> Result<Config, Vec<Diagnostic>> {
    let mut config = parse_config(files, file, path)?;
    let mut chain = vec![normalize(path)];
    // Each base is taken in as it is read, nearest first: what a nearer config sets (itself or
    // inherited) stays.
    let mut next = config.extends.clone();
    while let Some((base_path, span)) = next {
        let problem = if chain.contains(&base_path) {
            Some("it extends itself through this chain".to_string())
        } else if chain.len() > MAX_EXTENDS {
            Some(format!("more than {MAX_EXTENDS} configs extend each other"))
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(vec![
                Diagnostic::error(
                    "invalid-config",
                    format!("cannot extend {}: {problem}", base_path.display()),
                )
                .at(span, "extended here"),
            ]);
        }
        let text = io.read(&base_path).map_err(|e| {
            vec![
                Diagnostic::error(
                    "invalid-config",
                    format!("cannot read {}: {e}", base_path.display()),
                )
                .at(span, "extended here")
                .with_help("the path is relative to the config that names it"),
            ]
        })?;
        let id = files.add(io.display_name(&base_path), base_path.clone(), text);
        let base = parse_config(files, id, &base_path)?;
        config.inherit(&base);
        next = base.extends;
        chain.push(base_path);
    }
    Ok(config)
}

/// One `[[contrast]]` rule: every foreground matched against every background.
#[derive(Clone, Debug)]
pub struct ContrastRule {
    /// Glob patterns over dot paths (`color.fg.*`); `*` stays within one segment, `**` spans.
    /// Each with where it is written.
    pub foreground: Vec<(String, Span)>,
    /// Glob patterns for backgrounds, each with where it is written.
    pub background: Vec<(String, Span)>,
    /// Minimum WCAG 2 ratio.
    pub min: f64,
    /// Higher minimums in some contexts, keyed `modifier.context`.
    pub min_in: Vec<(String, f64)>,
    /// Where the rule is written.
    pub span: Span,
}

/// Browserslist query → lightningcss targets.
pub fn targets(query: &str) -> Result<lightningcss::targets::Targets, String> {
    let browsers =
        lightningcss::targets::Browsers::from_browserslist([query]).map_err(|e| e.to_string())?;
    Ok(browsers.map(Into::into).unwrap_or_default())
}

/// Compiles a dot-path glob (`color.fg.*`) for matching token paths.
pub fn glob(pattern: &str) -> Result<globset::GlobMatcher, String> {
    globset::GlobBuilder::new(&pattern.replace('.', "/"))
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| e.kind().to_string())
}

/// Whether `path` (dot-joined) matches a compiled dot-path glob.
pub fn glob_matches(matcher: &globset::GlobMatcher, path: &str) -> bool {
    matcher.is_match(path.replace('.', "/"))
}

struct Reader {
    errors: Vec<Diagnostic>,
}

impl Reader {
    fn error(&mut self, span: Span, message: String, help: Option<String>) {
        let mut d = Diagnostic::error("invalid-config", message).at(span, "");
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.errors.push(d);
    }

    /// Checks that `table` has only `known` keys; returns its entries.
    fn table<'n>(&mut self, node: &'n Node, what: &str, known: &[&str]) -> &'n [Entry] {
        let Some(entries) = node.as_object() else {
            self.error(node.span, format!("{what} must be a table"), None);
            return &[];
        };
        for e in entries {
            if !known.is_empty() && !known.contains(&e.key.as_str()) {
                let help = match did_you_mean(&e.key, known.iter().copied()) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => format!("{what} has: {}", known.join(", ")),
                };
                self.error(
                    e.key_span,
                    format!("unknown key `{}` in {what}", e.key),
                    Some(help),
                );
            }
        }
        entries
    }

    fn string(&mut self, node: &Node, what: &str) -> Option<String> {
        match node.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.error(
                    node.span,
                    format!("{what} must be a string, found {}", node.kind_name()),
                    None,
                );
                None
            }
        }
    }

    fn strings(&mut self, node: &Node, what: &str) -> Vec<(String, Span)> {
        match &node.kind {
            NodeKind::String(s) => vec![(s.to_string(), node.span)],
            NodeKind::Array(items) => items
                .iter()
                .filter_map(|i| self.string(i, what).map(|s| (s, i.span)))
                .collect(),
            _ => {
                self.error(
                    node.span,
                    format!("{what} must be a string or an array of strings"),
                    None,
                );
                Vec::new()
            }
        }
    }

    fn number(&mut self, node: &Node, what: &str) -> Option<f64> {
        match node.as_f64() {
            Some(n) if n.is_finite() && n >= 1.0 => Some(n),
            _ => {
                self.error(
                    node.span,
                    format!("{what} must be a contrast ratio from 1 to 21"),
                    None,
                );
                None
            }
        }
    }
}

const TOP: &[&str] = &[
    "resolver", "extends", "require", "prefix", "roots", "output", "css", "contrast", "rules",
];

/// Parses the config in `file` (already in `files`), found at `path`.
pub fn parse_config(
    files: &SourceMap,
    file: FileId,
    path: &Path,
) -> Result<Config, Vec<Diagnostic>> {
    let text = files.text(file);
    let (root, mut parse_errors) = crate::parse::parse_toml(file, text);
    for d in &mut parse_errors {
        d.code = "invalid-config";
    }
    if !parse_errors.is_empty() {
        return Err(parse_errors);
    }
    let root = root.expect("the TOML reader always returns a document");
    let mut r = Reader { errors: Vec::new() };
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let join = |p: &str| normalize(&dir.join(p));
    let mut resolver = None;
    let mut prefix = String::new();
    let mut roots = Vec::new();
    let mut css_output = None;
    let mut rust_output = None;
    let mut output_spans: Vec<(PathBuf, Span)> = Vec::new();
    let mut css = CssConfig {
        targets: targets("defaults").unwrap_or_default(),
        ..CssConfig::default()
    };
    let mut levels = Levels::default();
    let mut contrast = Vec::new();
    let mut required = Vec::new();
    let mut extends = None;
    let mut explicit = Vec::new();
    for e in r.table(&root, "tokenc.toml", TOP) {
        match e.key.as_str() {
            "extends" => {
                extends = r
                    .string(&e.value, "`extends`")
                    .map(|s| (join(&s), e.value.span))
            }
            "require" => {
                required = r
                    .strings(&e.value, "`require`")
                    .into_iter()
                    .map(|(s, span)| (join(&s), span))
                    .collect()
            }
            "resolver" => {
                resolver = r
                    .string(&e.value, "`resolver`")
                    .map(|s| (join(&s), e.value.span))
            }
            "prefix" => {
                prefix = r.string(&e.value, "`prefix`").unwrap_or_default();
                explicit.push("prefix");
            }
            "roots" => {
                roots = r
                    .strings(&e.value, "`roots`")
                    .into_iter()
                    .map(|(s, _)| join(&s))
                    .collect()
            }
            "output" => {
                for o in r.table(&e.value, "`[output]`", &["css", "rust"]) {
                    let value = r.string(&o.value, "an output path").map(|s| join(&s));
                    if let Some(path) = &value {
                        if let Some((_, first)) = output_spans.iter().find(|(p, _)| p == path) {
                            let d = Diagnostic::error(
                                "invalid-config",
                                "tokens.css and tokens.rs cannot be the same file",
                            )
                            .at(o.value.span, "written here too")
                            .with_secondary(*first, "already an output")
                            .with_help("give each output its own path");
                            r.errors.push(d);
                        }
                        output_spans.push((path.clone(), o.value.span));
                    }
                    match o.key.as_str() {
                        "css" => css_output = value,
                        "rust" => rust_output = value,
                        _ => {}
                    }
                }
            }
            "css" => read_css(&mut r, &e.value, &mut css, &mut explicit),
            "contrast" => match e.value.as_array() {
                Some(items) => {
                    for item in items {
                        if let Some(rule) = read_contrast(&mut r, item) {
                            contrast.push(rule);
                        }
                    }
                }
                None => r.error(
                    e.value.span,
                    "`contrast` must be written as `[[contrast]]` tables".into(),
                    None,
                ),
            },
            "rules" => {
                for rule in r.table(&e.value, "`[rules]`", &[]) {
                    let level = rule.value.as_str().and_then(Level::parse);
                    match level {
                        Some(l) => {
                            if let Err(why) = levels.set(&rule.key, l) {
                                r.error(rule.key_span, format!("`[rules]`: {why}"), None);
                            }
                        }
                        None => r.error(
                            rule.value.span,
                            format!(
                                "the level of `{}` must be \"allow\", \"warn\" or \"deny\"",
                                rule.key
                            ),
                            None,
                        ),
                    }
                }
            }
            _ => {}
        }
    }
    let Some((resolver, resolver_span)) = resolver else {
        if r.errors.is_empty() {
            r.error(
                Span::new(file, 0..0),
                "tokenc.toml has no `resolver`".into(),
                Some(
                    "add `resolver = \"tokens.resolver.toml\"` (a resolver or a token file)".into(),
                ),
            );
        }
        return Err(r.errors);
    };
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    css.prefix = prefix;
    Ok(Config {
        dir,
        resolver,
        resolver_span,
        roots,
        css_output,
        rust_output,
        output_spans,
        css,
        levels,
        contrast,
        required,
        extends,
        explicit,
    })
}

fn read_css(r: &mut Reader, node: &Node, css: &mut CssConfig, explicit: &mut Vec<&'static str>) {
    for e in r.table(node, "`[css]`", &["targets", "minify", "contexts"]) {
        match e.key.as_str() {
            "targets" => {
                explicit.push("css.targets");
                if let Some(query) = r.string(&e.value, "`targets`") {
                    match targets(&query) {
                        Ok(t) => css.targets = t,
                        Err(why) => r.error(
                            e.value.span,
                            format!("invalid browserslist query \"{query}\": {why}"),
                            Some(
                                "use a query such as \"defaults\" or \"last 2 versions, not dead\""
                                    .into(),
                            ),
                        ),
                    }
                }
            }
            "minify" => {
                explicit.push("css.minify");
                match e.value.kind {
                    NodeKind::Bool(b) => css.minify = b,
                    _ => r.error(e.value.span, "`minify` must be true or false".into(), None),
                }
            }
            "contexts" => {
                let mut contexts = HashMap::new();
                for c in r.table(&e.value, "`[css.contexts]`", &[]) {
                    if !c.key.contains('.') {
                        r.error(
                            c.key_span,
                            format!(
                                "`[css.contexts]` key \"{}\" must be `modifier.context`",
                                c.key
                            ),
                            Some("for example \"theme.dark\"".into()),
                        );
                    }
                    let mut selectors = Vec::new();
                    for (entry, span) in r.strings(&c.value, "a context selector") {
                        match selector_problem(&entry) {
                            Some(problem) => r.error(
                                span,
                                format!("invalid selector for `{}`: {problem}", c.key),
                                Some("write a selector such as `[data-theme=\"dark\"]` or `@media (…) { selector }`".into()),
                            ),
                            None => selectors.push(entry),
                        }
                    }
                    contexts.insert(c.key.to_string(), selectors);
                    css.context_spans.insert(c.key.to_string(), c.key_span);
                }
                css.contexts = contexts;
            }
            _ => {}
        }
    }
}

fn read_contrast(r: &mut Reader, node: &Node) -> Option<ContrastRule> {
    let entries = r.table(
        node,
        "`[[contrast]]`",
        &["foreground", "background", "min", "min_in"],
    );
    let mut rule = ContrastRule {
        foreground: Vec::new(),
        background: Vec::new(),
        min: 4.5,
        min_in: Vec::new(),
        span: node.span,
    };
    let mut ok = true;
    let mut seen = (false, false);
    for e in entries {
        match e.key.as_str() {
            "foreground" | "background" => {
                let mut patterns = Vec::new();
                for (pattern, span) in r.strings(&e.value, "a token pattern") {
                    match glob(&pattern) {
                        Ok(_) => patterns.push((pattern, span)),
                        Err(why) => {
                            r.error(span, format!("invalid pattern \"{pattern}\": {why}"), None);
                            ok = false;
                        }
                    }
                }
                if e.key == "foreground" {
                    rule.foreground = patterns;
                    seen.0 = true;
                } else {
                    rule.background = patterns;
                    seen.1 = true;
                }
            }
            "min" => match r.number(&e.value, "`min`") {
                Some(n) => rule.min = n,
                None => ok = false,
            },
            "min_in" => {
                for c in r.table(&e.value, "`min_in`", &[]) {
                    match r.number(&c.value, "a `min_in` value") {
                        Some(n) => rule.min_in.push((c.key.to_string(), n)),
                        None => ok = false,
                    }
                }
            }
            _ => ok = false,
        }
    }
    if !(seen.0 && seen.1) {
        r.error(
            node.span,
            "a `[[contrast]]` rule needs `foreground` and `background`".into(),
            Some("for example `foreground = \"color.fg.*\"` and `background = [\"color.bg.default\"]`".into()),
        );
        return None;
    }
    ok.then_some(rule)
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
    if selector.is_empty() || selector.contains(['{', '}', ';', '<']) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let mut files = SourceMap::new();
        let id = files.add("tokenc.toml".into(), "/p/tokenc.toml".into(), text.into());
        parse_config(&files, id, Path::new("/p/tokenc.toml"))
    }

    #[test]
    fn reads_everything() {
        let c = parse(
            "resolver = \"t.toml\"\nprefix = \"x\"\n[output]\ncss = \"o/t.css\"\n[css.contexts]\n\"theme.dark\" = [\"[data-theme=dark]\"]\n[[contrast]]\nforeground = \"color.fg.*\"\nbackground = [\"color.bg.default\"]\nmin_in = { \"contrast.more\" = 7 }\n[rules]\nshadowed-token = \"warn\"\n",
        )
        .unwrap();
        assert_eq!(c.resolver, PathBuf::from("/p/t.toml"));
        assert_eq!(c.css_output, Some(PathBuf::from("/p/o/t.css")));
        assert_eq!(c.contrast[0].min, 4.5);
        assert_eq!(
            c.contrast[0].min_in,
            vec![("contrast.more".to_string(), 7.0)]
        );
        assert_eq!(c.levels.level("shadowed-token"), Some(Level::Warn));
    }

    #[test]
    fn every_problem_is_located() {
        let errors = parse(
            "resolver = \"t.toml\"\nprefx = \"x\"\n[css]\ntargets = \"nonsense 99\"\n[css.contexts]\ndark = [\"a{\"]\n[[contrast]]\nforeground = \"a[\"\n",
        )
        .unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(errors.len(), 6, "{messages:#?}");
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `prefix`?"));
        assert!(errors.iter().all(|d| d.primary.is_some()));
    }

    #[test]
    fn extends_takes_what_the_config_does_not_set() {
        use crate::source::SourceLoader;
        let mut io = crate::source::MemoryLoader::new();
        io.insert(
            "/crust/tokenc.toml",
            "resolver = \"r.toml\"\nprefix = \"crust\"\nrequire = [\"needs.toml\"]\n[css]\nminify = true\n[css.contexts]\n\"theme.dark\" = [\"[data-theme=\\\"dark\\\"]\"]\n\"theme.light\" = [\":root\"]\n[[contrast]]\nforeground = \"fg\"\nbackground = \"bg\"\n[rules]\nshadowed-token = \"warn\"\nconfusable-name = \"allow\"\n",
        );
        io.insert(
            "/app/tokens/tokenc.toml",
            "extends = \"../../crust/tokenc.toml\"\nresolver = \"app.toml\"\n[css.contexts]\n\"theme.light\" = [\".light\"]\n[[contrast]]\nforeground = \"brand.fg\"\nbackground = \"brand.bg\"\n[rules]\nshadowed-token = \"deny\"\n",
        );
        let mut files = SourceMap::new();
        let app = Path::new("/app/tokens/tokenc.toml");
        let id = files.add("tokenc.toml".into(), app.into(), io.read(app).unwrap());
        let c = load_config(&io, &mut files, id, app).unwrap();
        assert_eq!(c.resolver, PathBuf::from("/app/tokens/app.toml"));
        assert_eq!(c.css.prefix, "crust");
        assert!(c.css.minify);
        assert_eq!(c.css.contexts["theme.light"], vec![".light".to_string()]);
        assert_eq!(
            c.css.contexts["theme.dark"],
            vec!["[data-theme=\"dark\"]".to_string()]
        );
        let rules: Vec<&str> = c
            .contrast
            .iter()
            .map(|r| r.foreground[0].0.as_str())
            .collect();
        assert_eq!(rules, ["fg", "brand.fg"]);
        assert_eq!(c.levels.level("shadowed-token"), Some(Level::Deny));
        assert_eq!(c.levels.level("confusable-name"), Some(Level::Allow));
        assert_eq!(c.required[0].0, PathBuf::from("/crust/needs.toml"));
        assert_eq!(files.len(), 2, "both configs are in the source map");

        // A loop is a located error, not a hang.
        io.insert(
            "/loop/a.toml",
            "extends = \"b.toml\"\nresolver = \"r.toml\"\n",
        );
        io.insert(
            "/loop/b.toml",
            "extends = \"a.toml\"\nresolver = \"r.toml\"\n",
        );
        let a = Path::new("/loop/a.toml");
        let mut files = SourceMap::new();
        let id = files.add("a.toml".into(), a.into(), io.read(a).unwrap());
        let errors = load_config(&io, &mut files, id, a).unwrap_err();
        assert!(
            errors[0].message.contains("extends itself"),
            "{:?}",
            errors[0].message
        );
        assert!(errors[0].primary.is_some());
    }

    #[test]
    fn globs_match_dot_paths() {
        let g = glob("color.fg.*").unwrap();
        assert!(glob_matches(&g, "color.fg.default"));
        assert!(!glob_matches(&g, "color.fg.a.b"));
        assert!(glob_matches(&glob("color.**").unwrap(), "color.fg.a.b"));
    }
}
