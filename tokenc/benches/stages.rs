//! Each stage of the pipeline on the generated 10k and 100k sets (`bench/gen_tokens.py`), so a
//! regression shows where it happens: parse, load (parse + flatten + resolver), resolve (one
//! permutation), validate (the lints over it), emit CSS and emit Rust (from resolved tokens), and
//! the whole compile. `cargo bench -p tokenc --bench stages`; `STAGES_SIZES=10000` for one size.
//! The sets are generated into `target/bench/sets/` when missing (python3).
#![forbid(unsafe_code)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use tokenc::permute::Permutations;
use tokenc::source::FileId;
use tokenc::{MemoryLoader, Selection, Settings, SourceMap};

/// The allocator the `tokenc` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tokenc/ is in the workspace")
        .to_path_buf()
}

/// The generated set of `n` tokens: (file path, text) of every JSON file, and the resolver path.
fn set(n: u32) -> (Vec<(PathBuf, String)>, PathBuf) {
    let dir = root().join(format!("target/bench/sets/n{n}"));
    if !dir.join("tokens.resolver.json").exists() {
        let status = std::process::Command::new("python3")
            .arg(root().join("bench/gen_tokens.py"))
            .args(["--n", &n.to_string(), "--seed", "42", "--out"])
            .arg(&dir)
            .status()
            .expect("python3 runs bench/gen_tokens.py");
        assert!(status.success(), "gen_tokens.py failed");
    }
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .expect("set folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.to_string_lossy().ends_with(".tokens.json") || p.ends_with("tokens.resolver.json")
        })
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            (p, text)
        })
        .collect();
    files.sort();
    (files, dir.join("tokens.resolver.json"))
}

fn stages(c: &mut Criterion) {
    let sizes: Vec<u32> = std::env::var("STAGES_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    for n in sizes {
        let (files, entry) = set(n);
        let mut loader = MemoryLoader::new();
        for (path, text) in &files {
            loader.insert(path, text.clone());
        }
        let settings = Settings::for_resolver(&entry);
        let mut group = c.benchmark_group(format!("{n}"));
        group.sample_size(if n >= 100_000 { 10 } else { 20 });

        group.bench_function("parse", |b| {
            b.iter(|| {
                for (i, (path, text)) in files.iter().enumerate() {
                    let format = tokenc::parse::Format::of(path);
                    black_box(tokenc::parse::parse(FileId(i as u32), text, format));
                }
            })
        });
        let load = || {
            tokenc::load::load(&loader, &entry, &settings.roots, SourceMap::new())
                .expect("the set loads")
        };
        group.bench_function("load", |b| b.iter(|| black_box(load())));

        let project = load();
        let defaults = Selection::defaults(&project);
        group.bench_function("resolve", |b| {
            b.iter(|| black_box(tokenc::resolve::resolve(&project, &defaults)))
        });
        let (resolved, _) = tokenc::resolve::resolve(&project, &defaults);
        group.bench_function("validate", |b| {
            b.iter(|| black_box(tokenc::validate::check_resolved(&resolved, "")))
        });

        // Emission from permutations already resolved (setup, not measured).
        let warmed = || {
            let mut perms = Permutations::new(&project, "");
            for s in perms.singles() {
                perms.get(&s);
            }
            perms
        };
        group.bench_function("emit css", |b| {
            b.iter_batched(
                warmed,
                |mut perms| {
                    black_box(tokenc::emit::css::emit_css(
                        &mut perms,
                        &settings.css,
                        "bench",
                    ))
                },
                BatchSize::LargeInput,
            )
        });
        let mut perms = warmed();
        let held: Vec<_> = perms.singles().iter().map(|s| perms.get(s)).collect();
        let refs = tokenc::emitted_tokens(&held);
        group.bench_function("emit rust", |b| {
            b.iter(|| black_box(tokenc::emit::rust::emit_rust(&project, &refs, "", "bench")))
        });
        group.bench_function("compile", |b| {
            b.iter(|| black_box(tokenc::compile(&loader, &settings).expect("compiles")))
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
