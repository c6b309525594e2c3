//! Writing outputs atomically: every file goes to a temporary file beside its target, then all
//! are renamed into place; if a rename fails, the targets already replaced get their old
//! contents back. Unchanged files are not touched. The file system is a trait so that tests can
//! inject failures at every step. The binary implements it over the disk.

use std::io;
use std::path::{Path, PathBuf};

/// The file operations [`write_outputs`] needs.
pub trait OutputFs {
    /// Whether `path` holds exactly `contents` (`None` when it does not exist). Compared
    /// without reading the whole file into memory: outputs are megabytes at 100,000 tokens.
    fn holds(&self, path: &Path, contents: &[u8]) -> io::Result<Option<bool>>;
    /// Creates `path` and its parents.
    fn create_dir_all(&self, path: &Path) -> io::Result<()>;
    /// Writes `contents` to a new file at `path`.
    fn write_new(&self, path: &Path, contents: &[u8]) -> io::Result<()>;
    /// Renames `from` to `to`, replacing `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> io::Result<()>;
}

/// What a successful write did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files replaced or created.
    pub written: Vec<PathBuf>,
    /// Files whose contents were already right.
    pub unchanged: Vec<PathBuf>,
}

/// A failed write; no target was left half-written.
#[derive(Debug)]
pub struct WriteError {
    /// The file the failing operation was about.
    pub path: PathBuf,
    /// What failed.
    pub error: io::Error,
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{suffix}"))
}

/// Writes every `(path, contents)` pair, all or nothing.
pub fn write_outputs(
    fs: &dyn OutputFs,
    files: &[(PathBuf, String)],
) -> Result<WriteReport, WriteError> {
    let fail = |path: &Path, error| WriteError {
        path: path.to_path_buf(),
        error,
    };
    let mut report = WriteReport::default();
    let mut changed = Vec::new();
    for (path, contents) in files {
        match fs.holds(path, contents.as_bytes()) {
            Ok(Some(true)) => report.unchanged.push(path.clone()),
            Ok(existing) => changed.push((path, contents, existing.is_some())),
            Err(e) => return Err(fail(path, e)),
        }
    }
    // 1. Temporary files beside their targets, written whole.
    let mut temps: Vec<PathBuf> = Vec::new();
    let cleanup = |temps: &[PathBuf]| {
        for t in temps {
            let _ = fs.remove(t);
        }
    };
    for (path, contents, _) in &changed {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && let Err(e) = fs.create_dir_all(parent)
        {
            cleanup(&temps);
            return Err(fail(path, e));
        }
        let temp = sibling(path, "tokenc-tmp");
        // A run killed mid-write leaves its temporary file: it is ours, and stale.
        let _ = fs.remove(&temp);
        if let Err(e) = fs.write_new(&temp, contents.as_bytes()) {
            let _ = fs.remove(&temp);
            cleanup(&temps);
            return Err(fail(path, e));
        }
        temps.push(temp);
    }
    // 2. Keep the old files as backups, then move the new ones into place.
    let mut done: Vec<(&PathBuf, Option<PathBuf>)> = Vec::new();
    for ((path, _, existed), temp) in changed.iter().zip(&temps) {
        let backup = existed.then(|| sibling(path, "tokenc-bak"));
        let step = match &backup {
            Some(b) => fs.rename(path, b).and_then(|()| {
                fs.rename(temp, path).inspect_err(|_| {
                    let _ = fs.rename(b, path);
                })
            }),
            None => fs.rename(temp, path),
        };
        if let Err(e) = step {
            // Restore what was already replaced, newest first.
            for (p, b) in done.iter().rev() {
                match b {
                    Some(b) => {
                        let _ = fs.rename(b, p);
                    }
                    None => {
                        let _ = fs.remove(p);
                    }
                }
            }
            cleanup(&temps);
            return Err(fail(path, e));
        }
        done.push((path, backup));
    }
    // 3. Drop the backups.
    for (path, backup) in done {
        if let Some(b) = backup {
            let _ = fs.remove(&b);
        }
        report.written.push(path.clone());
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    /// The ways one operation can fail.
    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Fault {
        /// The operation fails before touching anything (no space for the temporary file, a
        /// folder that cannot be created, a rename refused).
        Refused,
        /// `write_new` fails after writing half the contents (disk full mid-write).
        PartialWrite,
        /// `write_new` wrote everything, then failed (an I/O error on the last write).
        Late,
    }

    /// An in-memory file system that fails its `n`-th mutating operation in a given way.
    #[derive(Default)]
    struct FaultyFs {
        files: RefCell<BTreeMap<PathBuf, Vec<u8>>>,
        fail_at: Option<(usize, Fault)>,
        ops: RefCell<usize>,
        log: RefCell<Vec<String>>,
    }

    impl FaultyFs {
        /// Counts an operation; the fault planned for it, if any.
        fn step(&self, what: String) -> Option<Fault> {
            let mut ops = self.ops.borrow_mut();
            *ops += 1;
            self.log.borrow_mut().push(what);
            self.fail_at.filter(|(n, _)| *n == *ops).map(|(_, f)| f)
        }

        fn with(files: &[(&str, &str)], fail_at: Option<(usize, Fault)>) -> Self {
            let fs = FaultyFs {
                fail_at,
                ..FaultyFs::default()
            };
            for (path, text) in files {
                fs.files
                    .borrow_mut()
                    .insert(path.into(), text.as_bytes().to_vec());
            }
            fs
        }

        fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
            self.files.borrow().clone()
        }
    }

    fn injected() -> io::Error {
        io::Error::other("injected failure")
    }

    impl OutputFs for FaultyFs {
        fn holds(&self, path: &Path, contents: &[u8]) -> io::Result<Option<bool>> {
            Ok(self.files.borrow().get(path).map(|old| old == contents))
        }
        fn create_dir_all(&self, path: &Path) -> io::Result<()> {
            match self.step(format!("mkdir {}", path.display())) {
                Some(_) => Err(injected()),
                None => Ok(()),
            }
        }
        fn write_new(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
            let fault = self.step(format!("write {}", path.display()));
            let mut files = self.files.borrow_mut();
            if files.contains_key(path) {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            match fault {
                None => {
                    files.insert(path.into(), contents.into());
                    Ok(())
                }
                Some(Fault::Refused) => Err(injected()),
                Some(Fault::PartialWrite) => {
                    files.insert(path.into(), contents[..contents.len() / 2].into());
                    Err(injected())
                }
                Some(Fault::Late) => {
                    files.insert(path.into(), contents.into());
                    Err(injected())
                }
            }
        }
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            if self
                .step(format!("rename {} {}", from.display(), to.display()))
                .is_some()
            {
                return Err(injected());
            }
            let mut files = self.files.borrow_mut();
            let v = files
                .remove(from)
                .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
            files.insert(to.into(), v);
            Ok(())
        }
        fn remove(&self, path: &Path) -> io::Result<()> {
            self.files.borrow_mut().remove(path);
            Ok(())
        }
    }

    /// Two existing outputs and a new one, in a folder that may need creating.
    const OLD: &[(&str, &str)] = &[
        ("/o/a.css", "old a"),
        ("/o/b.rs", "old b"),
        ("/x/keep.txt", "not ours"),
    ];

    fn outputs() -> Vec<(PathBuf, String)> {
        vec![
            ("/o/a.css".into(), "new a, longer than before".into()),
            ("/o/b.rs".into(), "new b".into()),
            ("/o/sub/c.json".into(), "new c".into()),
        ]
    }

    /// Every operation of a write, failed in every way it can fail: afterwards the files are
    /// exactly the old ones (the new file absent, nothing temporary left) or exactly the new
    /// ones.
    #[test]
    fn every_fault_at_every_step_leaves_the_old_files_or_the_new() {
        let clean = FaultyFs::with(OLD, None);
        write_outputs(&clean, &outputs()).expect("no fault");
        let steps = *clean.ops.borrow();
        let log = clean.log.borrow().clone();
        // mkdir, temp write, old → backup, temp → target: every step is an operation.
        assert!(steps >= 9, "{log:#?}");
        let before = FaultyFs::with(OLD, None).snapshot();
        let after = clean.snapshot();
        let mut failed = 0;
        for n in 1..=steps {
            for fault in [Fault::Refused, Fault::PartialWrite, Fault::Late] {
                let fs = FaultyFs::with(OLD, Some((n, fault)));
                let result = write_outputs(&fs, &outputs());
                let files = fs.snapshot();
                match result {
                    Ok(_) => assert_eq!(files, after, "{fault:?} at step {n} ({})", log[n - 1]),
                    Err(e) => {
                        failed += 1;
                        assert_eq!(
                            files,
                            before,
                            "{fault:?} at step {n} ({}) left other files: {e:?}",
                            log[n - 1]
                        );
                    }
                }
            }
        }
        // Every step's fault is reported, whichever kind it is.
        assert_eq!(failed, steps * 3);
    }

    #[test]
    fn unchanged_files_are_not_touched() {
        let fs = FaultyFs::with(&[("/o/a.css", "new a, longer than before")], None);
        let report = write_outputs(&fs, &outputs()).unwrap();
        assert_eq!(report.unchanged, vec![PathBuf::from("/o/a.css")]);
        assert_eq!(
            report.written,
            vec![PathBuf::from("/o/b.rs"), PathBuf::from("/o/sub/c.json")]
        );
        assert!(!fs.log.borrow().iter().any(|op| op.contains("a.css")));
    }

    /// A temporary file left by a killed run does not block the next one.
    #[test]
    fn a_stale_temporary_file_is_replaced() {
        let fs = FaultyFs::with(&[("/o/.b.rs.tokenc-tmp", "half")], None);
        write_outputs(&fs, &outputs()).expect("writes");
        assert_eq!(fs.files.borrow()[Path::new("/o/b.rs")], b"new b");
        assert!(
            !fs.files
                .borrow()
                .contains_key(Path::new("/o/.b.rs.tokenc-tmp"))
        );
    }
}
