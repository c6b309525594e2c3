//! Stage timings, for profiling a slow build: with `TOKENC_TIMINGS=1` in the environment,
//! tokenc prints to stderr, at the end of each stage, the milliseconds since its first mark and,
//! on Linux, the resident memory then and at its peak so far. Off (one load of a flag per mark)
//! otherwise.

use std::sync::OnceLock;
use std::time::Instant;

/// When the first mark was made, if timings are on.
static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Notes that `stage` is done (the first call starts the clock).
pub fn mark(stage: &str) {
    mark_with(|| stage.to_string());
}

/// [`mark`], naming the stage only when timings are on (`stage` may format a name).
pub fn mark_with(stage: impl FnOnce() -> String) {
    let start = START.get_or_init(|| {
        std::env::var_os("TOKENC_TIMINGS")
            .is_some_and(|v| !v.is_empty() && v != "0")
            .then(Instant::now)
    });
    if let Some(start) = start {
        let stage = stage();
        eprintln!(
            "tokenc timing: {:8.1} ms {}  {stage}",
            start.elapsed().as_secs_f64() * 1000.0,
            memory()
        );
    }
}

/// `VmRSS` and `VmHWM` from `/proc/self/status` in MiB, or nothing where there is none.
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            .map_or_else(|| "?".to_string(), |kb| (kb / 1024).to_string())
    };
    format!("{:>5} MiB (peak {:>5})", field("VmRSS:"), field("VmHWM:"))
}
