use crate::support::{assert_parses_back, assert_rustfmt_stable, tokenc_bin, workspace_dir};

/// `tokenc check` fails when a committed output differs from what `tokenc build` would write,
/// and Crust's token set must pass it without a single warning.
#[test]
fn committed_token_outputs_are_fresh() {
    let root = workspace_dir();
    let out = std::process::Command::new(tokenc_bin())
        .current_dir(&root)
        .args([
            "check",
            "--config",
            "tokens/tokenc.toml",
            "--color",
            "never",
        ])
        .output()
        .expect("run tokenc");
    assert!(
        out.status.success(),
        "generated files are stale; run `cargo xtask regen` (or `tokenc build --config tokens/tokenc.toml`):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("warning"),
        "the token set must build without warnings:\n{stderr}"
    );
}

#[test]
fn committed_outputs_are_valid() {
    let root = workspace_dir();
    let css =
        std::fs::read_to_string(root.join("components/styles/tokens.css")).expect("tokens.css");
    assert_parses_back(&css);
    assert_eq!(css, crust_ui::TOKENS_CSS);
    let rust = std::fs::read_to_string(root.join("components/src/tokens.rs")).expect("tokens.rs");
    assert_rustfmt_stable(&rust, &root);
}

#[test]
fn crust_ui_sees_the_generated_tokens() {
    use crust_ui::tokens::{Theme, color};
    assert_eq!(color::bg::CANVAS.name(), "--crust-color-bg-canvas");
    assert_eq!(
        color::accent::SOLID.to_string(),
        "var(--crust-color-accent-solid)"
    );
    assert_eq!(Theme::default(), Theme::Light);
    assert_eq!(Theme::parse("DARK"), Some(Theme::Dark));
    assert!(crust_ui::TOKENS_CSS.contains("--crust-color-bg-canvas"));
}

/// `docs/diagnostics.md` is generated from the rule files and the rule fixtures.
/// `cargo xtask regen` rewrites it (it runs this test with `TOKENC_BLESS=1`).
#[test]
fn diagnostics_reference_is_fresh() {
    let example = |code: &str| {
        let dir = crate::support::crate_dir()
            .join("fixtures/rules")
            .join(code);
        if !dir.is_dir() {
            return None;
        }
        let (rendered, _) = crate::support::check(&dir);
        let diagnostics = rendered.split("\n=== ").next().unwrap_or("");
        // The diagnostics without the summary line.
        let body: Vec<&str> = diagnostics
            .lines()
            .filter(|l| !(l.starts_with("error: ") || l.starts_with("warning: ")))
            .collect();
        Some(format!("{}\n", body.join("\n").trim_end()))
    };
    let expected = tokenc::validate::reference_markdown(&example);
    let path = workspace_dir().join("docs/diagnostics.md");
    if std::env::var_os("TOKENC_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/diagnostics.md is stale: run `cargo xtask regen`"
    );
}
