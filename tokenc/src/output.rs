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
    /// Whether `path` is a folder.
    fn is_dir(&self, path: &Path) -> bool;
    /// Removes an empty folder.
    fn remove_dir(&self, path: &Path) -> io::Result<()>;
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

/// One output made ready to be put in place ([`prepare`]): its contents sit in a temporary
/// file beside it, or it already holds them.
#[derive(Debug)]
pub struct Prepared {
    path: PathBuf,
    /// The temporary file with the new contents; `None` when the file holds them already.
    temp: Option<PathBuf>,
    /// Whether the file exists (and is replaced, keeping a backup until the end).
    existed: bool,
    /// The folders created for it, innermost first (removed again if it is discarded).
    created: Vec<PathBuf>,
}

impl Prepared {
    /// The output this is for.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Makes `path` ready to hold `contents` without touching it: writes them whole to a temporary
/// file beside it (creating its folder), unless it holds them already. [`commit`] puts prepared
/// files in place; [`discard`] forgets them. A build prepares each output as soon as it is
/// built, while it goes on checking, and commits only if nothing failed.
pub fn prepare(fs: &dyn OutputFs, path: &Path, contents: &[u8]) -> Result<Prepared, WriteError> {
    let fail = |error| WriteError {
        path: path.to_path_buf(),
        error,
    };
    let existed = match fs.holds(path, contents) {
        Ok(Some(true)) => {
            return Ok(Prepared {
                path: path.to_path_buf(),
                temp: None,
                existed: true,
                created: Vec::new(),
            });
        }
        Ok(existing) => existing.is_some(),
        Err(e) => return Err(fail(e)),
    };
    let mut created = Vec::new();
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        created = parent
            .ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .take_while(|a| !fs.is_dir(a))
            .map(Path::to_path_buf)
            .collect();
        if let Err(e) = fs.create_dir_all(parent) {
            remove_dirs(fs, &created);
            return Err(fail(e));
        }
    }
    let temp = sibling(path, "tokenc-tmp");
    // A run killed mid-write leaves its temporary file: it is ours, and stale.
    let _ = fs.remove(&temp);
    if let Err(e) = fs.write_new(&temp, contents) {
        let _ = fs.remove(&temp);
        remove_dirs(fs, &created);
        return Err(fail(e));
    }
    Ok(Prepared {
        path: path.to_path_buf(),
        temp: Some(temp),
        existed,
        created,
    })
}

/// Removes, deepest first, the folders in `created` that are empty (a folder that is not is left
/// as it is, with its parents).
fn remove_dirs<'a>(fs: &dyn OutputFs, created: impl IntoIterator<Item = &'a PathBuf>) {
    let mut dirs: Vec<&PathBuf> = created.into_iter().collect();
    // Two outputs prepared at once may each have made (or seen made) part of the same folders:
    // every one is tried, children before parents.
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    dirs.dedup();
    for dir in dirs {
        let _ = fs.remove_dir(dir);
    }
}

/// Removes the temporary files of prepared outputs that will not be committed, and the folders
/// created for them: nothing of a failed build is left.
pub fn discard<'a>(fs: &dyn OutputFs, prepared: impl IntoIterator<Item = &'a Prepared>) {
    let prepared: Vec<&Prepared> = prepared.into_iter().collect();
    for t in prepared.iter().filter_map(|p| p.temp.as_ref()) {
        let _ = fs.remove(t);
    }
    remove_dirs(fs, prepared.iter().flat_map(|p| &p.created));
}

/// Puts every prepared output in place, all or nothing: the old files are kept as backups,
/// the new ones renamed into place, and if a rename fails the files already replaced get their
/// old contents back.
pub fn commit(fs: &dyn OutputFs, prepared: Vec<Prepared>) -> Result<WriteReport, WriteError> {
    let mut report = WriteReport::default();
    let mut done: Vec<(&PathBuf, Option<PathBuf>)> = Vec::new();
    for p in &prepared {
        let Some(temp) = &p.temp else {
            report.unchanged.push(p.path.clone());
            continue;
        };
        let path = &p.path;
        let backup = p.existed.then(|| sibling(path, "tokenc-bak"));
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
            discard(fs, &prepared);
            return Err(WriteError {
                path: path.clone(),
                error: e,
            });
        }
        done.push((path, backup));
    }
    // Drop the backups.
    for (path, backup) in done {
        if let Some(b) = backup {
            let _ = fs.remove(&b);
        }
        report.written.push(path.clone());
    }
    Ok(report)
}

/// Writes every `(path, contents)` pair, all or nothing: [`prepare`] for each, then [`commit`].
pub fn write_outputs(
    fs: &dyn OutputFs,
    files: &[(PathBuf, String)],
) -> Result<WriteReport, WriteError> {
    let mut prepared = Vec::new();
    for (path, contents) in files {
        match prepare(fs, path, contents.as_bytes()) {
            Ok(p) => prepared.push(p),
            Err(e) => {
                discard(fs, &prepared);
                return Err(e);
            }
        }
    }
    commit(fs, prepared)
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
        /// Folders are implied by the files: every folder exists.
        fn is_dir(&self, _: &Path) -> bool {
            true
        }
        fn remove_dir(&self, _: &Path) -> io::Result<()> {
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

    /// Outputs prepared while a build goes on, then given up (the build failed), leave the old
    /// files as they were and no temporary file.
    #[test]
    fn discarded_outputs_leave_the_old_files() {
        let fs = FaultyFs::with(OLD, None);
        let before = fs.snapshot();
        let prepared: Vec<Prepared> = outputs()
            .iter()
            .map(|(path, text)| prepare(&fs, path, text.as_bytes()).expect("prepared"))
            .collect();
        assert!(
            fs.snapshot()
                .keys()
                .any(|k| k.to_string_lossy().ends_with(".tokenc-tmp"))
        );
        assert_eq!(fs.snapshot()[Path::new("/o/a.css")], b"old a");
        discard(&fs, &prepared);
        assert_eq!(fs.snapshot(), before);
    }

    /// Prepared outputs committed later are the files `write_outputs` writes.
    #[test]
    fn prepared_then_committed_is_a_whole_write() {
        let fs = FaultyFs::with(OLD, None);
        let prepared: Vec<Prepared> = outputs()
            .iter()
            .map(|(path, text)| prepare(&fs, path, text.as_bytes()).expect("prepared"))
            .collect();
        let report = commit(&fs, prepared).expect("committed");
        let whole = FaultyFs::with(OLD, None);
        assert_eq!(write_outputs(&whole, &outputs()).expect("written"), report);
        assert_eq!(fs.snapshot(), whole.snapshot());
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
