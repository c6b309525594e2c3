//! Diagnostics are plain data: a severity, a stable code, a message, labelled spans and help.
//!
//! The library only collects them; rendering (human, JSON, GitHub annotations) happens at the
//! edge, in [`render_human`], [`render_json`] and [`render_github`].

use std::fmt;

use codespan_reporting::diagnostic::{self as cs, LabelStyle};
use codespan_reporting::term::{self, Chars, Config};

use crate::source::{SourceMap, Span};

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
    let cs_diag = to_codespan(diagnostic);
    if color {
        let mut buffer = term::termcolor::Buffer::ansi();
        if term::emit_to_write_style(&mut buffer, &config, sources, &cs_diag).is_ok() {
            return String::from_utf8_lossy(buffer.as_slice()).into_owned();
        }
    }
    term::emit_into_string(&config, sources, &cs_diag).unwrap_or_else(|_| {
        format!(
            "{}[{}]: {}\n",
            diagnostic.severity.as_str(),
            diagnostic.code,
            diagnostic.message
        )
    })
}

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
                .with_message(p.message.clone()),
        );
    }
    for s in &d.secondary {
        labels.push(
            cs::Label::new(LabelStyle::Secondary, s.span.file, s.span.range())
                .with_message(s.message.clone()),
        );
    }
    let mut notes = Vec::new();
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    notes.extend(d.notes.iter().map(|n| format!("note: {n}")));
    cs::Diagnostic::new(severity)
        .with_code(d.code)
        .with_message(d.message.clone())
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
        let distance = strsim::damerau_levenshtein(name, candidate);
        let close = distance <= (name.len().max(3) / 3).max(1) || score > 0.9;
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
