use std::path::{Path, PathBuf};

use crate::support::{stderr, tokenc_in as tokenc, workspace_dir};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A copy of the example beside a copy of Crust's token set and manifest, laid out as in the
/// repository; returns the temporary root and the example's config.
fn sandbox() -> (tempfile::TempDir, PathBuf) {
    let root = workspace_dir();
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root.join("tokens"), &dir.path().join("tokens"));
    copy_dir(
        &root.join("examples/rebrand"),
        &dir.path().join("examples/rebrand"),
    );
    std::fs::create_dir_all(dir.path().join("components")).unwrap();
    std::fs::copy(
        root.join("components/tokens.required.toml"),
        dir.path().join("components/tokens.required.toml"),
    )
    .unwrap();
    let config = dir.path().join("examples/rebrand/tokens/tokenc.toml");
    (dir, config)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_example_builds_fresh_with_crusts_contrast_rules() {
    let root = workspace_dir();
    let config = "examples/rebrand/tokens/tokenc.toml";
    let check = tokenc(&root, &["check", "--config", config]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // Crust's contrast rules came through `extends` and ran on the new brand.
    let contrast = tokenc(&root, &["contrast", "--config", config, "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&contrast.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.len() > 300, "{} contrast rows", rows.len());
    assert!(
        rows.iter()
            .any(|r| r.to_string().contains("color.accent.on-solid"))
    );
    // The brand reached the stylesheet, and crust-ui's stylesheet assembles with it.
    let css = std::fs::read_to_string(root.join("examples/rebrand/styles/tokens.css")).unwrap();
    assert!(
        css.contains("--crust-color-brand-600: #038660;"),
        "brand ramp"
    );
    assert!(css.contains("--crust-radius-md: .625rem;"), "radius");
    assert!(css.contains("\"Source Sans 3\""), "font");
    let sheet = crust_ui::stylesheet::assemble(&css);
    crate::support::assert_parses_back(&sheet);
    assert!(sheet.contains("@layer crust.components"));
}

#[test]
fn a_dropped_token_is_named_at_the_manifest() {
    let (dir, config) = sandbox();
    edit(
        &dir.path()
            .join("examples/rebrand/tokens/evergreen.resolver.toml"),
        "    { \"$ref\" = \"../../../tokens/components/button.toml\" },\n",
        "",
    );
    let out = tokenc(dir.path(), &["check", "--config", config.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[missing-required-token]"), "{err}");
    assert!(
        err.contains("crust-ui needs the dimension token `button.gap`"),
        "{err}"
    );
    assert!(err.contains("components/tokens.required.toml:"), "{err}");
}

#[test]
fn a_retyped_token_is_named_with_both_places() {
    let (dir, config) = sandbox();
    let tokens = dir.path().join("examples/rebrand/tokens");
    std::fs::write(
        tokens.join("late.toml"),
        "[button]\ngap = { \"$type\" = \"color\", \"$value\" = \"{color.brand.600}\" }\n",
    )
    .unwrap();
    edit(
        &tokens.join("evergreen.resolver.toml"),
        "    { \"$ref\" = \"../../../tokens/components/navigation.toml\" },\n",
        "    { \"$ref\" = \"../../../tokens/components/navigation.toml\" },\n    { \"$ref\" = \"late.toml\" },\n",
    );
    let out = tokenc(dir.path(), &["check", "--config", config.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("crust-ui needs `button.gap` to be a dimension token, but this token set makes it a color"),
        "{err}"
    );
    assert!(err.contains("late.toml"), "{err}");
}

#[test]
fn a_brand_colour_that_breaks_contrast_fails_the_check() {
    let (dir, config) = sandbox();
    // A much lighter brand 600: white text on solid accent buttons drops below 4.5:1.
    edit(
        &dir.path().join("examples/rebrand/tokens/brand.toml"),
        "600 = { \"$value\" = { colorSpace = \"oklch\", components = [0.55, 0.115, 165.0], hex = \"#038660\" } }",
        "600 = { \"$value\" = { colorSpace = \"oklch\", components = [0.75, 0.115, 165.0], hex = \"#5fc49e\" } }",
    );
    let out = tokenc(dir.path(), &["check", "--config", config.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[contrast]"), "{err}");
    assert!(err.contains("color.accent.on-solid"), "{err}");
    assert!(err.contains("theme=light"), "{err}");
}

#[test]
fn another_prefix_is_refused_for_crust_ui() {
    let (dir, config) = sandbox();
    edit(&config, "resolver = ", "prefix = \"acme\"\nresolver = ");
    let out = tokenc(dir.path(), &["check", "--config", config.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("crust-ui reads `--crust-…` custom properties, but this token set is built with prefix `acme`"),
        "{err}"
    );
}
