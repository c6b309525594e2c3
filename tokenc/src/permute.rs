//! Permutations: resolves selections of modifier contexts on demand, once each, and reports
//! each problem once even when it shows up in several permutations.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::flatten::Flat;
use crate::load::{Project, Step};
use crate::resolve::{Resolved, Selection, resolve};

/// A permutation resolved by an earlier build, with what its result depends on: the very
/// flattened sources it merged (shared through [`crate::load::SourceCache`]), the paths left out
/// for invalid names, whether the project was complete, and the prefix its checks used.
pub struct Earlier {
    sources: Vec<Arc<Flat>>,
    skipped: std::collections::HashSet<String>,
    incomplete: bool,
    prefix: String,
    resolved: Arc<Resolved>,
    diagnostics: Vec<Diagnostic>,
}

/// The sources of `selection`, shared.
fn sources(project: &Project, selection: &Selection) -> Vec<Arc<Flat>> {
    crate::resolve::sources_of(project, selection)
        .into_iter()
        .map(|i| project.sources[i].clone())
        .collect()
}

/// One permutation resolved, with the checks that look at a whole permutation.
fn resolve_and_check(
    project: &Project,
    selection: &Selection,
    prefix: &str,
) -> (Resolved, Vec<Diagnostic>) {
    let (resolved, mut diagnostics) = resolve(project, selection);
    crate::timing::mark_with(|| format!("permutation {} resolved", selection.label(project)));
    diagnostics.extend(crate::validate::check_resolved(&resolved, prefix));
    crate::timing::mark_with(|| format!("permutation {} checked", selection.label(project)));
    (resolved, diagnostics)
}

/// A cache of resolved permutations of one project.
pub struct Permutations<'p> {
    /// The project.
    pub project: &'p Project,
    /// CSS prefix, for lints that compare output names.
    pub prefix: String,
    cache: HashMap<Selection, Arc<Resolved>>,
    /// What each cached permutation was resolved from and reported (for [`Permutations::keep`]).
    outcomes: HashMap<Selection, Vec<Diagnostic>>,
    /// Permutations of an earlier build that may be reused.
    earlier: Vec<Earlier>,
    diagnostics: Vec<Diagnostic>,
    seen: HashSet<(&'static str, Option<crate::source::Span>, String)>,
}

/// A [`Permutations`] without its project, to be resumed over it ([`Permutations::suspend`]).
pub struct Suspended {
    prefix: String,
    cache: HashMap<Selection, Arc<Resolved>>,
    outcomes: HashMap<Selection, Vec<Diagnostic>>,
    earlier: Vec<Earlier>,
    diagnostics: Vec<Diagnostic>,
    seen: HashSet<(&'static str, Option<crate::source::Span>, String)>,
}

impl<'p> Permutations<'p> {
    /// An empty cache over `project`.
    pub fn new(project: &'p Project, prefix: &str) -> Self {
        Permutations {
            project,
            prefix: prefix.to_string(),
            cache: HashMap::new(),
            outcomes: HashMap::new(),
            earlier: Vec::new(),
            diagnostics: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// [`Permutations::new`], reusing the permutations of an earlier build (`tokenc watch`) whose
    /// inputs are unchanged: editing a dark-theme file leaves the light permutation as it was.
    /// Projects with cross-file JSON pointers resolve everything again.
    pub fn reusing(project: &'p Project, prefix: &str, earlier: Vec<Earlier>) -> Self {
        let mut perms = Permutations::new(project, prefix);
        if project.pointer_files.is_empty() {
            perms.earlier = earlier;
        }
        perms
    }

    /// Ends the borrow of the project (so that it can be changed, as by
    /// [`Project::release_definitions`]), keeping every permutation and problem.
    pub fn suspend(self) -> Suspended {
        Suspended {
            prefix: self.prefix,
            cache: self.cache,
            outcomes: self.outcomes,
            earlier: self.earlier,
            diagnostics: self.diagnostics,
            seen: self.seen,
        }
    }

    /// Takes up a [`Permutations::suspend`]ed cache again, over the same project.
    pub fn resume(project: &'p Project, suspended: Suspended) -> Self {
        Permutations {
            project,
            prefix: suspended.prefix,
            cache: suspended.cache,
            outcomes: suspended.outcomes,
            earlier: suspended.earlier,
            diagnostics: suspended.diagnostics,
            seen: suspended.seen,
        }
    }

    /// Whether every permutation ([`Permutations::all`]) is resolved already, so that nothing
    /// needs the token definitions any more.
    pub fn complete(&self) -> bool {
        // Counted first: a project may have billions of permutations.
        if self.count() > self.cache.len() {
            return false;
        }
        let all = self.all();
        !all.is_empty() && all.iter().all(|s| self.cache.contains_key(s))
    }

    /// Every permutation resolved so far, to offer to the next build's
    /// [`Permutations::reusing`].
    pub fn keep(&mut self) -> Vec<Earlier> {
        let project = self.project;
        let mut out = Vec::new();
        if !project.pointer_files.is_empty() {
            // Their tokens may come from files outside the sources compared on reuse.
            return out;
        }
        for (selection, resolved) in &self.cache {
            let Some(diagnostics) = self.outcomes.remove(selection) else {
                continue;
            };
            out.push(Earlier {
                sources: sources(project, selection),
                skipped: project.skipped.clone(),
                incomplete: project.incomplete,
                prefix: self.prefix.clone(),
                resolved: resolved.clone(),
                diagnostics,
            });
        }
        out
    }

    /// The earlier result for `selection`, when its inputs are the same.
    fn reuse(&self, selection: &Selection) -> Option<(Arc<Resolved>, Vec<Diagnostic>)> {
        if self.earlier.is_empty() {
            return None;
        }
        let now = sources(self.project, selection);
        let found = self.earlier.iter().find(|e| {
            e.sources.len() == now.len()
                && e.sources.iter().zip(&now).all(|(a, b)| Arc::ptr_eq(a, b))
                && e.incomplete == self.project.incomplete
                && e.prefix == self.prefix
                && e.skipped == self.project.skipped
        })?;
        Some((found.resolved.clone(), found.diagnostics.clone()))
    }

    /// A second cache over the same project that starts with this one's permutations, for work
    /// that runs beside this cache's user (the contrast check beside tokens.css). What it
    /// resolves and reports comes back through [`Permutations::absorb`].
    pub fn fork(&self) -> Permutations<'p> {
        Permutations {
            cache: self.cache.clone(),
            ..Permutations::new(self.project, &self.prefix)
        }
    }

    /// Takes back a [`Permutations::fork`]: the permutations it resolved (unless this cache
    /// resolved them meanwhile) and, in order, the problems it reported.
    pub fn absorb(&mut self, fork: Permutations<'p>) {
        let Permutations {
            mut cache,
            outcomes,
            diagnostics,
            ..
        } = fork;
        for (selection, outcome) in outcomes {
            if let Some(resolved) = cache.remove(&selection)
                && !self.cache.contains_key(&selection)
            {
                self.outcomes.insert(selection.clone(), outcome);
                self.cache.insert(selection, resolved);
            }
        }
        self.report(diagnostics);
    }

    /// Caches a resolved permutation and reports its problems.
    fn store(
        &mut self,
        selection: &Selection,
        resolved: Arc<Resolved>,
        diagnostics: Vec<Diagnostic>,
    ) {
        self.report(diagnostics.clone());
        self.outcomes.insert(selection.clone(), diagnostics);
        self.cache.insert(selection.clone(), resolved);
    }

    /// The resolved tokens of `selection`.
    pub fn get(&mut self, selection: &Selection) -> Arc<Resolved> {
        if let Some(r) = self.cache.get(selection) {
            return r.clone();
        }
        let (resolved, diagnostics) = match self.reuse(selection) {
            Some(earlier) => earlier,
            None => {
                assert!(
                    !self.project.released,
                    "a permutation was resolved after the definitions were released"
                );
                let (resolved, diagnostics) =
                    resolve_and_check(self.project, selection, &self.prefix);
                (Arc::new(resolved), diagnostics)
            }
        };
        self.store(selection, resolved.clone(), diagnostics);
        resolved
    }

    /// Resolves the `selections` not resolved yet, in parallel (each permutation is independent,
    /// and a build needs at least the default and one per context).
    /// Problems are reported in the order of `selections`, as [`Permutations::get`] would.
    pub fn prefetch(&mut self, selections: &[Selection]) {
        let mut todo: Vec<&Selection> = Vec::new();
        for s in selections {
            if !self.cache.contains_key(s) && self.reuse(s).is_none() && !todo.contains(&s) {
                todo.push(s);
            }
        }
        // On rayon's pool, whose threads outlive the build: `tokenc watch` then finds their
        // allocator pages still mapped (fresh threads made each rebuild fault its memory in again).
        let (project, prefix) = (self.project, self.prefix.as_str());
        assert!(
            todo.is_empty() || !project.released,
            "a permutation was resolved after the definitions were released"
        );
        let done: Vec<(Resolved, Vec<Diagnostic>)> = todo
            .par_iter()
            .map(|s| resolve_and_check(project, s, prefix))
            .collect();
        let mut fresh: HashMap<&Selection, (Resolved, Vec<Diagnostic>)> =
            todo.into_iter().zip(done).collect();
        // Stored in the order asked, reused ones included, so problems are reported in order.
        for s in selections {
            if let Some((resolved, diagnostics)) = fresh.remove(s) {
                self.store(s, Arc::new(resolved), diagnostics);
            } else {
                self.get(s);
            }
        }
    }

    /// Adds diagnostics, dropping exact repeats.
    pub fn report(&mut self, diagnostics: Vec<Diagnostic>) {
        for d in diagnostics {
            let key = (
                d.code,
                d.primary.as_ref().map(|l| l.span),
                d.message.clone(),
            );
            if self.seen.insert(key) {
                self.diagnostics.push(d);
            }
        }
    }

    /// Every diagnostic reported so far, ordered by file and position (those without a
    /// location last, in the order found).
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        let mut out = std::mem::take(&mut self.diagnostics);
        out.sort_by_key(|d| match &d.primary {
            Some(label) => (0, label.span.file, label.span.start),
            None => (1, crate::source::FileId(0), 0),
        });
        out
    }

    /// Modifiers that take part in `resolutionOrder`, in that order.
    pub fn ordered_modifiers(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for step in &self.project.order {
            if let Step::Modifier(m) = step
                && !out.contains(m)
            {
                out.push(*m);
            }
        }
        out
    }

    /// The default selection with modifier `m` set to context `c`.
    pub fn with(&self, changes: &[(usize, usize)]) -> Selection {
        let mut s = Selection::defaults(self.project);
        for &(m, c) in changes {
            s.0[m] = Some(c);
        }
        s
    }

    /// The default selection and every selection that changes one modifier from it: the
    /// permutations tokens.css and tokens.rs are built from.
    pub fn singles(&self) -> Vec<Selection> {
        let mut out = vec![self.with(&[])];
        for m in self.ordered_modifiers() {
            for c in 0..self.project.modifiers[m].contexts.len() {
                out.push(self.with(&[(m, c)]));
            }
        }
        out
    }

    /// How many permutations [`Permutations::all`] would list (saturating).
    pub fn count(&self) -> usize {
        self.ordered_modifiers()
            .iter()
            .map(|&m| self.project.modifiers[m].contexts.len().max(1))
            .fold(1usize, usize::saturating_mul)
    }

    /// Every combination of contexts of the modifiers in `resolutionOrder`.
    pub fn all(&self) -> Vec<Selection> {
        let mut out = vec![Selection::defaults(self.project)];
        for m in self.ordered_modifiers() {
            let count = self.project.modifiers[m].contexts.len();
            let mut next = Vec::new();
            for s in &out {
                for c in 0..count {
                    let mut s = s.clone();
                    s.0[m] = Some(c);
                    next.push(s);
                }
            }
            if count > 0 {
                out = next;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Roots, SourceCache, load_cached};
    use crate::source::{MemoryLoader, SourceMap};
    use std::path::Path;

    fn project(dark: &str, cache: &mut SourceCache) -> Project {
        let mut io = MemoryLoader::new();
        io.insert("/p/r.resolver.json", crate::THEMED_RESOLVER)
            .insert(
                "/p/base.json",
                r#"{ "a": { "$type": "number", "$value": 1 }, "b": { "$value": "{a}" } }"#,
            )
            .insert(
                "/p/light.json",
                r#"{ "c": { "$type": "number", "$value": "{missing}" } }"#,
            )
            .insert("/p/dark.json", dark);
        let roots = Roots {
            project: "/p".into(),
            extra: Vec::new(),
        };
        load_cached(
            &io,
            Path::new("/p/r.resolver.json"),
            &roots,
            SourceMap::new(),
            Some(cache),
        )
        .expect("the entry reads")
    }

    #[test]
    fn definitions_are_released_once_every_permutation_is_resolved_unless_shared() {
        let mut cache = SourceCache::default();
        let mut project = project(r#"{ "c": { "$type": "number", "$value": 2 } }"#, &mut cache);
        let mut perms = Permutations::new(&project, "");
        assert!(!perms.complete());
        let singles = perms.singles();
        perms.prefetch(&singles);
        // One modifier: the default and each context are every permutation there is.
        assert!(perms.complete());
        let suspended = perms.suspend();
        project.release_definitions();
        // The cache holds the same files for the next build: their definitions stay.
        assert!(project.sources.iter().all(|s| !s.tokens.is_empty()));
        drop(cache);
        project.release_definitions();
        assert!(project.sources.iter().all(|s| s.tokens.is_empty()));
        // What was resolved is still there, with its problems.
        let mut perms = Permutations::resume(&project, suspended);
        let c = perms
            .get(&singles[2])
            .find("c")
            .and_then(|t| t.value.clone());
        assert_eq!(c, Some(crate::model::Value::Number(2.0)));
        let codes: Vec<_> = perms.take_diagnostics().iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unknown-alias"]);
    }

    #[test]
    fn unchanged_permutations_are_reused_with_their_problems() {
        let mut cache = SourceCache::default();
        let first = project(r#"{ "c": { "$type": "number", "$value": 2 } }"#, &mut cache);
        let mut perms = Permutations::new(&first, "");
        let singles = perms.singles();
        perms.prefetch(&singles);
        let light = perms.get(&singles[0]);
        let dark = perms.get(&singles[2]);
        let earlier = perms.keep();

        let second = project(r#"{ "c": { "$type": "number", "$value": 3 } }"#, &mut cache);
        let mut again = Permutations::reusing(&second, "", earlier);
        again.prefetch(&singles);
        // The light permutation's sources are the same: the very same result, and its problem
        // (the unknown alias in light.json) is reported again.
        assert!(Arc::ptr_eq(&light, &again.get(&singles[0])));
        assert!(!Arc::ptr_eq(&dark, &again.get(&singles[2])));
        let c = again
            .get(&singles[2])
            .find("c")
            .and_then(|t| t.value.clone());
        assert_eq!(c, Some(crate::model::Value::Number(3.0)));
        let mut fresh = Permutations::new(&second, "");
        fresh.prefetch(&singles);
        let codes = |p: &mut Permutations<'_>| -> Vec<&'static str> {
            p.take_diagnostics().iter().map(|d| d.code).collect()
        };
        assert_eq!(codes(&mut again), ["unknown-alias"]);
        assert_eq!(codes(&mut fresh), ["unknown-alias"]);
    }
}
