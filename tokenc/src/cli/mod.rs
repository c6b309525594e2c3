//! Command-line handling for the `tokenc` binary.

mod disk;
mod watch;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use disk::{DiskFs, DiskLoader};
use tokenc::convert::Target;
use tokenc::diagnostics::{render_github, render_human, render_json, summary};
use tokenc::output::{self, write_outputs};
use tokenc::{Diagnostic, Settings, SourceMap};

/// Compiles DTCG design tokens (TOML or JSON) into CSS custom properties and Rust constants.
#[derive(Parser)]
#[command(
    name = "tokenc",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    build: SourceArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Compile and write the outputs (the default).
    Build {
        #[command(flatten)]
        source: SourceArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Run the whole pipeline and compare the outputs on disk; write nothing.
    Check {
        #[command(flatten)]
        source: SourceArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Build, then build again whenever a token file or the config changes (Ctrl-C stops).
    /// A build with errors writes nothing: the last good outputs stay.
    Watch {
        #[command(flatten)]
        source: SourceArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Check every declared contrast pair in every permutation; print the results.
    Contrast {
        #[command(flatten)]
        source: SourceArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DataFormat::Table)]
        format: DataFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Explain a diagnostic code (`tokenc explain unknown-alias`), or list every code.
    Explain {
        /// The code; omit it to list every code.
        code: Option<String>,
    },
    /// Write a small working token set and tokenc.toml into DIR (default: the current folder).
    Init {
        /// Target folder; created when missing. Existing files are never overwritten.
        dir: Option<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Find raw colours and lengths (and deprecated tokens) in app code: CSS, Rust, HTML.
    Audit {
        #[command(flatten)]
        source: SourceArgs,
        /// Exit with 1 when anything is found (for CI).
        #[arg(long)]
        strict: bool,
        /// Files or folders to check (folders recursively; target/, node_modules/ and hidden
        /// folders are skipped).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Convert a DTCG JSON token file or resolver, and every file it references, into TOML.
    Import {
        /// The JSON resolver (`*.resolver.json`) or token file to convert.
        file: PathBuf,
        /// Folder for the TOML files (created when missing); the layout is kept.
        #[arg(long, alias = "out-dir", value_name = "DIR")]
        out: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Convert the token set into DTCG JSON (`<stem>.tokens.json` files and a resolver).
    Export {
        /// The config file (default: ./tokenc.toml, then ./tokens/tokenc.toml).
        #[arg(long, value_name = "FILE", conflicts_with = "resolver")]
        config: Option<PathBuf>,
        /// Convert this resolver or token file instead of the config's.
        #[arg(long, value_name = "FILE")]
        resolver: Option<PathBuf>,
        /// Folder for the JSON files (created when missing); the layout is kept.
        #[arg(long, alias = "out-dir", value_name = "DIR")]
        out: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Print every token's resolved value.
    Resolve {
        #[command(flatten)]
        source: SourceArgs,
        /// Choose a modifier context, e.g. `theme=dark` (repeatable, case-insensitive).
        #[arg(long = "input", value_name = "MOD=CTX")]
        inputs: Vec<String>,
        /// Print every permutation, keyed `theme=dark,contrast=more,…`.
        #[arg(long, conflicts_with = "inputs")]
        all_permutations: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DataFormat::Json)]
        format: DataFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
}

#[derive(Args, Clone, Default)]
struct SourceArgs {
    /// The config file (default: ./tokenc.toml, then ./tokens/tokenc.toml).
    #[arg(long, value_name = "FILE", conflicts_with = "resolver")]
    config: Option<PathBuf>,
    /// Compile a resolver or token file directly, without a config.
    #[arg(long, value_name = "FILE")]
    resolver: Option<PathBuf>,
    /// With --resolver: where tokens.css and tokens.rs go (default ./tokenc-out).
    #[arg(
        long = "out-dir",
        alias = "out",
        value_name = "DIR",
        requires = "resolver"
    )]
    out_dir: Option<PathBuf>,
}

#[derive(Args, Clone, Default)]
struct OutputArgs {
    /// How diagnostics are printed (on stderr).
    #[arg(long, value_enum, global = true)]
    message_format: Option<MessageFormat>,
    /// Colour in human output.
    #[arg(long, value_enum, global = true)]
    color: Option<ColorChoice>,
    /// Print errors only.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Drop a lint (repeatable).
    #[arg(long = "allow", value_name = "CODE", global = true)]
    allow: Vec<String>,
    /// Report a lint as a warning (repeatable).
    #[arg(long = "warn", value_name = "CODE", global = true)]
    warn: Vec<String>,
    /// Report a lint as an error (repeatable).
    #[arg(long = "deny", value_name = "CODE", global = true)]
    deny: Vec<String>,
}

impl OutputArgs {
    /// Applies `--allow/--warn/--deny` over the config's levels.
    fn levels(&self, levels: &mut tokenc::lints::Levels) -> Result<(), UsageError> {
        use tokenc::lints::Level;
        let flags = [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ];
        for (codes, level) in flags {
            for code in codes {
                levels.set(code, level).map_err(UsageError)?;
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, ValueEnum, Default, PartialEq)]
enum MessageFormat {
    #[default]
    Human,
    Json,
    Github,
}

#[derive(Clone, Copy, ValueEnum, Default, PartialEq)]
enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum DataFormat {
    Json,
    Table,
}

/// A failure that is not about the tokens: exit code 2.
struct UsageError(String);

/// Resolved command-line intent: what to compile and where outputs go.
struct Job {
    settings: Settings,
    files: SourceMap,
    css_output: Option<PathBuf>,
    rust_output: Option<PathBuf>,
    /// In resolver mode without --out-dir, `check` compares nothing.
    compare: bool,
    /// In config mode, where the config names the resolver (an unreadable one is then a
    /// located content error, not misuse of the command line).
    resolver_span: Option<tokenc::source::Span>,
    /// In config mode, where `[output]` names each output.
    output_spans: Vec<(PathBuf, tokenc::source::Span)>,
}

impl Job {
    /// Reports an unreadable entry file: exit 1 at the config's `resolver`, else exit 2.
    fn entry_error(&self, reporter: &Reporter, e: &tokenc::EntryError) -> ExitCode {
        match self.resolver_span {
            Some(span) => {
                let d = Diagnostic::error(
                    "invalid-config",
                    format!("cannot read the resolver {}: {}", e.path.display(), e.error),
                )
                .at(span, "named here")
                .with_help("the path is relative to tokenc.toml");
                reporter.report(&self.files, &[d]);
                ExitCode::from(1)
            }
            None => reporter.usage(&format!("cannot read {}: {}", e.path.display(), e.error)),
        }
    }
}

struct Reporter {
    format: MessageFormat,
    color: bool,
    quiet: bool,
}

impl Reporter {
    fn new(args: &OutputArgs) -> Reporter {
        let color = match args.color.unwrap_or_default() {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Reporter {
            format: args.message_format.unwrap_or_default(),
            color,
            quiet: args.quiet,
        }
    }

    fn report(&self, files: &SourceMap, diagnostics: &[Diagnostic]) {
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        for d in diagnostics {
            if self.quiet && !d.is_error() {
                continue;
            }
            let text = match self.format {
                MessageFormat::Human => render_human(files, d, self.color),
                MessageFormat::Json => format!("{}\n", render_json(files, d)),
                MessageFormat::Github => format!("{}\n", render_github(files, d)),
            };
            let _ = err.write_all(text.as_bytes());
        }
        if self.format == MessageFormat::Human
            && let Some(line) = summary(diagnostics)
            && (!self.quiet || diagnostics.iter().any(Diagnostic::is_error))
        {
            let _ = writeln!(err, "{line}");
        }
    }

    fn usage(&self, message: &str) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "error: {message}");
        ExitCode::from(2)
    }
}

/// Runs the command line.
pub(crate) fn run() -> ExitCode {
    tokenc::timing::mark("started");
    let cli = Cli::parse();
    let (command, source, output) = match cli.command {
        None => ("build", cli.build, cli.output),
        Some(Command::Build { source, output }) => ("build", source, output),
        Some(Command::Check { source, output }) => ("check", source, output),
        Some(Command::Explain { code }) => return explain(code.as_deref()),
        Some(Command::Watch { source, output }) => return watch::watch(&source, &output),
        Some(Command::Init { dir, output }) => {
            let reporter = Reporter::new(&output);
            return init(&reporter, dir.unwrap_or_else(|| PathBuf::from(".")));
        }
        Some(Command::Audit {
            source,
            strict,
            paths,
            output,
        }) => return audit(&source, &output, &paths, strict),
        Some(Command::Import {
            file,
            out,
            force,
            output,
        }) => {
            let source = SourceArgs {
                resolver: Some(file),
                ..SourceArgs::default()
            };
            return convert(&source, &output, &out, force, Target::Toml);
        }
        Some(Command::Export {
            config,
            resolver,
            out,
            force,
            output,
        }) => {
            let source = SourceArgs {
                config,
                resolver,
                out_dir: None,
            };
            return convert(&source, &output, &out, force, Target::Json);
        }
        Some(Command::Contrast {
            source,
            format,
            output,
        }) => {
            let reporter = Reporter::new(&output);
            return contrast(&reporter, &source, &output, format);
        }
        Some(Command::Resolve {
            source,
            inputs,
            all_permutations,
            format,
            output,
        }) => {
            let reporter = Reporter::new(&output);
            return resolve(
                &reporter,
                &source,
                &output,
                &inputs,
                all_permutations,
                format,
            );
        }
    };
    let reporter = Reporter::new(&output);
    let job = match job(&reporter, &source, &output) {
        Ok(Ok(job)) => job,
        Ok(Err(code)) => return code,
        Err(UsageError(message)) => return reporter.usage(&message),
    };
    let loader = loader();
    if command == "check" {
        return check(&reporter, &job, &loader);
    }
    build(&reporter, &job, &loader, None).0
}

/// `check`: the whole pipeline, and the outputs on disk compared; writes nothing.
fn check(reporter: &Reporter, job: &Job, loader: &DiskLoader) -> ExitCode {
    let compilation = match tokenc::compile_with(loader, &job.settings, job.files.clone()) {
        Ok(c) => c,
        Err(e) => return job.entry_error(reporter, &e),
    };
    let mut diagnostics = compilation.diagnostics;
    if let Some(outputs) = compilation.outputs
        && job.compare
    {
        for (path, contents) in planned(job, outputs) {
            let current = std::fs::read(&path).ok();
            if current.as_deref() != Some(contents.as_bytes()) {
                let state = if current.is_none() {
                    "missing"
                } else {
                    "stale"
                };
                diagnostics.push(
                    Diagnostic::error(
                        "stale-output",
                        format!("{} is {state}", loader.display(&path)),
                    )
                    .with_help("run `tokenc build` and commit the result"),
                );
            }
        }
    }
    reporter.report(&compilation.files, &diagnostics);
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    ExitCode::from(u8::from(failed))
}

/// The outputs paired with where the job writes them.
fn planned(job: &Job, outputs: tokenc::Outputs) -> Vec<(PathBuf, String)> {
    let mut planned = Vec::new();
    if let Some(p) = &job.css_output {
        planned.push((p.clone(), outputs.css));
    }
    if let Some(p) = &job.rust_output {
        planned.push((p.clone(), outputs.rust));
    }
    planned
}

/// An output path that is also a file the build read (a token file, the resolver, the config):
/// writing it would destroy the source, so the build stops with a located error instead.
fn outputs_that_are_inputs(job: &Job, files: &SourceMap) -> Vec<Diagnostic> {
    let inputs: Vec<&Path> = (0..files.len())
        .map(|i| files.path(tokenc::source::FileId(i as u32)))
        .collect();
    // Real paths (through links) of the inputs, found once and only when an output exists:
    // one that does not exist yet cannot be a file that was read.
    let mut real_inputs: Option<Vec<Option<PathBuf>>> = None;
    let mut out = Vec::new();
    for output in [&job.css_output, &job.rust_output].into_iter().flatten() {
        let found = match std::fs::canonicalize(output) {
            Ok(real) => {
                let reals = real_inputs.get_or_insert_with(|| {
                    inputs
                        .iter()
                        .map(|i| std::fs::canonicalize(i).ok())
                        .collect()
                });
                inputs
                    .iter()
                    .zip(reals.iter())
                    .find(|(i, r)| **i == output || r.as_ref() == Some(&real))
                    .map(|(i, _)| i)
            }
            Err(_) => inputs.iter().find(|i| **i == output),
        };
        let Some(input) = found else {
            continue;
        };
        let mut d = Diagnostic::error(
            "invalid-config",
            format!(
                "the output {} is also a file tokenc reads",
                output.display()
            ),
        )
        .with_help(format!(
            "write the outputs somewhere else: {} would be overwritten",
            input.display()
        ));
        if let Some((_, span)) = job.output_spans.iter().find(|(p, _)| p == output) {
            d = d.at(*span, "an input, not an output");
        }
        out.push(d);
    }
    out
}

/// `build`: compiles and writes the outputs, all or none. Returns the exit code and every file
/// read (for `watch`), when the entry could be read. Each output goes to a temporary file as soon
/// as it is built, while the build goes on checking; they are put in place only when the build
/// succeeds, and removed otherwise.
fn build(
    reporter: &Reporter,
    job: &Job,
    loader: &DiskLoader,
    cache: Option<&mut tokenc::load::SourceCache>,
) -> (ExitCode, Option<SourceMap>) {
    let prepared = std::sync::Mutex::new(Vec::new());
    let ready = |kind: tokenc::OutputKind, text: &str| {
        let path = match kind {
            tokenc::OutputKind::Css => &job.css_output,
            tokenc::OutputKind::Rust => &job.rust_output,
        };
        if let Some(path) = path {
            let done = output::prepare(&DiskFs, path, text.as_bytes());
            // (Should the lock be poisoned, the output is prepared again below.)
            if let Ok(mut list) = prepared.lock() {
                list.push(done);
            }
        }
    };
    let compiled =
        tokenc::compile_streaming(loader, &job.settings, job.files.clone(), cache, &ready);
    let mut prepared: Vec<Result<output::Prepared, output::WriteError>> =
        prepared.into_inner().unwrap_or_default();
    let give_up = |prepared: &[Result<output::Prepared, output::WriteError>]| {
        output::discard(&DiskFs, prepared.iter().flatten());
    };
    let mut compilation = match compiled {
        Ok(c) => c,
        Err(e) => {
            give_up(&prepared);
            return (job.entry_error(reporter, &e), None);
        }
    };
    tokenc::timing::mark("compiled");
    let clashes = outputs_that_are_inputs(job, &compilation.files);
    if !clashes.is_empty() {
        compilation.diagnostics.extend(clashes);
        compilation.outputs = None;
    }
    reporter.report(&compilation.files, &compilation.diagnostics);
    let Some(outputs) = compilation.outputs else {
        give_up(&prepared);
        return (ExitCode::from(1), Some(compilation.files));
    };
    // Every planned output, in order: as prepared while building (or now, should one not
    // have been handed over).
    let mut ready_files = Vec::new();
    let mut failure = None;
    for (path, text) in planned(job, outputs) {
        let at = prepared.iter().position(|p| match p {
            Ok(p) => p.path() == path,
            Err(e) => e.path == path,
        });
        let done = match at {
            Some(i) => prepared.swap_remove(i),
            None => output::prepare(&DiskFs, &path, text.as_bytes()),
        };
        match done {
            Ok(p) => ready_files.push(p),
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    give_up(&prepared);
    let written = match failure {
        Some(e) => {
            output::discard(&DiskFs, &ready_files);
            Err(e)
        }
        None => output::commit(&DiskFs, ready_files),
    };
    tokenc::timing::mark("written");
    let code = match written {
        Ok(report) => {
            if !reporter.quiet {
                let _ = writeln!(
                    std::io::stderr(),
                    "tokenc: wrote {} file(s), {} unchanged",
                    report.written.len(),
                    report.unchanged.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => reporter.usage(&format!(
            "cannot write {}: {} (no output was changed)",
            e.path.display(),
            e.error
        )),
    };
    (code, Some(compilation.files))
}

fn loader() -> DiskLoader {
    DiskLoader {
        cwd: std::env::current_dir().unwrap_or_default(),
    }
}

impl DiskLoader {
    fn display(&self, path: &Path) -> String {
        tokenc::SourceLoader::display_name(self, path)
    }
}

/// Works out the entry, settings and outputs from `--config`/`--resolver`. A config with errors
/// is reported here (exit 1).
fn job(
    reporter: &Reporter,
    source: &SourceArgs,
    output: &OutputArgs,
) -> Result<Result<Job, ExitCode>, UsageError> {
    let mut job = job_without_levels(reporter, source)?;
    if let Ok(job) = &mut job {
        output.levels(&mut job.settings.levels)?;
    }
    Ok(job)
}

fn job_without_levels(
    reporter: &Reporter,
    source: &SourceArgs,
) -> Result<Result<Job, ExitCode>, UsageError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Some(resolver) = &source.resolver {
        let entry = tokenc::source::normalize(&cwd.join(resolver));
        let out = tokenc::source::normalize(
            &cwd.join(
                source
                    .out_dir
                    .clone()
                    .unwrap_or_else(|| "tokenc-out".into()),
            ),
        );
        return Ok(Ok(Job {
            settings: Settings::for_resolver(&entry),
            files: SourceMap::new(),
            css_output: Some(out.join("tokens.css")),
            rust_output: Some(out.join("tokens.rs")),
            compare: source.out_dir.is_some(),
            resolver_span: None,
            output_spans: Vec::new(),
        }));
    }
    let config_path = match &source.config {
        Some(c) => cwd.join(c),
        None => default_config(&cwd).ok_or_else(|| {
            UsageError(
                "no tokenc.toml here or in ./tokens; pass --config FILE or --resolver FILE".into(),
            )
        })?,
    };
    let config_path = tokenc::source::normalize(&config_path);
    let loader = loader();
    let mut files = SourceMap::new();
    let text = match tokenc::source::SourceLoader::read(&loader, &config_path) {
        Ok(text) => text,
        // Not text: a located content error (exit 1), shown with the bad bytes replaced.
        Err(tokenc::source::LoadError::InvalidUtf8 {
            valid_up_to, lossy, ..
        }) => {
            let id = files.add(loader.display(&config_path), config_path.clone(), lossy);
            let d = tokenc::source::not_utf8(
                &files,
                id,
                valid_up_to,
                "save it as UTF-8: tokenc.toml must be",
            );
            reporter.report(&files, &[d]);
            return Ok(Err(ExitCode::from(1)));
        }
        Err(e) => {
            return Err(UsageError(format!(
                "cannot read {}: {e}",
                config_path.display()
            )));
        }
    };
    let id = files.add(loader.display(&config_path), config_path.clone(), text);
    match tokenc::config::load_config(&loader, &mut files, id, &config_path) {
        Ok(config) => Ok(Ok(Job {
            settings: Settings::from_config(&config),
            css_output: config.css_output.clone(),
            rust_output: config.rust_output.clone(),
            resolver_span: Some(config.resolver_span),
            output_spans: config.output_spans.clone(),
            files,
            compare: true,
        })),
        Err(diagnostics) => {
            reporter.report(&files, &diagnostics);
            Ok(Err(ExitCode::from(1)))
        }
    }
}

/// The config found without `--config`: `./tokenc.toml`, else `./tokens/tokenc.toml`.
fn default_config(cwd: &Path) -> Option<PathBuf> {
    ["tokenc.toml", "tokens/tokenc.toml"]
        .iter()
        .map(|p| cwd.join(p))
        .find(|p| p.is_file())
}

/// The job and its loaded project, for the commands that inspect tokens without building.
fn load_project(
    reporter: &Reporter,
    source: &SourceArgs,
    output: &OutputArgs,
) -> Result<(Job, tokenc::Project), ExitCode> {
    let job = match job(reporter, source, output) {
        Ok(Ok(job)) => job,
        Ok(Err(code)) => return Err(code),
        Err(UsageError(message)) => return Err(reporter.usage(&message)),
    };
    let loader = loader();
    match tokenc::load::load(
        &loader,
        &job.settings.entry,
        &job.settings.roots,
        job.files.clone(),
    ) {
        Ok(project) => Ok((job, project)),
        Err(e) => Err(job.entry_error(reporter, &e)),
    }
}

fn resolve(
    reporter: &Reporter,
    source: &SourceArgs,
    output: &OutputArgs,
    inputs: &[String],
    all: bool,
    format: DataFormat,
) -> ExitCode {
    let (job, project) = match load_project(reporter, source, output) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let selection = match tokenc::parse_inputs(&project, inputs) {
        Ok(s) => s,
        Err(e) => return reporter.usage(&e.0),
    };
    let (value, diagnostics) = tokenc::resolve_json(&project, &selection, all, &job.settings);
    let mut stdout = std::io::stdout().lock();
    let text = match format {
        DataFormat::Json => serde_json::to_string_pretty(&value).unwrap_or_default(),
        DataFormat::Table => table(&value, all),
    };
    let _ = writeln!(stdout, "{text}");
    reporter.report(&project.files, &diagnostics);
    ExitCode::from(u8::from(diagnostics.iter().any(Diagnostic::is_error)))
}

fn table(value: &serde_json::Value, all: bool) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut add = |perm: &str, tokens: &serde_json::Value| {
        for (path, entry) in tokens.as_object().into_iter().flatten() {
            let field = |k: &str| {
                entry
                    .get(k)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            let mut row = vec![path.clone(), field("type"), field("css")];
            if all {
                row.insert(0, perm.to_string());
            }
            rows.push(row);
        }
    };
    if all {
        for (perm, tokens) in value.as_object().into_iter().flatten() {
            add(perm, tokens);
        }
    } else {
        add("", value);
    }
    let headers: &[&str] = if all {
        &["permutation", "token", "type", "css"]
    } else {
        &["token", "type", "css"]
    };
    columns(headers, &rows)
}

/// Left-aligned columns separated by two spaces; the last column is not padded.
fn columns(headers: &[&str], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..headers.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([headers[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    let mut out = vec![line(headers.to_vec())];
    for r in rows {
        out.push(line(r.iter().map(String::as_str).collect()));
    }
    out.join("\n")
}

fn contrast(
    reporter: &Reporter,
    source: &SourceArgs,
    output: &OutputArgs,
    format: DataFormat,
) -> ExitCode {
    let (job, project) = match load_project(reporter, source, output) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let (outcomes, diagnostics) = tokenc::contrast_report(&project, &job.settings);
    let text = match format {
        DataFormat::Json => {
            let rows: Vec<serde_json::Value> = outcomes
                .iter()
                .map(|o| {
                    serde_json::json!({
                        "foreground": o.foreground, "background": o.background,
                        "permutation": o.permutation, "ratio": (o.ratio * 100.0).round() / 100.0,
                        "min": o.min, "pass": o.passes(), "apca": (o.apca * 10.0).round() / 10.0,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        }
        DataFormat::Table => {
            let rows: Vec<Vec<String>> = outcomes
                .iter()
                .map(|o| {
                    vec![
                        o.foreground.clone(),
                        o.background.clone(),
                        if o.permutation.is_empty() {
                            "-".into()
                        } else {
                            o.permutation.clone()
                        },
                        format!("{:.2}", o.ratio),
                        format!("{}", o.min),
                        if o.passes() {
                            "pass".into()
                        } else {
                            "FAIL".into()
                        },
                    ]
                })
                .collect();
            columns(
                &[
                    "foreground",
                    "background",
                    "permutation",
                    "ratio",
                    "min",
                    "result",
                ],
                &rows,
            )
        }
    };
    let _ = writeln!(std::io::stdout().lock(), "{text}");
    reporter.report(&project.files, &diagnostics);
    ExitCode::from(u8::from(diagnostics.iter().any(Diagnostic::is_error)))
}

/// `audit`: every file under `paths` checked against the token set's default permutation.
fn audit(source: &SourceArgs, output: &OutputArgs, paths: &[PathBuf], strict: bool) -> ExitCode {
    use tokenc::audit::{Kind, TokenIndex, audit_file};
    let reporter = Reporter::new(output);
    let (job, project) = match load_project(&reporter, source, output) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let prefix = job.settings.css.prefix.clone();
    let mut perms = tokenc::permute::Permutations::new(&project, &prefix);
    let defaults = perms.with(&[]);
    let resolved = perms.get(&defaults);
    let index = TokenIndex::new(&resolved, &prefix);
    let mut files = SourceMap::new();
    let mut queue: Vec<PathBuf> = paths.to_vec();
    let mut listed = Vec::new();
    while let Some(path) = queue.pop() {
        if path.is_dir() {
            let skip = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                (n.starts_with('.') && n != "." && n != "..")
                    || n == "target"
                    || n == "node_modules"
            });
            if skip && !paths.contains(&path) {
                continue;
            }
            match std::fs::read_dir(&path) {
                Ok(entries) => queue.extend(entries.flatten().map(|e| e.path())),
                Err(e) => return reporter.usage(&format!("cannot read {}: {e}", path.display())),
            }
        } else if let Some(kind) = Kind::of(&path) {
            listed.push((path, kind));
        } else if paths.contains(&path) && !path.exists() {
            return reporter.usage(&format!("{} does not exist", path.display()));
        }
    }
    listed.sort_by(|a, b| a.0.cmp(&b.0));
    let loader = loader();
    let mut diagnostics = Vec::new();
    let mut checked = 0;
    for (path, kind) in &listed {
        // Not text (or not UTF-8): nothing a stylesheet could read.
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let id = files.add(loader.display(path), path.clone(), text);
        checked += 1;
        diagnostics.extend(audit_file(&files, id, *kind, &index));
    }
    let mut diagnostics = job.settings.levels.apply(diagnostics);
    if strict {
        for d in &mut diagnostics {
            d.severity = tokenc::Severity::Error;
        }
    }
    reporter.report(&files, &diagnostics);
    if !reporter.quiet {
        let _ = writeln!(
            std::io::stderr(),
            "tokenc audit: {} finding(s) in {checked} file(s)",
            diagnostics.len()
        );
    }
    ExitCode::from(u8::from(strict && !diagnostics.is_empty()))
}

/// `import` and `export`: converts the job's entry and writes the files, all or none.
fn convert(
    source: &SourceArgs,
    output: &OutputArgs,
    out: &Path,
    force: bool,
    target: Target,
) -> ExitCode {
    let reporter = Reporter::new(output);
    let job = match job(&reporter, source, output) {
        Ok(Ok(job)) => job,
        Ok(Err(code)) => return code,
        Err(UsageError(message)) => return reporter.usage(&message),
    };
    let loader = loader();
    let conversion =
        match tokenc::convert::convert(&loader, &job.settings, job.files.clone(), target) {
            Ok(c) => c,
            Err(e) => return job.entry_error(&reporter, &e),
        };
    reporter.report(&conversion.sources, &conversion.diagnostics);
    if conversion.has_errors() {
        return ExitCode::from(1);
    }
    let files: Vec<(PathBuf, String)> = conversion
        .files
        .iter()
        .map(|(p, text)| (out.join(p), text.clone()))
        .collect();
    let existing = existing(&files);
    if !existing.is_empty() && !force {
        return reporter.usage(&format!(
            "refusing to overwrite {}; pass --force to replace them",
            existing.join(", ")
        ));
    }
    match write_outputs(&DiskFs, &files) {
        Ok(_) => {
            if !reporter.quiet {
                let entry = out.join(&conversion.entry);
                let next = match target {
                    Target::Toml => format!("`tokenc build --resolver {}`", entry.display()),
                    Target::Json => "open it in any DTCG tool".to_string(),
                };
                let _ = writeln!(
                    std::io::stderr(),
                    "tokenc: wrote {} files to {} (entry {}); next: {next}",
                    files.len(),
                    out.display(),
                    entry.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => reporter.usage(&format!("cannot write {}: {}", e.path.display(), e.error)),
    }
}

/// The planned files that already exist, for the refusal to overwrite them.
fn existing(files: &[(PathBuf, String)]) -> Vec<String> {
    files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.display().to_string())
        .collect()
}

fn init(reporter: &Reporter, dir: PathBuf) -> ExitCode {
    let files: Vec<(PathBuf, String)> = tokenc::init::FILES
        .iter()
        .map(|(name, text)| (dir.join(name), (*text).to_string()))
        .collect();
    let existing = existing(&files);
    if !existing.is_empty() {
        return reporter.usage(&format!(
            "refusing to overwrite {}; choose an empty folder: `tokenc init DIR`",
            existing.join(", ")
        ));
    }
    match write_outputs(&DiskFs, &files) {
        Ok(_) => {
            if !reporter.quiet {
                let _ = writeln!(
                    std::io::stderr(),
                    "tokenc: wrote a starter token set to {}; next: `tokenc build --config {}`",
                    dir.display(),
                    dir.join("tokenc.toml").display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => reporter.usage(&format!("cannot write {}: {}", e.path.display(), e.error)),
    }
}

fn explain(code: Option<&str>) -> ExitCode {
    use tokenc::validate::{RULES, rule};
    let mut out = std::io::stdout().lock();
    let Some(code) = code else {
        for r in RULES {
            let _ = writeln!(out, "{:<24} {}", r.code, r.summary);
        }
        return ExitCode::SUCCESS;
    };
    match rule(code) {
        Some(r) => {
            let level = match r.level {
                None => "always an error".to_string(),
                Some(l) => format!("lint, default {l:?}").to_lowercase(),
            };
            let _ = writeln!(out, "{} ({level}): {}\n\n{}", r.code, r.summary, r.doc);
            ExitCode::SUCCESS
        }
        None => {
            let hint = tokenc::diagnostics::did_you_mean(code, RULES.iter().map(|r| r.code))
                .map(|m| format!("; did you mean `{m}`?"))
                .unwrap_or_default();
            let _ = writeln!(std::io::stderr(), "error: unknown code `{code}`{hint}");
            ExitCode::from(2)
        }
    }
}
