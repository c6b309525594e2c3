use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{crate_dir, tokenc_bin, workspace_dir};

fn tokenc(args: &[&str]) -> Output {
    Command::new(tokenc_bin())
        .args(args)
        .args(["--color", "never"])
        .output()
        .expect("run tokenc")
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `resolve --all-permutations` of an entry: the printed values and the sorted codes reported.
fn resolve(entry: &Path) -> (serde_json::Value, Vec<String>) {
    let out = tokenc(&[
        "resolve",
        "--resolver",
        entry.to_str().unwrap(),
        "--all-permutations",
        "--message-format",
        "json",
    ]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}: {}",
        entry.display(),
        text(&out)
    );
    let values = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    let mut codes: Vec<String> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    codes.sort();
    (values, codes)
}

/// The one `*.resolver.*` file at the top of a converted folder.
fn converted_entry(dir: &Path) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".resolver."))
        .collect();
    assert_eq!(found.len(), 1, "{}: {found:?}", dir.display());
    found[0].clone()
}

/// Every file under `dir`, by relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

fn fixture_entry(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("entry.") || name.contains(".resolver.")
        })
}

/// Export to JSON, import back to TOML, export again: every step resolves to exactly the values
/// and problems of the original, and the second export is byte-identical to the first.
fn round_trip(entry: &Path, work: &Path) -> Result<(), String> {
    let (values, codes) = resolve(entry);
    let json = work.join("json");
    let export = tokenc(&[
        "export",
        "--resolver",
        entry.to_str().unwrap(),
        "--out",
        json.to_str().unwrap(),
        "-q",
    ]);
    let fatal = ["parse-error", "duplicate-key", "nesting-too-deep"];
    if codes.iter().any(|c| fatal.contains(&c.as_str())) {
        // Nothing to convert faithfully: a located error and nothing written.
        assert_eq!(export.status.code(), Some(1), "{}", text(&export));
        assert!(!json.exists(), "a failed export wrote files");
        return Ok(());
    }
    if export.status.code() != Some(0) {
        return Err(format!("export failed: {}", text(&export)));
    }
    let exported = resolve(&converted_entry(&json));
    if exported != (values.clone(), codes.clone()) {
        return Err(format!(
            "export changed the tokens:\n{:?}\n{:?}\nvs\n{:?}",
            codes, values, exported
        ));
    }
    let toml = work.join("toml");
    let import = tokenc(&[
        "import",
        converted_entry(&json).to_str().unwrap(),
        "--out",
        toml.to_str().unwrap(),
        "-q",
    ]);
    if import.status.code() != Some(0) {
        return Err(format!("import failed: {}", text(&import)));
    }
    let imported = resolve(&converted_entry(&toml));
    if imported != (values, codes) {
        return Err(format!(
            "import changed the tokens: {:?} vs {:?}",
            imported.1, exported.1
        ));
    }
    let again = work.join("again");
    let export = tokenc(&[
        "export",
        "--resolver",
        converted_entry(&toml).to_str().unwrap(),
        "--out",
        again.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(export.status.code(), Some(0), "{}", text(&export));
    if tree(&json) != tree(&again) {
        return Err("export ∘ import ∘ export differs from export".into());
    }
    Ok(())
}

#[test]
fn every_fixture_survives_export_and_import() {
    let mut count = 0;
    let mut failures = Vec::new();
    for kind in ["valid", "invalid", "rules"] {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(crate_dir().join("fixtures").join(kind))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        dirs.sort();
        for dir in dirs {
            let Some(entry) = fixture_entry(&dir) else {
                continue;
            };
            count += 1;
            let work = tempfile::tempdir().unwrap();
            if let Err(e) = round_trip(&entry, work.path()) {
                failures.push(format!("{}: {e}", dir.display()));
            }
        }
    }
    assert!(count >= 60, "only {count} fixtures found");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn crust_token_set_survives_export_and_import() {
    let work = tempfile::tempdir().unwrap();
    let entry = workspace_dir().join("tokens/tokens.resolver.toml");
    round_trip(&entry, work.path()).unwrap();
    // The exported layout mirrors the sources, one `.tokens.json` per TOML file.
    let files = tree(&work.path().join("json"));
    assert!(files.contains_key(Path::new("tokens.resolver.json")));
    assert!(files.contains_key(Path::new("base/color.tokens.json")));
    assert!(
        files[Path::new("tokens.resolver.json")].contains("\"$ref\": \"base/color.tokens.json\"")
    );
}

const WITH_NULLS: &str = r##"{
  "color": {
    "$type": "color",
    "ink": {
      "$value": { "colorSpace": "srgb", "components": [0, 0, 0] },
      "$description": "Body text",
      "$extensions": { "com.example.tool": { "locked": null, "note": "kept" } }
    },
    "link": { "$value": "{color.missing}" }
  }
}"##;

#[test]
fn import_keeps_going_on_token_problems_and_warns_at_nulls() {
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("brand.tokens.json");
    std::fs::write(&file, WITH_NULLS).unwrap();
    let out_dir = work.path().join("out");
    let out = tokenc(&[
        "import",
        file.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    let err = text(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // The dangling alias is a warning located in the JSON; the null is dropped with a warning.
    assert!(err.contains("warning[unknown-alias]"), "{err}");
    assert!(err.contains("brand.tokens.json:9:"), "{err}");
    assert!(err.contains("warning[lossy-conversion]"), "{err}");
    assert!(err.contains("brand.tokens.json:7:"), "{err}");
    let toml = std::fs::read_to_string(out_dir.join("brand.tokens.toml")).unwrap();
    assert!(toml.contains("note = \"kept\""), "{toml}");
    assert!(!toml.contains("locked"), "{toml}");
    assert!(toml.contains("\"$description\" = \"Body text\""), "{toml}");
    // A plain token file gets a resolver naming it, so the folder is a project at once.
    let resolver = std::fs::read_to_string(out_dir.join("brand.resolver.toml")).unwrap();
    assert!(
        resolver.contains("{ \"$ref\" = \"brand.tokens.toml\" }"),
        "{resolver}"
    );
    // Fix the alias in TOML, and it builds.
    std::fs::write(
        out_dir.join("brand.tokens.toml"),
        toml.replace("{color.missing}", "{color.ink}"),
    )
    .unwrap();
    let build = tokenc(&[
        "check",
        "--resolver",
        out_dir.join("brand.resolver.toml").to_str().unwrap(),
    ]);
    assert_eq!(build.status.code(), Some(0), "{}", text(&build));

    // A second import refuses to overwrite, and --force replaces.
    let again = tokenc(&[
        "import",
        file.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again));
    assert!(text(&again).contains("--force"), "{}", text(&again));
    let forced = tokenc(&[
        "import",
        file.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--force",
        "-q",
    ]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced));
    let toml = std::fs::read_to_string(out_dir.join("brand.tokens.toml")).unwrap();
    assert!(toml.contains("{color.missing}"));
}

#[test]
fn malformed_json_fails_and_writes_nothing() {
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("broken.tokens.json");
    std::fs::write(&file, "{ \"a\": { \"$value\": 1, } }").unwrap();
    let out_dir = work.path().join("out");
    let out = tokenc(&[
        "import",
        file.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("broken.tokens.json:1:"),
        "{}",
        text(&out)
    );
    assert!(!out_dir.exists());
}
