//! The disk side of [`SourceLoader`] and [`OutputFs`]: the only file-system access in tokenc.

use std::io;
use std::path::{Path, PathBuf};

use tokenc::output::OutputFs;
use tokenc::{LoadError, SourceLoader};

/// [`OutputFs`] over the real file system.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DiskFs;

impl OutputFs for DiskFs {
    fn holds(&self, path: &Path, contents: &[u8]) -> io::Result<Option<bool>> {
        use std::io::Read;
        let mut file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        if file.metadata()?.len() != contents.len() as u64 {
            return Ok(Some(false));
        }
        // Chunk by chunk, so that checking a big output costs no memory.
        let mut buffer = vec![0; 1 << 16];
        let mut rest = contents;
        loop {
            let n = file.read(&mut buffer)?;
            if n == 0 {
                return Ok(Some(rest.is_empty()));
            }
            match rest.split_at_checked(n) {
                Some((head, tail)) if head == &buffer[..n] => rest = tail,
                _ => return Ok(Some(false)),
            }
        }
    }

    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        std::fs::create_dir_all(path)
    }

    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }

    fn remove_dir(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_dir(path)
    }

    /// Not synced to disk: outputs are derived files, and `fsync` of the 35 MB a 100,000-token
    /// build writes took 70 ms of 300 (see ARCHITECTURE.md, "Writing outputs").
    /// The rename that follows is what keeps a reader from ever seeing half a file.
    fn write_new(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        file.write_all(contents)
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

/// The biggest token file tokenc reads: 100,000 tokens take about 17 MB of JSON.
const MAX_FILE_BYTES: u64 = 256 << 20;

impl SourceLoader for DiskLoader {
    fn read(&self, path: &Path) -> Result<String, LoadError> {
        use LoadError;
        // Only regular files of a sane size: a named pipe or a device would block or never end.
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => return Err(LoadError::IsDirectory),
            Ok(m) if !m.is_file() => {
                return Err(LoadError::Other(
                    "not a regular file (a pipe, socket or device)".into(),
                ));
            }
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                return Err(LoadError::Other(format!(
                    "{} MB is more than tokenc reads ({} MB at most)",
                    m.len() >> 20,
                    MAX_FILE_BYTES >> 20
                )));
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(LoadError::NotFound),
            Err(e) => return Err(LoadError::Other(e.to_string())),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_compares_files_chunk_by_chunk() {
        let dir = std::env::temp_dir().join(format!("tokenc-holds-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.css");
        assert_eq!(DiskFs.holds(&path, b"x").unwrap(), None);
        // Several chunks, differing only in the last byte of the last one.
        let mut big = vec![b'a'; 3 * (1 << 16) + 5];
        std::fs::write(&path, &big).unwrap();
        assert_eq!(DiskFs.holds(&path, &big).unwrap(), Some(true));
        *big.last_mut().unwrap() = b'b';
        assert_eq!(DiskFs.holds(&path, &big).unwrap(), Some(false));
        assert_eq!(DiskFs.holds(&path, &big[1..]).unwrap(), Some(false));
        std::fs::write(&path, b"").unwrap();
        assert_eq!(DiskFs.holds(&path, b"").unwrap(), Some(true));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
