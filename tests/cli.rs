use std::path::Path;
use std::process::{Command, Output};

use crate::support::{crate_dir, stderr, tokenc_bin, tokenc_in as tokenc};

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const THEMED: &str = r##"
version = "2025.10"
resolutionOrder = [{ "$ref" = "#/sets/base" }, { "$ref" = "#/modifiers/theme" }]

[sets.base]
sources = [{ "$ref" = "base.toml" }]

[modifiers.theme]
default = "light"
contexts.light = []
contexts.dark = [{ "$ref" = "dark.toml" }]
"##;

fn themed_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.resolver.toml", THEMED);
    write(
        dir.path(),
        "base.toml",
        "[color]\n\"$type\" = \"color\"\nbg = { \"$value\" = { colorSpace = \"srgb\", components = [1, 1, 1] } }\nfg = { \"$value\" = \"{color.bg}\" }\n",
    );
    write(
        dir.path(),
        "dark.toml",
        "[color]\nbg = { \"$value\" = { colorSpace = \"srgb\", components = [0, 0, 0] } }\n",
    );
    dir
}

#[test]
fn build_writes_then_leaves_unchanged_files_alone() {
    let dir = themed_project();
    let out = tokenc(
        dir.path(),
        &["build", "--resolver", "t.resolver.toml", "--out-dir", "gen"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let css = std::fs::read_to_string(dir.path().join("gen/tokens.css")).unwrap();
    assert!(css.contains(":where([data-theme=\"dark\"])"), "{css}");
    assert!(css.contains("--color-fg: var(--color-bg);"), "{css}");
    assert!(dir.path().join("gen/tokens.rs").exists());
    let modified = std::fs::metadata(dir.path().join("gen/tokens.css"))
        .unwrap()
        .modified()
        .unwrap();
    let again = tokenc(
        dir.path(),
        &["--resolver", "t.resolver.toml", "--out", "gen"],
    );
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stderr(&again).contains("0 file(s), 2 unchanged"),
        "{}",
        stderr(&again)
    );
    let after = std::fs::metadata(dir.path().join("gen/tokens.css"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(modified, after);
    // check compares only with --out-dir, and then passes.
    let check = tokenc(
        dir.path(),
        &["check", "--resolver", "t.resolver.toml", "--out-dir", "gen"],
    );
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    std::fs::write(dir.path().join("gen/tokens.css"), "stale").unwrap();
    let check = tokenc(
        dir.path(),
        &["check", "--resolver", "t.resolver.toml", "--out-dir", "gen"],
    );
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stderr(&check).contains("error[stale-output]: gen/tokens.css is stale"),
        "{}",
        stderr(&check)
    );
    let unchecked = tokenc(dir.path(), &["check", "--resolver", "t.resolver.toml"]);
    assert_eq!(unchecked.status.code(), Some(0));
}

#[test]
fn errors_write_nothing_not_even_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.toml",
        "a = { \"$type\" = \"number\", \"$value\" = \"{b}\" }\n",
    );
    let out = tokenc(
        dir.path(),
        &["build", "--resolver", "t.toml", "--out-dir", "gen"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("t.toml:1:38"), "{}", stderr(&out));
    assert!(
        stderr(&out).ends_with("error: 1 error\n"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("gen").exists());
}

/// Outputs go to temporary files as soon as they are built, while the build goes on checking:
/// a build that then fails removes them, and the folders made for them.
#[test]
fn a_failed_build_leaves_no_temporary_file_and_no_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.toml",
        "a = { \"$type\" = \"number\", \"$value\" = 1 }\n",
    );
    let ok = tokenc(
        dir.path(),
        &["build", "--resolver", "t.toml", "--out-dir", "gen"],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let listing = |path: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = listing(&dir.path().join("gen"));
    let css = std::fs::read(dir.path().join("gen/tokens.css")).unwrap();
    // Now a value changes (so both outputs would change) and an alias breaks.
    write(
        dir.path(),
        "t.toml",
        "a = { \"$type\" = \"number\", \"$value\" = 2 }\nb = { \"$type\" = \"number\", \"$value\" = \"{c}\" }\n",
    );
    for out_dir in ["gen", "gen/new/deeper"] {
        let failed = tokenc(
            dir.path(),
            &["build", "--resolver", "t.toml", "--out-dir", out_dir],
        );
        assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
        assert_eq!(listing(&dir.path().join("gen")), before, "{out_dir}");
        assert_eq!(
            std::fs::read(dir.path().join("gen/tokens.css")).unwrap(),
            css
        );
    }
}

#[test]
fn a_failed_write_exits_2_and_changes_nothing() {
    let dir = themed_project();
    // A file where the output folder should be: creating the folder fails.
    write(dir.path(), "gen", "not a folder");
    let out = tokenc(
        dir.path(),
        &["build", "--resolver", "t.resolver.toml", "--out-dir", "gen"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("gen")).unwrap(),
        "not a folder"
    );
}

/// On the real disk: the second output cannot be moved aside (a folder squats on the name of
/// its backup) after the first was already replaced. The first gets its old bytes back, the
/// second is untouched, no temporary file is left, and a later good run still works.
#[test]
fn a_failed_rename_puts_back_the_files_already_replaced() {
    let dir = themed_project();
    let gen_dir = dir.path().join("gen");
    let squatter = gen_dir.join(".tokens.rs.tokenc-bak");
    std::fs::create_dir_all(&squatter).unwrap();
    std::fs::write(squatter.join("in-the-way"), "x").unwrap();
    std::fs::write(gen_dir.join("tokens.css"), "old css").unwrap();
    std::fs::write(gen_dir.join("tokens.rs"), "old rs").unwrap();
    let listing = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let out = tokenc(
        dir.path(),
        &["build", "--resolver", "t.resolver.toml", "--out-dir", "gen"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("tokens.rs"), "{}", stderr(&out));
    let read = |name: &str| std::fs::read_to_string(gen_dir.join(name)).unwrap();
    assert_eq!(read("tokens.css"), "old css");
    assert_eq!(read("tokens.rs"), "old rs");
    assert_eq!(
        listing(&gen_dir),
        [".tokens.rs.tokenc-bak", "tokens.css", "tokens.rs"]
    );
    std::fs::remove_dir_all(&squatter).unwrap();
    let out = tokenc(
        dir.path(),
        &["build", "--resolver", "t.resolver.toml", "--out-dir", "gen"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(read("tokens.css").contains("--color-fg"));
    assert_eq!(listing(&gen_dir), ["tokens.css", "tokens.rs"]);
}

/// Runs tokenc, checks its exit code and that stderr mentions `needle`; returns the output.
fn expect(dir: &Path, args: &[&str], code: i32, needle: &str) -> Output {
    let out = tokenc(dir, args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "tokenc {args:?}: {err}");
    assert!(
        err.contains(needle),
        "tokenc {args:?}: expected `{needle}` in:\n{err}"
    );
    out
}

#[test]
fn usage_errors_exit_2() {
    let dir = themed_project();
    let d = dir.path();
    expect(d, &["build", "--resolver", "nope.toml"], 2, "cannot read");
    let input = ["resolve", "--resolver", "t.resolver.toml", "--input"];
    expect(
        d,
        &[&input[..], &["them=dark"]].concat(),
        2,
        "did you mean `theme`?",
    );
    expect(
        d,
        &[&input[..], &["theme=drak"]].concat(),
        2,
        "did you mean `dark`?",
    );
    expect(d, &["build"], 2, "no tokenc.toml");
    expect(d, &["build", "--frobnicate"], 2, "--frobnicate");
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn resolve_prints_each_permutation() {
    let dir = themed_project();
    let out = tokenc(
        dir.path(),
        &[
            "resolve",
            "--resolver",
            "t.resolver.toml",
            "--input",
            "THEME=Dark",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value = json(&out);
    assert_eq!(value["color.fg"]["css"], "#000");
    assert_eq!(value["color.fg"]["name"], "--color-fg");
    assert_eq!(value["color.fg"]["type"], "color");
    assert_eq!(
        value["color.fg"]["value"]["components"],
        serde_json::json!([0, 0, 0])
    );
    let all = tokenc(
        dir.path(),
        &[
            "resolve",
            "--resolver",
            "t.resolver.toml",
            "--all-permutations",
        ],
    );
    let all = json(&all);
    assert_eq!(all["theme=light"]["color.fg"]["css"], "#fff");
    assert_eq!(all["theme=dark"]["color.fg"]["css"], "#000");
    let table = tokenc(
        dir.path(),
        &[
            "resolve",
            "--resolver",
            "t.resolver.toml",
            "--format",
            "table",
        ],
    );
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("color.fg") && l.ends_with("#fff")),
        "{text}"
    );
}

#[test]
fn missing_input_still_prints_what_resolved() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.resolver.json",
        r##"{"version": "2025.10",
            "sets": {"s": {"sources": [{"base": {"$type": "number", "$value": 1}}]}},
            "modifiers": {"brand": {"contexts": {"a": [{"x": {"$type": "number", "$value": 2}}], "b": []}}},
            "resolutionOrder": [{"$ref": "#/sets/s"}, {"$ref": "#/modifiers/brand"}]}"##,
    );
    let out = tokenc(dir.path(), &["resolve", "--resolver", "t.resolver.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["base"]["css"], "1");
    assert!(
        stderr(&out).contains("error[missing-input]"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("t.resolver.json:3:27"),
        "{}",
        stderr(&out)
    );
    let chosen = tokenc(
        dir.path(),
        &[
            "resolve",
            "--resolver",
            "t.resolver.json",
            "--input",
            "brand=a",
        ],
    );
    assert_eq!(chosen.status.code(), Some(0));
    assert_eq!(json(&chosen)["x"]["css"], "2");
}

#[test]
fn json_messages_have_every_key() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.toml",
        "a = { \"$type\" = \"number\", \"$value\" = \"{b}\" }\n",
    );
    let out = tokenc(
        dir.path(),
        &["check", "--resolver", "t.toml", "--message-format", "json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let d: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    for key in [
        "severity",
        "code",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "help",
    ] {
        assert!(d.get(key).is_some(), "missing {key} in {d}");
    }
    assert_eq!(d["code"], "unknown-alias");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(38))
    );
    assert_eq!(d["end_column"].as_u64(), Some(43));
    let gh = tokenc(
        dir.path(),
        &[
            "check",
            "--resolver",
            "t.toml",
            "--message-format",
            "github",
        ],
    );
    assert!(
        stderr(&gh).starts_with("::error file=t.toml,line=1,col=38,"),
        "{}",
        stderr(&gh)
    );
}

#[test]
fn config_errors_are_located() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tokenc.toml",
        "resolver = \"t.toml\"\nprefx = \"x\"\n",
    );
    let out = tokenc(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        text.contains("error[invalid-config]") && text.contains("tokenc.toml:2:1"),
        "{text}"
    );
    write(
        dir.path(),
        "tokenc.toml",
        "resolver = \"t.toml\"\n[css]\ntargets = \"not a browser 99\"\n",
    );
    let out = tokenc(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("tokenc.toml:3:11"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn outputs_never_overwrite_an_input_or_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = "n = { \"$type\" = \"number\", \"$value\" = 1 }\n";
    write(dir.path(), "t.toml", tokens);
    // tokens.css written over the token file itself: refused at the config's line, the source
    // left as it was.
    write(
        dir.path(),
        "tokenc.toml",
        "resolver = \"t.toml\"\n[output]\ncss = \"t.toml\"\n",
    );
    let out = tokenc(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(
        text.contains("error[invalid-config]") && text.contains("tokenc.toml:3:7"),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t.toml")).unwrap(),
        tokens
    );
    // The config is an input too.
    write(
        dir.path(),
        "tokenc.toml",
        "resolver = \"t.toml\"\n[output]\nrust = \"tokenc.toml\"\n",
    );
    let out = tokenc(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("tokenc.toml:3:8"), "{}", stderr(&out));
    // Both outputs at one path.
    write(
        dir.path(),
        "tokenc.toml",
        "resolver = \"t.toml\"\n[output]\ncss = \"out/x\"\nrust = \"out/x\"\n",
    );
    let out = tokenc(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(
        text.contains("cannot be the same file") && text.contains("tokenc.toml:4:8"),
        "{text}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn config_mode_finds_tokens_tokenc_toml() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tokens/t.toml",
        "[space]\n\"$type\" = \"dimension\"\nsm = { \"$value\" = { value = 4, unit = \"px\" } }\n",
    );
    write(
        dir.path(),
        "tokens/tokenc.toml",
        "resolver = \"t.toml\"\nprefix = \"acme\"\n[output]\ncss = \"../out/tokens.css\"\n",
    );
    let out = tokenc(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let css = std::fs::read_to_string(dir.path().join("out/tokens.css")).unwrap();
    assert!(css.contains("--acme-space-sm: 4px;"), "{css}");
    assert!(
        !dir.path().join("out/tokens.rs").exists(),
        "only configured outputs are written"
    );
}

#[test]
fn every_fixture_runs_through_the_binary_without_crashing() {
    for kind in ["valid", "invalid"] {
        for entry in std::fs::read_dir(crate_dir().join("fixtures").join(kind))
            .unwrap()
            .flatten()
        {
            let dir = entry.path();
            let file = std::fs::read_dir(&dir)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .find(|p| {
                    let name = p.file_name().unwrap().to_string_lossy();
                    name.starts_with("entry.") || name.contains(".resolver.")
                })
                .unwrap();
            let file = file.to_str().unwrap();
            // `resolve` reports what resolving finds; contrast is checked by `check`/`build`.
            let out = tokenc(&dir, &["resolve", "--resolver", file]);
            let allowed: &[i32] = if kind == "valid" { &[0] } else { &[0, 1] };
            assert!(
                out.status.code().is_some_and(|c| allowed.contains(&c)),
                "{}: {}",
                dir.display(),
                stderr(&out)
            );
            let expected = if kind == "valid" { Some(0) } else { Some(1) };
            let all = tokenc(&dir, &["resolve", "--resolver", file, "--all-permutations"]);
            assert!(
                matches!(all.status.code(), Some(0 | 1)),
                "{}: {}",
                dir.display(),
                stderr(&all)
            );
            // With the fixture's own tokenc.toml when it has one (its contrast rules live there).
            let config = dir.join("tokenc.toml");
            let build = if config.exists() {
                tokenc(&dir, &["check", "--config", config.to_str().unwrap()])
            } else {
                tokenc(&dir, &["check", "--resolver", file])
            };
            assert_eq!(
                build.status.code(),
                expected,
                "{}: {}",
                dir.display(),
                stderr(&build)
            );
        }
    }
}

#[test]
fn lint_levels_from_flags_and_config() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.toml",
        "[s]\n\"$type\" = \"dimension\"\nem = { \"$value\" = { value = 1.5, unit = \"em\" } }\n",
    );
    let d = dir.path();
    let resolve = ["resolve", "--resolver", "t.toml"];
    let with = |extra: &[&'static str]| [&resolve[..], extra].concat();
    expect(d, &resolve, 1, "error[unit-not-in-spec]");
    let warned = expect(
        d,
        &with(&["--warn", "unit-not-in-spec"]),
        0,
        "warning[unit-not-in-spec]",
    );
    assert_eq!(json(&warned)["s.em"]["css"], "1.5em");
    let allowed = expect(d, &with(&["--allow", "unit-not-in-spec"]), 0, "");
    assert_eq!(stderr(&allowed), "");
    expect(d, &with(&["--allow", "alias-cycle"]), 2, "hard error");
    expect(
        d,
        &with(&["--warn", "unit-not-in-specs"]),
        2,
        "did you mean `unit-not-in-spec`?",
    );

    write(
        dir.path(),
        "tokenc.toml",
        "resolver = \"t.toml\"\n[output]\ncss = \"o.css\"\n[rules]\nunit-not-in-spec = \"warn\"\n",
    );
    let built = tokenc(dir.path(), &["build"]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    assert!(
        std::fs::read_to_string(dir.path().join("o.css"))
            .unwrap()
            .contains("--s-em: 1.5em;")
    );
    write(
        dir.path(),
        "tokenc.toml",
        "resolver = \"t.toml\"\n[rules]\nalias-cycle = \"allow\"\n",
    );
    let bad = tokenc(dir.path(), &["check"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("tokenc.toml:3:1"), "{}", stderr(&bad));
}

#[test]
fn conflicting_inputs_are_a_usage_error() {
    let dir = themed_project();
    let out = tokenc(
        dir.path(),
        &[
            "resolve",
            "--resolver",
            "t.resolver.toml",
            "--input",
            "theme=dark",
            "--input",
            "theme=light",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("gives modifier `theme` twice"),
        "{}",
        stderr(&out)
    );
    let same = tokenc(
        dir.path(),
        &[
            "resolve",
            "--resolver",
            "t.resolver.toml",
            "--input",
            "theme=dark",
            "--input",
            "THEME=dark",
        ],
    );
    assert_eq!(same.status.code(), Some(0));
}

#[test]
fn a_token_that_is_a_colour_only_in_a_context_keeps_its_contrast_requirement() {
    // `c.ring` is a number by default (a mistake the build reports) and a colour in dark, where
    // its contrast requirement fails: both problems are reported, not just the first.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.resolver.toml",
        r##"
version = "2025.10"
resolutionOrder = [{ "$ref" = "#/sets/base" }, { "$ref" = "#/modifiers/theme" }]
[sets.base]
sources = [{ "$ref" = "base.toml" }]
[modifiers.theme]
default = "light"
contexts.light = []
contexts.dark = [{ "$ref" = "dark.toml" }]
"##,
    );
    let grey = |v: f64| format!("{{ colorSpace = \"srgb\", components = [{v}, {v}, {v}] }}");
    write(
        dir.path(),
        "base.toml",
        &format!(
            "[c]\nbg = {{ \"$type\" = \"color\", \"$value\" = {} }}\nring = {{ \"$type\" = \"number\", \"$value\" = 2 }}\n",
            grey(0.0)
        ),
    );
    write(
        dir.path(),
        "dark.toml",
        &format!(
            "[c.ring]\n\"$type\" = \"color\"\n\"$value\" = {}\n\"$extensions\" = {{ \"dev.crust\" = {{ contrast = [{{ against = \"{{c.bg}}\", min = 4.5 }}] }} }}\n",
            grey(0.1)
        ),
    );
    let out = tokenc(
        dir.path(),
        &[
            "check",
            "--resolver",
            "t.resolver.toml",
            "--message-format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(text.contains("\"type-mismatch\""), "{text}");
    assert!(text.contains("\"contrast\""), "{text}");
    assert!(!text.contains("not a colour token"), "{text}");
}

#[test]
fn contrast_failures_name_their_permutation() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.resolver.toml",
        r##"
version = "2025.10"
resolutionOrder = [{ "$ref" = "#/sets/base" }, { "$ref" = "#/modifiers/theme" }, { "$ref" = "#/modifiers/contrast" }]
[sets.base]
sources = [{ "$ref" = "base.toml" }]
[modifiers.theme]
default = "light"
contexts.light = []
contexts.dark = [{ "$ref" = "dark.toml" }]
[modifiers.contrast]
default = "normal"
contexts.normal = []
contexts.more = [{ "$ref" = "more.toml" }]
"##,
    );
    // Dark + more is the one permutation where the muted text is too faint (a mistake in more.toml).
    let color = |v: f64| format!("{{ colorSpace = \"srgb\", components = [{v}, {v}, {v}] }}");
    write(
        dir.path(),
        "base.toml",
        &format!(
            "[c]\n\"$type\" = \"color\"\nbg = {{ \"$value\" = {} }}\nmuted = {{ \"$value\" = {} }}\n",
            color(1.0),
            color(0.35)
        ),
    );
    write(
        dir.path(),
        "dark.toml",
        &format!(
            "[c]\nbg = {{ \"$value\" = {} }}\nmuted = {{ \"$value\" = {} }}\n",
            color(0.0),
            color(0.75)
        ),
    );
    write(
        dir.path(),
        "more.toml",
        &format!("[c]\nmuted = {{ \"$value\" = {} }}\n", color(0.2)),
    );
    write(
        dir.path(),
        "tokenc.toml",
        "resolver = \"t.resolver.toml\"\n[[contrast]]\nforeground = \"c.muted\"\nbackground = \"c.bg\"\nmin = 4.5\nmin_in = { \"contrast.more\" = 7 }\n",
    );
    let out = tokenc(dir.path(), &["contrast", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let rows = json(&out);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 4, "{rows:#?}");
    let failing: Vec<&str> = rows
        .iter()
        .filter(|r| r["pass"] == false)
        .map(|r| r["permutation"].as_str().unwrap())
        .collect();
    assert_eq!(failing, ["theme=dark,contrast=more"]);
    let more = rows
        .iter()
        .find(|r| r["permutation"] == "theme=light,contrast=more")
        .unwrap();
    assert_eq!(more["min"], 7.0);
    let text = stderr(&out);
    assert_eq!(text.matches("error[contrast]").count(), 1, "{text}");
    assert!(text.contains("`c.muted` on `c.bg` has contrast"), "{text}");
    assert!(text.contains("in theme=dark,contrast=more"), "{text}");
    assert!(text.contains("tokenc.toml:2:1"), "{text}");
    // The same failure stops `build` and `check`.
    assert_eq!(tokenc(dir.path(), &["check"]).status.code(), Some(1));
    let table = tokenc(dir.path(), &["contrast"]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("FAIL"));
    let apca = tokenc(dir.path(), &["contrast", "--warn", "apca-contrast"]);
    assert!(
        stderr(&apca).contains("warning[apca-contrast]: APCA Lc"),
        "{}",
        stderr(&apca)
    );
}

#[test]
fn init_writes_a_set_that_builds_cleanly_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = tokenc(dir.path(), &["init", "starter"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let project = dir.path().join("starter");
    let build = tokenc(&project, &["build"]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(!stderr(&build).contains("warning"), "{}", stderr(&build));
    let css = std::fs::read_to_string(project.join("generated/tokens.css")).unwrap();
    assert!(css.contains("--app-color-fg-default"), "{css}");
    crate::support::assert_rust_compiles(
        &std::fs::read_to_string(project.join("generated/tokens.rs")).unwrap(),
        &project,
    );
    std::fs::write(project.join("base.toml"), "# mine\n").unwrap();
    let again = tokenc(dir.path(), &["init", "starter"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("refusing to overwrite"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(project.join("base.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn fifty_dangling_aliases_give_fifty_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut tokens = serde_json::Map::new();
    for i in 0..50 {
        tokens.insert(
            format!("broken{i}"),
            serde_json::json!({"$type": "number", "$value": format!("{{missing{i}}}")}),
        );
        tokens.insert(
            format!("uses{i}"),
            serde_json::json!({"$value": format!("{{broken{i}}}")}),
        );
    }
    let text = serde_json::to_string_pretty(&serde_json::Value::Object(tokens)).unwrap();
    write(dir.path(), "many.tokens.json", &text);
    let out = tokenc(
        dir.path(),
        &[
            "check",
            "--resolver",
            "many.tokens.json",
            "--message-format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 50, "{err}");
    let mut seen = std::collections::HashSet::new();
    for line in &lines {
        let d: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(d["code"], "unknown-alias");
        assert_eq!(d["severity"], "error");
        assert!(
            seen.insert(d["line"].as_u64().unwrap()),
            "two errors on one line"
        );
    }
    let gh = tokenc(
        dir.path(),
        &[
            "check",
            "--resolver",
            "many.tokens.json",
            "--message-format",
            "github",
        ],
    );
    let gh = stderr(&gh);
    assert_eq!(gh.lines().count(), 50);
    assert!(
        gh.lines()
            .all(|l| l.starts_with("::error file=many.tokens.json,line=")),
        "{gh}"
    );
}

/// Lines of a running `tokenc watch`, read on a thread so that waits can time out.
struct Watching {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    seen: String,
}

impl Watching {
    fn start(dir: &Path) -> Watching {
        use std::io::BufRead;
        let mut child = Command::new(tokenc_bin())
            .current_dir(dir)
            .args(["watch", "--color", "never"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start tokenc watch");
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watching {
            child,
            lines,
            seen: String::new(),
        }
    }

    /// Waits for rounds until `done` holds for one (a save can arrive as several writes, each
    /// rebuilt); returns that round's output.
    fn until(&mut self, done: impl Fn(&str) -> bool) -> String {
        loop {
            let round = self.next_round();
            if done(&round) {
                return round;
            }
        }
    }

    /// Waits for the next "watching" line; returns everything printed up to it.
    fn next_round(&mut self) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let mut round = String::new();
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    round.push_str(&line);
                    round.push('\n');
                    if line.contains("; watching ") {
                        self.seen.push_str(&round);
                        return round;
                    }
                }
                Err(_) => panic!(
                    "no rebuild within 30 s; output so far:\n{}{round}",
                    self.seen
                ),
            }
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_rebuilds_keeps_good_outputs_on_errors_and_survives_save_by_rename() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path();
    let init = tokenc(project, &["init", "."]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    let base = project.join("base.toml");
    let css = project.join("generated/tokens.css");
    let original = std::fs::read_to_string(&base).unwrap();
    let mut watch = Watching::start(project);
    let first = watch.next_round();
    assert!(first.contains("built in"), "{first}");
    let good = std::fs::read_to_string(&css).unwrap();

    // A broken edit: the error is printed, located, and the outputs stay as they were.
    std::fs::write(
        &base,
        format!("{original}\nbroken = {{ \"$type\" = \"color\", \"$value\" = \"{{nope}}\" }}\n"),
    )
    .unwrap();
    let broken = watch.until(|r| r.contains("error[unknown-alias]"));
    assert!(broken.contains("base.toml:"), "{broken}");
    assert!(broken.contains("last good outputs are kept"), "{broken}");
    assert_eq!(std::fs::read_to_string(&css).unwrap(), good);

    // Saved the way many editors do: a temporary file renamed over the original.
    let changed = original.replacen("#ffffff", "#fefefe", 1);
    assert_ne!(changed, original, "the starter set has a white to change");
    let temp = project.join(".base.toml.swp");
    std::fs::write(&temp, &changed).unwrap();
    std::fs::rename(&temp, &base).unwrap();
    watch.until(|r| r.contains("built in"));
    let rebuilt = std::fs::read_to_string(&css).unwrap();
    assert_ne!(rebuilt, good, "the change reached tokens.css");
    assert!(rebuilt.contains("#fefefe"), "{rebuilt}");

    // Deleted and written again a moment later: one build with the file back.
    std::fs::remove_file(&base).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    std::fs::write(&base, &original).unwrap();
    watch.until(|_| std::fs::read_to_string(&css).is_ok_and(|now| now == good));
}

#[test]
fn audit_finds_planted_raw_values_with_their_tokens() {
    let root = crate::support::workspace_dir();
    let config = "tests/fixtures/audit/tokens/tokenc.toml";
    let app = "tests/fixtures/audit/app";
    let out = tokenc(&root, &["audit", "--config", config, app]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("audit_human", stderr(&out));

    // Every finding, located; nothing from the generated file, selectors, comments, prose,
    // `data-style`, hairlines, zero or the allowed line.
    let json = tokenc(
        &root,
        &["audit", "--config", config, app, "--message-format", "json"],
    );
    let found: Vec<String> = String::from_utf8_lossy(&json.stderr)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|d| {
            format!(
                "{}:{}:{} {}",
                d["file"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["code"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "tests/fixtures/audit/app/index.html:5:22 raw-length",
            "tests/fixtures/audit/app/src/app.rs:7:19 raw-color",
            "tests/fixtures/audit/app/src/app.rs:9:30 raw-length",
            "tests/fixtures/audit/app/src/app.rs:9:42 raw-color",
            "tests/fixtures/audit/app/src/style.css:4:10 raw-color",
            "tests/fixtures/audit/app/src/style.css:5:12 raw-length",
            "tests/fixtures/audit/app/src/style.css:5:16 raw-length",
            "tests/fixtures/audit/app/src/style.css:6:21 raw-color",
            "tests/fixtures/audit/app/src/style.css:8:19 deprecated-token",
            "tests/fixtures/audit/app/src/style.css:14:20 raw-color",
        ]
    );

    // --strict fails; a lint level narrows what is reported.
    let strict = tokenc(&root, &["audit", "--config", config, app, "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).contains("error[raw-color]"));
    let colours_only = tokenc(
        &root,
        &[
            "audit",
            "--config",
            config,
            app,
            "--strict",
            "--allow",
            "raw-length",
        ],
    );
    assert!(!stderr(&colours_only).contains("raw-length"));

    // Crust's own example app is clean against Crust's tokens.
    let example = tokenc(
        &root,
        &[
            "audit",
            "--config",
            "tokens/tokenc.toml",
            "--strict",
            "examples/settings/src",
        ],
    );
    assert_eq!(example.status.code(), Some(0), "{}", stderr(&example));
}
