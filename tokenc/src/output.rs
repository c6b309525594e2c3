//! Writing outputs atomically: every file goes to a temporary file beside its target, is synced,
//! then all are renamed into place; if a rename fails, the targets already replaced get their old
//! contents back. Unchanged files are not touched. The file system is a trait so that tests can
//! inject failures at every step. The binary implements it over the disk.

use std::io;
use std::path::{Path, PathBuf};

/// The file operations [`write_outputs`] needs.
pub trait OutputFs {
    /// The current contents of `path`, or `None` when it does not exist.
    fn read(&self, path: &Path) -> io::Result<Option<Vec<u8>>>;
    /// Creates `path` and its parents.
    fn create_dir_all(&self, path: &Path) -> io::Result<()>;
    /// Writes `contents` to a new file at `path` and syncs it to disk.
    fn write_synced(&self, path: &Path, contents: &[u8]) -> io::Result<()>;
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
        match fs.read(path) {
            Ok(Some(old)) if old == contents.as_bytes() => report.unchanged.push(path.clone()),
            Ok(existing) => changed.push((path, contents, existing.is_some())),
            Err(e) => return Err(fail(path, e)),
        }
    }
    // 1. Temporary files beside their targets, written and synced.
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
        if let Err(e) = fs.write_synced(&temp, contents.as_bytes()) {
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

    /// An in-memory file system that fails the `n`-th mutating operation.
    #[derive(Default)]
    struct FaultyFs {
        files: RefCell<BTreeMap<PathBuf, Vec<u8>>>,
        fail_at: Option<usize>,
        ops: RefCell<usize>,
    }

    impl FaultyFs {
        fn step(&self) -> io::Result<()> {
            let mut ops = self.ops.borrow_mut();
            *ops += 1;
            if Some(*ops) == self.fail_at {
                Err(io::Error::other("injected failure"))
            } else {
                Ok(())
            }
        }
    }

    impl OutputFs for FaultyFs {
        fn read(&self, path: &Path) -> io::Result<Option<Vec<u8>>> {
            Ok(self.files.borrow().get(path).cloned())
        }
        fn create_dir_all(&self, _: &Path) -> io::Result<()> {
            self.step()
        }
        fn write_synced(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
            self.step()?;
            self.files.borrow_mut().insert(path.into(), contents.into());
            Ok(())
        }
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            self.step()?;
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

    fn outputs() -> Vec<(PathBuf, String)> {
        vec![
            ("/o/a.css".into(), "new a".into()),
            ("/o/b.rs".into(), "new b".into()),
        ]
    }

    #[test]
    fn every_failure_leaves_the_old_files() {
        for fail_at in 1..=12 {
            let fs = FaultyFs {
                fail_at: Some(fail_at),
                ..FaultyFs::default()
            };
            fs.files
                .borrow_mut()
                .insert("/o/a.css".into(), b"old a".to_vec());
            fs.files
                .borrow_mut()
                .insert("/o/b.rs".into(), b"old b".to_vec());
            let result = write_outputs(&fs, &outputs());
            let files = fs.files.borrow();
            let a = String::from_utf8(files["/o/a.css".as_ref() as &Path].clone()).unwrap();
            let b = String::from_utf8(files["/o/b.rs".as_ref() as &Path].clone()).unwrap();
            match result {
                Ok(_) => assert_eq!((a.as_str(), b.as_str()), ("new a", "new b")),
                Err(_) => assert_eq!(
                    (a.as_str(), b.as_str()),
                    ("old a", "old b"),
                    "fail at {fail_at}"
                ),
            }
            assert_eq!(
                files.len(),
                2,
                "leftover temporary files after failing at {fail_at}: {files:?}"
            );
        }
    }

    #[test]
    fn unchanged_files_are_not_touched() {
        let fs = FaultyFs::default();
        fs.files
            .borrow_mut()
            .insert("/o/a.css".into(), b"new a".to_vec());
        let report = write_outputs(&fs, &outputs()).unwrap();
        assert_eq!(report.unchanged, vec![PathBuf::from("/o/a.css")]);
        assert_eq!(report.written, vec![PathBuf::from("/o/b.rs")]);
    }
}
