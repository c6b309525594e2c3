//! The disk side of [`SourceLoader`] and [`OutputFs`]: the only file-system access in tokenc.

use std::io;
use std::path::{Path, PathBuf};

use tokenc::output::OutputFs;
use tokenc::{LoadError, SourceLoader};

/// [`OutputFs`] over the real file system.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DiskFs;

impl OutputFs for DiskFs {
    fn read(&self, path: &Path) -> io::Result<Option<Vec<u8>>> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        std::fs::create_dir_all(path)
    }

    fn write_synced(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        file.write_all(contents)?;
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// [`crate::SourceLoader`] over the real file system; names are shown relative to the working
/// folder.
#[derive(Clone, Debug, Default)]
pub(crate) struct DiskLoader {
    /// The working folder, for display names.
    pub(crate) cwd: PathBuf,
}

impl SourceLoader for DiskLoader {
    fn read(&self, path: &Path) -> Result<String, LoadError> {
        use LoadError;
        if path.is_dir() {
            return Err(LoadError::IsDirectory);
        }
        match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|e| LoadError::invalid_utf8(e.as_bytes(), e.utf8_error().valid_up_to())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(LoadError::NotFound),
            Err(e) => Err(LoadError::Other(e.to_string())),
        }
    }

    fn canonicalize(&self, path: &Path) -> Result<PathBuf, LoadError> {
        match std::fs::canonicalize(path) {
            Ok(p) => Ok(p),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(LoadError::NotFound),
            Err(e) => Err(LoadError::Other(e.to_string())),
        }
    }

    fn display_name(&self, path: &Path) -> String {
        let shown = path.strip_prefix(&self.cwd).unwrap_or(path);
        shown.display().to_string()
    }
}
