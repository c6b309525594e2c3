//! Source files, byte spans and the [`SourceLoader`] trait through which the library reads files.
//!
//! The library never touches the file system itself: the binary implements [`SourceLoader`] over
//! the disk and tests implement it over memory ([`MemoryLoader`]), which is also how file-system
//! faults are injected.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use codespan_reporting::files::{Error as FilesError, Files};

use crate::diagnostics::Diagnostic;

/// Identifies one file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The file the range belongs to.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span over `range` in `file`.
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span {
            file,
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Every file read during one compilation, with display names relative to the working folder.
#[derive(Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    paths: Vec<PathBuf>,
    by_path: HashMap<PathBuf, FileId>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, name: String, path: PathBuf, text: String) -> FileId {
        let id = FileId(self.files.len() as u32);
        self.files.push(SourceFile::new(name, text));
        self.by_path.entry(path.clone()).or_insert(id);
        self.paths.push(path);
        id
    }

    /// How many files were read.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The text of a file.
    pub fn text(&self, id: FileId) -> &str {
        &self.files[id.0 as usize].source
    }

    /// The display name of a file.
    pub fn name(&self, id: FileId) -> &str {
        &self.files[id.0 as usize].name
    }

    /// The path a file was loaded from.
    pub fn path(&self, id: FileId) -> &Path {
        &self.paths[id.0 as usize]
    }

    /// The id of a file already loaded from `path`.
    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: FileId, byte: usize) -> (usize, usize) {
        match self.location(id, byte) {
            Ok(loc) => (loc.line_number, loc.column_number),
            Err(_) => (1, 1),
        }
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        self.text(span.file).get(span.range()).unwrap_or("")
    }
}

/// Whether a terminal could act on `c` rather than show it: C0 and C1 control characters (but
/// tab and line ends) and the bidirectional overrides and isolates.
fn is_unsafe_to_show(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character a terminal could act on replaced by a visible one of the same
/// UTF-8 length (`?`, `¿` or `�`), so byte offsets and columns stay right.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_to_show) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match (is_unsafe_to_show(c), c.len_utf8()) {
            (false, _) => c,
            (true, 1) => '?',
            (true, 2) => '¿',
            (true, _) => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

/// One file's text, with where its lines start. A line ends at `\n`, `\r\n` or a lone `\r`
/// (JSON allows all three), and a byte-order mark takes no column.
///
/// Line starts are found on the first diagnostic that needs them: a build without problems never
/// scans its (possibly megabytes of) sources a second time.
#[derive(Clone)]
struct SourceFile {
    name: String,
    source: String,
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// The text code frames show, when it differs from `source` ([`printable`]).
    shown: std::sync::OnceLock<Option<String>>,
    /// Characters before every [`CHAR_STEP`]-th byte (snapped to a character boundary), so that
    /// a column on a megabyte-long line is not counted from the line's start each time.
    char_marks: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Bytes between two marks of [`SourceFile::chars_before`].
const CHAR_STEP: usize = 4096;

impl SourceFile {
    fn new(name: String, source: String) -> Self {
        SourceFile {
            name,
            source,
            line_starts: std::sync::OnceLock::new(),
            shown: std::sync::OnceLock::new(),
            char_marks: std::sync::OnceLock::new(),
        }
    }

    /// How many characters come before byte `at` (a character boundary).
    fn chars_before(&self, at: usize) -> usize {
        let text = &self.source;
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = Vec::with_capacity(text.len() / CHAR_STEP + 1);
            let (mut byte, mut chars) = (0, 0);
            for step in 0..=text.len() / CHAR_STEP {
                let mut next = (step * CHAR_STEP).min(text.len());
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                chars += text[byte..next].chars().count();
                byte = next;
                marks.push((byte, chars));
            }
            marks
        });
        let (byte, chars) = marks[(at / CHAR_STEP).min(marks.len() - 1)];
        let (byte, chars) = if byte <= at { (byte, chars) } else { (0, 0) };
        chars + text.get(byte..at).map_or(0, |s| s.chars().count())
    }

    /// The source as code frames show it: terminal control and bidirectional-override
    /// characters replaced (byte offsets and columns unchanged), so that showing a diagnostic
    /// cannot recolour the terminal, retitle its window or reorder the text read.
    fn shown(&self) -> &str {
        self.shown
            .get_or_init(|| match printable(&self.source) {
                std::borrow::Cow::Borrowed(_) => None,
                std::borrow::Cow::Owned(s) => Some(s),
            })
            .as_deref()
            .unwrap_or(&self.source)
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let bytes = self.source.as_bytes();
            let mut starts = vec![0];
            for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
                let ends_line = bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n');
                if ends_line {
                    starts.push(i + 1);
                }
            }
            starts
        })
    }

    fn file(map: &SourceMap, id: FileId) -> Result<&SourceFile, FilesError> {
        map.files.get(id.0 as usize).ok_or(FilesError::FileMissing)
    }
}

impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&SourceFile::file(self, id)?.name)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(SourceFile::file(self, id)?.shown())
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let file = SourceFile::file(self, id)?;
        Ok(file
            .line_starts()
            .partition_point(|&start| start <= byte_index)
            .saturating_sub(1))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = SourceFile::file(self, id)?;
        let start = *file
            .line_starts()
            .get(line_index)
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: file.line_starts().len() - 1,
            })?;
        let end = file
            .line_starts()
            .get(line_index + 1)
            .copied()
            .unwrap_or(file.source.len());
        Ok(start..end)
    }

    fn column_number(
        &'a self,
        id: FileId,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let file = SourceFile::file(self, id)?;
        let range = self.line_range(id, line_index)?;
        let end = byte_index.clamp(range.start, range.end);
        let mut start = range.start;
        if start == 0 && file.source.starts_with('\u{feff}') {
            start = '\u{feff}'.len_utf8().min(end);
        }
        Ok(match file.source.get(start..end) {
            Some(_) => file.chars_before(end) - file.chars_before(start),
            None => end - start,
        } + 1)
    }
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadError {
    /// Nothing exists at the path.
    NotFound,
    /// The path is a directory.
    IsDirectory,
    /// The bytes are not UTF-8; `valid_up_to` is the offset of the first bad byte.
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        valid_up_to: usize,
        /// Its 1-based line.
        line: usize,
        /// Its 1-based column, in characters.
        column: usize,
        /// The text with every invalid sequence replaced by U+FFFD (the same up to
        /// `valid_up_to`), to show the error in.
        lossy: String,
    },
    /// Any other failure, with the operating system's message.
    Other(String),
}

impl LoadError {
    /// The error for `bytes`, which are valid UTF-8 only up to `valid_up_to`, located by line
    /// and column.
    pub fn invalid_utf8(bytes: &[u8], valid_up_to: usize) -> Self {
        let valid = std::str::from_utf8(&bytes[..valid_up_to.min(bytes.len())]).unwrap_or("");
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        LoadError::InvalidUtf8 {
            valid_up_to,
            line: valid.matches('\n').count() + 1,
            column: valid[line_start..].chars().count() + 1,
            lossy: String::from_utf8_lossy(bytes).into_owned(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound => f.write_str("no such file"),
            LoadError::IsDirectory => f.write_str("it is a directory, not a file"),
            LoadError::InvalidUtf8 {
                valid_up_to,
                line,
                column,
                ..
            } => write!(
                f,
                "it is not valid UTF-8: line {line}, column {column} (byte {valid_up_to})"
            ),
            LoadError::Other(msg) => f.write_str(msg),
        }
    }
}

/// The located error for a file that is not UTF-8 (`lossy` is its text with bad bytes
/// replaced, already in `files` as `id`): at the first bad byte, shown in that text.
pub fn not_utf8(files: &SourceMap, id: FileId, valid_up_to: usize, help: &str) -> Diagnostic {
    let end = files.text(id)[valid_up_to..]
        .chars()
        .next()
        .map_or(valid_up_to, |c| valid_up_to + c.len_utf8());
    Diagnostic::error("parse-error", "the file is not valid UTF-8 text")
        .at(Span::new(id, valid_up_to..end), "not UTF-8")
        .with_help(help)
}

/// How the library reads files. The binary reads the disk; tests read memory. Shared by the
/// threads that read a resolver's files ahead.
pub trait SourceLoader: Sync {
    /// Reads a whole file as UTF-8 text.
    fn read(&self, path: &Path) -> Result<String, LoadError>;

    /// The canonical form of `path` (symbolic links followed), used for the project-folder check.
    /// Loaders without links return the lexically normalised path.
    fn canonicalize(&self, path: &Path) -> Result<PathBuf, LoadError> {
        Ok(normalize(path))
    }

    /// The name shown in diagnostics for `path`, usually relative to the working folder.
    fn display_name(&self, path: &Path) -> String {
        path.display().to_string()
    }
}

/// A [`SourceLoader`] over an in-memory map of paths to contents, for tests and embedding.
#[derive(Default, Clone)]
pub struct MemoryLoader {
    files: HashMap<PathBuf, Result<String, LoadError>>,
}

impl MemoryLoader {
    /// An empty loader.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file.
    pub fn insert(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> &mut Self {
        self.files.insert(normalize(&path.into()), Ok(text.into()));
        self
    }

    /// Every path held, sorted.
    pub fn paths(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = self.files.keys().cloned().collect();
        paths.sort();
        paths
    }

    /// What reading `path` gives, if it is held.
    pub fn get(&self, path: &Path) -> Option<&Result<String, LoadError>> {
        self.files.get(&normalize(path))
    }

    /// Makes reading `path` fail with `error`.
    pub fn insert_error(&mut self, path: impl Into<PathBuf>, error: LoadError) -> &mut Self {
        self.files.insert(normalize(&path.into()), Err(error));
        self
    }
}

impl SourceLoader for MemoryLoader {
    fn read(&self, path: &Path) -> Result<String, LoadError> {
        let path = normalize(path);
        match self.files.get(&path) {
            Some(result) => result.clone(),
            None if self.files.keys().any(|k| k.starts_with(&path)) => Err(LoadError::IsDirectory),
            None => Err(LoadError::NotFound),
        }
    }
}

/// Removes `.` and resolves `..` lexically, without touching the disk.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                let at_root = out.has_root() && out.parent().is_none();
                if !at_root && !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_resolves_dots() {
        assert_eq!(normalize(Path::new("a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(normalize(Path::new("/p/x/../../..")), PathBuf::from("/"));
        assert_eq!(normalize(Path::new("../a")), PathBuf::from("../a"));
    }

    #[test]
    fn memory_loader_reports_directories() {
        let mut loader = MemoryLoader::new();
        loader.insert("/p/dir/a.toml", "");
        assert_eq!(
            loader.read(Path::new("/p/dir")),
            Err(LoadError::IsDirectory)
        );
        assert_eq!(loader.read(Path::new("/p/none")), Err(LoadError::NotFound));
        assert_eq!(
            loader.read(Path::new("/p/dir/../dir/a.toml")),
            Ok(String::new())
        );
    }
}
