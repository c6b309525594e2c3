//! Permutations: resolves selections of modifier contexts on demand, once each, and reports
//! each problem once even when it shows up in several permutations.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::load::{Project, Step};
use crate::resolve::{Resolved, Selection, resolve};

/// One permutation resolved, with the checks that look at a whole permutation.
fn resolve_and_check(
    project: &Project,
    selection: &Selection,
    prefix: &str,
) -> (Resolved, Vec<Diagnostic>) {
    let (resolved, mut diagnostics) = resolve(project, selection);
    diagnostics.extend(crate::validate::check_resolved(&resolved, prefix));
    (resolved, diagnostics)
}

/// A cache of resolved permutations of one project.
pub struct Permutations<'p> {
    /// The project.
    pub project: &'p Project,
    /// CSS prefix, for lints that compare output names.
    pub prefix: String,
    cache: HashMap<Selection, Arc<Resolved>>,
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
            diagnostics: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// The resolved tokens of `selection`.
    pub fn get(&mut self, selection: &Selection) -> Arc<Resolved> {
        if let Some(r) = self.cache.get(selection) {
            return r.clone();
        }
        let (resolved, diagnostics) = resolve_and_check(self.project, selection, &self.prefix);
        self.report(diagnostics);
        let resolved = Arc::new(resolved);
        self.cache.insert(selection.clone(), resolved.clone());
        resolved
    }

    /// Resolves the `selections` not resolved yet, two at a time on two threads (each
    /// permutation is independent, and a build needs at least the default and one per context).
    /// Problems are reported in the order of `selections`, as [`Permutations::get`] would.
    pub fn prefetch(&mut self, selections: &[Selection]) {
        let mut todo: Vec<&Selection> = Vec::new();
        for s in selections {
            if !self.cache.contains_key(s) && !todo.contains(&s) {
                todo.push(s);
            }
        }
        if todo.len() < 2 || std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
            for s in todo {
                self.get(s);
            }
            return;
        }
        let (project, prefix) = (self.project, self.prefix.as_str());
        let mut halves = [Vec::new(), Vec::new()];
        for (i, s) in todo.iter().copied().enumerate() {
            halves[i % 2].push((i, s));
        }
        let [even, odd] = halves;
        let resolve_all = |list: Vec<(usize, &Selection)>| {
            list.into_iter()
                .map(|(i, s)| (i, resolve_and_check(project, s, prefix)))
                .collect::<Vec<_>>()
        };
        let mut done = std::thread::scope(|scope| {
            let other = scope.spawn(|| resolve_all(odd));
            let mut done = resolve_all(even);
            // A panic on the other thread is a bug; surface it here as one.
            done.extend(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
            done
        });
        done.sort_by_key(|(i, _)| *i);
        for (i, (resolved, diagnostics)) in done {
            self.report(diagnostics);
            self.cache.insert(todo[i].clone(), Arc::new(resolved));
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
