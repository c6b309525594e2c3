//! Integration tests live in `main.rs`; this empty library only anchors the crate.
#![forbid(unsafe_code)]
