//! `tokenc watch`: build, then build again whenever a file the build read changes.
//!
//! The folders of those files are watched (not the files), so editors that save by writing a
//! temporary file and renaming it over the original are seen like any other write. A build with
//! errors writes nothing, so the last good outputs stay in place until the tokens are fixed.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::{OutputArgs, Reporter, SourceArgs, UsageError, build, default_config, job, loader};

/// How long the debouncer waits for a burst of writes to end.
const DEBOUNCE: Duration = Duration::from_millis(5);

/// How long a watched file may be missing (an editor replacing it) before building anyway.
const GRACE: Duration = Duration::from_millis(500);

/// Runs until interrupted (or until the watcher fails).
pub(super) fn watch(source: &SourceArgs, output: &OutputArgs) -> ExitCode {
    let reporter = Reporter::new(output);
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = match new_debouncer(DEBOUNCE, None, tx) {
        Ok(d) => d,
        Err(e) => return reporter.usage(&format!("cannot watch files: {e}")),
    };
    let mut files: BTreeSet<PathBuf> = BTreeSet::new();
    let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
    let mut cache = tokenc::load::SourceCache::default();
    loop {
        let started = Instant::now();
        let (read, built) = match once(&reporter, source, output, &mut cache) {
            Ok(result) => result,
            Err(UsageError(message)) => return reporter.usage(&message),
        };
        // Keep watching what was read before as well: a file that failed to load this time is
        // still the one to wait for.
        let last_read: BTreeSet<PathBuf> = read.into_iter().collect();
        files.extend(last_read.iter().cloned());
        let wanted: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|f| f.parent().map(Path::to_path_buf))
            .filter(|d| d.is_dir())
            .collect();
        for gone in folders.difference(&wanted) {
            let _ = debouncer.unwatch(gone);
        }
        for new in wanted.difference(&folders) {
            if let Err(e) = debouncer.watch(new, RecursiveMode::NonRecursive) {
                return reporter.usage(&format!("cannot watch {}: {e}", new.display()));
            }
        }
        folders = wanted;
        let outcome = if built {
            format!("built in {} ms", started.elapsed().as_millis())
        } else {
            "not built; the last good outputs are kept".to_string()
        };
        let _ = writeln!(
            std::io::stderr(),
            "tokenc: {outcome}; watching {} file(s) (Ctrl-C to stop)",
            files.len()
        );
        // Wait for a change to one of the files.
        loop {
            let Ok(result) = rx.recv() else {
                return ExitCode::SUCCESS;
            };
            let events = match result {
                Ok(events) => events,
                Err(errors) => {
                    for e in errors {
                        let _ = writeln!(std::io::stderr(), "tokenc: watch error: {e}");
                    }
                    continue;
                }
            };
            let touched = events
                .iter()
                .filter(|e| !e.kind.is_access())
                .flat_map(|e| e.paths.iter())
                .any(|p| files.contains(p) || canonical_in(p, &files));
            if touched {
                break;
            }
        }
        // An editor may delete and re-create a file the last build read: give it a moment to
        // come back.
        let deadline = Instant::now() + GRACE;
        while last_read.iter().any(|f| !f.exists()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        // Drain what arrived meanwhile: one build covers it.
        while rx.try_recv().is_ok() {}
    }
}

/// Whether `path` names one of `files` once both are made absolute and canonical (events may
/// carry another spelling of the path).
fn canonical_in(path: &Path, files: &BTreeSet<PathBuf>) -> bool {
    let Ok(path) = std::fs::canonicalize(path) else {
        return false;
    };
    files
        .iter()
        .any(|f| std::fs::canonicalize(f).is_ok_and(|f| f == path))
}

/// One build; returns the absolute paths of every file it read (the config too), and whether
/// the outputs were written.
fn once(
    reporter: &Reporter,
    source: &SourceArgs,
    output: &OutputArgs,
    cache: &mut tokenc::load::SourceCache,
) -> Result<(Vec<PathBuf>, bool), UsageError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut read = Vec::new();
    // The config itself, so that editing it rebuilds too (also when it has errors).
    match &source.config {
        Some(config) => read.push(tokenc::source::normalize(&cwd.join(config))),
        None if source.resolver.is_none() => read.extend(default_config(&cwd)),
        None => {}
    }
    if let Some(resolver) = &source.resolver {
        read.push(tokenc::source::normalize(&cwd.join(resolver)));
    }
    let job = match job(reporter, source, output)? {
        Ok(job) => job,
        Err(_) => return Ok((read, false)),
    };
    let loader = loader();
    let (code, files) = build(reporter, &job, &loader, Some(cache));
    // Every file the build read; the configs alone when the entry could not be read.
    let map = files.as_ref().unwrap_or(&job.files);
    for i in 0..map.len() {
        let path = map.path(tokenc::source::FileId(i as u32));
        read.push(tokenc::source::normalize(&cwd.join(path)));
    }
    Ok((read, code == ExitCode::SUCCESS))
}
