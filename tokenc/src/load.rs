//! Load: the entry document (a resolver, or a plain token file as an implicit single set), every
//! source file it reaches through `$ref`, confined to the project folder and explicit roots.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::flatten::{Flat, flatten};
use crate::parse::{Format, parse};
use crate::raw::{Node, NodeKind};
use crate::source::{FileId, LoadError, SourceLoader, SourceMap, Span, normalize};

/// A set: sources merged in order.
#[derive(Clone, Debug)]
pub struct Set {
    /// Its name.
    pub name: String,
    /// Indices into [`Project::sources`].
    pub sources: Vec<usize>,
}

/// A modifier with its contexts.
#[derive(Clone, Debug)]
pub struct Modifier {
    /// Its name.
    pub name: String,
    /// Span of its name.
    pub span: Span,
    /// Contexts in document order: name and source indices.
    pub contexts: Vec<(String, Vec<usize>)>,
    /// Index of the default context.
    pub default: Option<usize>,
    /// Whether `default` names no context (already reported; no `missing-input` on top).
    pub default_invalid: bool,
}

/// One step of `resolutionOrder`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Index into [`Project::sets`].
    Set(usize),
    /// Index into [`Project::modifiers`].
    Modifier(usize),
}

/// A loaded project: sources flattened once, plus the resolver structure.
pub struct Project {
    /// Every file read.
    pub files: SourceMap,
    /// The entry file.
    pub entry: FileId,
    /// Flattened sources (files and inline sources); shared with a [`SourceCache`].
    pub sources: Vec<Arc<Flat>>,
    /// Sets.
    pub sets: Vec<Set>,
    /// Modifiers.
    pub modifiers: Vec<Modifier>,
    /// `resolutionOrder`.
    pub order: Vec<Step>,
    /// Flattened files reached by cross-file JSON pointers: file → source index.
    pub pointer_files: HashMap<FileId, usize>,
    /// For each of those sources, token path → index in its `tokens`.
    pub pointer_tokens: HashMap<usize, HashMap<Arc<str>, usize>>,
    /// Problems found while loading.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether some source could not be read or parsed whole. Aliases that find nothing are then
    /// not reported: they most likely point into the missing part, which is reported already.
    pub incomplete: bool,
    /// Paths of groups and tokens left out because of an invalid name (already reported).
    pub skipped: std::collections::HashSet<String>,
    /// Whether [`Project::release_definitions`] ran: nothing may be resolved any more.
    pub released: bool,
}

impl Project {
    /// A project of no sources, sets or modifiers yet, whose entry is `entry`.
    fn empty(files: SourceMap, entry: FileId) -> Project {
        Project {
            files,
            entry,
            sources: Vec::new(),
            sets: Vec::new(),
            modifiers: Vec::new(),
            order: Vec::new(),
            pointer_files: HashMap::new(),
            pointer_tokens: HashMap::new(),
            incomplete: false,
            skipped: Default::default(),
            diagnostics: Vec::new(),
            released: false,
        }
    }

    /// Drops the token definitions (and their raw values) of every source that nothing else
    /// holds, a [`SourceCache`] keeping its own. A one-shot build calls it once every
    /// permutation is resolved: at 100,000 tokens they are a fifth of the peak memory, and the
    /// outputs are built without them. Group definitions stay (tokens.rs documents modules with
    /// their descriptions). Resolving a permutation afterwards is a bug. Returns the
    /// definitions, for the caller to free when it suits (a build frees them while it lists the
    /// tokens to emit).
    pub fn release_definitions(&mut self) -> Vec<Vec<crate::flatten::TokenDef>> {
        let mut released = Vec::new();
        for source in &mut self.sources {
            if let Some(flat) = Arc::get_mut(source) {
                released.push(std::mem::take(&mut flat.tokens));
            }
        }
        self.pointer_tokens.clear();
        self.released = true;
        released
    }
}

/// The entry file could not be read (exit code 2).
#[derive(Debug)]
pub struct EntryError {
    /// The path.
    pub path: PathBuf,
    /// Why.
    pub error: LoadError,
}

/// Where files may be read from.
#[derive(Clone, Debug, Default)]
pub struct Roots {
    /// The project folder (the config's or the resolver's folder).
    pub project: PathBuf,
    /// Further folders listed in `roots`.
    pub extra: Vec<PathBuf>,
}

/// Where a set is in being read: sets may refer to each other, in any order, without loops.
enum SetState {
    Pending(crate::raw::Entry),
    Reading,
    Done,
}

/// Token files parsed and flattened by earlier loads, for `tokenc watch`: a file read again with
/// the same text under the same id is neither parsed nor flattened again, so a rebuild after one
/// edit only reads the edited file. Files the last load did not read are forgotten.
///
/// It also keeps the permutations the last build resolved ([`crate::permute::Earlier`]): one
/// whose sources are all unchanged is not resolved again.
#[derive(Default)]
pub struct SourceCache {
    files: HashMap<(FileId, PathBuf), CachedFile>,
    pub(crate) perms: Vec<crate::permute::Earlier>,
}

struct CachedFile {
    text: String,
    flat: Arc<Flat>,
    /// The reader's diagnostics, then flattening's, replayed on every hit.
    parse_diagnostics: Vec<Diagnostic>,
    flatten_diagnostics: Vec<Diagnostic>,
}

struct Loader<'a> {
    io: &'a dyn SourceLoader,
    set_state: Vec<SetState>,
    roots: Vec<PathBuf>,
    project: Project,
    /// Source index of each file loaded as a whole, by file.
    file_sources: HashMap<FileId, usize>,
    cache: Option<&'a mut SourceCache>,
    /// Cache keys of the files this load read whole.
    used: std::collections::HashSet<(FileId, PathBuf)>,
    /// Whole token files named by the resolver, parsed and flattened together at the end of the
    /// resolver (on both cores) into the source slots reserved for them.
    pending: Vec<Pending>,
    /// Files the resolver names, read ahead (on both cores) before it is walked.
    prefetched: HashMap<PathBuf, Result<String, LoadError>>,
}

/// A whole file whose source slot is reserved and whose parsing waits for [`Loader::finish`].
struct Pending {
    index: usize,
    id: FileId,
    /// The `$ref` that named it, for the error when it is a resolver.
    target: String,
    span: Span,
}

/// What parsing and flattening one whole file gave.
enum Parsed {
    Tokens(Flat, Vec<Diagnostic>),
    /// A resolver document, which is no token file.
    Resolver(Node),
    Failed,
}

/// Parses file `id` and, when it is a token file, flattens it. Returns the reader's diagnostics
/// (and flattening's inside [`Parsed::Tokens`]). Reads nothing but `files`, so files can be
/// parsed in parallel.
fn parse_whole(files: &SourceMap, id: FileId) -> (Vec<Diagnostic>, Parsed) {
    let (root, parse_diagnostics) = parse(id, files.text(id), Format::of(files.path(id)));
    let parsed = match root {
        None => Parsed::Failed,
        Some(root) if is_resolver(&root) => Parsed::Resolver(root),
        Some(root) => {
            let mut flatten_diagnostics = Vec::new();
            let flat = flatten(root, &mut flatten_diagnostics);
            Parsed::Tokens(flat, flatten_diagnostics)
        }
    };
    (parse_diagnostics, parsed)
}

/// Loads the entry document and everything it references.
pub fn load(
    io: &dyn SourceLoader,
    entry: &Path,
    roots: &Roots,
    files: SourceMap,
) -> Result<Project, EntryError> {
    load_cached(io, entry, roots, files, None)
}

/// [`load`], taking unchanged token files from `cache` and leaving this load's files in it.
pub fn load_cached(
    io: &dyn SourceLoader,
    entry: &Path,
    roots: &Roots,
    mut files: SourceMap,
    cache: Option<&mut SourceCache>,
) -> Result<Project, EntryError> {
    let entry_path = normalize(entry);
    let text = match io.read(&entry_path) {
        Ok(text) => text,
        // Bytes that are not text: the file's content is wrong, which is a located error (exit 1)
        // like any other, shown in the text with the bad bytes replaced.
        Err(LoadError::InvalidUtf8 {
            valid_up_to, lossy, ..
        }) => {
            let id = files.add(io.display_name(&entry_path), entry_path.clone(), lossy);
            let d = crate::source::not_utf8(
                &files,
                id,
                valid_up_to,
                "save it as UTF-8: JSON and TOML token files must be",
            );
            let mut project = Project::empty(files, id);
            project.diagnostics.push(d);
            project.incomplete = true;
            return Ok(project);
        }
        Err(error) => {
            return Err(EntryError {
                path: entry_path.clone(),
                error,
            });
        }
    };
    let entry_id = files.add(io.display_name(&entry_path), entry_path.clone(), text);
    let mut canonical_roots = Vec::new();
    for root in std::iter::once(&roots.project).chain(&roots.extra) {
        canonical_roots.push(io.canonicalize(root).unwrap_or_else(|_| normalize(root)));
    }
    let mut loader = Loader {
        io,
        set_state: Vec::new(),
        roots: canonical_roots,
        project: Project::empty(files, entry_id),
        file_sources: HashMap::new(),
        cache,
        used: Default::default(),
        pending: Vec::new(),
        prefetched: HashMap::new(),
    };
    let (root, diagnostics) = parse(
        entry_id,
        loader.project.files.text(entry_id),
        Format::of(&entry_path),
    );
    loader.parsed(diagnostics);
    if let Some(root) = root {
        if is_resolver(&root) {
            loader.prefetch(&root);
            loader.resolver(root);
            loader.finish();
        } else {
            let index = loader.add_source(root);
            loader.file_sources.insert(entry_id, index);
            loader.project.sets.push(Set {
                name: "tokens".into(),
                sources: vec![index],
            });
            loader.project.order.push(Step::Set(0));
        }
    }
    loader.pointer_files();
    if let Some(cache) = loader.cache {
        cache.files.retain(|key, _| loader.used.contains(key));
    }
    Ok(loader.project)
}

pub(crate) fn is_resolver(root: &Node) -> bool {
    root.get("resolutionOrder").is_some()
        || (root.get("version").is_some()
            && (root.get("sets").is_some() || root.get("modifiers").is_some()))
}

const RESOLVER_KEYS: &[&str] = &[
    "version",
    "name",
    "description",
    "sets",
    "modifiers",
    "resolutionOrder",
    "$schema",
    "$defs",
    "$extensions",
];

impl Loader<'_> {
    fn error(&mut self, d: Diagnostic) {
        if matches!(d.code, "missing-file" | "ref-outside-project") {
            self.project.incomplete = true;
        }
        self.project.diagnostics.push(d);
    }

    /// Keeps a reader's diagnostics; a file that did not parse cleanly leaves the project incomplete.
    fn parsed(&mut self, diagnostics: Vec<Diagnostic>) {
        if diagnostics
            .iter()
            .any(|d| matches!(d.code, "parse-error" | "nesting-too-deep"))
        {
            self.project.incomplete = true;
        }
        self.project.diagnostics.extend(diagnostics);
    }

    fn add_source(&mut self, root: Node) -> usize {
        let flat = flatten(root, &mut self.project.diagnostics);
        self.push_source(Arc::new(flat))
    }

    fn push_source(&mut self, flat: Arc<Flat>) -> usize {
        self.project.skipped.extend(flat.skipped.iter().cloned());
        self.project.sources.push(flat);
        self.project.sources.len() - 1
    }

    /// File `id` as a whole token source (from the cache when its text is unchanged). `Err`
    /// holds the document when it is a resolver, and nothing when it does not parse.
    fn whole_file(&mut self, id: FileId) -> Result<usize, Option<Node>> {
        if let Some(index) = self.cached_file(id) {
            return Ok(index);
        }
        let (parse_diagnostics, parsed) = parse_whole(&self.project.files, id);
        self.parsed(parse_diagnostics.clone());
        match parsed {
            Parsed::Tokens(flat, flatten_diagnostics) => {
                Ok(self.add_flattened(id, flat, parse_diagnostics, flatten_diagnostics, None))
            }
            Parsed::Resolver(root) => Err(Some(root)),
            Parsed::Failed => Err(None),
        }
    }

    /// File `id` from the cache, as a new source, when its text is unchanged.
    fn cached_file(&mut self, id: FileId) -> Option<usize> {
        let key = (id, self.project.files.path(id).to_path_buf());
        let hit = self.cache.as_deref()?.files.get(&key)?;
        if hit.text != self.project.files.text(id) {
            return None;
        }
        let flat = hit.flat.clone();
        let flatten_diagnostics = hit.flatten_diagnostics.clone();
        self.parsed(hit.parse_diagnostics.clone());
        self.project.diagnostics.extend(flatten_diagnostics);
        self.used.insert(key);
        Some(self.push_source(flat))
    }

    /// Keeps a flattened file (in slot `index`, or as a new source) and caches it.
    fn add_flattened(
        &mut self,
        id: FileId,
        flat: Flat,
        parse_diagnostics: Vec<Diagnostic>,
        flatten_diagnostics: Vec<Diagnostic>,
        index: Option<usize>,
    ) -> usize {
        let flat = Arc::new(flat);
        self.project
            .diagnostics
            .extend(flatten_diagnostics.iter().cloned());
        if let Some(cache) = self.cache.as_deref_mut() {
            let key = (id, self.project.files.path(id).to_path_buf());
            let text = self.project.files.text(id).to_string();
            cache.files.insert(
                key.clone(),
                CachedFile {
                    text,
                    flat: flat.clone(),
                    parse_diagnostics,
                    flatten_diagnostics,
                },
            );
            self.used.insert(key);
        }
        match index {
            Some(index) => {
                self.project.skipped.extend(flat.skipped.iter().cloned());
                self.project.sources[index] = flat;
                index
            }
            None => self.push_source(flat),
        }
    }

    /// Parses and flattens the pending files, on rayon's pool, and reports what they gave in
    /// the order the resolver named them.
    fn finish(&mut self) {
        crate::timing::mark("read");
        let pending = std::mem::take(&mut self.pending);
        let files = &self.project.files;
        // Largest file first, each worker taking the next one as soon as it is free: splitting
        // the list in halves (what `par_iter` does) can give one core both large files.
        let mut order: Vec<usize> = (0..pending.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(files.text(pending[i].id).len()));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let done: Vec<std::sync::OnceLock<(Vec<Diagnostic>, Parsed)>> =
            pending.iter().map(|_| std::sync::OnceLock::new()).collect();
        rayon::scope(|scope| {
            for _ in 0..rayon::current_num_threads().min(pending.len()) {
                scope.spawn(|_| {
                    while let Some(&i) =
                        order.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                    {
                        let _ = done[i].set(parse_whole(files, pending[i].id));
                    }
                });
            }
        });
        let results = done.into_iter().map(|d| {
            d.into_inner()
                .expect("every pending file was parsed by the scope above")
        });
        crate::timing::mark("parsed and flattened");
        for (p, (parse_diagnostics, parsed)) in pending.into_iter().zip(results) {
            self.parsed(parse_diagnostics.clone());
            match parsed {
                Parsed::Tokens(flat, flatten_diagnostics) => {
                    self.add_flattened(
                        p.id,
                        flat,
                        parse_diagnostics,
                        flatten_diagnostics,
                        Some(p.index),
                    );
                }
                // The slot stays an empty source: the file contributes nothing.
                Parsed::Resolver(_) => self.not_a_token_file(&p.target, p.span),
                Parsed::Failed => {}
            }
        }
    }

    fn resolver(&mut self, root: Node) {
        let root_span = root.span;
        let NodeKind::Object(entries) = &root.kind else {
            return;
        };
        // A misspelt key is reported once, with its correction, not again as a missing key.
        let mut suggested = Vec::new();
        for entry in entries {
            if !RESOLVER_KEYS.contains(&entry.key.as_str()) {
                let mut d = Diagnostic::error(
                    "invalid-resolver",
                    format!("unknown resolver property `{}`", entry.key),
                )
                .at(entry.key_span, "not part of the Resolver module");
                if let Some(m) = did_you_mean(&entry.key, RESOLVER_KEYS.iter().copied()) {
                    d = d.with_help(format!("did you mean `{m}`?"));
                    suggested.push(m);
                }
                self.error(d);
            }
        }
        match root.get("version") {
            Some(v) if v.value.as_str() == Some("2025.10") => {}
            Some(v) => self.error(
                Diagnostic::error("invalid-resolver", "unsupported resolver `version`")
                    .at(v.value.span, "expected \"2025.10\"")
                    .with_help("tokenc reads Resolver module 2025.10 documents"),
            ),
            None if suggested.contains(&"version") => {}
            None => self.error(
                Diagnostic::error("invalid-resolver", "the resolver has no `version`")
                    .at(
                        Span {
                            end: root_span.start,
                            ..root_span
                        },
                        "",
                    )
                    .with_help("add `version = \"2025.10\"` at the top"),
            ),
        }
        // Sets first: modifiers and the order refer to them. Names are registered before any
        // sources are read, so a set may refer to a set written after it.
        if let Some(sets) = root.get("sets") {
            match sets.value.as_object() {
                Some(list) => {
                    for set in list {
                        self.project.sets.push(Set {
                            name: set.key.to_string(),
                            sources: Vec::new(),
                        });
                        self.set_state.push(SetState::Pending(set.clone()));
                    }
                    for i in 0..list.len() {
                        self.resolve_set(i, &root);
                    }
                }
                None => self.error(
                    Diagnostic::error("invalid-resolver", "`sets` must be a table of sets")
                        .at(sets.value.span, ""),
                ),
            }
        }
        if let Some(modifiers) = root.get("modifiers").and_then(|m| m.value.as_object()) {
            for m in modifiers {
                self.modifier(m, &root);
            }
        }
        match root.get("resolutionOrder").map(|o| &o.value) {
            Some(order) => match order.as_array() {
                Some([]) => self.error(
                    Diagnostic::error(
                        "invalid-resolver",
                        "`resolutionOrder` is empty: the resolver would build no tokens",
                    )
                    .at(order.span, "nothing listed")
                    .with_help("list the sets and modifiers to apply, e.g. `{ \"$ref\": \"#/sets/base\" }`"),
                ),
                Some(items) => {
                    for item in items {
                        self.order_item(item, &root);
                    }
                }
                None => self.error(
                    Diagnostic::error("invalid-resolver", "`resolutionOrder` must be an array")
                        .at(order.span, ""),
                ),
            },
            None if suggested.contains(&"resolutionOrder") => {}
            None => self.error(
                Diagnostic::error("invalid-resolver", "the resolver has no `resolutionOrder`")
                    .at(Span { end: root_span.start, ..root_span }, "")
                    .with_help("add `[[resolutionOrder]]` entries referring to `#/sets/…` and `#/modifiers/…`"),
            ),
        }
    }

    /// Reads the sources of set `i` once.
    fn resolve_set(&mut self, i: usize, root: &Node) {
        let SetState::Pending(set) = std::mem::replace(&mut self.set_state[i], SetState::Reading)
        else {
            return;
        };
        let sources = match set.value.get("sources") {
            Some(s) => self.source_list(&s.value, root),
            None => {
                self.error(
                    Diagnostic::error(
                        "invalid-resolver",
                        format!("set `{}` has no `sources`", set.key),
                    )
                    .at(set.key_span, "")
                    .with_help("add `sources = [ { \"$ref\" = \"file.toml\" } ]`"),
                );
                Vec::new()
            }
        };
        self.project.sets[i].sources = sources;
        self.set_state[i] = SetState::Done;
    }

    /// The sources of set `i` for a reference at `span`; a set reached while it is being read
    /// refers to itself through others.
    fn resolve_set_at(&mut self, i: usize, root: &Node, span: Span) -> Option<Vec<usize>> {
        match self.set_state.get(i) {
            Some(SetState::Reading) => {
                self.error(
                    Diagnostic::error(
                        "alias-cycle",
                        format!(
                            "set `{}` includes itself through `#/sets/` references",
                            self.project.sets[i].name
                        ),
                    )
                    .at(span, "refers back to a set that is being read")
                    .with_help("remove the reference that closes the loop"),
                );
                None
            }
            Some(SetState::Pending(_)) => {
                self.resolve_set(i, root);
                Some(self.project.sets[i].sources.clone())
            }
            _ => Some(self.project.sets[i].sources.clone()),
        }
    }

    fn modifier(&mut self, m: &crate::raw::Entry, root: &Node) {
        let mut modifier = Modifier {
            name: m.key.to_string(),
            span: m.key_span,
            contexts: Vec::new(),
            default: None,
            default_invalid: false,
        };
        match m.value.get("contexts").and_then(|c| c.value.as_object()) {
            Some(contexts) => {
                for c in contexts {
                    let sources = self.source_list(&c.value, root);
                    modifier.contexts.push((c.key.to_string(), sources));
                }
            }
            None => self.error(
                Diagnostic::error(
                    "invalid-resolver",
                    format!("modifier `{}` has no `contexts` table", m.key),
                )
                .at(m.key_span, "")
                .with_help("add `contexts.<name> = [ sources… ]` for each context"),
            ),
        }
        if modifier.contexts.is_empty() && m.value.get("contexts").is_some() {
            self.error(
                Diagnostic::error(
                    "invalid-resolver",
                    format!("modifier `{}` has no contexts", m.key),
                )
                .at(m.key_span, ""),
            );
        } else if modifier.contexts.len() == 1 {
            self.error(
                Diagnostic::warning(
                    "single-context-modifier",
                    format!("modifier `{}` has only one context", m.key),
                )
                .at(m.key_span, "")
                .with_help(
                    "a modifier needs two or more contexts to choose between; use a set instead",
                ),
            );
        }
        if let Some(d) = m.value.get("default") {
            let name = d.value.as_str().unwrap_or("");
            match modifier.contexts.iter().position(|(c, _)| c == name) {
                Some(i) => modifier.default = Some(i),
                None => {
                    modifier.default_invalid = true;
                    let names: Vec<&str> =
                        modifier.contexts.iter().map(|(c, _)| c.as_str()).collect();
                    let mut diag = Diagnostic::error(
                        "invalid-resolver",
                        format!(
                            "default `{name}` of modifier `{}` is not one of its contexts",
                            m.key
                        ),
                    )
                    .at(d.value.span, "no such context");
                    diag = match did_you_mean(name, names.iter().copied()) {
                        Some(s) => diag.with_help(format!("did you mean `{s}`?")),
                        None => diag.with_help(format!("contexts are: {}", names.join(", "))),
                    };
                    self.error(diag);
                }
            }
        }
        self.project.modifiers.push(modifier);
    }

    fn order_item(&mut self, item: &Node, root: &Node) {
        if let Some(r) = item.get("$ref") {
            let target = r.value.as_str().unwrap_or("");
            let found = if let Some(name) = target.strip_prefix("#/sets/") {
                let name = unescape_pointer(name);
                self.project
                    .sets
                    .iter()
                    .position(|s| s.name == name)
                    .map(Step::Set)
            } else if let Some(name) = target.strip_prefix("#/modifiers/") {
                let name = unescape_pointer(name);
                self.project
                    .modifiers
                    .iter()
                    .position(|m| m.name == name)
                    .map(Step::Modifier)
            } else {
                None
            };
            match found {
                Some(step) => {
                    let step = self.shallow_overrides(step, item, root);
                    self.project.order.push(step);
                }
                None if target.starts_with("#/resolutionOrder") => self.error(
                    Diagnostic::error(
                        "invalid-resolver",
                        "`resolutionOrder` entries cannot point into `resolutionOrder`",
                    )
                    .at(r.value.span, "")
                    .with_help(
                        "define the set or modifier under `sets` or `modifiers` and point there",
                    ),
                ),
                None => {
                    let mut candidates: Vec<String> = self
                        .project
                        .sets
                        .iter()
                        .map(|s| format!("#/sets/{}", s.name))
                        .collect();
                    candidates.extend(
                        self.project
                            .modifiers
                            .iter()
                            .map(|m| format!("#/modifiers/{}", m.name)),
                    );
                    let mut d = Diagnostic::error(
                        "invalid-resolver",
                        format!("`resolutionOrder` refers to `{target}`, which does not exist"),
                    )
                    .at(r.value.span, "no such set or modifier");
                    if let Some(m) = did_you_mean(target, candidates.iter().map(|s| s.as_str())) {
                        d = d.with_help(format!("did you mean `{m}`?"));
                    }
                    self.error(d);
                }
            }
            return;
        }
        // Inline set or modifier: `{ type = "set" | "modifier", name = "…", … }`.
        let kind = item.get("type").and_then(|t| t.value.as_str());
        let name = item
            .get("name")
            .and_then(|t| t.value.as_str())
            .unwrap_or("")
            .to_string();
        let taken = match kind {
            Some("set") => self.project.sets.iter().any(|s| s.name == name),
            _ => self.project.modifiers.iter().any(|m| m.name == name),
        };
        if taken && matches!(kind, Some("set" | "modifier")) {
            let span = item.get("name").map(|n| n.value.span).unwrap_or(item.span);
            self.error(
                Diagnostic::error(
                    "invalid-resolver",
                    format!("a {} named `{name}` already exists", kind.unwrap_or("")),
                )
                .at(span, "")
                .with_help("give every set and modifier a unique `name`"),
            );
            return;
        }
        match kind {
            Some("set") => {
                let sources = match item.get("sources") {
                    Some(s) => self.source_list(&s.value, root),
                    None => Vec::new(),
                };
                self.project.sets.push(Set { name, sources });
                self.project.order.push(Step::Set(self.project.sets.len() - 1));
            }
            Some("modifier") => {
                let entry = crate::raw::Entry {
                    key: name.into(),
                    key_span: item.get("name").map(|n| n.value.span).unwrap_or(item.span),
                    value: item.clone(),
                };
                self.modifier(&entry, root);
                self.project.order.push(Step::Modifier(self.project.modifiers.len() - 1));
            }
            _ => self.error(
                Diagnostic::error(
                    "invalid-resolver",
                    "a `resolutionOrder` entry must be a `$ref` or have `type = \"set\"` or `\"modifier\"`",
                )
                .at(item.span, ""),
            ),
        }
    }

    /// Keys written beside a `$ref` in `resolutionOrder` override the referenced set's `sources`
    /// or the modifier's `contexts`/`default` (the Resolver module's shallow override). A set is
    /// copied, since it may be referenced elsewhere; a modifier is changed in place.
    fn shallow_overrides(&mut self, step: Step, item: &Node, root: &Node) -> Step {
        let extra: Vec<&crate::raw::Entry> = item
            .as_object()
            .unwrap_or(&[])
            .iter()
            .filter(|e| e.key != "$ref")
            .collect();
        if extra.is_empty() {
            return step;
        }
        match step {
            Step::Set(i) => {
                let mut set = self.project.sets[i].clone();
                for e in extra {
                    match e.key.as_str() {
                        "sources" => set.sources = self.source_list(&e.value, root),
                        "description" | "$extensions" => {}
                        _ => self.ignored_override(e, "set"),
                    }
                }
                self.project.sets.push(set);
                Step::Set(self.project.sets.len() - 1)
            }
            Step::Modifier(i) => {
                let name = self.project.modifiers[i].name.clone();
                let mut merged = item.clone();
                if let NodeKind::Object(boxed) = &mut merged.kind {
                    let mut entries = std::mem::take(boxed).into_vec();
                    entries.retain(|e| e.key != "$ref");
                    // Keep the referenced modifier's keys that are not overridden.
                    if let Some(original) = root.get("modifiers").and_then(|m| m.value.get(&name)) {
                        for e in original.value.as_object().unwrap_or(&[]) {
                            if !entries.iter().any(|x| x.key == e.key) {
                                entries.push(e.clone());
                            }
                        }
                    }
                    *boxed = entries.into_boxed_slice();
                }
                let span = self.project.modifiers[i].span;
                let before = self.project.modifiers.len();
                self.modifier(
                    &crate::raw::Entry {
                        key: name.into(),
                        key_span: span,
                        value: merged,
                    },
                    root,
                );
                let replacement = self.project.modifiers.remove(before);
                self.project.modifiers[i] = replacement;
                step
            }
        }
    }

    fn ignored_override(&mut self, e: &crate::raw::Entry, what: &str) {
        self.error(
            Diagnostic::warning(
                "unknown-property",
                format!("`{}` cannot override a {what}; it is ignored", e.key),
            )
            .at(e.key_span, "ignored"),
        );
    }

    /// Reads a `sources` array: file references, references into the document, or inline tokens.
    fn source_list(&mut self, list: &Node, root: &Node) -> Vec<usize> {
        let Some(items) = list.as_array() else {
            self.error(
                Diagnostic::error("invalid-resolver", "sources must be an array")
                    .at(list.span, format!("found {}", list.kind_name())),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get("$ref") {
                Some(r) => {
                    let Some(target) = r.value.as_str() else {
                        self.error(
                            Diagnostic::error("invalid-resolver", "`$ref` must be a string")
                                .at(r.value.span, ""),
                        );
                        continue;
                    };
                    // Keys beside a file `$ref` override the file's top-level keys (shallow).
                    let extras: Vec<crate::raw::Entry> = item
                        .as_object()
                        .unwrap_or(&[])
                        .iter()
                        .filter(|e| e.key != "$ref")
                        .cloned()
                        .collect();
                    if target.starts_with('#') {
                        for extra in &extras {
                            self.ignored_override(extra, "reference into this document");
                        }
                    }
                    if let Some(set) = target.strip_prefix("#/sets/") {
                        let set = unescape_pointer(set);
                        match self.project.sets.iter().position(|s| s.name == set) {
                            Some(i) => {
                                if let Some(sources) = self.resolve_set_at(i, root, r.value.span) {
                                    out.extend(sources);
                                }
                            }
                            None => {
                                let names: Vec<&str> =
                                    self.project.sets.iter().map(|s| s.name.as_str()).collect();
                                let mut d = Diagnostic::error(
                                    "invalid-resolver",
                                    format!("no set `{set}`"),
                                )
                                .at(r.value.span, "referenced here");
                                if let Some(m) = did_you_mean(&set, names.iter().copied()) {
                                    d = d.with_help(format!("did you mean `#/sets/{m}`?"));
                                }
                                self.error(d);
                            }
                        }
                    } else if target.starts_with("#/modifiers/") {
                        self.error(
                            Diagnostic::error(
                                "invalid-resolver",
                                "a source cannot refer to a modifier; only `resolutionOrder` can",
                            )
                            .at(r.value.span, ""),
                        );
                    } else if let Some(pointer) = target.strip_prefix('#') {
                        match pointer_get(root, pointer) {
                            Some(node) => out.push(self.add_source(node.clone())),
                            None => self.error(
                                Diagnostic::error(
                                    "unknown-alias",
                                    format!(
                                        "`$ref` \"{target}\" points at nothing in this document"
                                    ),
                                )
                                .at(r.value.span, ""),
                            ),
                        }
                    } else if let Some(index) = self.file_source(target, r.value.span, &extras) {
                        out.push(index);
                    }
                }
                None if item.as_object().is_some() => out.push(self.add_source(item.clone())),
                None => self.error(
                    Diagnostic::error(
                        "invalid-resolver",
                        "a source must be `{ \"$ref\" = \"file\" }` or an inline token table",
                    )
                    .at(item.span, format!("found {}", item.kind_name())),
                ),
            }
        }
        out
    }

    /// Loads `target` (relative to the file containing `span`) as a whole source.
    fn file_source(
        &mut self,
        target: &str,
        span: Span,
        overrides: &[crate::raw::Entry],
    ) -> Option<usize> {
        let (file_part, pointer) = match target.split_once('#') {
            Some((f, p)) => (f, Some(p)),
            None => (target, None),
        };
        let id = self.read_file(file_part, span)?;
        let whole = pointer.is_none() && overrides.is_empty();
        if whole {
            if let Some(index) = self.file_sources.get(&id) {
                return Some(*index);
            }
            let index = self.cached_file(id).unwrap_or_else(|| {
                // Parsed later with the other files (see `finish`); the slot is kept for it.
                let index = self.push_source(Arc::new(Flat::default()));
                self.pending.push(Pending {
                    index,
                    id,
                    target: file_part.to_string(),
                    span,
                });
                index
            });
            self.file_sources.insert(id, index);
            return Some(index);
        }
        let (root, diagnostics) = parse(
            id,
            self.project.files.text(id),
            Format::of(self.project.files.path(id)),
        );
        self.parsed(diagnostics);
        let root = root?;
        if pointer.is_none() && is_resolver(&root) {
            self.not_a_token_file(file_part, span);
            return None;
        }
        let node = match pointer {
            Some(p) => match pointer_get(&root, p) {
                Some(n) => n.clone(),
                None => {
                    self.error(
                        Diagnostic::error(
                            "unknown-alias",
                            format!("`$ref` \"{target}\" points at nothing"),
                        )
                        .at(span, ""),
                    );
                    return None;
                }
            },
            None => root,
        };
        let mut node = node;
        if let NodeKind::Object(boxed) = &mut node.kind {
            let mut entries = std::mem::take(boxed).into_vec();
            for o in overrides {
                match entries.iter_mut().find(|e| e.key == o.key) {
                    Some(e) => *e = o.clone(),
                    None => entries.push(o.clone()),
                }
            }
            *boxed = entries.into_boxed_slice();
        }
        Some(self.add_source(node))
    }

    fn not_a_token_file(&mut self, file_part: &str, span: Span) {
        self.error(
            Diagnostic::error(
                "invalid-resolver",
                format!("`{file_part}` is a resolver document, not a token file"),
            )
            .at(span, "a source must be a token file")
            .with_help(
                "list that resolver's token files here instead; a resolver cannot include another",
            ),
        );
    }

    /// Where the file `$ref` `target` (written at `span`) is, once checked to be a readable
    /// project file (not empty, not a URL, inside the project folder or a root).
    fn locate(&self, target: &str, span: Span) -> Result<PathBuf, Box<Diagnostic>> {
        if target.is_empty() {
            return Err(Box::new(
                Diagnostic::error("missing-file", "empty `$ref`").at(span, ""),
            ));
        }
        if has_scheme(target) {
            return Err(Box::new(
                Diagnostic::error(
                    "ref-outside-project",
                    format!("`$ref` \"{target}\" is a URL; tokenc reads only files in the project"),
                )
                .at(span, "not a project file")
                .with_help("copy the file into the project folder, or list its folder in `roots`"),
            ));
        }
        let base = self
            .project
            .files
            .path(span.file)
            .parent()
            .unwrap_or(Path::new(""))
            .to_path_buf();
        let path = normalize(&base.join(target));
        let canonical = match self.io.canonicalize(&path) {
            Ok(c) => c,
            // A missing file: check where its folder really is (it may be a linked folder).
            Err(LoadError::NotFound) => match (path.parent(), path.file_name()) {
                (Some(parent), Some(name)) => self
                    .io
                    .canonicalize(parent)
                    .map(|p| p.join(name))
                    .unwrap_or_else(|_| normalize(&path)),
                _ => normalize(&path),
            },
            Err(e) => {
                return Err(Box::new(
                    Diagnostic::error("missing-file", format!("cannot read `{target}`: {e}"))
                        .at(span, "referenced here"),
                ));
            }
        };
        if !self.roots.iter().any(|root| canonical.starts_with(root)) {
            return Err(Box::new(
                Diagnostic::error(
                    "ref-outside-project",
                    format!("`$ref` \"{target}\" leaves the project folder"),
                )
                .at(span, format!("resolves to {}", canonical.display()))
                .with_help("keep token files inside the project folder, or list the folder in `roots` in tokenc.toml"),
            ));
        }
        Ok(path)
    }

    /// Reads ahead, in parallel, the files that the resolver document `root` names and that
    /// [`Loader::read_file`] will read: the token files are most of a build's input, and
    /// reading them one after the other kept a core idle.
    fn prefetch(&mut self, root: &Node) {
        use rayon::prelude::*;
        let mut refs = Vec::new();
        collect_file_refs(root, &mut refs);
        let mut paths: Vec<PathBuf> = Vec::new();
        for (target, span) in refs {
            if let Ok(path) = self.locate(&target, span)
                && self.project.files.find(&path).is_none()
                && !paths.contains(&path)
            {
                paths.push(path);
            }
        }
        let io = self.io;
        self.prefetched = paths
            .into_par_iter()
            .with_max_len(1)
            .map(|path| {
                let text = io.read(&path);
                (path, text)
            })
            .collect();
    }

    /// Reads a referenced file, checking that it stays inside the project folder and roots.
    /// Returns the file's id; files are read once.
    fn read_file(&mut self, target: &str, span: Span) -> Option<FileId> {
        let path = match self.locate(target, span) {
            Ok(path) => path,
            Err(d) => {
                self.error(*d);
                return None;
            }
        };
        if let Some(id) = self.project.files.find(&path) {
            return Some(id);
        }
        let read = match self.prefetched.remove(&path) {
            Some(read) => read,
            None => self.io.read(&path),
        };
        match read {
            Ok(text) => Some(
                self.project
                    .files
                    .add(self.io.display_name(&path), path, text),
            ),
            Err(e) => {
                let help = match e {
                    LoadError::NotFound => {
                        "check the path; it is relative to the file that contains the `$ref`"
                    }
                    LoadError::IsDirectory => "name a file inside the directory",
                    _ => "fix the file or the reference",
                };
                self.error(
                    Diagnostic::error("missing-file", format!("cannot read `{target}`: {e}"))
                        .at(span, "referenced here")
                        .with_help(help),
                );
                None
            }
        }
    }

    /// Loads files named by cross-file JSON pointers inside token values (`other.json#/a/b`).
    fn pointer_files(&mut self) {
        let mut pending: Vec<(String, Span)> = Vec::new();
        for flat in &self.project.sources {
            for token in &flat.tokens {
                collect_file_refs(&token.value, &mut pending);
            }
        }
        let mut seen = std::collections::HashSet::new();
        while let Some((file, span)) = pending.pop() {
            let Some(id) = self.read_file(&file, span) else {
                continue;
            };
            if !seen.insert(id) {
                continue;
            }
            let index = match self.file_sources.get(&id) {
                Some(i) => *i,
                None => {
                    let index = match self.whole_file(id) {
                        Ok(index) => index,
                        // A resolver reached by a pointer is read as tokens (its `$ref`s are
                        // then reported as unknown properties).
                        Err(Some(root)) => self.add_source(root),
                        Err(None) => continue,
                    };
                    self.file_sources.insert(id, index);
                    for token in &self.project.sources[index].tokens {
                        collect_file_refs(&token.value, &mut pending);
                    }
                    index
                }
            };
            self.project.pointer_files.insert(id, index);
            let paths = self.project.sources[index]
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| (t.path.clone(), i))
                .collect();
            self.project.pointer_tokens.insert(index, paths);
        }
    }
}

/// Whether a `$ref` starts with a URI scheme (`http:`, `file:`, `data:`, `javascript:`…): a
/// `$ref` is a URI reference, so `x:` before any `/` is a scheme, not a file name. One letter is
/// a Windows drive (`C:`), which the path checks handle.
fn has_scheme(target: &str) -> bool {
    let Some((scheme, _)) = target.split_once(':') else {
        return false;
    };
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn collect_file_refs(node: &Node, out: &mut Vec<(String, Span)>) {
    match &node.kind {
        NodeKind::Object(entries) => {
            for e in entries {
                if e.key == "$ref"
                    && let Some(target) = e.value.as_str()
                    && !target.starts_with('#')
                {
                    let file = target.split('#').next().unwrap_or("").to_string();
                    // Rewrite the span into the same file for `read_file`'s base folder.
                    out.push((file, e.value.span));
                } else {
                    collect_file_refs(&e.value, out);
                }
            }
        }
        NodeKind::Array(items) => items.iter().for_each(|i| collect_file_refs(i, out)),
        _ => {}
    }
}

/// Decodes one JSON Pointer segment (`~1` → `/`, `~0` → `~`).
pub fn unescape_pointer(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Follows a JSON Pointer (without the leading `#`) through a raw tree.
pub fn pointer_get<'a>(root: &'a Node, pointer: &str) -> Option<&'a Node> {
    if pointer.is_empty() {
        return Some(root);
    }
    let mut node = root;
    for segment in pointer.strip_prefix('/')?.split('/') {
        let segment = unescape_pointer(segment);
        node = match &node.kind {
            NodeKind::Object(_) => &node.get(&segment)?.value,
            NodeKind::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::MemoryLoader;

    fn files(dark: &str) -> MemoryLoader {
        let mut io = MemoryLoader::new();
        io.insert("/p/r.resolver.json", crate::THEMED_RESOLVER)
            .insert(
                "/p/base.json",
                r#"{ "a": { "$type": "number", "$value": 1, "$typo": 2 } }"#,
            )
            .insert(
                "/p/light.json",
                r#"{ "b": { "$type": "number", "$value": 2 } }"#,
            )
            .insert("/p/dark.json", dark);
        io
    }

    fn load_with(io: &MemoryLoader, cache: &mut SourceCache) -> Project {
        let roots = Roots {
            project: "/p".into(),
            extra: Vec::new(),
        };
        load_cached(
            io,
            Path::new("/p/r.resolver.json"),
            &roots,
            SourceMap::new(),
            Some(cache),
        )
        .expect("the entry reads")
    }

    /// The source of a whole file: they are in reading order, base, light, dark.
    fn source_named<'p>(project: &'p Project, file: &str) -> &'p Arc<Flat> {
        let order = ["/p/base.json", "/p/light.json", "/p/dark.json"];
        &project.sources[order.iter().position(|f| *f == file).expect("a known file")]
    }

    #[test]
    fn the_cache_reuses_unchanged_files_and_replays_their_diagnostics() {
        let mut cache = SourceCache::default();
        let first = load_with(
            &files(r#"{ "b": { "$type": "number", "$value": 3 } }"#),
            &mut cache,
        );
        let edited = files(r#"{ "b": { "$type": "number", "$value": 4 } }"#);
        let second = load_with(&edited, &mut cache);
        // Unchanged files are the very same flattened sources; the edited one is new.
        for unchanged in ["/p/base.json", "/p/light.json"] {
            assert!(Arc::ptr_eq(
                source_named(&first, unchanged),
                source_named(&second, unchanged)
            ));
        }
        assert!(!Arc::ptr_eq(
            source_named(&first, "/p/dark.json"),
            source_named(&second, "/p/dark.json")
        ));
        let value = &source_named(&second, "/p/dark.json").tokens[0].value;
        assert_eq!(value.as_f64(), Some(4.0));
        // The cached file's problem (`$typo`) is reported again, exactly as a fresh load does.
        let fresh = load(
            &edited,
            Path::new("/p/r.resolver.json"),
            &Roots {
                project: "/p".into(),
                extra: Vec::new(),
            },
            SourceMap::new(),
        )
        .expect("the entry reads");
        assert_eq!(second.diagnostics, fresh.diagnostics);
        assert_eq!(second.diagnostics.len(), 1, "{:?}", second.diagnostics);
        assert_eq!(second.diagnostics[0].code, "unknown-dtcg-property");
    }

    #[test]
    fn the_cache_forgets_files_no_longer_read() {
        let mut cache = SourceCache::default();
        load_with(
            &files(r#"{ "b": { "$type": "number", "$value": 3 } }"#),
            &mut cache,
        );
        assert_eq!(cache.files.len(), 3);
        let mut io = files("{}");
        io.insert(
            "/p/r.resolver.json",
            r##"{ "version": "2025.10", "sets": { "base": { "sources": [{ "$ref": "base.json" }] } },
                 "resolutionOrder": [{ "$ref": "#/sets/base" }] }"##,
        );
        load_with(&io, &mut cache);
        let kept: Vec<&Path> = cache.files.keys().map(|(_, p)| p.as_path()).collect();
        assert_eq!(kept, [Path::new("/p/base.json")]);
    }
}
