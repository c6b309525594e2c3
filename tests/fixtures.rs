use crate::support::{check, crate_dir};

#[test]
fn valid_fixtures() {
    let mut count = 0;
    insta::glob!("fixtures/valid/*", |dir| {
        if !dir.is_dir() {
            return;
        }
        count += 1;
        let (rendered, failed) = check(dir);
        assert!(
            !failed,
            "{} should compile without errors:\n{rendered}",
            dir.display()
        );
        insta::assert_snapshot!(rendered);
    });
    assert!(
        count >= 10,
        "expected at least 10 valid fixtures, found {count}"
    );
}

#[test]
fn invalid_fixtures() {
    let mut count = 0;
    insta::glob!("fixtures/invalid/*", |dir| {
        if !dir.is_dir() {
            return;
        }
        count += 1;
        let (rendered, failed) = check(dir);
        assert!(failed, "{} should fail:\n{rendered}", dir.display());
        assert!(
            !rendered.contains("=== tokens.css ==="),
            "nothing may be emitted on error"
        );
        insta::assert_snapshot!(rendered);
    });
    assert!(
        count >= 10,
        "expected at least 10 invalid fixtures, found {count}"
    );
    let _ = crate_dir();
}
