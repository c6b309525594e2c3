use crate::support::workspace_dir;

#[test]
fn every_component_folder_has_a_page_with_a_demo_and_props() {
    let root = workspace_dir();
    let summary = std::fs::read_to_string(root.join("book/src/SUMMARY.md")).expect("SUMMARY.md");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("components/src")).expect("components/src") {
        let path = entry.expect("entry").path();
        if !path.is_dir() {
            continue;
        }
        let folder = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let page = format!("components/{folder}.md");
        match std::fs::read_to_string(root.join("book/src").join(&page)) {
            Ok(text) => {
                if !text.contains("{{#demo ") || !text.contains("{{#props ") {
                    missing.push(format!("{page} has no demo or no props table"));
                }
                if !summary.contains(&format!("({page})")) {
                    missing.push(format!("{page} is not in SUMMARY.md"));
                }
            }
            Err(_) => missing.push(format!("no page {page} for components/src/{folder}")),
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// `book/theme/crust-ui.css` is a copy of `components/styles/crust-ui.css` (`cargo xtask regen`
/// rewrites it).
#[test]
fn book_stylesheet_is_fresh() {
    let root = workspace_dir();
    // Assembled here rather than read from components/styles/crust-ui.css, which the
    // stylesheet's own freshness test may be rewriting at the same time under TOKENC_BLESS.
    let source = crust_ui::stylesheet::assemble(crust_ui::TOKENS_CSS);
    let path = root.join("book/theme/crust-ui.css");
    if std::env::var_os("TOKENC_BLESS").is_some() {
        std::fs::write(&path, &source).expect("write book/theme/crust-ui.css");
        return;
    }
    let copy = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        copy == source,
        "book/theme/crust-ui.css is stale: run `cargo xtask regen`"
    );
}

/// The book's page template runs crust-ui's own before-paint script, first thing in `<head>`,
/// before any stylesheet: the reader's stored theme is on `<html>` when the page first paints.
#[test]
fn book_template_applies_the_stored_theme_before_paint() {
    let root = workspace_dir();
    let template =
        std::fs::read_to_string(root.join("book/theme/index.hbs")).expect("book/theme/index.hbs");
    let script = format!("<script>{}</script>", crust_ui::THEME_SCRIPT);
    let at = template.find(&script).expect(
        "book/theme/index.hbs does not contain crust_ui::THEME_SCRIPT verbatim: copy it again",
    );
    let first_css = template
        .find("rel=\"stylesheet\"")
        .expect("a stylesheet link");
    assert!(
        at < first_css,
        "the theme script must come before the stylesheets"
    );
    // mdBook's own theme picker is replaced by the appearance panel.
    assert!(template.contains("id=\"crust-appearance\""));
    assert!(!template.contains("mdbook-theme-coal"));
}

/// Every demo in the registry is shown on some page of the book (and every `{{#demo}}` names a
/// registered demo, or the preprocessor fails the build).
#[test]
fn every_demo_is_on_a_page() {
    let root = workspace_dir();
    let mut pages = String::new();
    let mut stack = vec![root.join("book/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("book/src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                pages.push_str(&std::fs::read_to_string(&path).expect("page"));
            }
        }
    }
    let unused: Vec<&str> = crust_gallery::DEMOS
        .iter()
        .map(|d| d.id)
        .filter(|id| !pages.contains(&format!("{{{{#demo {id}}}}}")))
        .collect();
    assert!(unused.is_empty(), "demos on no page: {unused:?}");
}
