//! Project automation. `cargo xtask <command>`:
//!
//! - `start`: the main job: regenerate the tokens, build the gallery and the example app, and
//!   serve both on http://127.0.0.1:3000 (gallery under `/book/`).
//! - `test`: everything CI checks: formatting, clippy, the whole test suite, then the browser
//!   tests in `e2e/` (headless Chromium).
//! - `regen`: regenerate `components/` from `tokens/` with tokenc, `components/styles/crust-ui.css`
//!   and `docs/diagnostics.md`.
//! - `gallery [--no-serve]`: regenerate, build the mdBook gallery, and serve it on 127.0.0.1:3000.
//! - `example`: build the example app (server, wasm bundle through wasm-bindgen and wasm-opt)
//!   and serve it on http://127.0.0.1:3000.
//! - `swatches`: regenerate, then draw every token on one page (`target/swatches/index.html`) and
//!   screenshot it in each theme (`docs/images/tokens-*.png`).
//! - `palette [--hue H --chroma C [--name N]]`: rewrite `tokens/base/color.toml` from the ramps in
//!   `palette.rs`, or print one ramp for a brand hue.
//! - `bench [--sizes …] [--runs N] [--no-peers]`: tokenc beside Style Dictionary and Terrazzo on
//!   generated sets (see `bench.rs`).
//!
//! Tools that are missing are installed first (pinned versions), so each command works on a
//! fresh machine.
#![forbid(unsafe_code)]

mod bench;
mod palette;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const MDBOOK_VERSION: &str = "0.5.4";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(&root),
        Some("regen") => regen(&root),
        Some("gallery") => gallery(&root, !args.iter().any(|a| a == "--no-serve")),
        Some("palette") => palette_command(&root, &args[1..]),
        Some("swatches") => swatches(&root),
        Some("bench") => bench::bench(&root, &args[1..]),
        Some("fuzz") => fuzz(&root, &args[1..]),
        Some("example") => build_example(&root).and_then(|()| serve_example(&root)),
        Some("start") => gallery(&root, false)
            .and_then(|()| build_example(&root))
            .and_then(|()| serve_example(&root)),
        _ => {
            eprintln!(
                "usage: cargo xtask <start | test | regen | gallery [--no-serve] | example | swatches | palette [--hue H --chroma C [--name N]] | bench [--sizes 1000,10000 --runs 5 --no-peers --tz-max 10000] | fuzz [--minutes N --seed S]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Runs a command in `dir`, echoing it, and fails if it fails.
fn run(dir: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn test(root: &Path) -> Result<(), String> {
    let cargo = cargo();
    // rustfmt and clippy come with the toolchain but can be missing from a minimal profile.
    let _ = Command::new("rustup")
        .args(["component", "add", "rustfmt", "clippy"])
        .status();
    run(root, &cargo, &["fmt", "--all", "--", "--check"])?;
    // One feature resolution for everything (`--workspace`), so nothing is built twice.
    run(root, &cargo, &["build", "--workspace", "--locked"])?;
    run(
        root,
        &cargo,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    run(root, &cargo, &["test", "--workspace", "--locked"])?;
    browser_tests(root)
}

/// The mutation fuzzer (`tokenc/examples/fuzz.rs`), optimised, for `--minutes N` (default 5).
/// Findings go to `target/fuzz/findings/`; exit 1 when there are any.
fn fuzz(root: &Path, args: &[String]) -> Result<(), String> {
    let mut cargo_args = vec![
        "run",
        "--release",
        "--locked",
        "-p",
        "tokenc",
        "--example",
        "fuzz",
        "--",
    ];
    cargo_args.extend(args.iter().map(String::as_str));
    run(root, &cargo(), &cargo_args)
}

/// Installs what the browser tests need when it is missing (Chromium from Debian's packages,
/// the npm packages pinned by `e2e/package-lock.json`), then runs them.
fn browser_tests(root: &Path) -> Result<(), String> {
    ensure_e2e(root)?;
    // `tokenc export` read back by another DTCG implementation (@terrazzo/parser).
    run(&root.join("e2e"), "node", &["terrazzo.mjs"])?;
    // A real public token set (GitHub's Primer) through import and export, values unchanged.
    run(&root.join("e2e"), "node", &["real-systems.mjs"])?;
    run(&root.join("e2e"), "node", &["cascade.mjs"])?;
    build_csr_example(root)?;
    run(&root.join("e2e"), "node", &["csr.mjs"])?;
    build_example(root)?;
    // The example app on a port of its own, for the length of its tests.
    let addr = "127.0.0.1:3917";
    let mut server = Command::new(root.join("target/debug/crust-example"))
        .env("CRUST_ADDR", addr)
        .env("RUST_BACKTRACE", "0")
        .spawn()
        .map_err(|e| format!("cannot start the example server: {e}"))?;
    let result = run(
        &root.join("e2e"),
        "node",
        &["example.mjs", &format!("http://{addr}")],
    )
    .and_then(|()| {
        // The gallery, served by the same server under /book/: static specimens from the
        // preprocessor, then the live bundle mounting them.
        build_gallery_bundle(root)?;
        ensure_mdbook()?;
        run(&root.join("book"), "mdbook", &["build"])?;
        run(
            &root.join("e2e"),
            "node",
            &["book.mjs", &format!("http://{addr}/book/")],
        )?;
        // The WAI-ARIA keyboard patterns, key by key, on the gallery's live demos.
        run(
            &root.join("e2e"),
            "node",
            &["apg.mjs", &format!("http://{addr}/book/")],
        )
    });
    let _ = server.kill();
    let _ = server.wait();
    result
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_string());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// The wasm target and a wasm-bindgen CLI matching Cargo.lock, installed when missing.
fn ensure_wasm_tools(root: &Path) -> Result<(), String> {
    let _ = Command::new("rustup")
        .args(["target", "add", "wasm32-unknown-unknown"])
        .status();
    let version = locked_wasm_bindgen(root)?;
    let installed = Command::new("wasm-bindgen")
        .arg("--version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .ends_with(&version)
        })
        .unwrap_or(false);
    if installed {
        return Ok(());
    }
    // Without --locked: the CLI's own lockfile pins crates the registry no longer serves.
    let spec = format!("wasm-bindgen-cli@{version}");
    run(root, &cargo(), &["install", &spec])
}

/// Builds the example app: the server (debug, sharing the workspace's build) and the browser
/// bundle (release wasm, wasm-bindgen, then wasm-opt -Oz from the npm binaryen package).
fn build_example(root: &Path) -> Result<(), String> {
    ensure_wasm_tools(root)?;
    // Only npm's binaryen (wasm-opt) is needed here; the browser tests ensure Chromium.
    ensure_npm(root)?;
    let cargo = cargo();
    run(
        root,
        &cargo,
        &[
            "build",
            "--locked",
            "-p",
            "crust-example",
            "--features",
            "ssr",
            "--bin",
            "crust-example",
        ],
    )?;
    run(
        root,
        &cargo,
        &[
            "build",
            "--locked",
            "-p",
            "crust-example",
            "--lib",
            "--profile",
            "wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            "hydrate",
        ],
    )?;
    bind_wasm(
        root,
        "target/wasm32-unknown-unknown/wasm/crust_example.wasm",
        &root.join("examples/settings/site/pkg"),
        "crust_example",
        true,
    )
}

/// Builds the client-side example into `examples/csr/dist` (wasm-bindgen, the page with
/// `THEME_SCRIPT` inlined, and the stylesheet).
fn build_csr_example(root: &Path) -> Result<(), String> {
    ensure_wasm_tools(root)?;
    run(
        root,
        &cargo(),
        &[
            "build",
            "--locked",
            "-p",
            "crust-csr-example",
            "--profile",
            "wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            "csr",
        ],
    )?;
    let dist = root.join("examples/csr/dist");
    bind_wasm(
        root,
        "target/wasm32-unknown-unknown/wasm/crust-csr-example.wasm",
        &dist,
        "crust_csr_example",
        false,
    )?;
    let read = |p: &str| {
        std::fs::read_to_string(root.join(p)).map_err(|e| format!("cannot read {p}: {e}"))
    };
    // The same bytes the crate exports as THEME_SCRIPT and STYLESHEET.
    let script = extract_const(&read("components/src/theme/mod.rs")?, "THEME_SCRIPT")?;
    let page = read("examples/csr/index.html")?.replace("__THEME_SCRIPT__", &script);
    let write = |name: &str, text: &str| {
        std::fs::write(dist.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("index.html", &page)?;
    write("crust-ui.css", &read("components/styles/crust-ui.css")?)
}

/// The raw string of `pub const NAME: &str = r#"…"#;` in a Rust source.
fn extract_const(source: &str, name: &str) -> Result<String, String> {
    let start = source
        .find(&format!("pub const {name}: &str = r#\""))
        .ok_or_else(|| format!("{name} not found"))?;
    let body = &source[start..];
    let open = body.find("r#\"").ok_or("no raw string")? + 3;
    let close = body[open..].find("\"#").ok_or("unterminated raw string")?;
    Ok(body[open..open + close].to_string())
}

/// `wasm-bindgen --target web` of a built wasm file into `out_dir/<name>.js` and
/// `<name>_bg.wasm`, then (when `optimize`) `wasm-opt -Oz` from the npm binaryen package.
fn bind_wasm(
    root: &Path,
    wasm: &str,
    out_dir: &Path,
    name: &str,
    optimize: bool,
) -> Result<(), String> {
    let out = out_dir.to_str().ok_or("non-UTF-8 path")?;
    run(
        root,
        "wasm-bindgen",
        &[
            wasm,
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            out,
            "--out-name",
            name,
        ],
    )?;
    if !optimize {
        return Ok(());
    }
    let bg = out_dir.join(format!("{name}_bg.wasm"));
    let bg = bg.to_str().ok_or("non-UTF-8 path")?;
    run(
        root,
        "e2e/node_modules/.bin/wasm-opt",
        &[
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            bg,
            "-o",
            bg,
        ],
    )
}

/// Runs the example server in the foreground.
fn serve_example(root: &Path) -> Result<(), String> {
    eprintln!(
        "example app on http://127.0.0.1:3000, gallery on http://127.0.0.1:3000/book/ (Ctrl-C stops it)"
    );
    run(root, "target/debug/crust-example", &[])
}

/// Chromium and the pinned npm packages of `e2e/`, installed when missing.
fn ensure_e2e(root: &Path) -> Result<(), String> {
    ensure_chromium()?;
    ensure_npm(root)
}

/// The npm packages of `e2e/` (playwright-core, axe-core, binaryen, @terrazzo/parser,
/// @primer/primitives and json5), from its lockfile.
fn ensure_npm(root: &Path) -> Result<(), String> {
    let e2e = root.join("e2e");
    let installed = e2e.join("node_modules/.package-lock.json");
    let stale = match (
        std::fs::metadata(&installed).and_then(|m| m.modified()),
        std::fs::metadata(e2e.join("package-lock.json")).and_then(|m| m.modified()),
    ) {
        (Ok(have), Ok(want)) => have < want,
        _ => true,
    };
    if stale {
        run(&e2e, "npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

/// The live gallery bundle: the demos compiled to wasm, into `book/src/live/` (mdBook copies
/// it into the book; `book/theme/gallery.js` loads it).
fn build_gallery_bundle(root: &Path) -> Result<(), String> {
    ensure_wasm_tools(root)?;
    ensure_npm(root)?;
    run(
        root,
        &cargo(),
        &[
            "build",
            "--locked",
            "-p",
            "crust-gallery",
            "--lib",
            "--profile",
            "wasm",
            "--target",
            "wasm32-unknown-unknown",
        ],
    )?;
    bind_wasm(
        root,
        "target/wasm32-unknown-unknown/wasm/crust_gallery.wasm",
        &root.join("book/src/live"),
        "crust_gallery",
        true,
    )
}

/// `swatches`: the token swatch page and its screenshots (see `e2e/swatches.mjs`).
fn swatches(root: &Path) -> Result<(), String> {
    regen(root)?;
    ensure_e2e(root)?;
    run(&root.join("e2e"), "node", &["swatches.mjs"])
}

/// Chromium from Debian's packages at /usr/bin/chromium (or `$CHROMIUM`).
fn ensure_chromium() -> Result<(), String> {
    let path = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Path::new(&path).exists() {
        return Ok(());
    }
    eprintln!("Chromium is missing; installing Debian's package");
    let apt = |args: &[&str]| {
        Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    };
    if apt(&["update", "-qq"]) && apt(&["install", "-y", "-qq", "chromium"]) {
        Ok(())
    } else {
        Err(format!(
            "no Chromium at {path}: install it (`apt-get install chromium`) or set CHROMIUM"
        ))
    }
}

fn regen(root: &Path) -> Result<(), String> {
    run(root, &cargo(), &["build", "--workspace", "--locked"])?;
    let tokenc = root.join("target/debug/tokenc");
    run(
        root,
        tokenc.to_str().unwrap_or("tokenc"),
        &["build", "--config", "tokens/tokenc.toml"],
    )?;
    // docs/diagnostics.md and components/styles/crust-ui.css are written by their freshness
    // tests when blessed.
    eprintln!("$ TOKENC_BLESS=1 cargo test --workspace _is_fresh");
    let status = Command::new(cargo())
        .args(["test", "-q", "--workspace", "--locked", "_is_fresh"])
        .env("TOKENC_BLESS", "1")
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("regenerating docs/diagnostics.md and crust-ui.css failed".into())
    }
}

fn ensure_mdbook() -> Result<(), String> {
    let installed = Command::new("mdbook")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(MDBOOK_VERSION))
        .unwrap_or(false);
    if installed {
        return Ok(());
    }
    let spec = format!("mdbook@{MDBOOK_VERSION}");
    run(Path::new("."), &cargo(), &["install", "--locked", &spec])
}

fn gallery(root: &Path, serve: bool) -> Result<(), String> {
    regen(root)?;
    build_gallery_bundle(root)?;
    ensure_mdbook()?;
    let book = root.join("book");
    run(&book, "mdbook", &["build"])?;
    eprintln!("gallery built in {}", book.join("build").display());
    if serve {
        run(
            &book,
            "mdbook",
            &["serve", "--hostname", "127.0.0.1", "--port", "3000"],
        )?;
    }
    Ok(())
}

/// `palette`: without options, rewrite `tokens/base/color.toml`; with `--hue` and `--chroma`,
/// print one ramp (named by `--name`, default `brand`) to paste into a token file.
fn palette_command(root: &Path, args: &[String]) -> Result<(), String> {
    let option = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let number = |flag: &str| -> Result<Option<f64>, String> {
        option(flag)
            .map(|v| {
                v.parse::<f64>()
                    .map_err(|_| format!("{flag} needs a number, got `{v}`"))
            })
            .transpose()
    };
    match (number("--hue")?, number("--chroma")?) {
        (None, None) => {
            let path = root.join("tokens/base/color.toml");
            std::fs::write(&path, palette::color_file())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("wrote {}", path.display());
            Ok(())
        }
        (Some(hue), Some(chroma)) if (0.0..=0.4).contains(&chroma) => {
            let name: &'static str = option("--name").unwrap_or_else(|| "brand".into()).leak();
            let ramp = palette::Ramp {
                name,
                role: "Brand",
                hue_light: hue,
                hue_dark: hue,
                chroma,
            };
            print!("{}", palette::ramp_toml(&ramp));
            Ok(())
        }
        (Some(_), Some(_)) => Err("--chroma is between 0 and 0.4 (OKLCH)".into()),
        _ => Err("give both --hue (degrees) and --chroma (0–0.4)".into()),
    }
}
