//! Resolve one permutation: merge its sources in `resolutionOrder` (later definitions win), apply
//! `$extends`, determine every token's type, parse values, resolve aliases and JSON pointers,
//! find cycles, and poison broken tokens without cascading.

// A fast hasher with a per-process random seed: token paths are hashed millions of times.
use foldhash::HashMap;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::flatten::{Deprecation, TokenDef, TypeDecl};
use crate::load::{Project, Step, pointer_get, unescape_pointer};
use crate::model::{TokenId, TokenType, Value, visit_aliases};
use crate::raw::Node;
use crate::source::Span;
use crate::values::{Lookup, Reference, alias_path, parse_value};
use std::sync::Arc;

/// The chosen context of each modifier (`None`: its sources are left out).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Selection(pub Vec<Option<usize>>);

impl Selection {
    /// Every modifier at its default context.
    pub fn defaults(project: &Project) -> Selection {
        Selection(project.modifiers.iter().map(|m| m.default).collect())
    }

    /// `theme=dark,contrast=more` (modifiers without a context are left out).
    pub fn label(&self, project: &Project) -> String {
        project
            .modifiers
            .iter()
            .zip(&self.0)
            .filter_map(|(m, c)| c.map(|c| format!("{}={}", m.name, m.contexts[c].0)))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// One resolved token.
#[derive(Clone, Debug)]
pub struct Token {
    /// Dot-joined path (shared with its definition, and the key of the permutation's index).
    pub path: Arc<str>,
    /// Its type, if it could be determined.
    pub ty: Option<TokenType>,
    /// Its value; `None` when the token is invalid or depends on an invalid token.
    pub value: Option<Value>,
    /// Name span of the definition that won.
    pub span: Span,
    /// What most tokens lack (description, deprecation, extensions, overridden definitions),
    /// boxed so that a token without them stays small: a build holds every token of every
    /// permutation.
    pub meta: Option<Box<Meta>>,
}

/// The parts of a [`Token`] that most tokens lack.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// `$description` of the latest definition that has one.
    pub description: Option<Arc<str>>,
    /// Effective deprecation (own or inherited from a group).
    pub deprecated: Option<Deprecation>,
    /// `$extensions` of the latest definition that has them.
    pub extensions: Option<Arc<Node>>,
    /// Name spans of earlier definitions this one overrides, oldest first.
    pub shadowed: Box<[Span]>,
}

impl Token {
    /// `$description` of the latest definition that has one.
    pub fn description(&self) -> Option<&str> {
        self.meta.as_ref()?.description.as_deref()
    }

    /// Effective deprecation (own or inherited from a group).
    pub fn deprecated(&self) -> Option<&Deprecation> {
        self.meta.as_ref()?.deprecated.as_ref()
    }

    /// `$extensions` of the latest definition that has them.
    pub fn extensions(&self) -> Option<&Node> {
        self.meta.as_ref()?.extensions.as_deref()
    }

    /// Name spans of earlier definitions this one overrides, oldest first.
    pub fn shadowed(&self) -> &[Span] {
        self.meta.as_ref().map_or(&[], |m| &m.shadowed)
    }
}

/// All tokens of one permutation, in order of first definition.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    /// The tokens.
    pub tokens: Vec<Token>,
    /// Path → id ([`Resolved::id_of`]).
    index: PathIndex,
    /// Each token's [`Resolved::final_target`], computed once on first use.
    finals: std::sync::OnceLock<Vec<TokenId>>,
    /// The CSS declarations of its tokens, once printed.
    pub(crate) declarations: std::sync::OnceLock<crate::emit::css::Declarations>,
}

impl Resolved {
    /// The token with `id`.
    pub fn get(&self, id: TokenId) -> &Token {
        &self.tokens[id.0 as usize]
    }

    /// The token at `path`.
    pub fn find(&self, path: &str) -> Option<&Token> {
        self.id_of(path).map(|id| self.get(id))
    }

    /// Whether `other` lists the same tokens in the same order (the usual case for the
    /// permutations of one project: contexts change values, not which tokens exist). Paths from
    /// a shared file are one allocation, so most comparisons stop at the pointer.
    pub fn same_tokens_as(&self, other: &Resolved) -> bool {
        self.tokens.len() == other.tokens.len()
            && self
                .tokens
                .iter()
                .zip(&other.tokens)
                .all(|(a, b)| a.path == b.path)
    }

    /// The id of the token at `path`.
    pub fn id_of(&self, path: &str) -> Option<TokenId> {
        self.index.find(path, |id| &self.tokens[id.0 as usize].path)
    }

    /// Follows whole-token aliases to the token holding a literal value.
    pub fn final_target(&self, id: TokenId) -> TokenId {
        self.finals.get_or_init(|| self.all_finals())[id.0 as usize]
    }

    /// Every token's final target, each chain walked once (long chains stay linear).
    fn all_finals(&self) -> Vec<TokenId> {
        let n = self.tokens.len();
        let mut finals: Vec<Option<TokenId>> = vec![None; n];
        let mut path = Vec::new();
        for start in 0..n {
            let mut id = TokenId(start as u32);
            let end = loop {
                if let Some(done) = finals[id.0 as usize] {
                    break done;
                }
                match &self.get(id).value {
                    // Cycles were removed by resolution; the bound only guards the loop.
                    Some(Value::Alias(next)) if path.len() <= n => {
                        path.push(id);
                        id = *next;
                    }
                    _ => break id,
                }
            };
            finals[id.0 as usize].get_or_insert(end);
            for p in path.drain(..) {
                finals[p.0 as usize] = Some(end);
            }
        }
        finals
            .into_iter()
            .map(|f| f.expect("every token visited"))
            .collect()
    }
}

/// Token path → id: a table of ids hashed by path, the paths being the tokens' own (a map
/// keyed by path strings cost a second table per permutation, and its key comparisons).
#[derive(Clone, Default)]
pub struct PathIndex {
    table: hashbrown::HashTable<TokenId>,
    hasher: foldhash::fast::RandomState,
}

impl std::fmt::Debug for PathIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PathIndex({} paths)", self.table.len())
    }
}

impl PathIndex {
    fn with_capacity(n: usize) -> PathIndex {
        PathIndex {
            table: hashbrown::HashTable::with_capacity(n),
            hasher: Default::default(),
        }
    }

    fn hash(&self, path: &str) -> u64 {
        use std::hash::BuildHasher;
        self.hasher.hash_one(path)
    }

    /// The id of `path`, where `path_of` gives the path of an id.
    fn find<'a>(&self, path: &str, path_of: impl Fn(TokenId) -> &'a str) -> Option<TokenId> {
        self.table
            .find(self.hash(path), |&id| path_of(id) == path)
            .copied()
    }

    /// Adds `id` for its path `path`, which has no id yet.
    fn insert<'a>(&mut self, path: &str, id: TokenId, path_of: impl Fn(TokenId) -> &'a str) {
        let hash = self.hash(path);
        let hasher = self.hasher.clone();
        self.table.insert_unique(hash, id, |&other| {
            use std::hash::BuildHasher;
            hasher.hash_one(path_of(other))
        });
    }
}

struct Slot<'p> {
    /// Shared with the definition; new only for tokens copied by `$extends`.
    path: Arc<str>,
    defs: Vec<&'p TokenDef>,
    /// For tokens copied by `$extends`: the path they were copied from.
    origin: Option<String>,
}

#[derive(Default)]
struct GroupInfo<'p> {
    ty: Option<(TypeDecl, Span)>,
    deprecated: Option<&'p Deprecation>,
    extends: Option<(&'p str, Span)>,
}

/// Resolves the permutation `selection` of `project`.
pub fn resolve(project: &Project, selection: &Selection) -> (Resolved, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut slots: Vec<Slot<'_>> = Vec::new();
    let sources = sources_of(project, selection);
    // Sized for every group definition (an upper bound): no rehashing on the way.
    let mut groups: HashMap<&str, GroupInfo<'_>> = HashMap::default();
    groups.reserve(
        sources
            .iter()
            .map(|&s| project.sources[s].groups.len())
            .sum(),
    );
    // Sized for every definition (an upper bound of the tokens): no rehashing on the way.
    let defined: usize = sources
        .iter()
        .map(|&s| project.sources[s].tokens.len())
        .sum();
    slots.reserve(defined);
    let mut index = PathIndex::with_capacity(defined);
    for source in sources {
        let flat = &project.sources[source];
        for g in &flat.groups {
            let info = groups.entry(g.path.as_str()).or_default();
            match &g.ty {
                TypeDecl::None => {}
                other => info.ty = Some((other.clone(), g.name_span)),
            }
            if let Some(d) = &g.deprecated {
                info.deprecated = Some(d);
            }
            if let Some((target, span)) = &g.extends {
                info.extends = Some((target.as_str(), *span));
            }
        }
        for t in &flat.tokens {
            let path_of = |id: TokenId| &*slots[id.0 as usize].path;
            match index.find(&t.path, path_of) {
                Some(id) => slots[id.0 as usize].defs.push(t),
                None => {
                    let id = TokenId(slots.len() as u32);
                    slots.push(Slot {
                        path: t.path.clone(),
                        defs: vec![t],
                        origin: None,
                    });
                    index.insert(&t.path, id, |id| &*slots[id.0 as usize].path);
                }
            }
        }
    }
    // `$extends` appends the tokens it copies; a group written as a `$ref` was taken for a
    // token and is removed, which renumbers the tokens after it.
    let before_extends = slots.len();
    let renumbered = extend_groups(&mut slots, &groups, &mut diagnostics);
    let first_new = if renumbered {
        index = PathIndex::with_capacity(slots.len());
        0
    } else {
        before_extends
    };
    for i in first_new..slots.len() {
        index.insert(&slots[i].path, TokenId(i as u32), |id| {
            &*slots[id.0 as usize].path
        });
    }
    let mut resolver = Resolver {
        project,
        slots: &slots,
        groups: &groups,
        index: &index,
        types: vec![TypeState::Unknown; slots.len()],
        in_cycle: vec![false; slots.len()],
        diagnostics: Vec::new(),
        near: None,
        suggest_budget: SUGGEST_BUDGET,
        type_stack: Vec::new(),
    };
    for i in 0..slots.len() {
        resolver.type_of(i);
    }
    let mut values: Vec<Option<Value>> = Vec::with_capacity(slots.len());
    let mut value_diagnostics = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let value = match resolver.types[i] {
            TypeState::Done(Some(ty)) if !resolver.in_cycle[i] => {
                let node = &slot.defs.last().expect("a slot has a definition").value;
                parse_value(ty, node, &slot.path, &mut resolver, &mut value_diagnostics)
            }
            _ => None,
        };
        values.push(value);
    }
    let types: Vec<Option<TokenType>> = resolver
        .types
        .iter()
        .map(|t| match t {
            TypeState::Done(t) => *t,
            _ => None,
        })
        .collect();
    let mut in_cycle = std::mem::take(&mut resolver.in_cycle);
    diagnostics.append(&mut resolver.diagnostics);
    diagnostics.append(&mut value_diagnostics);
    find_cycles(&slots, &mut values, &mut in_cycle, &mut diagnostics);
    poison(&mut values);

    let mut tokens = Vec::with_capacity(slots.len());
    // Most sets deprecate no group: then no token looks its groups up.
    let groups_deprecate = groups.values().any(|g| g.deprecated.is_some());
    for (slot, (value, ty)) in slots.iter().zip(values.into_iter().zip(types)) {
        let last = slot.defs.last().expect("a slot has a definition");
        let own_deprecated = slot.defs.iter().rev().find_map(|d| d.deprecated.clone());
        let deprecated = own_deprecated
            .or_else(|| {
                groups_deprecate
                    .then(|| inherited(&groups, &slot.path, |g| g.deprecated.cloned()))
                    .flatten()
            })
            .filter(|d| *d != Deprecation::No);
        let meta = Meta {
            description: slot.defs.iter().rev().find_map(|d| d.description.clone()),
            deprecated,
            extensions: slot.defs.iter().rev().find_map(|d| d.extensions.clone()),
            shadowed: slot.defs[..slot.defs.len() - 1]
                .iter()
                .map(|d| d.name_span)
                .collect(),
        };
        tokens.push(Token {
            path: slot.path.clone(),
            ty,
            value,
            span: last.name_span,
            meta: (meta != Meta::default()).then(|| Box::new(meta)),
        });
    }
    let resolved = Resolved {
        tokens,
        index,
        finals: std::sync::OnceLock::new(),
        declarations: std::sync::OnceLock::new(),
    };
    (resolved, diagnostics)
}

/// Source indices of a permutation, in `resolutionOrder`.
pub fn sources_of(project: &Project, selection: &Selection) -> Vec<usize> {
    let mut out = Vec::new();
    for step in &project.order {
        match *step {
            Step::Set(s) => out.extend(&project.sets[s].sources),
            Step::Modifier(m) => {
                if let Some(c) = selection.0.get(m).copied().flatten() {
                    out.extend(&project.modifiers[m].contexts[c].1);
                }
            }
        }
    }
    out
}

/// The nearest ancestor group of `path` for which `f` gives a value.
fn inherited<'p, T>(
    groups: &HashMap<&str, GroupInfo<'p>>,
    path: &str,
    f: impl Fn(&GroupInfo<'p>) -> Option<T>,
) -> Option<T> {
    ancestors(path).find_map(|prefix| groups.get(prefix).and_then(&f))
}

/// The groups that hold `path`, nearest first: `a.b`, `a`, then the root group `` for `a.b.c`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(path), |p| match p.rfind('.') {
        Some(i) => Some(&p[..i]),
        None => (!p.is_empty()).then_some(""),
    })
    .skip(1)
}

/// A `{a.b}` or `#/a/b` group reference as a dot path.
fn group_ref_path(target: &str) -> Option<String> {
    if let Some(p) = alias_path(target) {
        return Some(p.to_string());
    }
    let pointer = target.strip_prefix("#/")?;
    Some(
        pointer
            .split('/')
            .map(unescape_pointer)
            .collect::<Vec<_>>()
            .join("."),
    )
}

/// Copies tokens of extended groups (`$extends`) into the extending groups, local tokens first.
fn extend_groups<'p>(
    slots: &mut Vec<Slot<'p>>,
    groups: &HashMap<&'p str, GroupInfo<'p>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    // `$extends` on groups, and groups written as a bare `{ "$ref" = "#/group" }` (which
    // `flatten` cannot tell from a token until the merged tree is known).
    let mut pending: Vec<(String, String, Span)> = Vec::new();
    for (path, info) in groups {
        if let Some((target, span)) = info.extends {
            pending.push((path.to_string(), target.to_string(), span));
        }
    }
    // Built on the first group-like `$ref` only: most sets have none.
    let mut token_paths: Option<foldhash::HashSet<&str>> = None;
    let mut ref_groups = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let value = &slot.defs.last().expect("definition").value;
        let Some([entry]) = value.as_object() else {
            continue;
        };
        let Some(pointer) = entry.value.as_str().filter(|p| p.starts_with("#/")) else {
            continue;
        };
        if entry.key != "$ref" || pointer.ends_with("/$value") || pointer.contains("/$value/") {
            continue;
        }
        let Some(target) = group_ref_path(pointer) else {
            continue;
        };
        let mut is_token = |target: &str| {
            token_paths
                .get_or_insert_with(|| slots.iter().map(|s| &*s.path).collect())
                .contains(target)
        };
        if groups.contains_key(target.as_str()) && !is_token(target.as_str()) {
            pending.push((slot.path.to_string(), pointer.to_string(), entry.value.span));
            ref_groups.push(i);
        }
    }
    let removed = !ref_groups.is_empty();
    for i in ref_groups.into_iter().rev() {
        slots.remove(i);
    }
    if pending.is_empty() {
        return removed;
    }
    pending.sort_by_key(|(_, _, span)| *span);
    let targets: HashMap<&str, (String, Span)> = pending
        .iter()
        .filter_map(|(g, t, s)| group_ref_path(t).map(|p| (g.as_str(), (p, *s))))
        .collect();
    let extended: foldhash::HashSet<&str> = targets.values().map(|(t, _)| t.as_str()).collect();
    let mut done: HashMap<String, bool> = HashMap::default();
    for (group, target, span) in &pending {
        let Some(target_path) = group_ref_path(target) else {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-value",
                    format!("`$extends` of `{group}` must be \"{{group}}\" or \"#/group\""),
                )
                .at(*span, ""),
            );
            continue;
        };
        // Follow the chain of extensions to find loops (a→b→a, or a group extending an ancestor).
        let mut chain = vec![group.to_string()];
        let mut next = Some(target_path.clone());
        let mut cycle = false;
        let mut too_long = false;
        while let Some(t) = next {
            let within =
                |a: &str, b: &str| a.strip_prefix(b).is_some_and(|rest| rest.starts_with('.'));
            let related = |a: &str, b: &str| a == b || within(a, b) || within(b, a);
            if chain.iter().any(|c| related(c, &t)) {
                cycle = true;
                chain.push(t);
                break;
            }
            if chain.len() > MAX_EXTENDS_CHAIN {
                too_long = true;
                break;
            }
            chain.push(t.clone());
            next = targets.get(t.as_str()).map(|(p, _)| p.clone());
        }
        if too_long {
            done.insert(group.to_string(), false);
            // One error per chain: at the group nothing else extends.
            if !extended.contains(group.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        "nesting-too-deep",
                        format!(
                            "`$extends` of `{group}` starts a chain of more than {MAX_EXTENDS_CHAIN} groups"
                        ),
                    )
                    .at(*span, "extends here")
                    .with_help("extend the group that holds the tokens directly"),
                );
            }
            continue;
        }
        if cycle {
            if !done.contains_key(group) {
                for member in &chain {
                    done.entry(member.clone()).or_insert(false);
                }
                diagnostics.push(
                    Diagnostic::error("alias-cycle", format!("`$extends` loops: {}", chain.join(" → ")))
                        .at(*span, "extends here")
                        .with_help("a group cannot extend itself, an ancestor or a descendant, directly or through others"),
                );
            }
            continue;
        }
        if !groups.contains_key(target_path.as_str()) {
            let is_token = slots.iter().any(|s| *s.path == *target_path);
            let d = Diagnostic::error(
                "unknown-alias",
                format!("`$extends` of `{group}` names `{target_path}`, which is not a group"),
            )
            .at(
                *span,
                if is_token {
                    "this is a token; `$extends` needs a group"
                } else {
                    "no such group"
                },
            );
            diagnostics.push(d);
            continue;
        }
        done.insert(group.to_string(), true);
    }
    // Apply in dependency order: a group whose target also extends is applied after that target.
    // Paths are kept sorted, so the tokens under a target are one range.
    let mut by_path: std::collections::BTreeMap<String, usize> = slots
        .iter()
        .enumerate()
        .map(|(i, s)| (s.path.to_string(), i))
        .collect();
    let mut remaining: Vec<(String, String)> = done
        .iter()
        .filter(|(_, ok)| **ok)
        .filter_map(|(g, _)| targets.get(g.as_str()).map(|(t, _)| (g.clone(), t.clone())))
        .collect();
    remaining.sort();
    while !remaining.is_empty() {
        let before = remaining.len();
        let waiting: foldhash::HashSet<String> = remaining.iter().map(|(g, _)| g.clone()).collect();
        let mut i = 0;
        while i < remaining.len() {
            let (group, target) = &remaining[i];
            let waits = waiting.contains(target)
                || target
                    .match_indices('.')
                    .any(|(d, _)| waiting.contains(&target[..d]));
            if waits {
                i += 1;
                continue;
            }
            let prefix = format!("{target}.");
            let mut added = Vec::new();
            for (path, &index) in by_path.range(prefix.clone()..) {
                let Some(rest) = path.strip_prefix(&prefix) else {
                    break;
                };
                let new_path = format!("{group}.{rest}");
                if !by_path.contains_key(&new_path) {
                    let slot = &slots[index];
                    added.push((
                        index,
                        Slot {
                            path: new_path.into(),
                            defs: slot.defs.clone(),
                            origin: Some(
                                slot.origin.clone().unwrap_or_else(|| slot.path.to_string()),
                            ),
                        },
                    ));
                }
            }
            // Inherited tokens keep the order they have in the extended group.
            added.sort_by_key(|(index, _)| *index);
            for (_, slot) in added {
                by_path.insert(slot.path.to_string(), slots.len());
                slots.push(slot);
            }
            remaining.remove(i);
        }
        if remaining.len() == before {
            break; // only loops remain, already reported
        }
    }
    removed
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum TypeState {
    Unknown,
    Visiting,
    Done(Option<TokenType>),
}

struct Resolver<'a, 'p> {
    project: &'p Project,
    slots: &'a [Slot<'p>],
    groups: &'a HashMap<&'p str, GroupInfo<'p>>,
    index: &'a PathIndex,
    types: Vec<TypeState>,
    in_cycle: Vec<bool>,
    diagnostics: Vec<Diagnostic>,
    /// For did-you-mean: paths keyed by the path with one segment replaced by `*`, built on the
    /// first unknown alias, so suggestions cost a few lookups instead of a scan of every token.
    near: Option<HashMap<String, Vec<usize>>>,
    /// How many more names did-you-mean may compare this run: a file with thousands of
    /// broken aliases into a huge flat group stays fast (the later ones get no suggestion).
    suggest_budget: usize,
    /// [`Resolver::type_of`]'s stack of aliases being followed, kept between calls.
    type_stack: Vec<usize>,
}

/// The longest chain of `$extends` followed (real sets use a handful).
const MAX_EXTENDS_CHAIN: usize = 64;

/// How many candidate names did-you-mean compares per resolution, in all (about a second).
const SUGGEST_BUDGET: usize = 1_000_000;

/// The type `def` declares in its own file: its `$type`, else its nearest group's.
fn declared_type(flat: &crate::flatten::Flat, def: &TokenDef) -> Option<TokenType> {
    if let TypeDecl::Known(t, _) = def.ty {
        return Some(t);
    }
    ancestors(&def.path).find_map(|prefix| {
        match flat.groups.iter().rev().find(|g| g.path == prefix)?.ty {
            TypeDecl::Known(t, _) => Some(t),
            _ => None,
        }
    })
}

/// `a.*.c` for segment 1 of `a.b.c`.
fn wildcard(path: &str, segment: usize) -> String {
    path.split('.')
        .enumerate()
        .map(|(i, s)| if i == segment { "*" } else { s })
        .collect::<Vec<_>>()
        .join(".")
}

/// What a value node refers to, before any checking.
enum Target<'p> {
    None,
    /// A whole token, by path, with the span of the reference.
    Token(std::borrow::Cow<'p, str>, Span),
    /// A raw node reached by a property-level or cross-file pointer, with the type of the token
    /// it is when it is a whole token of another file that declares one (its own `$type` or its
    /// group's there).
    Node(&'p Node, Option<TokenType>),
    /// A reference to nothing, not yet reported.
    Broken,
    /// A reference into a file the loader could not read (already reported there).
    Reported,
}

impl<'a, 'p> Resolver<'a, 'p> {
    fn explicit_type(&self, i: usize) -> Option<TypeDecl> {
        self.slots[i].defs.iter().rev().find_map(|d| match &d.ty {
            TypeDecl::None => None,
            other => Some(other.clone()),
        })
    }

    fn group_type(&self, i: usize) -> Option<(TokenType, Span)> {
        let slot = &self.slots[i];
        match self.nearest_group_type(&slot.path, 0) {
            Some(found) => found,
            None => slot
                .origin
                .as_deref()
                .and_then(|o| self.nearest_group_type(o, 0))
                .flatten(),
        }
    }

    /// The `$type` of the nearest ancestor group of `path` that has one, looking through
    /// `$extends` (an extending group inherits the extended group's type). `Some(None)`: the
    /// nearest `$type` is invalid.
    fn nearest_group_type(&self, path: &str, depth: usize) -> Option<Option<(TokenType, Span)>> {
        if depth > 16 {
            return None;
        }
        for prefix in ancestors(path) {
            if let Some(g) = self.groups.get(prefix) {
                match &g.ty {
                    Some((TypeDecl::Known(t, _), span)) => return Some(Some((*t, *span))),
                    Some((TypeDecl::Invalid, _)) => return Some(None),
                    _ => {}
                }
                if let Some(target) = g.extends.and_then(|(t, _)| group_ref_path(t)) {
                    let probe = format!("{target}.x");
                    if let Some(found) = self.nearest_group_type(&probe, depth + 1) {
                        return Some(found);
                    }
                }
            }
        }
        None
    }

    /// Determines the type of token `start`, following whole-token aliases iteratively.
    fn type_of(&mut self, start: usize) -> Option<TokenType> {
        if let TypeState::Done(t) = self.types[start] {
            return t;
        }
        let mut stack = std::mem::take(&mut self.type_stack);
        stack.clear();
        stack.push(start);
        let found = self.follow_types(&mut stack);
        self.type_stack = stack;
        found
    }

    /// [`Resolver::type_of`] of the token at the bottom of `stack`.
    fn follow_types(&mut self, stack: &mut Vec<usize>) -> Option<TokenType> {
        while let Some(&i) = stack.last() {
            match self.types[i] {
                TypeState::Done(t) => {
                    stack.pop();
                    if stack.is_empty() {
                        return t;
                    }
                    continue;
                }
                TypeState::Visiting => {
                    // Coming back after the target was resolved.
                    let target = self.whole_alias(i).and_then(|p| self.id_of(&p));
                    let target_ty = target.and_then(|t| self.type_state(t));
                    let t = match (target_ty, self.group_type(i)) {
                        (Some(t), Some((g, group_span))) if t != g => {
                            self.group_mismatch(i, t, g, group_span);
                            None
                        }
                        (Some(t), _) => Some(t),
                        // The target is invalid and reported on its own: no type, no cascade.
                        (None, _) => None,
                    };
                    self.types[i] = TypeState::Done(t);
                    stack.pop();
                    continue;
                }
                TypeState::Unknown => {}
            }
            match self.explicit_type(i) {
                Some(TypeDecl::Known(t, _)) => {
                    self.types[i] = TypeState::Done(Some(t));
                    continue;
                }
                Some(_) => {
                    self.types[i] = TypeState::Done(None);
                    continue;
                }
                None => {}
            }
            let target = self.whole_alias(i).and_then(|p| self.id_of(&p));
            match target {
                Some(t) => {
                    let t = t.0 as usize;
                    self.types[i] = TypeState::Visiting;
                    if self.types[t] == TypeState::Visiting {
                        // A loop of untyped aliases: report it once, naming every token.
                        let from = stack.iter().position(|&s| s == t).unwrap_or(0);
                        let members: Vec<usize> = stack[from..].to_vec();
                        self.report_cycle(&members);
                        for m in members {
                            self.in_cycle[m] = true;
                            self.types[m] = TypeState::Done(None);
                        }
                        continue;
                    }
                    stack.push(t);
                }
                None => {
                    let mut t = self.group_type(i).map(|(t, _)| t);
                    let node = &self.slots[i].defs.last().expect("definition").value;
                    match self.target_of(node) {
                        // A whole token of another file: its declared type.
                        Target::Node(_, Some(ty)) if t.is_none() => t = Some(ty),
                        // A part of a value, or a token whose type is not declared in its
                        // file: nothing says what this token is.
                        Target::Node(_, None) if t.is_none() => self.missing_type(
                            i,
                            node.span,
                            "the type of what this points at is not known here",
                        ),
                        // An alias to nothing: report it here, since the value is never parsed.
                        Target::Token(path, span) if t.is_none() => self.unknown_alias(&path, span),
                        // A pointer to nothing: the value is never parsed, so report it here.
                        Target::Broken if t.is_none() => self.broken_pointer(node),
                        Target::Token(..)
                        | Target::Node(..)
                        | Target::Broken
                        | Target::Reported => {}
                        Target::None if t.is_none() => {
                            let name = self.slots[i].defs.last().expect("definition").name_span;
                            self.missing_type(i, name, "no `$type` here or on a parent group");
                        }
                        Target::None => {}
                    }
                    self.types[i] = TypeState::Done(t);
                }
            }
        }
        None
    }

    fn group_mismatch(&mut self, i: usize, target: TokenType, group: TokenType, group_span: Span) {
        let slot = &self.slots[i];
        let value = &slot.defs.last().expect("definition").value;
        let path = self.whole_alias(i).unwrap_or_default();
        self.diagnostics.push(
            Diagnostic::error(
                "type-mismatch",
                format!(
                    "`{}` aliases `{path}`, a {target} token, but its group says {group}",
                    slot.path
                ),
            )
            .at(value.span, format!("a {target}"))
            .with_secondary(group_span, format!("the group's `$type` is {group}"))
            .with_help(format!(
                "alias a {group} token, or give `{}` its own `$type`",
                slot.path
            )),
        );
    }

    /// The closest token path to `path` that differs from it in one segment.
    fn suggest(&mut self, path: &str) -> Option<String> {
        let slots = self.slots;
        let near = self.near.get_or_insert_with(|| {
            let mut near: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, slot) in slots.iter().enumerate() {
                for segment in 0..slot.path.split('.').count() {
                    near.entry(wildcard(&slot.path, segment))
                        .or_default()
                        .push(i);
                }
            }
            near
        });
        let segments = path.split('.').count();
        let lists: Vec<&Vec<usize>> = (0..segments)
            .filter_map(|segment| near.get(&wildcard(path, segment)))
            .collect();
        // Counted before anything is collected: 50,000 typos into one big group must not
        // gather 50,000 candidates each once the budget is spent.
        let count = lists.iter().map(|l| l.len()).sum();
        self.suggest_budget = self.suggest_budget.checked_sub(count)?;
        let candidates = lists.into_iter().flatten().map(|&i| &*slots[i].path);
        did_you_mean(path, candidates).map(str::to_string)
    }

    fn missing_type(&mut self, i: usize, span: Span, label: &str) {
        self.diagnostics.push(
            Diagnostic::error(
                "missing-type",
                format!("token `{}` has no type", self.slots[i].path),
            )
            .at(span, label)
            .with_help("add `\"$type\" = \"…\"` to the token or to its group"),
        );
    }

    fn broken_pointer(&mut self, node: &Node) {
        let text = node
            .get("$ref")
            .and_then(|e| e.value.as_str())
            .unwrap_or("")
            .to_string();
        self.diagnostics.push(
            Diagnostic::error("unknown-alias", format!("`$ref` \"{text}\" points at nothing"))
                .at(node.span, "no token or property here")
                .with_help("point at a token (`#/group/token`) or a property of its `$value` (`#/group/token/$value/components/0`)"),
        );
    }

    fn unknown_alias(&mut self, path: &str, span: Span) {
        // Pointing into a file that did not load, or at a name already reported as invalid:
        // the token is broken, but the cause is reported already.
        let skipped = self.project.skipped.contains(path)
            || path
                .match_indices('.')
                .any(|(i, _)| self.project.skipped.contains(&path[..i]));
        if self.project.incomplete || skipped {
            return;
        }
        let is_group = self.groups.contains_key(path);
        let mut d = Diagnostic::error("unknown-alias", format!("unknown alias `{{{path}}}`"))
            .at(span, format!("no token `{path}`"));
        if is_group {
            d = d.with_help(if self.id_of(&format!("{path}.$root")).is_some() {
                format!("`{path}` is a group; did you mean `{{{path}.$root}}`?")
            } else {
                format!("`{path}` is a group; aliases must name a token")
            });
        } else if let Some(m) = self.suggest(path) {
            d = d.with_help(format!("did you mean `{{{m}}}`?"));
        }
        self.diagnostics.push(d);
    }

    fn report_cycle(&mut self, members: &[usize]) {
        self.diagnostics.push(cycle_diagnostic(self.slots, members));
    }

    /// The path a token's whole value aliases, if it is a whole-token reference.
    fn whole_alias(&self, i: usize) -> Option<std::borrow::Cow<'p, str>> {
        let node = &self.slots[i].defs.last()?.value;
        match self.target_of(node) {
            Target::Token(path, _) => Some(path),
            _ => None,
        }
    }

    /// Classifies a value node (nothing is reported here).
    fn target_of(&self, node: &'p Node) -> Target<'p> {
        if let Some(s) = node.as_str() {
            return match alias_path(s) {
                Some(p) => Target::Token(std::borrow::Cow::Borrowed(p), node.span),
                None => Target::None,
            };
        }
        let Some(entries) = node.as_object() else {
            return Target::None;
        };
        let [entry] = entries else {
            return Target::None;
        };
        if entry.key != "$ref" {
            return Target::None;
        }
        let Some(pointer) = entry.value.as_str() else {
            return Target::None;
        };
        let span = entry.value.span;
        let (file, fragment) = match pointer.split_once('#') {
            Some((f, p)) => (f, p),
            None => (pointer, ""),
        };
        let segments: Vec<String> = match fragment.strip_prefix('/') {
            Some(rest) => rest.split('/').map(unescape_pointer).collect(),
            None => Vec::new(),
        };
        if !file.is_empty() {
            // Cross-file pointer: resolve inside that file's own tree.
            let base = self
                .project
                .files
                .path(span.file)
                .parent()
                .map(|p| p.join(file));
            let id = base.and_then(|b| self.project.files.find(&crate::source::normalize(&b)));
            let source = id.and_then(|id| self.project.pointer_files.get(&id));
            let Some(&source) = source else {
                return Target::Reported;
            };
            let flat = &self.project.sources[source];
            let index = &self.project.pointer_tokens[&source];
            for cut in (1..=segments.len()).rev() {
                let path = segments[..cut].join(".");
                if let Some(t) = index.get(path.as_str()).map(|&i| &flat.tokens[i]) {
                    let rest = &segments[cut..];
                    let rest = match rest.first().map(|s| s.as_str()) {
                        Some("$value") => &rest[1..],
                        _ if rest.is_empty() => rest,
                        _ => return Target::Broken,
                    };
                    let pointer = rest
                        .iter()
                        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
                        .collect::<String>();
                    let ty = if rest.is_empty() {
                        declared_type(flat, t)
                    } else {
                        None
                    };
                    return match pointer_get(&t.value, &pointer) {
                        Some(n) => Target::Node(n, ty),
                        None => Target::Broken,
                    };
                }
            }
            return Target::Broken;
        }
        // In-document pointer: resolved in the merged tree of this permutation.
        for cut in (1..=segments.len()).rev() {
            let path = segments[..cut].join(".");
            let Some(id) = self.id_of(&path) else {
                continue;
            };
            let rest = &segments[cut..];
            return match rest.first().map(|s| s.as_str()) {
                None => Target::Token(path.into(), span),
                Some("$value") if rest.len() == 1 => Target::Token(path.into(), span),
                Some("$value") => {
                    let pointer = rest[1..]
                        .iter()
                        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
                        .collect::<String>();
                    match self.property(id, &pointer) {
                        Some(n) => Target::Node(n, None),
                        None => Target::Broken,
                    }
                }
                Some(_) => Target::Broken,
            };
        }
        Target::Broken
    }

    /// The raw node at `pointer` inside token `id`'s value, following whole-token aliases.
    fn property(&self, mut id: TokenId, pointer: &str) -> Option<&'p Node> {
        for _ in 0..64 {
            let node = &self.slots[id.0 as usize].defs.last()?.value;
            match self.target_of(node) {
                Target::Token(path, _) => id = self.id_of(&path)?,
                Target::Node(n, _) => return pointer_get(n, pointer),
                _ => return pointer_get(node, pointer),
            }
        }
        None
    }

    fn id_of(&self, path: &str) -> Option<TokenId> {
        self.index.find(path, |id| &self.slots[id.0 as usize].path)
    }

    fn type_state(&self, id: TokenId) -> Option<TokenType> {
        match self.types[id.0 as usize] {
            TypeState::Done(t) => t,
            _ => None,
        }
    }
}

impl<'p> Lookup<'p> for Resolver<'_, 'p> {
    fn is_json(&self, file: crate::source::FileId) -> bool {
        crate::parse::Format::of(self.project.files.path(file)) == crate::parse::Format::Json
    }

    fn reference(&mut self, node: &'p Node, expected: TokenType) -> Reference<'p> {
        match self.target_of(node) {
            Target::None => Reference::Literal(node),
            Target::Node(n, _) => Reference::Literal(n),
            Target::Broken => {
                self.broken_pointer(node);
                Reference::Broken
            }
            Target::Reported => Reference::Broken,
            Target::Token(path, span) => match self.id_of(&path) {
                Some(id) => {
                    let target_ty = self.type_state(id);
                    match target_ty {
                        Some(t) if t == expected => Reference::Token(id),
                        Some(t) => {
                            let target_span =
                                self.slots[id.0 as usize].defs.last().map(|d| d.name_span);
                            let mut d = Diagnostic::error(
                                "type-mismatch",
                                format!(
                                    "`{path}` is a {t} token, but a {expected} is expected here"
                                ),
                            )
                            .at(span, format!("expected a {expected}"));
                            if let Some(s) = target_span {
                                d = d.with_secondary(s, format!("`{path}` is a {t}"));
                            }
                            self.diagnostics
                                .push(d.with_help(format!("alias a {expected} token instead")));
                            Reference::Broken
                        }
                        // The target is invalid or in a cycle: it is reported there.
                        None => Reference::Broken,
                    }
                }
                None => {
                    self.unknown_alias(&path, span);
                    Reference::Broken
                }
            },
        }
    }
}

/// `alias-cycle` naming every member of a loop, once.
fn cycle_diagnostic(slots: &[Slot<'_>], members: &[usize]) -> Diagnostic {
    let span = |m: usize| {
        slots[m]
            .defs
            .last()
            .expect("a slot has a definition")
            .value
            .span
    };
    // A long loop is named by its first few tokens.
    const SHOWN: usize = 8;
    let mut names: Vec<String> = members
        .iter()
        .take(SHOWN)
        .map(|&m| slots[m].path.to_string())
        .collect();
    if members.len() > SHOWN {
        names.push(format!("… {} more", members.len() - SHOWN));
    }
    names.push(slots[members[0]].path.to_string());
    let mut d = Diagnostic::error(
        "alias-cycle",
        format!("aliases form a cycle: {}", names.join(" → ")),
    )
    .at(span(members[0]), "this alias starts the cycle");
    for &m in &members[1..] {
        d = d.with_secondary(span(m), format!("`{}`", slots[m].path));
    }
    d.with_help("point one of these tokens at a value instead of an alias")
}

/// Finds alias cycles among parsed values (iteratively, so 10,000-long chains are fine),
/// reports each once naming every token, and drops the values of the tokens in it.
fn find_cycles(
    slots: &[Slot<'_>],
    values: &mut [Option<Value>],
    in_cycle: &mut [bool],
    diagnostics: &mut Vec<Diagnostic>,
) {
    #[derive(Clone, Copy, PartialEq)]
    enum Color {
        White,
        Grey,
        Black,
    }
    let n = values.len();
    let edges = Edges::new(values, false);
    let mut color = vec![Color::White; n];
    let mut found: Vec<Vec<usize>> = Vec::new();
    for start in 0..n {
        if color[start] != Color::White {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        color[start] = Color::Grey;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&target) = edges.of(node).get(*next) {
                *next += 1;
                match color[target] {
                    Color::White => {
                        color[target] = Color::Grey;
                        stack.push((target, 0));
                    }
                    Color::Grey => {
                        let from = stack.iter().position(|(s, _)| *s == target).unwrap_or(0);
                        found.push(stack[from..].iter().map(|(s, _)| *s).collect());
                    }
                    Color::Black => {}
                }
            } else {
                color[node] = Color::Black;
                stack.pop();
            }
        }
    }
    for members in found {
        if members.iter().any(|&m| in_cycle[m]) {
            continue;
        }
        diagnostics.push(cycle_diagnostic(slots, &members));
        for &m in &members {
            in_cycle[m] = true;
        }
    }
    for (i, cyclic) in in_cycle.iter().enumerate() {
        if *cyclic {
            values[i] = None;
        }
    }
}

/// Drops the value of every token that depends, directly or not, on a token without one.
/// Nothing is reported: the broken token itself already was.
fn poison(values: &mut [Option<Value>]) {
    let mut queue: Vec<usize> = (0..values.len()).filter(|&i| values[i].is_none()).collect();
    if queue.is_empty() {
        return;
    }
    let dependents = Edges::new(values, true);
    while let Some(broken) = queue.pop() {
        for &d in dependents.of(broken) {
            if values[d].is_some() {
                values[d] = None;
                queue.push(d);
            }
        }
    }
}

/// The alias graph of a permutation in two flat arrays (token `i`'s neighbours are
/// `targets[starts[i]..starts[i + 1]]`) instead of a `Vec` per token: a permutation of 100,000
/// tokens needed 70,000 small allocations per walk.
struct Edges {
    starts: Vec<usize>,
    targets: Vec<usize>,
}

impl Edges {
    /// Each token's alias targets, or with `reverse` the tokens that alias it.
    fn new(values: &[Option<Value>], reverse: bool) -> Edges {
        let n = values.len();
        let each = |f: &mut dyn FnMut(usize, usize)| {
            for (i, v) in values.iter().enumerate() {
                if let Some(v) = v {
                    visit_aliases(v, &mut |id| {
                        let target = id.0 as usize;
                        if reverse { f(target, i) } else { f(i, target) }
                    });
                }
            }
        };
        let mut starts = vec![0; n + 1];
        each(&mut |from, _| starts[from + 1] += 1);
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut targets = vec![0; starts[n]];
        each(&mut |from, to| {
            targets[next[from]] = to;
            next[from] += 1;
        });
        Edges { starts, targets }
    }

    fn of(&self, node: usize) -> &[usize] {
        &self.targets[self.starts[node]..self.starts[node + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Roots, load};
    use crate::source::{MemoryLoader, SourceMap};

    fn project(files: &[(&str, &str)]) -> Project {
        let mut loader = MemoryLoader::new();
        for (path, text) in files {
            loader.insert(format!("/p/{path}"), *text);
        }
        let roots = Roots {
            project: "/p".into(),
            extra: Vec::new(),
        };
        load(&loader, "/p/r.toml".as_ref(), &roots, SourceMap::new()).expect("entry")
    }

    /// Codes in source order.
    fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
        let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
        sorted.sort_by_key(|d| d.primary.as_ref().map(|l| l.span));
        sorted.iter().map(|d| d.code).collect()
    }

    const RESOLVER: &str = r##"
version = "2025.10"
resolutionOrder = [{ "$ref" = "#/sets/s" }, { "$ref" = "#/modifiers/m" }]
[sets.s]
sources = [{ "$ref" = "a.toml" }, { "$ref" = "b.toml" }]
[modifiers.m]
default = "x"
contexts.x = []
contexts.y = [{ "$ref" = "y.toml" }]
"##;

    #[test]
    fn later_sources_win_and_keep_earlier_metadata() {
        let p = project(&[
            ("r.toml", RESOLVER),
            (
                "a.toml",
                "n = { \"$type\" = \"number\", \"$value\" = 1, \"$description\" = \"from a\" }\nfirst = { \"$type\" = \"number\", \"$value\" = 0 }\n",
            ),
            ("b.toml", "n = { \"$value\" = 2 }\n"),
            (
                "y.toml",
                "n = { \"$value\" = 3 }\nonly-y = { \"$type\" = \"number\", \"$value\" = 4 }\n",
            ),
        ]);
        let (r, d) = resolve(&p, &Selection(vec![Some(0)]));
        assert!(d.is_empty(), "{d:?}");
        let n = r.find("n").unwrap();
        assert_eq!(n.value, Some(Value::Number(2.0)));
        assert_eq!(n.description(), Some("from a"));
        let paths: Vec<&str> = r.tokens.iter().map(|t| &*t.path).collect();
        assert_eq!(paths, ["n", "first"], "order of first definition");
        let (r, _) = resolve(&p, &Selection(vec![Some(1)]));
        assert_eq!(r.find("n").unwrap().value, Some(Value::Number(3.0)));
        assert!(r.find("only-y").is_some());
        let (r, _) = resolve(&p, &Selection(vec![None]));
        assert_eq!(r.find("n").unwrap().value, Some(Value::Number(2.0)));
    }

    #[test]
    fn ancestors_run_from_the_nearest_group_to_the_root() {
        assert_eq!(ancestors("a.b.c").collect::<Vec<_>>(), ["a.b", "a", ""]);
        assert_eq!(ancestors("a").collect::<Vec<_>>(), [""]);
        assert_eq!(ancestors("").count(), 0);
    }

    #[test]
    fn group_types_and_extends() {
        let p = project(&[(
            "r.toml",
            "[base]\n\"$type\" = \"number\"\na = { \"$value\" = 1 }\nb = { \"$value\" = 2 }\n[copy]\n\"$extends\" = \"{base}\"\nb = { \"$value\" = 20 }\n",
        )]);
        let (r, d) = resolve(&p, &Selection(vec![]));
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.find("copy.a").unwrap().value, Some(Value::Number(1.0)));
        assert_eq!(r.find("copy.b").unwrap().value, Some(Value::Number(20.0)));
        assert_eq!(r.find("copy.a").unwrap().ty, Some(TokenType::Number));
    }

    #[test]
    fn a_group_written_as_a_ref_renumbers_the_tokens_after_it() {
        // `first` is read as a token until the merged tree shows it names a group; removing it
        // shifts every later token, and aliases must still find theirs.
        let p = project(&[(
            "r.toml",
            "[first]\n\"$ref\" = \"#/base\"\n[base]\n\"$type\" = \"number\"\nx = { \"$value\" = 1 }\ny = { \"$value\" = 2 }\n[use]\nof-base = { \"$value\" = \"{base.y}\" }\nof-copy = { \"$value\" = \"{first.x}\" }\n",
        )]);
        let (r, d) = resolve(&p, &Selection(vec![]));
        assert!(d.is_empty(), "{d:?}");
        assert!(r.find("first").is_none());
        for (i, token) in r.tokens.iter().enumerate() {
            assert_eq!(
                r.id_of(&token.path),
                Some(TokenId(i as u32)),
                "{}",
                token.path
            );
        }
        let target = |path: &str| match r.find(path).and_then(|t| t.value.clone()) {
            Some(Value::Alias(id)) => r.get(id).path.to_string(),
            other => panic!("{path}: {other:?}"),
        };
        assert_eq!(target("use.of-base"), "base.y");
        assert_eq!(target("use.of-copy"), "first.x");
        assert_eq!(r.find("first.y").unwrap().value, Some(Value::Number(2.0)));
    }

    #[test]
    fn long_chains_and_cycles_do_not_overflow() {
        let mut text = String::from("a0 = { \"$type\" = \"number\", \"$value\" = 7 }\n");
        for i in 1..10_000 {
            text.push_str(&format!("a{i} = {{ \"$value\" = \"{{a{}}}\" }}\n", i - 1));
        }
        let p = project(&[("r.toml", &text)]);
        let (r, d) = resolve(&p, &Selection(vec![]));
        assert!(d.is_empty());
        let last = r.id_of("a9999").unwrap();
        assert_eq!(&*r.get(r.final_target(last)).path, "a0");
        assert_eq!(r.get(last).ty, Some(TokenType::Number));

        let mut text = String::new();
        for i in 0..10_000 {
            text.push_str(&format!(
                "c{i} = {{ \"$value\" = \"{{c{}}}\" }}\n",
                (i + 1) % 10_000
            ));
        }
        let p = project(&[("r.toml", &text)]);
        let (r, d) = resolve(&p, &Selection(vec![]));
        assert_eq!(codes(&d), ["alias-cycle"]);
        assert!(r.tokens.iter().all(|t| t.value.is_none()));
    }

    #[test]
    fn broken_tokens_poison_dependents_silently() {
        let p = project(&[(
            "r.toml",
            "[n]\n\"$type\" = \"number\"\nbad = { \"$value\" = \"x\" }\nuses = { \"$value\" = \"{n.bad}\" }\nfine = { \"$value\" = 1 }\n[b]\nwidth = { \"$type\" = \"dimension\", \"$value\" = { value = 1, unit = \"px\" } }\nborder = { \"$type\" = \"border\", \"$value\" = { color = \"{n.missing}\", width = \"{b.width}\", style = \"solid\" } }\n",
        )]);
        let (r, d) = resolve(&p, &Selection(vec![]));
        assert_eq!(codes(&d), ["invalid-value", "unknown-alias"]);
        assert!(r.find("n.uses").unwrap().value.is_none());
        assert!(r.find("b.border").unwrap().value.is_none());
        assert!(r.find("n.fine").unwrap().value.is_some());
    }

    #[test]
    fn pointers_into_values() {
        let p = project(&[(
            "r.toml",
            "[c]\n\"$type\" = \"color\"\nbase = { \"$value\" = { colorSpace = \"srgb\", components = [0.1, 0.2, 0.3] } }\nalias = { \"$value\" = { \"$ref\" = \"#/c/base/$value\" } }\nmix = { \"$value\" = { colorSpace = \"srgb\", components = [{ \"$ref\" = \"#/c/base/$value/components/2\" }, 0, 0], alpha = 0.5 } }\nbad = { \"$value\" = { \"$ref\" = \"#/c/base/$value/nothing\" } }\n",
        )]);
        let (r, d) = resolve(&p, &Selection(vec![]));
        assert_eq!(codes(&d), ["unknown-alias"]);
        assert_eq!(
            r.find("c.alias").unwrap().value,
            Some(Value::Alias(r.id_of("c.base").unwrap()))
        );
        match &r.find("c.mix").unwrap().value {
            Some(Value::Color(c)) => assert_eq!(c.components, [Some(0.3), Some(0.0), Some(0.0)]),
            other => panic!("{other:?}"),
        }
    }
}
