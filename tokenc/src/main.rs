//! The `tokenc` command: parse arguments, read files, compile, render diagnostics, write outputs.
//! Exit codes: 0 success (warnings allowed), 1 token/config errors or stale outputs, 2 misuse of
//! the command line, an unreadable entry file, or a failed write.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
