//! A mutation fuzzer for tokenc on stable Rust (no nightly, no sanitizer coverage here):
//! `cargo run --release -p tokenc --example fuzz -- [--minutes N] [--seed S]`, or
//! `cargo xtask fuzz --minutes N`.
//!
//! Seeds are every file of `tests/fixtures` (valid, invalid, rules, hostile). Each round takes a
//! seed, applies a few random edits (flips, cuts, copies, splices with another seed, fragments
//! of JSON/TOML/DTCG from `tests/fixtures/dictionary.json`, extreme numbers, deep repetition), compiles it as a token file and as
//! the entry of its fixture's other files, renders every diagnostic in every format, and parses
//! any stylesheet back with lightningcss. A panic, a stylesheet that does not parse back, or a
//! round slower than three seconds is a finding: its input is saved in `target/fuzz/findings/`.
//! Inputs that produce a diagnostic never seen before join the seeds (a coarse stand-in for
//! coverage feedback). A run killed by the OS (stack overflow, out of memory) leaves
//! `target/fuzz/last-input.*`, which the next run files as a finding.
#![forbid(unsafe_code)]

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tokenc::diagnostics::{render_github, render_human, render_json};
use tokenc::{MemoryLoader, Settings, SourceMap};

/// How many grown inputs the corpus keeps beside the seeds.
const MAX_GROWN: usize = 2000;

/// Whether a round is running (its panics are findings, not crashes of the fuzzer).
static IN_ROUND: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// xorshift64*: small, fast, reproducible from `--seed`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One random edit of `text` (kept valid UTF-8).
fn mutate(rng: &mut Rng, text: &str, other: &str, dictionary: &[String]) -> String {
    let at = |rng: &mut Rng, s: &str| {
        let mut i = rng.below(s.len() + 1);
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let i = at(rng, text);
    let j = {
        let mut j = (i + 1 + rng.below(64)).min(text.len());
        while !text.is_char_boundary(j) {
            j -= 1;
        }
        j.max(i)
    };
    match rng.below(9) {
        0 => format!("{}{}", &text[..i], &text[j..]),
        1 => format!("{}{}", &text[..j], &text[i..]),
        2 => {
            let word = &dictionary[rng.below(dictionary.len())];
            format!("{}{word}{}", &text[..i], &text[i..])
        }
        3 => {
            let word = &dictionary[rng.below(dictionary.len())];
            format!("{}{word}{}", &text[..i], &text[j..])
        }
        4 => {
            let a = at(rng, other);
            let mut b = (a + rng.below(256)).min(other.len());
            while !other.is_char_boundary(b) {
                b -= 1;
            }
            format!("{}{}{}", &text[..i], &other[a..b.max(a)], &text[j..])
        }
        5 => text[..i].to_string(),
        6 => {
            // Deep or long repetition of a small piece.
            let mut end = j.min(i + 8);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let piece = &text[i..end.max(i)];
            let times = [2, 10, 300, 3000][rng.below(4)];
            format!("{}{}{}", &text[..i], piece.repeat(times), &text[i..])
        }
        7 => {
            // Swap a number for an extreme one.
            let numbers = [
                "1e308",
                "-1e308",
                "1e400",
                "4294967296",
                "-0.0",
                "1e-320",
                "99999999999999999999",
            ];
            match text[i..].find(|c: char| c.is_ascii_digit()) {
                Some(k) => {
                    let start = i + k;
                    let end = text[start..]
                        .find(|c: char| !c.is_ascii_digit() && c != '.')
                        .map_or(text.len(), |e| start + e);
                    format!(
                        "{}{}{}",
                        &text[..start],
                        numbers[rng.below(numbers.len())],
                        &text[end..]
                    )
                }
                None => text.to_string(),
            }
        }
        _ => {
            let mut bytes = text.as_bytes().to_vec();
            if !bytes.is_empty() {
                let k = rng.below(bytes.len());
                bytes[k] ^= 1 << rng.below(7);
            }
            String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
        }
    }
}

/// A seed: a fixture folder's files, one of which is mutated and compiled as the entry.
#[derive(Clone)]
struct Seed {
    files: Vec<(PathBuf, String)>,
    entry: usize,
}

fn seeds(root: &Path) -> Vec<Seed> {
    let mut out = Vec::new();
    for kind in ["valid", "invalid", "rules", "hostile"] {
        let Ok(dirs) = std::fs::read_dir(root.join(kind)) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = dirs.flatten().map(|e| e.path()).collect();
        dirs.sort();
        for dir in dirs {
            let mut files = Vec::new();
            let mut stack = vec![dir.clone()];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                    let path = e.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if let Ok(text) = std::fs::read_to_string(&path) {
                        let rel = path.strip_prefix(&dir).unwrap_or(&path).to_path_buf();
                        if rel != Path::new("expect.toml") {
                            files.push((Path::new("/p").join(rel), text));
                        }
                    }
                }
            }
            files.sort();
            for entry in 0..files.len() {
                let ext = files[entry].0.extension().and_then(|e| e.to_str());
                if matches!(ext, Some("json" | "toml")) {
                    out.push(Seed {
                        files: files.clone(),
                        entry,
                    });
                }
            }
        }
    }
    out
}

/// What one round found wrong, if anything; and the codes it reported.
fn round(seed: &Seed, text: &str) -> (Option<String>, Vec<String>) {
    IN_ROUND.store(true, std::sync::atomic::Ordering::Relaxed);
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut loader = MemoryLoader::new();
        for (i, (path, contents)) in seed.files.iter().enumerate() {
            loader.insert(
                path,
                if i == seed.entry {
                    text
                } else {
                    contents.as_str()
                },
            );
        }
        let entry = &seed.files[seed.entry].0;
        let settings = Settings::for_resolver(entry);
        let Ok(compilation) = tokenc::compile_with(&loader, &settings, SourceMap::new()) else {
            return (None, Vec::new());
        };
        let mut codes = Vec::new();
        for d in &compilation.diagnostics {
            let _ = render_human(&compilation.files, d, false);
            let _ = render_json(&compilation.files, d);
            let _ = render_github(&compilation.files, d);
            // The message up to its first quoted part or number: the kind of problem, not
            // the names in it.
            let kind = d
                .message
                .split(['`', '"', '\''])
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
            codes.push(format!("{}: {kind}", d.code));
        }
        let problem = compilation.outputs.as_ref().and_then(|o| {
            use lightningcss::stylesheet::{ParserOptions, StyleSheet};
            let options = ParserOptions {
                error_recovery: false,
                ..ParserOptions::default()
            };
            StyleSheet::parse(&o.css, options)
                .err()
                .map(|e| format!("tokens.css does not parse back: {e}"))
        });
        (problem, codes)
    }));
    IN_ROUND.store(false, std::sync::atomic::Ordering::Relaxed);
    match result {
        Ok(found) => found,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic".into());
            (Some(format!("panic: {message}")), Vec::new())
        }
    }
}

fn main() {
    let mut minutes = 5.0_f64;
    let mut seed = 0x5EED_u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--minutes" => minutes = args.next().and_then(|m| m.parse().ok()).unwrap_or(minutes),
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            other => {
                eprintln!("usage: fuzz [--minutes N] [--seed S] (unknown: {other})");
                std::process::exit(2);
            }
        }
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace");
    let out = workspace.join("target/fuzz");
    let findings = out.join("findings");
    std::fs::create_dir_all(&findings).expect("target/fuzz");
    // A previous run that died without unwinding left its last input behind.
    let marker = out.join("running");
    if marker.exists() {
        for ext in ["json", "toml"] {
            let last = out.join(format!("last-input.{ext}"));
            if last.exists() {
                let to = findings.join(format!("killed-{}.{ext}", std::process::id()));
                let _ = std::fs::rename(&last, &to);
                eprintln!(
                    "the previous run died on {}: kept as a finding",
                    to.display()
                );
            }
        }
    }
    std::fs::write(&marker, "").expect("marker");
    // Panics inside a round are findings, reported once by the loop; any other is a bug here.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_ROUND.load(std::sync::atomic::Ordering::Relaxed) {
            default_hook(info);
        }
    }));

    let mut corpus = seeds(&workspace.join("tests/fixtures"));
    assert!(!corpus.is_empty(), "no seeds in tests/fixtures");
    let seeded = corpus.len();
    // Fragments that matter to the parsers and the DTCG reader (shared with the property tests).
    let dictionary: Vec<String> =
        std::fs::read_to_string(workspace.join("tests/fixtures/dictionary.json"))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .expect("tests/fixtures/dictionary.json: a JSON array of strings");
    let mut rng = Rng(seed | 1);
    let mut seen: HashSet<String> = HashSet::new();
    let (mut rounds, mut found) = (0u64, 0usize);
    let start = Instant::now();
    let deadline = Duration::from_secs_f64(minutes * 60.0);
    let mut report = Instant::now();
    while start.elapsed() < deadline {
        let pick = corpus[rng.below(corpus.len())].clone();
        let other = &corpus[rng.below(corpus.len())];
        let other = other.files[other.entry].1.clone();
        let mut text = pick.files[pick.entry].1.clone();
        for _ in 0..1 + rng.below(8) {
            text = mutate(&mut rng, &text, &other, &dictionary);
        }
        text.truncate(text.floor_char_boundary(1 << 20));
        let ext = pick.files[pick.entry]
            .0
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("json")
            .to_string();
        let last = out.join(format!("last-input.{ext}"));
        let _ = std::fs::write(&last, &text);
        let began = Instant::now();
        let (problem, codes) = round(&pick, &text);
        let slow = began.elapsed() > Duration::from_secs(3);
        rounds += 1;
        if let Some(problem) = problem.or(slow.then(|| format!("slow: {:?}", began.elapsed()))) {
            found += 1;
            let name = findings.join(format!("{seed}-{rounds}.{ext}"));
            let _ = std::fs::write(&name, &text);
            let _ = std::fs::write(name.with_extension("txt"), &problem);
            eprintln!("finding {}: {problem}", name.display());
        }
        if codes.iter().any(|c| !seen.contains(c)) {
            seen.extend(codes);
            let mut grown = pick.clone();
            grown.files[grown.entry].1 = text;
            // Bounded: past the limit a grown input replaces another grown one.
            if corpus.len() < seeded + MAX_GROWN {
                corpus.push(grown);
            } else {
                let k = seeded + rng.below(MAX_GROWN);
                corpus[k] = grown;
            }
        }
        if report.elapsed() > Duration::from_secs(60) {
            report = Instant::now();
            eprintln!(
                "{:>6.1} min: {rounds} rounds ({:.0}/s), corpus {}, distinct diagnostics {}, findings {found}",
                start.elapsed().as_secs_f64() / 60.0,
                rounds as f64 / start.elapsed().as_secs_f64(),
                corpus.len(),
                seen.len()
            );
        }
    }
    let _ = std::fs::remove_file(&marker);
    for ext in ["json", "toml"] {
        let _ = std::fs::remove_file(out.join(format!("last-input.{ext}")));
    }
    println!(
        "fuzz: {rounds} rounds in {:.1} min (seed {seed}), corpus {}, distinct diagnostics {}, findings {found}{}",
        start.elapsed().as_secs_f64() / 60.0,
        corpus.len(),
        seen.len(),
        if found > 0 {
            format!(" (in {})", findings.display())
        } else {
            String::new()
        }
    );
    if found > 0 {
        std::process::exit(1);
    }
}
