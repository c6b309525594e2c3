use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value as Json;

use crate::support::{files_under, fixture_dirs, tokenc_bin};

/// What a case must end in.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// Exit 1, every error located (`--> file:line:col`), nothing written.
    Error,
    /// Exit 0 and outputs in which no hostile text left its slot.
    Output,
    /// Exit 2 (an unreadable entry file), a message naming it, nothing written.
    Misuse,
}

/// One hostile input: files (bytes, since some are not UTF-8), links, how tokenc is run.
struct Case {
    name: String,
    files: Vec<(PathBuf, Vec<u8>)>,
    links: Vec<(PathBuf, PathBuf)>,
    /// Named pipes to create (reading one blocks until a writer comes, which never does).
    fifos: Vec<PathBuf>,
    entry: String,
    command: Vec<String>,
    expect: Expect,
}

impl Case {
    fn generated(name: &str, expect: Expect, entry: &str, files: Vec<(&str, Vec<u8>)>) -> Case {
        Case {
            name: name.into(),
            files: files.into_iter().map(|(p, b)| (p.into(), b)).collect(),
            links: Vec::new(),
            fifos: Vec::new(),
            entry: entry.into(),
            command: vec!["build".into()],
            expect,
        }
    }
}

/// A case never takes longer than this (debug build, loaded machine included).
const TIME_LIMIT: Duration = Duration::from_secs(5);

/// Committed cases: `fixtures/hostile/<name>/` with the input files and `expect.toml`
/// (`about`, `expect = "error" | "output" | "misuse"`).
fn committed() -> Vec<Case> {
    fixture_dirs("hostile")
        .into_iter()
        .map(|dir| {
            let expect: toml::Table = std::fs::read_to_string(dir.join("expect.toml"))
                .expect("expect.toml")
                .parse()
                .expect("expect.toml parses");
            assert!(
                expect.get("about").and_then(|a| a.as_str()).is_some(),
                "{}: say what the case attacks in `about`",
                dir.display()
            );
            let expect = match expect.get("expect").and_then(|e| e.as_str()) {
                Some("error") => Expect::Error,
                Some("output") => Expect::Output,
                Some("misuse") => Expect::Misuse,
                other => panic!("{}: unknown expect {other:?}", dir.display()),
            };
            let files: Vec<(PathBuf, Vec<u8>)> = files_under(&dir)
                .into_iter()
                .filter(|path| path.file_name() != Some("expect.toml".as_ref()))
                .map(|path| {
                    let rel = path.strip_prefix(&dir).expect("inside").to_path_buf();
                    let bytes = std::fs::read(&path).expect("read");
                    (rel, bytes)
                })
                .collect();
            let entry = files
                .iter()
                .map(|(p, _)| p.to_string_lossy().into_owned())
                .find(|p| !p.contains('/') && (p.starts_with("entry.") || p.contains(".resolver.")))
                .unwrap_or_else(|| panic!("{}: no entry", dir.display()));
            Case {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                files,
                links: Vec::new(),
                fifos: Vec::new(),
                entry,
                command: vec!["build".into()],
                expect,
            }
        })
        .collect()
}

fn json(value: &Json) -> Vec<u8> {
    serde_json::to_vec(value).expect("json")
}

/// A group of type `ty` holding `(name, $value)` tokens.
fn group(ty: &str, tokens: impl IntoIterator<Item = (String, Json)>) -> Json {
    let mut map = serde_json::Map::new();
    map.insert("$type".into(), Json::from(ty));
    for (name, value) in tokens {
        map.insert(name, serde_json::json!({ "$value": value }));
    }
    Json::Object(map)
}

/// A case whose only file is `entry.json`, minified.
fn entry_json(name: &str, expect: Expect, doc: &Json) -> Case {
    Case::generated(name, expect, "entry.json", vec![("entry.json", json(doc))])
}

/// Cases too large, binary or system-specific to commit: built here.
fn generated() -> Vec<Case> {
    use serde_json::json;
    let mut cases = Vec::new();

    // Alias chains: a 10,000-long loop, a 10,000- and a 100,000-long chain that end in a value
    // (each token is resolved once, not walked per token).
    let alias = |i: usize| json!(format!("{{n.t{i}}}"));
    let ring = group(
        "number",
        (0..10_000).map(|i| (format!("t{i}"), alias((i + 1) % 10_000))),
    );
    cases.push(entry_json(
        "alias-cycle-10000",
        Expect::Error,
        &json!({ "n": ring }),
    ));
    for n in [10_000, 100_000] {
        let chain = group(
            "number",
            (0..n)
                .map(|i| (format!("t{i}"), alias(i + 1)))
                .chain([(format!("t{n}"), json!(5))]),
        );
        cases.push(entry_json(
            &format!("alias-chain-{n}"),
            Expect::Output,
            &json!({ "n": chain }),
        ));
    }
    // A 10,000-long chain of `$extends`.
    let mut extends = serde_json::Map::new();
    extends.insert(
        "g0".into(),
        json!({ "$type": "number", "x": { "$value": 1 } }),
    );
    for i in 1..10_000 {
        extends.insert(
            format!("g{i}"),
            json!({ "$extends": format!("{{g{}}}", i - 1) }),
        );
    }
    // Pretty-printed, so the error is on a line of its own.
    cases.push(Case::generated(
        "extends-chain-10000",
        Expect::Error,
        "entry.json",
        vec![(
            "entry.json",
            serde_json::to_vec_pretty(&extends).expect("json"),
        )],
    ));

    // Nesting: just past the limit, and far past it, in every shape the parsers see.
    let nest = |depth: usize, open: &str, close: &str, inner: &str| {
        let mut s = String::with_capacity(depth * (open.len() + close.len()) + inner.len());
        for _ in 0..depth {
            s.push_str(open);
        }
        s.push_str(inner);
        for _ in 0..depth {
            s.push_str(close);
        }
        s.into_bytes()
    };
    for depth in [257, 100_000] {
        cases.push(Case::generated(
            &format!("nesting-json-groups-{depth}"),
            Expect::Error,
            "entry.json",
            vec![(
                "entry.json",
                nest(depth, "{\"g\":", "}", "{\"$type\":\"number\",\"$value\":1}"),
            )],
        ));
    }
    cases.push(Case::generated(
        "nesting-json-arrays-100000",
        Expect::Error,
        "entry.json",
        vec![(
            "entry.json",
            [
                b"{\"a\":{\"$type\":\"number\",\"$value\":".as_slice(),
                &nest(100_000, "[", "]", "1"),
                b"}}",
            ]
            .concat(),
        )],
    ));
    let mut header = String::from("[");
    header.push_str(&vec!["g"; 100_000].join("."));
    header.push_str("]\nt = { \"$type\" = \"number\", \"$value\" = 1 }\n");
    cases.push(Case::generated(
        "nesting-toml-dotted-100000",
        Expect::Error,
        "entry.toml",
        vec![("entry.toml", header.into_bytes())],
    ));
    cases.push(Case::generated(
        "nesting-toml-inline-100000",
        Expect::Error,
        "entry.toml",
        vec![(
            "entry.toml",
            [
                b"a = ".as_slice(),
                &nest(
                    100_000,
                    "{ g = ",
                    " }",
                    "{ \"$type\" = \"number\", \"$value\" = 1 }",
                ),
                b"\n",
            ]
            .concat(),
        )],
    ));
    cases.push(Case::generated(
        "nesting-toml-arrays-100000",
        Expect::Error,
        "entry.toml",
        vec![(
            "entry.toml",
            [
                b"a = { \"$type\" = \"number\", \"$value\" = ".as_slice(),
                &nest(100_000, "[", "]", "1"),
                b" }\n",
            ]
            .concat(),
        )],
    ));

    // Size: 1 MB strings, 100,000 tokens in one group, 10,000 broken tokens.
    let mega = "x".repeat(1 << 20);
    cases.push(entry_json(
        "string-1mb",
        Expect::Output,
        &json!({ "f": { "$type": "fontFamily", "$value": mega, "$description": mega } }),
    ));
    let big = group("number", (0..100_000).map(|i| (format!("t{i}"), json!(i))));
    cases.push(entry_json(
        "group-100000-tokens",
        Expect::Output,
        &json!({ "g": big }),
    ));
    let broken = group(
        "color",
        (0..10_000).map(|i| (format!("c{i}"), json!("red"))),
    );
    cases.push(entry_json(
        "errors-10000",
        Expect::Error,
        &json!({ "c": broken }),
    ));
    // Typos into a 20,000-token group, minified on one line: suggestions stay bounded and
    // code frames show a window of the line.
    let typos = group(
        "number",
        (0..20_000)
            .map(|i| (format!("token{i}"), json!(i)))
            .chain((0..1_000).map(|i| (format!("bad{i}"), json!(format!("{{g.tokne{i}}}"))))),
    );
    cases.push(entry_json(
        "typos-into-huge-group-minified",
        Expect::Error,
        &json!({ "g": typos }),
    ));
    // 30,000 aliases to missing names in one minified group: did-you-mean stops once its budget
    // is spent instead of gathering every candidate for each, and columns on the one long line
    // are not counted from its start each time (both were quadratic: 50,000 took 9 s).
    let missing = group(
        "number",
        (0..30_000).map(|i| (format!("t{i}"), json!(format!("{{g.missing{i}}}")))),
    );
    cases.push(entry_json(
        "unknown-aliases-30000",
        Expect::Error,
        &json!({ "g": missing }),
    ));

    // A mangled TOML file: thousands of syntax errors, reported as twenty and a count.
    cases.push(Case::generated(
        "toml-syntax-flood",
        Expect::Error,
        "entry.toml",
        vec![(
            "entry.toml",
            "a = { b = = 1, , c }\n".repeat(5000).into_bytes(),
        )],
    ));

    let resolver = |source: &str| {
        json(&json!({
            "version": "2025.10",
            "sets": { "base": { "sources": [{ "$ref": source }] } },
            "resolutionOrder": [{ "$ref": "#/sets/base" }]
        }))
    };
    // A named pipe where a token file should be: refused, never read (reading blocks forever).
    let mut fifo = Case::generated(
        "fifo-as-source",
        Expect::Error,
        "tokens.resolver.json",
        vec![("tokens.resolver.json", resolver("pipe.tokens.json"))],
    );
    fifo.fifos.push("pipe.tokens.json".into());
    cases.push(fifo);

    // Encodings and line ends.
    let mut bad = b"{\n  \"f\": { \"$type\": \"fontFamily\", \"$value\": \"caf".to_vec();
    bad.extend_from_slice(&[0xC3, 0x28]);
    bad.extend_from_slice(b"\" }\n}\n");
    cases.push(Case::generated(
        "utf8-invalid-entry",
        Expect::Error,
        "entry.json",
        vec![("entry.json", bad.clone())],
    ));
    cases.push(Case::generated(
        "utf8-invalid-source",
        Expect::Error,
        "tokens.resolver.json",
        vec![
            ("bad.tokens.json", bad),
            ("tokens.resolver.json", resolver("bad.tokens.json")),
        ],
    ));
    let bom = |text: &str| [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    cases.push(Case::generated(
        "bom-json",
        Expect::Output,
        "entry.json",
        vec![(
            "entry.json",
            bom("{ \"n\": { \"$type\": \"number\", \"$value\": 1 } }\n"),
        )],
    ));
    cases.push(Case::generated(
        "bom-toml",
        Expect::Output,
        "entry.toml",
        vec![(
            "entry.toml",
            bom("n = { \"$type\" = \"number\", \"$value\" = 1 }\n"),
        )],
    ));
    cases.push(Case::generated(
        "bom-json-with-error",
        Expect::Error,
        "entry.json",
        vec![(
            "entry.json",
            bom("{ \"n\": { \"$type\": \"number\", \"$value\": \"x\" } }\n"),
        )],
    ));
    let crlf = |text: &str| text.replace('\n', "\r\n").into_bytes();
    cases.push(Case::generated(
        "crlf-json-with-error",
        Expect::Error,
        "entry.json",
        vec![(
            "entry.json",
            crlf("{\n  \"n\": {\n    \"$type\": \"number\",\n    \"ok\": { \"$value\": 1 },\n    \"bad\": { \"$value\": \"x\" }\n  }\n}\n"),
        )],
    ));
    cases.push(Case::generated(
        "crlf-toml-with-error",
        Expect::Error,
        "entry.toml",
        vec![(
            "entry.toml",
            crlf("[n]\n\"$type\" = \"number\"\nok = { \"$value\" = 1 }\nbad = { \"$value\" = \"x\" }\n"),
        )],
    ));
    cases.push(Case::generated(
        "cr-only-json-with-error",
        Expect::Error,
        "entry.json",
        vec![(
            "entry.json",
            "{\r  \"n\": {\r    \"$type\": \"number\",\r    \"bad\": { \"$value\": \"x\" }\r  }\r}\r"
                .as_bytes()
                .to_vec(),
        )],
    ));
    cases.push(Case::generated(
        "crlf-toml-valid",
        Expect::Output,
        "entry.toml",
        vec![(
            "entry.toml",
            crlf("# tokens\n[n]\n\"$type\" = \"number\"\na = { \"$value\" = 1, \"$description\" = \"one\" }\n"),
        )],
    ));

    // Links out of the project: a linked file and a linked folder.
    let mut link_file = Case::generated(
        "symlink-file-out",
        Expect::Error,
        "tokens.resolver.json",
        vec![("tokens.resolver.json", resolver("inside.tokens.json"))],
    );
    link_file
        .links
        .push(("inside.tokens.json".into(), "../outside.tokens.json".into()));
    cases.push(link_file);
    let mut link_dir = Case::generated(
        "symlink-folder-out",
        Expect::Error,
        "tokens.resolver.json",
        vec![(
            "tokens.resolver.json",
            resolver("shared/outside.tokens.json"),
        )],
    );
    link_dir.links.push(("shared".into(), "..".into()));
    cases.push(link_dir);

    // A file name that tries to leave the generated files' header comments (a name cannot hold
    // `/`, so `*/` and `</style` cannot be spelled; a newline, `<` and code can).
    cases.push(Case::generated(
        "file-name-injection",
        Expect::Output,
        "entry <style> *\n#[cfg(any())] pub fn evil() {}\r.json",
        vec![(
            "entry <style> *\n#[cfg(any())] pub fn evil() {}\r.json",
            b"{ \"n\": { \"$type\": \"number\", \"$value\": 1 } }\n".to_vec(),
        )],
    ));

    // Twelve modifiers of six contexts: 2 billion permutations. `build` compiles each context
    // on its own; listing them all is refused.
    let mut modifiers = serde_json::Map::new();
    let mut order = vec![json!({ "$ref": "#/sets/base" })];
    for m in 0..12 {
        let contexts: serde_json::Map<_, _> = (0..6)
            .map(|c| {
                (
                    format!("c{c}"),
                    json!([{ format!("m{m}"): { "$type": "number", "$value": c } }]),
                )
            })
            .collect();
        modifiers.insert(
            format!("m{m}"),
            json!({ "default": "c0", "contexts": contexts }),
        );
        order.push(json!({ "$ref": format!("#/modifiers/m{m}") }));
    }
    let permutations = json(&json!({
        "version": "2025.10",
        "sets": { "base": { "sources": [{ "n": { "$type": "number", "$value": 1 } }] } },
        "modifiers": modifiers,
        "resolutionOrder": order
    }));
    cases.push(Case::generated(
        "permutations-2-billion-build",
        Expect::Output,
        "tokens.resolver.json",
        vec![("tokens.resolver.json", permutations.clone())],
    ));
    let mut listed = Case::generated(
        "permutations-2-billion-resolve-all",
        Expect::Error,
        "tokens.resolver.json",
        vec![("tokens.resolver.json", permutations)],
    );
    listed.command = vec!["resolve".into(), "--all-permutations".into()];
    cases.push(listed);
    cases
}

/// Runs tokenc with a hard deadline.
fn run(dir: &Path, case: &Case) -> (Option<i32>, String, Duration) {
    let start = Instant::now();
    let mut child = Command::new(tokenc_bin())
        .current_dir(dir)
        .args(&case.command)
        .args([
            "--resolver",
            &case.entry,
            "--out-dir",
            "out",
            "--color",
            "never",
        ])
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tokenc");
    let stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = std::io::Read::read_to_end(&mut { stderr }, &mut text);
        text
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if start.elapsed() > TIME_LIMIT * 4 {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&reader.join().expect("reader")).into_owned();
    (status.and_then(|s| s.code()), stderr, elapsed)
}

/// Every `error[...]` block names `file:line:col` on the next line.
fn errors_are_located(stderr: &str) -> Result<usize, String> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut count = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("error[") {
            count += 1;
            let next = lines.get(i + 1).map(|l| l.trim_start()).unwrap_or("");
            let located = next.strip_prefix("--> ").is_some_and(|loc| {
                let mut parts = loc.rsplitn(3, ':');
                let col = parts.next().unwrap_or("");
                let line = parts.next().unwrap_or("");
                !col.is_empty()
                    && col.chars().all(|c| c.is_ascii_digit())
                    && !line.is_empty()
                    && line.chars().all(|c| c.is_ascii_digit())
            });
            if !located {
                return Err(format!("unlocated: {line}\n{next}"));
            }
        }
    }
    Ok(count)
}

/// The stylesheet holds exactly the custom properties `tokens.rs` names (typography adds its
/// `-font-…` parts), each a declaration of its own, and nothing that can end a `<style>`.
fn css_is_contained(css: &str, rust: &str) -> Result<usize, String> {
    use lightningcss::properties::Property;
    use lightningcss::rules::CssRule;
    use lightningcss::stylesheet::{ParserOptions, StyleSheet};
    let lower = css.to_ascii_lowercase();
    for bad in ["</style", "<script", "<!--", "]]>"] {
        if lower.contains(bad) {
            return Err(format!("the stylesheet contains `{bad}`"));
        }
    }
    let sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(|e| e.to_string())?;
    let declared: std::collections::BTreeSet<String> = rust
        .split("::new(\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|s| s.replace("\\\\", "\\"))
        .collect();
    let mut found = std::collections::BTreeSet::new();
    fn walk(
        rules: &[CssRule<'_>],
        found: &mut std::collections::BTreeSet<String>,
    ) -> Result<(), String> {
        for rule in rules {
            match rule {
                CssRule::Style(style) => {
                    if !style.rules.0.is_empty() {
                        return Err("a nested rule inside a token rule".into());
                    }
                    for d in style
                        .declarations
                        .declarations
                        .iter()
                        .chain(&style.declarations.important_declarations)
                    {
                        match d {
                            Property::Custom(c) => {
                                found.insert(c.name.as_ref().to_string());
                            }
                            other => return Err(format!("a non-custom property: {other:?}")),
                        }
                    }
                }
                CssRule::Media(media) => walk(&media.rules.0, found)?,
                other => return Err(format!("an unexpected rule: {other:?}")),
            }
        }
        Ok(())
    }
    walk(&sheet.rules.0, &mut found)?;
    // Names in tokens.rs are as written in CSS (escaped); lightningcss unescapes: compare both
    // through lightningcss by parsing each declared name.
    let declared: std::collections::BTreeSet<String> = declared
        .iter()
        .map(|name| {
            let probe = format!("a {{ {name}: 0 }}");
            let sheet = StyleSheet::parse(&probe, ParserOptions::default())
                .map_err(|e| format!("{name}: {e}"))?;
            match &sheet.rules.0[..] {
                [CssRule::Style(s)] => match &s.declarations.declarations[..] {
                    [Property::Custom(c)] => Ok(c.name.as_ref().to_string()),
                    other => Err(format!("{name} is not one custom property: {other:?}")),
                },
                _ => Err(format!("{name} does not parse as one declaration")),
            }
        })
        .collect::<Result<_, String>>()?;
    for name in &found {
        let part = declared.contains(name)
            || tokenc::emit::value::TYPOGRAPHY_PARTS.iter().any(|part| {
                name.strip_suffix(part)
                    .and_then(|n| n.strip_suffix('-'))
                    .is_some_and(|n| declared.contains(n))
            });
        if !part {
            return Err(format!("`{name}` is not a token of tokens.rs"));
        }
    }
    for name in &declared {
        if !found.contains(name) {
            return Err(format!("`{name}` of tokens.rs is not in the stylesheet"));
        }
    }
    Ok(found.len())
}

/// `tokens.rs` compiles as a library, holds no doctest, and every line mentioning the hostile
/// marker `evil` is inside a doc or deprecation string.
fn rust_is_contained(rust_path: &Path, scratch: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(rust_path).map_err(|e| e.to_string())?;
    for line in text.lines() {
        let t = line.trim_start();
        let quoted = t.starts_with("#[doc = \"") || t.starts_with("#[deprecated = \"");
        if t.contains("evil") && !quoted && !t.starts_with("// @generated by tokenc from ") {
            return Err(format!("hostile text outside a string: {line}"));
        }
    }
    if text.len() > 2 << 20 {
        return Ok(()); // compiling a 12 MB file adds a minute and proves nothing new
    }
    let out = Command::new("rustc")
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--emit=metadata",
            "--crate-name",
            "tokens",
            "-o",
        ])
        .arg(scratch.join("tokens.rmeta"))
        .arg(rust_path)
        .output()
        .map_err(|e| format!("rustc: {e}"))?;
    if !out.status.success() {
        return Err(format!("rustc: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let out = Command::new("rustdoc")
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--crate-name",
            "tokens",
            "--test",
        ])
        .arg(rust_path)
        .output()
        .map_err(|e| format!("rustdoc: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() || !stdout.contains("running 0 tests") {
        return Err(format!(
            "rustdoc --test found doctests or failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

fn materialise(case: &Case, base: &Path) -> PathBuf {
    let project = base.join("project");
    std::fs::create_dir_all(&project).expect("mkdir");
    std::fs::write(
        base.join("outside.tokens.json"),
        b"{ \"secret\": { \"$type\": \"number\", \"$value\": 42 } }\n",
    )
    .expect("write");
    for (rel, bytes) in &case.files {
        let path = project.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write");
    }
    for fifo in &case.fifos {
        let made = Command::new("mkfifo")
            .arg(project.join(fifo))
            .status()
            .expect("mkfifo");
        assert!(made.success(), "mkfifo failed");
    }
    for (link, target) in &case.links {
        #[cfg(unix)]
        std::os::unix::fs::symlink(target, project.join(link)).expect("symlink");
        #[cfg(not(unix))]
        let _ = (link, target);
    }
    project
}

/// Runs one case; returns the report for its snapshot, or why it failed.
fn check_case(case: &Case, scratch: &Path) -> Result<String, String> {
    let base = scratch.join(&case.name);
    let project = materialise(case, &base);
    let (code, stderr, elapsed) = run(&project, case);
    let Some(code) = code else {
        return Err(format!(
            "killed after {elapsed:?} (hang or crash)\n{stderr}"
        ));
    };
    if stderr.contains("panicked") || stderr.contains("stack overflow") || !(0..=2).contains(&code)
    {
        return Err(format!("crashed with exit {code}:\n{stderr}"));
    }
    if elapsed > TIME_LIMIT {
        return Err(format!("took {elapsed:?}"));
    }
    let out = project.join("out");
    let written: Vec<String> = std::fs::read_dir(&out)
        .map(|d| {
            let mut v: Vec<String> = d
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        })
        .unwrap_or_default();
    let mut report = format!("exit {code}; written: [{}]\n", written.join(", "));
    match case.expect {
        Expect::Error | Expect::Misuse => {
            let want = if case.expect == Expect::Error { 1 } else { 2 };
            if code != want {
                return Err(format!("exit {code}, expected {want}:\n{stderr}"));
            }
            if !written.is_empty() {
                return Err(format!("wrote {written:?} despite errors"));
            }
            if case.expect == Expect::Misuse {
                let name = Path::new(&case.entry)
                    .file_name()
                    .unwrap()
                    .to_string_lossy();
                if !stderr.contains(name.as_ref()) {
                    return Err(format!("the message does not name {name}:\n{stderr}"));
                }
            } else if errors_are_located(&stderr)? == 0 {
                return Err(format!("exit 1 without an error:\n{stderr}"));
            }
        }
        Expect::Output => {
            if code != 0 {
                return Err(format!("exit {code}, expected outputs:\n{stderr}"));
            }
            errors_are_located(&stderr)?;
            let css = std::fs::read_to_string(out.join("tokens.css")).map_err(|e| e.to_string())?;
            let rust = std::fs::read_to_string(out.join("tokens.rs")).map_err(|e| e.to_string())?;
            let properties = css_is_contained(&css, &rust)?;
            rust_is_contained(&out.join("tokens.rs"), &base)?;
            report.push_str(&format!("custom properties: {properties}\n"));
            if css.len() < 4096 {
                report.push_str("\n=== tokens.css ===\n");
                report.push_str(&css);
            }
        }
    }
    // Snapshots hold the first diagnostics only: the big cases print thousands.
    let shown: String = stderr
        .replace(&*base.to_string_lossy(), "<case>")
        .lines()
        .take(60)
        .map(|l| {
            let mut l = l.trim_end().to_string();
            if l.len() > 300 {
                let cut = (0..=300)
                    .rev()
                    .find(|&i| l.is_char_boundary(i))
                    .unwrap_or(0);
                l.truncate(cut);
                l.push('…');
            }
            l + "\n"
        })
        .collect();
    report.push_str("\n=== stderr ===\n");
    report.push_str(&shown);
    Ok(report)
}

#[test]
fn hostile_inputs_get_located_errors_or_contained_outputs() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let mut cases = committed();
    let committed_count = cases.len();
    cases.extend(generated());
    let mut failures = Vec::new();
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots/hostile");
    for case in &cases {
        let t = Instant::now();
        let result = check_case(case, scratch.path());
        eprintln!("{:>8.2?} {}", t.elapsed(), case.name);
        match result {
            Ok(report) => {
                settings.bind(|| insta::assert_snapshot!(case.name.as_str(), report));
            }
            Err(why) => failures.push(format!("{}: {why}", case.name)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} hostile cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
    assert!(
        committed_count >= 60 && cases.len() >= 90,
        "the corpus shrank: {committed_count} committed, {} in all",
        cases.len()
    );
}

/// Every crate root of the workspace (libraries, binaries, examples, benches, tests) says
/// `#![forbid(unsafe_code)]`, and every member inherits the workspace lints that forbid it too.
#[test]
fn every_crate_forbids_unsafe_code() {
    let root = crate::support::workspace_dir();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("unsafe_code = \"forbid\""));
    let members: toml::Table = manifest.parse().expect("manifest");
    let members = members["workspace"]["members"].as_array().expect("members");
    let mut roots = Vec::new();
    for member in members {
        let dir = root.join(member.as_str().expect("path"));
        let cargo = std::fs::read_to_string(dir.join("Cargo.toml")).expect("member manifest");
        assert!(
            cargo.contains("[lints]\nworkspace = true"),
            "{} does not inherit the workspace lints",
            dir.display()
        );
        let mut stack = vec![dir.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).expect("folder").flatten() {
                let path = e.path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if path.is_dir() {
                    if !matches!(
                        name.as_str(),
                        "target" | "fixtures" | "snapshots" | "node_modules"
                    ) {
                        stack.push(path);
                    }
                    continue;
                }
                let parent = d.file_name().unwrap().to_string_lossy().into_owned();
                let is_root = matches!(name.as_str(), "lib.rs" | "main.rs")
                    && (d == dir.join("src") || d == dir || d.starts_with(dir.join("src/bin")))
                    || (matches!(parent.as_str(), "benches" | "examples") && name.ends_with(".rs"));
                if is_root {
                    roots.push(path);
                }
            }
        }
    }
    assert!(roots.len() >= 12, "{roots:?}");
    for path in roots {
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("#![forbid(unsafe_code)]"),
            "{} lacks #![forbid(unsafe_code)]",
            path.display()
        );
    }
}
