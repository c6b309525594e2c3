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
    let source = std::fs::read_to_string(root.join("components/styles/crust-ui.css"))
        .expect("components/styles/crust-ui.css");
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
