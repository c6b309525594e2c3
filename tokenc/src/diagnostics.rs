//! Diagnostics are plain data: a severity, a stable code, a message, labelled spans and help.
//!
//! The library only collects them; rendering (human, JSON, GitHub annotations) happens at the
//! edge, in [`render_human`], [`render_json`] and [`render_github`].

use std::fmt;

use codespan_reporting::diagnostic::{self as cs, LabelStyle};
use codespan_reporting::files::Error as FilesError;
use codespan_reporting::term::{self, Chars, Config};

use crate::source::{FileId, SourceMap, Span, printable};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Information only.
    Note,
    /// Reported, but the build still succeeds.
    Warning,
    /// The build fails (exit code 1) and nothing is written.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with a short message under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What to say there (may be empty).
    pub message: String,
}

/// One problem found in the sources, the configuration or the outputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable code, e.g. `unknown-alias` (see `code` for the list).
    pub code: &'static str,
    /// One lowercase sentence without a trailing period, naming the token path.
    pub message: String,
    /// The main location, if the problem has one.
    pub primary: Option<Label>,
    /// Related locations (the other definition, the alias target…).
    pub secondary: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
    /// Further notes.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error with `code` and `message`.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A warning with `code` and `message`.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
            notes: Vec::new(),
        }
    }

    /// Sets the primary label.
    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some(Label {
            span,
            message: label.into(),
        });
        self
    }

    /// Adds a secondary label.
    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: label.into(),
        });
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a note line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Whether this diagnostic fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Plain-text or coloured rendering, like rustc.
pub fn render_human(sources: &SourceMap, diagnostic: &Diagnostic, color: bool) -> String {
    let config = Config {
        chars: Chars::ascii(),
        start_context_lines: 0,
        end_context_lines: 0,
        ..Config::default()
    };
    let mut cs_diag = to_codespan(diagnostic);
    // Minified files put everything on one line: frame a window of it, not megabytes.
    if let Some(excerpts) = Excerpts::new(sources, &cs_diag) {
        // Labels outside the windows are dropped, and counted in a note.
        let before = cs_diag.labels.len();
        cs_diag.labels.retain_mut(|label| {
            match excerpts.map_range(label.file_id, label.range.clone()) {
                Some(range) => {
                    label.range = range;
                    true
                }
                None if label.style == LabelStyle::Primary => {
                    label.range = 0..0;
                    true
                }
                None => false,
            }
        });
        if cs_diag.labels.len() < before {
            cs_diag.notes.push(format!(
                "note: {} more places on long lines are not shown",
                before - cs_diag.labels.len()
            ));
        }
        return emit(&config, &excerpts, &cs_diag, color, diagnostic);
    }
    emit(&config, sources, &cs_diag, color, diagnostic)
}

fn emit<'f>(
    config: &Config,
    files: &'f impl codespan_reporting::files::Files<'f, FileId = FileId>,
    cs_diag: &cs::Diagnostic<FileId>,
    color: bool,
    diagnostic: &Diagnostic,
) -> String {
    if color {
        let mut buffer = term::termcolor::Buffer::ansi();
        if term::emit_to_write_style(&mut buffer, config, files, cs_diag).is_ok() {
            return String::from_utf8_lossy(buffer.as_slice()).into_owned();
        }
    }
    term::emit_into_string(config, files, cs_diag).unwrap_or_else(|_| {
        format!(
            "{}[{}]: {}\n",
            diagnostic.severity.as_str(),
            diagnostic.code,
            diagnostic.message
        )
    })
}

/// Lines longer than this (in bytes) are shown as a window around the labels on them.
const LONG_LINE: usize = 300;
/// The widest window shown of such a line, in bytes.
const WINDOW: usize = 160;
/// Bytes of context kept on each side of the labels in a window.
const WINDOW_CONTEXT: usize = 40;

/// The lines a diagnostic points at, over-long ones cut to a window around its labels, as a
/// [`codespan_reporting::files::Files`] that still reports the real line and column numbers.
struct Excerpts<'a> {
    sources: &'a SourceMap,
    files: Vec<(FileId, String, Vec<ExcerptLine>)>,
}

/// One line of an excerpt.
struct ExcerptLine {
    /// Where the line starts in the excerpt text.
    start: usize,
    /// Where it ends (before its newline) in the excerpt text.
    end: usize,
    /// Its 0-based line index in the real file.
    line: usize,
    /// The real byte offset of the excerpt's first shown byte.
    real: usize,
    /// Bytes of the `…` marker before the shown text.
    lead: usize,
}

impl<'a> Excerpts<'a> {
    /// `None` when every labelled line is short enough to show whole.
    fn new(sources: &'a SourceMap, d: &cs::Diagnostic<FileId>) -> Option<Self> {
        use codespan_reporting::files::Files as _;
        let mut points: Vec<(FileId, usize, usize)> = Vec::new();
        for label in &d.labels {
            for byte in [label.range.start, label.range.end] {
                let line = sources.line_index(label.file_id, byte).ok()?;
                points.push((label.file_id, line, byte));
            }
        }
        let long = points.iter().any(|&(file, line, _)| {
            sources
                .line_range(file, line)
                .is_ok_and(|r| r.len() > LONG_LINE)
        });
        if !long {
            return None;
        }
        points.sort_unstable();
        let mut files: Vec<(FileId, String, Vec<ExcerptLine>)> = Vec::new();
        for chunk in points.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
            let (file, line, _) = chunk[0];
            let text = sources.text(file);
            let range = sources.line_range(file, line).ok()?;
            let body = text[range.clone()].trim_end_matches(['\n', '\r']);
            let line_end = range.start + body.len();
            // The window starts before the primary label when it is on this line, so the
            // location in the header is always inside it; labels outside are left out.
            let primary = d
                .labels
                .iter()
                .find(|l| l.style == LabelStyle::Primary && l.file_id == file)
                .map(|l| l.range.start)
                .filter(|b| range.contains(b));
            let first = primary.unwrap_or(chunk[0].2).min(line_end);
            let last = chunk[chunk.len() - 1].2.min(line_end);
            let mut lo = first.saturating_sub(WINDOW_CONTEXT).max(range.start);
            let mut hi = (last + WINDOW_CONTEXT).min(lo + WINDOW).min(line_end);
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            if files.last().is_none_or(|f| f.0 != file) {
                files.push((file, String::new(), Vec::new()));
            }
            let (_, out, lines) = files.last_mut().expect("just pushed");
            let start = out.len();
            if lo > range.start {
                out.push('…');
            }
            let lead = out.len() - start;
            out.push_str(&printable(&text[lo..hi]));
            let end = out.len();
            if hi < line_end {
                out.push('…');
            }
            out.push('\n');
            lines.push(ExcerptLine {
                start,
                end,
                line,
                real: lo,
                lead,
            });
        }
        Some(Excerpts { sources, files })
    }

    fn file(&self, id: FileId) -> Result<&(FileId, String, Vec<ExcerptLine>), FilesError> {
        self.files
            .iter()
            .find(|f| f.0 == id)
            .ok_or(FilesError::FileMissing)
    }

    /// A real byte range as a range of the excerpt text (its end clamped to the shown
    /// window); `None` when it starts outside the window.
    fn map_range(
        &self,
        id: FileId,
        range: std::ops::Range<usize>,
    ) -> Option<std::ops::Range<usize>> {
        use codespan_reporting::files::Files as _;
        let (_, _, lines) = self.file(id).ok()?;
        let map = |byte: usize, clamp: bool| {
            let line = self.sources.line_index(id, byte).ok()?;
            let l = lines.iter().find(|l| l.line == line)?;
            let shown = l.end - l.start - l.lead;
            let offset = byte.checked_sub(l.real)?;
            (clamp || offset <= shown).then(|| l.start + l.lead + offset.min(shown))
        };
        Some(map(range.start, false)?..map(range.end, true)?)
    }

    /// The real byte offset of an excerpt offset.
    fn real(&self, id: FileId, byte: usize) -> Result<usize, FilesError> {
        let (_, _, lines) = self.file(id)?;
        let l = &lines[lines.partition_point(|l| l.start <= byte).saturating_sub(1)];
        Ok(l.real + byte.saturating_sub(l.start + l.lead))
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Excerpts<'_> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(self.sources.name(id))
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.file(id)?.1)
    }

    fn line_index(&'a self, id: FileId, byte: usize) -> Result<usize, FilesError> {
        let (_, _, lines) = self.file(id)?;
        Ok(lines.partition_point(|l| l.start <= byte).saturating_sub(1))
    }

    fn line_range(
        &'a self,
        id: FileId,
        index: usize,
    ) -> Result<std::ops::Range<usize>, FilesError> {
        let (_, text, lines) = self.file(id)?;
        let line = lines.get(index).ok_or(FilesError::LineTooLarge {
            given: index,
            max: lines.len(),
        })?;
        let end = lines.get(index + 1).map_or(text.len(), |l| l.start);
        Ok(line.start..end)
    }

    fn line_number(&'a self, id: FileId, index: usize) -> Result<usize, FilesError> {
        let (_, _, lines) = self.file(id)?;
        Ok(lines.get(index).map_or(index, |l| l.line) + 1)
    }

    fn column_number(&'a self, id: FileId, _: usize, byte: usize) -> Result<usize, FilesError> {
        Ok(self.sources.line_col(id, self.real(id, byte)?).1)
    }
}

/// How many secondary labels a rendered code frame shows.
const MAX_SECONDARY_LABELS: usize = 16;

/// The codespan form of `d`, its text made [`printable`] for a terminal.
fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<crate::source::FileId> {
    let severity = match d.severity {
        Severity::Note => cs::Severity::Note,
        Severity::Warning => cs::Severity::Warning,
        Severity::Error => cs::Severity::Error,
    };
    let mut labels = Vec::new();
    if let Some(p) = &d.primary {
        labels.push(
            cs::Label::new(LabelStyle::Primary, p.span.file, p.span.range())
                .with_message(printable(&p.message)),
        );
    }
    // A code frame with thousands of labels helps nobody, and laying it out costs quadratic
    // time: show the first few and say how many more there are.
    for s in d.secondary.iter().take(MAX_SECONDARY_LABELS) {
        labels.push(
            cs::Label::new(LabelStyle::Secondary, s.span.file, s.span.range())
                .with_message(printable(&s.message)),
        );
    }
    let mut notes = Vec::new();
    if d.secondary.len() > MAX_SECONDARY_LABELS {
        notes.push(format!(
            "note: {} more places are not shown",
            d.secondary.len() - MAX_SECONDARY_LABELS
        ));
    }
    if let Some(h) = &d.help {
        notes.push(format!("help: {}", printable(h)));
    }
    notes.extend(d.notes.iter().map(|n| format!("note: {}", printable(n))));
    cs::Diagnostic::new(severity)
        .with_code(d.code)
        .with_message(printable(&d.message))
        .with_labels(labels)
        .with_notes(notes)
}

/// One JSON object (one line) with `severity, code, message, file, line, column, end_line,
/// end_column, help`; every key is present, `null` where there is no location.
pub fn render_json(sources: &SourceMap, d: &Diagnostic) -> String {
    let (file, line, column, end_line, end_column) = match &d.primary {
        Some(label) => {
            let (l, c) = sources.line_col(label.span.file, label.span.start as usize);
            let (el, ec) = sources.line_col(label.span.file, label.span.end as usize);
            (
                serde_json::Value::from(sources.name(label.span.file)),
                serde_json::Value::from(l),
                serde_json::Value::from(c),
                serde_json::Value::from(el),
                serde_json::Value::from(ec),
            )
        }
        None => Default::default(),
    };
    serde_json::json!({
        "severity": d.severity.as_str(),
        "code": d.code,
        "message": d.message,
        "file": file,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "help": d.help,
    })
    .to_string()
}

/// A GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`).
pub fn render_github(sources: &SourceMap, d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut props = Vec::new();
    if let Some(label) = &d.primary {
        let (l, c) = sources.line_col(label.span.file, label.span.start as usize);
        let (el, ec) = sources.line_col(label.span.file, label.span.end as usize);
        props.push(format!(
            "file={}",
            escape_gh_property(sources.name(label.span.file))
        ));
        props.push(format!("line={l},col={c},endLine={el},endColumn={ec}"));
    }
    props.push(format!("title={}", escape_gh_property(d.code)));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!("::{kind} {}::{}", props.join(","), escape_gh_data(&message))
}

fn escape_gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_gh_property(s: &str) -> String {
    escape_gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `error: 3 errors, 1 warning` style summary, or `None` when there is nothing to report.
pub fn summary(diagnostics: &[Diagnostic]) -> Option<String> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => None,
        (0, w) => Some(format!("warning: {}", plural(w, "warning"))),
        (e, 0) => Some(format!("error: {}", plural(e, "error"))),
        (e, w) => Some(format!(
            "error: {}, {}",
            plural(e, "error"),
            plural(w, "warning")
        )),
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {}",
            self.severity.as_str(),
            self.code,
            self.message
        )
    }
}

/// The closest candidate to `name` by edit distance, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(&str, f64)> = None;
    let slack = name.len() / 3 + 2;
    for candidate in candidates {
        // A cheap length filter first: this runs once per unknown name over every token.
        if candidate.len().abs_diff(name.len()) > slack {
            continue;
        }
        let score = strsim::jaro_winkler(name, candidate);
        let limit = (name.len().max(3) / 3).max(1);
        // The edit distance is at least the length difference: skip computing it when that
        // alone rules it out.
        let close = score > 0.9
            || (candidate.len().abs_diff(name.len()) <= limit
                && strsim::damerau_levenshtein(name, candidate) <= limit);
        if close && best.is_none_or(|(_, s)| score > s) {
            best = Some((candidate, score));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_typos() {
        let names = ["color.brand.500", "color.gray.500", "space.md"];
        assert_eq!(
            did_you_mean("color.brnd.500", names),
            Some("color.brand.500")
        );
        assert_eq!(did_you_mean("$valeu", ["$value", "$type"]), Some("$value"));
        assert_eq!(did_you_mean("totally.else", names), None);
    }

    #[test]
    fn summary_counts() {
        let e = Diagnostic::error("x", "a");
        let w = Diagnostic::warning("y", "b");
        assert_eq!(summary(&[]), None);
        assert_eq!(
            summary(&[e.clone(), e, w]).unwrap(),
            "error: 2 errors, 1 warning"
        );
    }
}
