use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{tokenc_bin, workspace_dir};

/// Token paths defined in one TOML token file (a table with `$value` is a token).
fn token_paths(file: &Path) -> BTreeSet<String> {
    fn walk(prefix: &str, table: &toml::Table, out: &mut BTreeSet<String>) {
        if table.contains_key("$value") {
            out.insert(prefix.to_string());
        }
        for (key, value) in table {
            if let (false, toml::Value::Table(child)) = (key.starts_with('$'), value) {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                walk(&path, child, out);
            }
        }
    }
    let text = std::fs::read_to_string(file).expect("read token file");
    let table: toml::Table = text.parse().expect("token file is TOML");
    let mut out = BTreeSet::new();
    walk("", &table, &mut out);
    out
}

fn toml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(workspace_dir().join("tokens").join(dir))
        .expect("token folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_permutation_is_complete() {
    let out = std::process::Command::new(tokenc_bin())
        .current_dir(workspace_dir())
        .args([
            "resolve",
            "--config",
            "tokens/tokenc.toml",
            "--all-permutations",
            "-q",
        ])
        .output()
        .expect("run tokenc");
    assert!(out.status.success());
    let all: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("resolve prints JSON");
    assert_eq!(all.len(), 16, "theme × contrast × density × motion");
    let sizes: BTreeSet<usize> = all
        .values()
        .map(|p| p.as_object().expect("tokens").len())
        .collect();
    assert_eq!(sizes.len(), 1, "every permutation has the same tokens");
    assert!(sizes.iter().all(|n| *n >= 250), "{sizes:?} tokens");
    for mods in [
        ["theme=light", "theme=dark"],
        ["contrast=normal", "contrast=more"],
        ["density=comfortable", "density=compact"],
        ["motion=full", "motion=reduced"],
    ] {
        for m in mods {
            assert!(all.keys().any(|k| k.split(',').any(|p| p == m)), "{m}");
        }
    }
    // The modifiers change what they say they change.
    let get = |key: &str, token: &str| all[key][token]["css"].as_str().map(str::to_string);
    let base = "theme=light,contrast=normal,density=comfortable,motion=full";
    let with = |m: &str| {
        let name = m.split('=').next().unwrap_or_default();
        base.split(',')
            .map(|p| if p.starts_with(name) { m } else { p })
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_ne!(
        get(base, "color.bg.canvas"),
        get(&with("theme=dark"), "color.bg.canvas")
    );
    assert_ne!(
        get(base, "color.fg.muted"),
        get(&with("contrast=more"), "color.fg.muted")
    );
    assert_ne!(
        get(base, "control.height.md"),
        get(&with("density=compact"), "control.height.md")
    );
    assert_eq!(
        get(&with("motion=reduced"), "motion.duration.enter").as_deref(),
        Some("0s")
    );
}

#[test]
fn component_tokens_alias_semantic_tokens_only() {
    let primitives: BTreeSet<String> = toml_files("base")
        .iter()
        .flat_map(|f| token_paths(f))
        .collect();
    assert!(primitives.contains("color.blue.600") && primitives.contains("space.4"));
    let mut problems = Vec::new();
    for file in toml_files("components") {
        let text = std::fs::read_to_string(&file).expect("read");
        let table: toml::Table = text.parse().expect("TOML");
        for path in token_paths(&file) {
            let mut node = &table;
            for seg in path.split('.') {
                node = node[seg].as_table().expect("group");
            }
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            match node["$value"]
                .as_str()
                .and_then(|v| v.strip_prefix('{')?.strip_suffix('}'))
            {
                Some(target) if primitives.contains(target) => {
                    problems.push(format!("{name}: `{path}` aliases the primitive `{target}`"));
                }
                Some(_) => {}
                None => problems.push(format!("{name}: `{path}` is not an alias")),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "component tokens must alias semantic tokens:\n{}",
        problems.join("\n")
    );
}

#[test]
fn themes_define_the_same_tokens() {
    let themes = toml_files("themes");
    assert!(themes.len() >= 2);
    let first = token_paths(&themes[0]);
    for other in &themes[1..] {
        let paths = token_paths(other);
        let missing: Vec<_> = first.symmetric_difference(&paths).collect();
        assert!(
            missing.is_empty(),
            "{} and {} differ in {missing:?}",
            themes[0].display(),
            other.display()
        );
    }
}

/// Re-branding is one edit: point `tokens/base/brand.toml` at another ramp. Every shipped ramp
/// must keep every contrast rule in every permutation, so a team can pick any of them.
#[test]
fn every_shipped_ramp_can_be_the_brand() {
    let tokens = workspace_dir().join("tokens");
    let brand = std::fs::read_to_string(tokens.join("base/brand.toml")).expect("brand.toml");
    let current = brand
        .split("{color.")
        .nth(1)
        .and_then(|s| s.split('.').next())
        .expect("brand.toml aliases a ramp")
        .to_string();
    let ramps: BTreeSet<String> = token_paths(&tokens.join("base/color.toml"))
        .iter()
        .filter_map(|p| {
            let mut parts = p.split('.');
            let (_, ramp, step) = (parts.next(), parts.next()?, parts.next()?);
            (step == "500" && parts.next().is_none()).then(|| ramp.to_string())
        })
        .collect();
    assert!(ramps.len() >= 6, "{ramps:?}");
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("tokens");
    copy_dir(&tokens, &copy);
    // The config requires crust-ui's manifest, beside the tokens as in the repository.
    std::fs::create_dir_all(dir.path().join("components")).expect("components/");
    std::fs::copy(
        workspace_dir().join("components/tokens.required.toml"),
        dir.path().join("components/tokens.required.toml"),
    )
    .expect("copy the manifest");
    let config = std::fs::read_to_string(copy.join("tokenc.toml")).expect("config");
    let config = config
        .replace("../components/styles/tokens.css", "out/tokens.css")
        .replace("../components/src/tokens.rs", "out/tokens.rs");
    std::fs::write(copy.join("tokenc.toml"), config).expect("write config");
    let mut failures = Vec::new();
    for ramp in &ramps {
        let rebranded = brand.replace(&format!("{{color.{current}."), &format!("{{color.{ramp}."));
        std::fs::write(copy.join("base/brand.toml"), rebranded).expect("write brand");
        let out = std::process::Command::new(tokenc_bin())
            .current_dir(&copy)
            .args(["build", "--config", "tokenc.toml", "--color", "never", "-q"])
            .output()
            .expect("run tokenc");
        if !out.status.success() {
            failures.push(format!("{ramp}:\n{}", String::from_utf8_lossy(&out.stderr)));
        }
    }
    assert!(
        failures.is_empty(),
        "brand ramps that break contrast:\n{}",
        failures.join("\n")
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}
