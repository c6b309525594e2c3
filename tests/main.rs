//! The one integration-test binary. Each module covers one area; only `support` touches the
//! tokenc API directly, so the tests read as data.
#![forbid(unsafe_code)]

/// Shared helpers: load a fixture folder, compile it, render everything as one text.
mod support;

/// `fixtures/valid/*` → CSS, Rust and resolved JSON snapshots; `fixtures/invalid/*` → rendered
/// diagnostics. Every emitted stylesheet parses back with lightningcss and every `tokens.rs` is
/// rustfmt-stable.
mod fixtures;

/// The `tokenc` binary: subcommands, flags, exit codes, writes.
mod cli;

/// Hostile inputs (`fixtures/hostile/*` and generated ones: huge, deep, binary, linked): each
/// ends in located errors with nothing written, or in outputs where no text left its slot.
mod hostile;

/// Property tests: generated valid trees build and their CSS agrees with `resolve`; random
/// bytes, token soup and mutated fixtures never panic.
mod properties;

/// `tokenc import` and `tokenc export`: DTCG JSON ⇄ TOML round trips on every fixture and on
/// Crust's own set, warnings instead of failures for token problems, nothing written on errors.
mod convert;

/// Re-branding without forking: `examples/rebrand` builds with Crust's settings and contrast
/// rules, and `tokenc check` names a dropped or retyped required token or a broken contrast pair.
mod rebrand;

/// Files generated into `components/` are fresh and `crust-ui` uses them.
mod generated;

/// Crust's own token set: clean, complete in every permutation, layered (component tokens
/// alias semantic ones only), and the themes define the same names.
mod token_set;

/// crust-ui: SSR markup of every component and variant (snapshots), and the stylesheet: fresh,
/// parseable, only declared tokens, no raw colours or lengths.
mod components;

/// The gallery: a page for every component folder, and the book's copy of the stylesheet fresh.
mod gallery;
