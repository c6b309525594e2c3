use crate::support::check;

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
}

/// Codes that no fixture folder can show, with the test that covers them instead.
const COVERED_ELSEWHERE: &[(&str, &str)] = &[
    (
        "stale-output",
        "cli::build_writes_then_leaves_unchanged_files_alone",
    ),
    (
        "raw-color",
        "cli::audit_finds_planted_raw_values_with_their_tokens",
    ),
    (
        "raw-length",
        "cli::audit_finds_planted_raw_values_with_their_tokens",
    ),
    (
        "deprecated-token",
        "cli::audit_finds_planted_raw_values_with_their_tokens",
    ),
    (
        "too-many-permutations",
        "hostile::hostile_inputs_get_located_errors_or_contained_outputs",
    ),
    (
        "lossy-conversion",
        "convert::import_keeps_going_on_token_problems_and_warns_at_nulls",
    ),
];

/// `fixtures/rules/<code>/` shows each diagnostic code; every rule has one.
#[test]
fn one_fixture_per_rule() {
    let mut found = Vec::new();
    insta::glob!("fixtures/rules/*", |dir| {
        if !dir.is_dir() {
            return;
        }
        let code = dir.file_name().unwrap().to_string_lossy().into_owned();
        let rule = tokenc::validate::rule(&code).unwrap_or_else(|| panic!("{code} is not a rule"));
        let (rendered, _) = check(dir);
        assert!(
            rendered.contains(&format!("[{}]", rule.code)),
            "{code} is not reported:\n{rendered}"
        );
        found.push(code);
        insta::assert_snapshot!(rendered);
    });
    for rule in tokenc::validate::RULES {
        let elsewhere = COVERED_ELSEWHERE.iter().any(|(c, _)| *c == rule.code);
        assert!(
            found.iter().any(|c| c == rule.code) || elsewhere,
            "no fixture in tests/fixtures/rules/{}/",
            rule.code
        );
    }
}

/// Every code the source emits is a documented rule (and so in the reference).
#[test]
fn every_emitted_code_is_a_rule() {
    let mut stack = vec![crate::support::workspace_dir().join("tokenc/src")];
    let mut codes = std::collections::BTreeSet::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for marker in ["Diagnostic::error(", "Diagnostic::warning(", "code = \""] {
                for (i, _) in text.match_indices(marker) {
                    let rest = text[i + marker.len()..].trim_start();
                    let rest = rest.strip_prefix('"').unwrap_or(rest);
                    let code: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                        .collect();
                    if code.contains('-') || ["contrast"].contains(&code.as_str()) {
                        codes.insert(code);
                    }
                }
            }
        }
    }
    assert!(codes.len() >= 20, "the scan found too few codes: {codes:?}");
    for code in &codes {
        assert!(
            tokenc::validate::rule(code).is_some(),
            "`{code}` is emitted but has no rule file"
        );
    }
}
