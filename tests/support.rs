use std::path::{Path, PathBuf};

use tokenc::diagnostics::render_human;
use tokenc::{MemoryLoader, Settings};

/// The folder of this crate.
pub(crate) fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root.
pub(crate) fn workspace_dir() -> PathBuf {
    crate_dir()
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The built `tokenc` binary (cargo builds it for integration tests of the workspace).
pub(crate) fn tokenc_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>");
    let bin = dir.join(format!("tokenc{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build -p tokenc` first",
        bin.display()
    );
    bin
}

/// Runs the `tokenc` binary in `dir` without colours.
pub(crate) fn tokenc_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(tokenc_bin())
        .current_dir(dir)
        .args(args)
        .args(["--color", "never"])
        .output()
        .expect("run tokenc")
}

/// What a run printed on stderr.
pub(crate) fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The case folders of `fixtures/<kind>/`, sorted.
pub(crate) fn fixture_dirs(kind: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(crate_dir().join("fixtures").join(kind))
        .unwrap_or_else(|e| panic!("fixtures/{kind}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Every file under `dir`, at any depth, sorted.
pub(crate) fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for path in std::fs::read_dir(&d)
            .expect("fixture folder")
            .flatten()
            .map(|e| e.path())
        {
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Loads every file of a fixture folder into memory, under the display path `fixtures/<kind>/<name>/…`.
pub(crate) fn fixture_loader(dir: &Path) -> (MemoryLoader, PathBuf) {
    let mut loader = MemoryLoader::new();
    let base = crate_dir();
    let mut entry = None;
    {
        for path in files_under(dir) {
            let rel = path
                .strip_prefix(&base)
                .expect("inside tests/")
                .to_path_buf();
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        loader.insert(&rel, text);
                    }
                    Err(e) => {
                        loader.insert_error(
                            &rel,
                            tokenc::LoadError::invalid_utf8(
                                e.as_bytes(),
                                e.utf8_error().valid_up_to(),
                            ),
                        );
                    }
                },
                Err(e) => panic!("{}: {e}", path.display()),
            }
            let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let is_entry = name.starts_with("entry.") || name.contains(".resolver.");
            if is_entry && path.parent() == Some(dir) {
                entry = Some(rel);
            }
        }
    }
    let entry =
        entry.unwrap_or_else(|| panic!("{}: no entry.* or *.resolver.* file", dir.display()));
    (loader, entry)
}

/// Compiles a fixture (with its `tokenc.toml` when it has one) and renders diagnostics, outputs
/// and every permutation's resolved values.
pub(crate) fn check(dir: &Path) -> (String, bool) {
    let (loader, entry) = fixture_loader(dir);
    let config_path = dir.join("tokenc.toml");
    let mut files = tokenc::SourceMap::new();
    let mut settings = Settings::for_resolver(&entry);
    settings.css.prefix = "t".into();
    if config_path.exists() {
        let rel = config_path
            .strip_prefix(crate_dir())
            .expect("inside tests/")
            .to_path_buf();
        let text = std::fs::read_to_string(&config_path).expect("config");
        let id = files.add(rel.display().to_string(), rel.clone(), text);
        match tokenc::parse_config(&files, id, &rel) {
            Ok(config) => settings = Settings::from_config(&config),
            Err(diagnostics) => {
                let rendered: String = diagnostics
                    .iter()
                    .map(|d| render_human(&files, d, false))
                    .collect();
                return (rendered, true);
            }
        }
    }
    let compilation = tokenc::compile_with(&loader, &settings, files).expect("entry readable");
    let mut out = String::new();
    for d in &compilation.diagnostics {
        out.push_str(&render_human(&compilation.files, d, false));
    }
    if let Some(line) = tokenc::diagnostics::summary(&compilation.diagnostics) {
        out.push_str(&line);
        out.push('\n');
    }
    let failed = compilation.has_errors();
    if let Some(outputs) = &compilation.outputs {
        assert_parses_back(&outputs.css);
        assert_rustfmt_stable(&outputs.rust, dir);
        assert_rust_compiles(&outputs.rust, dir);
        out.push_str("\n=== tokens.css ===\n");
        out.push_str(&outputs.css);
        out.push_str("\n=== tokens.rs (after the fixed prelude) ===\n");
        out.push_str(rust_body(&outputs.rust));
    }
    let project = tokenc::load::load(&loader, &entry, &settings.roots, tokenc::SourceMap::new())
        .expect("entry readable");
    let (json, _) = tokenc::resolve_json(&project, &[], true, &settings);
    out.push_str("\n=== resolve --all-permutations ===\n");
    out.push_str(&serde_json::to_string_pretty(&json).expect("json"));
    out.push('\n');
    (out, failed)
}

/// The generated Rust without the prelude that is the same in every file.
pub(crate) fn rust_body(rust: &str) -> &str {
    let marker = "pub type TypographyToken = Token<kind::Typography>;\n";
    match rust.find(marker) {
        Some(i) => &rust[i + marker.len()..],
        None => rust,
    }
}

/// Every stylesheet tokenc writes must parse back, without error recovery.
pub(crate) fn assert_parses_back(css: &str) {
    use lightningcss::stylesheet::{ParserOptions, StyleSheet};
    let options = ParserOptions {
        error_recovery: false,
        ..ParserOptions::default()
    };
    if let Err(e) = StyleSheet::parse(css, options) {
        panic!("tokens.css does not parse back: {e}\n{css}");
    }
}

/// Runs `program` on `rust` saved as `tokens.rs` in a fresh folder (passed as the last
/// argument; `{dir}` in `args` stands for that folder) and fails the test with `problem` and the
/// tool's output when it fails.
fn assert_tool_accepts(rust: &str, label: &Path, program: &str, args: &[&str], problem: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tokens.rs");
    std::fs::write(&file, rust).expect("write");
    let folder = dir.path().display().to_string();
    let out = std::process::Command::new(program)
        .args(args.iter().map(|a| a.replace("{dir}", &folder)))
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{program} comes with the toolchain: {e}"));
    assert!(
        out.status.success(),
        "tokens.rs of {} {problem}:\n{}{}",
        label.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Generated Rust must be exactly what rustfmt prints, so `cargo fmt --check` passes on it.
pub(crate) fn assert_rustfmt_stable(rust: &str, label: &Path) {
    let args = ["--edition", "2024", "--check"];
    assert_tool_accepts(rust, label, "rustfmt", &args, "is not rustfmt-stable");
}

/// Generated Rust must compile without warnings, documentation included.
pub(crate) fn assert_rust_compiles(rust: &str, label: &Path) {
    let args = [
        "--edition",
        "2024",
        "--crate-type",
        "lib",
        "--emit",
        "metadata",
        "-D",
        "warnings",
        "-W",
        "missing-docs",
        "--out-dir",
        "{dir}",
    ];
    assert_tool_accepts(rust, label, "rustc", &args, "does not compile");
}
