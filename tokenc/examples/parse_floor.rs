//! The floor under `tokenc build`: read and parse every file given, nothing else. JSON goes into
//! `serde_json::Value`, TOML into `toml`'s spanned `DeTable` (what tokenc's TOML reader starts
//! from). `cargo xtask bench` times it beside `tokenc build` on the same files. Uses the same
//! allocator as tokenc, so the comparison is like for like.
//!
//! usage: parse_floor FILE...
#![forbid(unsafe_code)]

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let mut values = 0usize;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("parse_floor: cannot read {path}: {e}");
                return std::process::ExitCode::from(2);
            }
        };
        if path.ends_with(".json") {
            match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(v) => values += usize::from(v.is_object()),
                Err(e) => {
                    eprintln!("parse_floor: {path}: {e}");
                    return std::process::ExitCode::from(1);
                }
            }
        } else {
            let (table, errors) = toml::de::DeTable::parse_recoverable(&text);
            if !errors.is_empty() {
                eprintln!("parse_floor: {path}: {} TOML errors", errors.len());
                return std::process::ExitCode::from(1);
            }
            values += table.get_ref().len();
        }
    }
    // Printed so that the parses cannot be optimised away.
    println!("{values}");
    std::process::ExitCode::SUCCESS
}
