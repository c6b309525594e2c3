//! `cargo xtask bench`: tokenc beside Style Dictionary (and Terrazzo up to 10k tokens) on the
//! same generated sets, in the same run.
//!
//! For each size: generate the DTCG JSON set (`bench/gen_tokens.py`, deterministic), convert it
//! to TOML with `tokenc import`, then time as whole processes (GNU time: wall and peak RSS; one
//! warm-up, then the median of `--runs`): `tokenc build` on the JSON and on the TOML set and the
//! parse floor of each (`parse_floor`: only read and parse the same files), side by side one
//! round at a time (the ratio to the floor is the median of the rounds' ratios), Style Dictionary
//! (`bench/sd-build.mjs`, light + dark) and Terrazzo (`bench/tz-build.mjs`, once). The values
//! are cross-checked name by name (`bench/compare.py`: tokenc's CSS against SD's). A Markdown
//! table goes to stdout and `target/bench/results.md`.
//!
//! Options: `--sizes 1000,10000,30000,100000`, `--runs 5`, `--no-peers` (tokenc and floors
//! only), `--tz-max 10000`.

use std::path::Path;
use std::process::Command;

use crate::run;

struct Options {
    sizes: Vec<u32>,
    runs: usize,
    peers: bool,
    tz_max: u32,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        sizes: vec![1_000, 10_000, 30_000, 100_000],
        runs: 5,
        peers: true,
        tz_max: 10_000,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--sizes" => {
                o.sizes = value("--sizes")?
                    .split(',')
                    .map(|s| s.trim().parse().map_err(|_| format!("bad size {s}")))
                    .collect::<Result<_, _>>()?
            }
            "--runs" => o.runs = value("--runs")?.parse().map_err(|_| "bad --runs")?,
            "--tz-max" => o.tz_max = value("--tz-max")?.parse().map_err(|_| "bad --tz-max")?,
            "--no-peers" => o.peers = false,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if o.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    Ok(o)
}

/// One timed command: median wall seconds, and the median and the largest of the runs' peak
/// RSS (MiB): a process's peak memory varies from run to run (allocator timing), and a limit
/// such as "< 200 MiB" must hold for the worst run, not only for a typical one.
#[derive(Clone, Copy)]
struct Timing {
    wall: f64,
    rss_mib: f64,
    rss_max_mib: f64,
}

/// One command to time, run in `dir`. `fresh`, when given, is removed before every run: tokenc
/// leaves outputs that are already right untouched, so without it the runs after the first would
/// not write at all, while Style Dictionary always does.
struct Job<'a> {
    dir: &'a Path,
    program: &'a str,
    args: Vec<&'a str>,
    fresh: Option<&'a Path>,
}

/// One run of `job` under GNU time: wall seconds (timed here; GNU time's clock has 10 ms steps)
/// and peak RSS in MiB.
fn run_once(job: &Job<'_>) -> Result<(f64, f64), String> {
    if let Some(fresh) = job.fresh {
        match std::fs::remove_dir_all(fresh) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot remove {}: {e}", fresh.display())),
        }
    }
    let started = std::time::Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "TIME %e %M"])
        .arg(job.program)
        .args(&job.args)
        .current_dir(job.dir)
        .output()
        .map_err(|e| format!("cannot run /usr/bin/time (Debian package `time`): {e}"))?;
    let wall = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!(
            "`{} {}` failed:\n{stderr}",
            job.program,
            job.args.join(" ")
        ));
    }
    let line = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("TIME "))
        .ok_or("GNU time printed nothing")?;
    let kb: f64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(f64::NAN);
    Ok((wall, kb / 1024.0))
}

/// Runs every job once per round: `runs` rounds after one warm-up round (`warm_up`), starting
/// each round one job further along. Jobs that are compared with each other (tokenc and the
/// parse floor of its input) thus run side by side, and a machine whose speed drifts over a
/// minute (this one does, by ±15%) slows both alike instead of one block of runs. Returns each
/// job's samples, (wall seconds, peak RSS MiB) per round.
fn time_rounds(
    jobs: &[Job<'_>],
    runs: usize,
    warm_up: bool,
) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let mut samples = vec![Vec::with_capacity(runs); jobs.len()];
    for round in 0..runs + usize::from(warm_up) {
        for k in 0..jobs.len() {
            let j = (round + k) % jobs.len();
            let sample = run_once(&jobs[j])?;
            if round > 0 || !warm_up {
                samples[j].push(sample);
            }
        }
    }
    Ok(samples)
}

/// The middle value (the upper one of an even count).
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Median wall, median and largest peak RSS of a job's samples.
fn timing(samples: &[(f64, f64)]) -> Timing {
    let rss: Vec<f64> = samples.iter().map(|s| s.1).collect();
    Timing {
        wall: median(samples.iter().map(|s| s.0).collect()),
        rss_mib: median(rss.clone()),
        rss_max_mib: rss.iter().copied().fold(f64::NAN, f64::max),
    }
}

/// How many times slower `a` is than `b`: the median of the rounds' ratios (each round ran both
/// side by side, see [`time_rounds`]).
fn paired_ratio(a: &[(f64, f64)], b: &[(f64, f64)]) -> f64 {
    median(a.iter().zip(b).map(|(a, b)| a.0 / b.0).collect())
}

/// `tokenc build` of the set at `resolver` into `out`, quietly.
fn build_args<'a>(resolver: &'a str, out: &'a str) -> Vec<&'a str> {
    vec!["build", "--resolver", resolver, "--out-dir", out, "-q"]
}

/// Runs one command `runs` times after one warm-up (`warm_up`).
fn time(
    dir: &Path,
    program: &str,
    args: &[&str],
    runs: usize,
    warm_up: bool,
    fresh: Option<&Path>,
) -> Result<Timing, String> {
    let job = Job {
        dir,
        program,
        args: args.to_vec(),
        fresh,
    };
    let samples = time_rounds(std::slice::from_ref(&job), runs, warm_up)?;
    Ok(timing(&samples[0]))
}

/// Node ≥ 22 (Style Dictionary 5 requires it): the one on PATH, else `node@22` from npm.
fn node(root: &Path) -> Result<String, String> {
    let version = Command::new("node")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let major: u32 = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major >= 22 {
        return Ok("node".into());
    }
    let prefix = root.join("target/bench/node");
    let bin = prefix.join("node_modules/.bin/node");
    if !bin.exists() {
        std::fs::create_dir_all(&prefix).map_err(|e| e.to_string())?;
        let prefix_str = prefix.to_string_lossy().into_owned();
        run(
            root,
            "npm",
            &[
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                &prefix_str,
                "node@22",
            ],
        )?;
    }
    Ok(bin.to_string_lossy().into_owned())
}

fn files_of(dir: &Path, ext: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    out.sort();
    Ok(out)
}

/// `cargo xtask bench [options]`.
pub(crate) fn bench(root: &Path, args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    let cargo = crate::cargo();
    run(
        root,
        &cargo,
        &[
            "build",
            "--release",
            "--locked",
            "-p",
            "tokenc",
            "--bin",
            "tokenc",
            "--example",
            "parse_floor",
        ],
    )?;
    let tokenc = root
        .join("target/release/tokenc")
        .to_string_lossy()
        .into_owned();
    let floor = root
        .join("target/release/examples/parse_floor")
        .to_string_lossy()
        .into_owned();
    let bench = root.join("bench");
    let work = root.join("target/bench");
    let node = if o.peers {
        let node = node(root)?;
        if !bench.join("node_modules/.package-lock.json").exists() {
            run(&bench, "npm", &["ci", "--no-audit", "--no-fund"])?;
        }
        Some(node)
    } else {
        None
    };
    let mut rows = Vec::new();
    for &n in &o.sizes {
        let sets = work.join(format!("sets/n{n}"));
        let toml = work.join(format!("sets/n{n}-toml"));
        let out = work.join(format!("out/n{n}"));
        let sets_str = sets.to_string_lossy().into_owned();
        if !sets.join("tokens.resolver.json").exists() {
            let n_str = n.to_string();
            run(
                &bench,
                "python3",
                &[
                    "gen_tokens.py",
                    "--n",
                    &n_str,
                    "--out",
                    &sets_str,
                    "--seed",
                    "42",
                ],
            )?;
        }
        let resolver = sets
            .join("tokens.resolver.json")
            .to_string_lossy()
            .into_owned();
        run(
            root,
            &tokenc,
            &[
                "import",
                &resolver,
                "--out",
                &toml.to_string_lossy(),
                "--force",
                "-q",
            ],
        )?;
        let toml_resolver = toml
            .join("tokens.resolver.toml")
            .to_string_lossy()
            .into_owned();
        let out_json = out.join("tokenc-json").to_string_lossy().into_owned();
        let out_toml = out.join("tokenc-toml").to_string_lossy().into_owned();
        eprintln!("== {n} tokens");
        let json_files = files_of(&sets, "json")?;
        let json_files: Vec<&str> = json_files
            .iter()
            .map(String::as_str)
            .filter(|f| !f.ends_with("manifest.json"))
            .collect();
        let toml_files = files_of(&toml, "toml")?;
        let toml_files: Vec<&str> = toml_files.iter().map(String::as_str).collect();
        // tokenc on JSON and on TOML, and the parse floor of each, round by round.
        let samples = time_rounds(
            &[
                Job {
                    dir: root,
                    program: &tokenc,
                    args: build_args(&resolver, &out_json),
                    fresh: Some(Path::new(&out_json)),
                },
                Job {
                    dir: root,
                    program: &tokenc,
                    args: build_args(&toml_resolver, &out_toml),
                    fresh: Some(Path::new(&out_toml)),
                },
                Job {
                    dir: root,
                    program: &floor,
                    args: json_files,
                    fresh: None,
                },
                Job {
                    dir: root,
                    program: &floor,
                    args: toml_files,
                    fresh: None,
                },
            ],
            o.runs,
            true,
        )?;
        let [json, from_toml, json_floor, toml_floor] = [0, 1, 2, 3].map(|i| timing(&samples[i]));
        let json_ratio = paired_ratio(&samples[0], &samples[2]);
        let toml_ratio = paired_ratio(&samples[1], &samples[3]);
        let (mut sd, mut tz, mut agree) = (None, None, String::from("not checked"));
        if let Some(node) = &node {
            let sd_out = out.join("sd").to_string_lossy().into_owned();
            // SD is slow at 100k (about 45 s a run): fewer runs there, no warm-up.
            let sd_runs = if n >= 100_000 { o.runs.min(3) } else { o.runs };
            sd = Some(time(
                &bench,
                node,
                &["sd-build.mjs", &sets_str, &sd_out],
                sd_runs,
                n < 100_000,
                None,
            )?);
            let check = Command::new("python3")
                .arg("compare.py")
                .arg(format!("{sd_out}/light.css"))
                .arg(format!("{sd_out}/dark.css"))
                .arg(format!("{out_json}/tokens.css"))
                .current_dir(&bench)
                .output()
                .map_err(|e| format!("cannot run python3: {e}"))?;
            let report = String::from_utf8_lossy(&check.stdout);
            eprint!("{report}");
            agree = summarise(&report, check.status.success());
            if n <= o.tz_max {
                // tz-build.mjs takes paths relative to bench/.
                let tz_sets = format!("../target/bench/sets/n{n}");
                let tz_out = format!("../target/bench/out/n{n}/tz");
                tz = Some(time(
                    &bench,
                    node,
                    &["tz-build.mjs", &tz_sets, &tz_out],
                    1,
                    false,
                    None,
                )?);
            }
        }
        rows.push(Row {
            n,
            json,
            from_toml,
            json_floor,
            toml_floor,
            json_ratio,
            toml_ratio,
            sd,
            tz,
            agree,
        });
    }
    let mut table = render(&rows, o.runs);
    // Watch latency on the 10k set (or the largest size up to it).
    if let Some(&n) = o.sizes.iter().filter(|&&n| n <= 10_000).max() {
        let (rebuild, save_to_built) = watch_latency(&work, &tokenc, n, o.runs.max(5))?;
        table.push_str(&format!(
            "\n`tokenc watch` on the {n}-token set, one file saved {} times: rebuild {rebuild:.1} ms \
             (tokenc's own figure), save → outputs written {save_to_built:.1} ms (median; \
             includes the 5 ms debounce).\n",
            o.runs.max(5)
        ));
    }
    println!("{table}");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    std::fs::write(work.join("results.md"), &table).map_err(|e| e.to_string())?;
    eprintln!("written to {}", work.join("results.md").display());
    Ok(())
}

/// Starts `tokenc watch` on a copy of the `n` set, saves one file `runs` times (its text changes
/// each time, so the outputs do too) and returns the medians of the rebuild time tokenc prints
/// and of the time from the save to that line.
fn watch_latency(work: &Path, tokenc: &str, n: u32, runs: usize) -> Result<(f64, f64), String> {
    use std::io::BufRead;
    let sets = work.join(format!("sets/n{n}"));
    let copy = work.join(format!("watch/n{n}"));
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(&sets)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        std::fs::copy(entry.path(), copy.join(entry.file_name())).map_err(|e| e.to_string())?;
    }
    let edited = copy.join("semantic.dark.tokens.json");
    let original = std::fs::read_to_string(&edited).map_err(|e| e.to_string())?;
    let mut child = Command::new(tokenc)
        .args(["watch", "--resolver"])
        .arg(copy.join("tokens.resolver.json"))
        .arg("--out-dir")
        .arg(work.join(format!("watch/out{n}")))
        .args(["-q", "--color", "never"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start tokenc watch: {e}"))?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let next_build = || -> Result<f64, String> {
        loop {
            let line = rx
                .recv_timeout(std::time::Duration::from_secs(30))
                .map_err(|_| "tokenc watch printed nothing for 30 s")?;
            if let Some(rest) = line.strip_prefix("tokenc: built in ") {
                return rest
                    .split(' ')
                    .next()
                    .and_then(|ms| ms.parse().ok())
                    .ok_or_else(|| format!("unexpected line: {line}"));
            }
            if line.contains("not built") {
                return Err(format!("the watched set did not build: {line}"));
            }
        }
    };
    let result = (|| {
        next_build()?;
        let (mut rebuilds, mut latencies) = (Vec::new(), Vec::new());
        for i in 0..runs {
            // A description that changes each time: the outputs change, the work is the same.
            let text = original.replacen(
                "\"$type\"",
                &format!("\"$description\": \"save {i}\", \"$type\""),
                1,
            );
            std::thread::sleep(std::time::Duration::from_millis(200));
            let saved = std::time::Instant::now();
            std::fs::write(&edited, text).map_err(|e| e.to_string())?;
            rebuilds.push(next_build()?);
            latencies.push(saved.elapsed().as_secs_f64() * 1000.0);
        }
        Ok((median(rebuilds), median(latencies)))
    })();
    let _ = child.kill();
    let _ = child.wait();
    result
}

struct Row {
    n: u32,
    json: Timing,
    from_toml: Timing,
    json_floor: Timing,
    toml_floor: Timing,
    /// tokenc ÷ floor, paired by round ([`paired_ratio`]).
    json_ratio: f64,
    toml_ratio: f64,
    sd: Option<Timing>,
    tz: Option<Timing>,
    agree: String,
}

/// "9,988 identical + 5 within 1/255 of 9,993" per theme, from compare.py's JSON lines.
fn summarise(report: &str, ok: bool) -> String {
    let mut parts = Vec::new();
    for line in report.lines() {
        let field = |name: &str| {
            line.split(&format!("\"{name}\": "))
                .nth(1)
                .and_then(|r| r.split([',', '}']).next())
                .unwrap_or("?")
                .trim_matches('"')
                .to_string()
        };
        parts.push(format!(
            "{}: {}/{} (+{} at 1/255)",
            field("theme"),
            field("identical"),
            field("compared"),
            field("rounding_1_255")
        ));
    }
    let verdict = if ok { "agree" } else { "DIFFER" };
    format!("{verdict}; {}", parts.join(", "))
}

fn render(rows: &[Row], runs: usize) -> String {
    let date = Command::new("date")
        .arg("+%Y-%m-%d")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mut out = format!(
        "`cargo xtask bench` on {date}, {cores} cores; median wall of {runs} runs after a warm-up \
         (SD at 100k: 3 runs, Terrazzo: 1 run); peak RSS: the median of those runs (≤ the \
         largest). tokenc and the parse floors run side by side, one of each per round; ×floor \
         is the median of the rounds' ratios.\n\n\
         | tokens | tokenc JSON | JSON parse floor | ×floor | tokenc TOML | TOML parse floor | ×floor | Style Dictionary | SD ÷ tokenc | Terrazzo | values vs SD |\n\
         |---|---|---|---|---|---|---|---|---|---|---|\n"
    );
    let cell = |t: &Timing| {
        let memory = format!("{:.0} MiB (≤ {:.0})", t.rss_mib, t.rss_max_mib);
        if t.wall < 1.0 {
            format!("{:.1} ms, {memory}", t.wall * 1000.0)
        } else {
            format!("{:.2} s, {memory}", t.wall)
        }
    };
    for r in rows {
        let ratio = |a: &Timing, b: &Timing| format!("{:.1}", a.wall / b.wall);
        out.push_str(&format!(
            "| {} | {} | {} | {:.1} | {} | {} | {:.1} | {} | {} | {} | {} |\n",
            r.n,
            cell(&r.json),
            cell(&r.json_floor),
            r.json_ratio,
            cell(&r.from_toml),
            cell(&r.toml_floor),
            r.toml_ratio,
            r.sd.as_ref().map_or("—".into(), cell),
            r.sd.as_ref()
                .map_or("—".into(), |sd| format!("{}×", ratio(sd, &r.json))),
            r.tz.as_ref().map_or("—".into(), cell),
            r.agree,
        ));
    }
    out
}
