//! `confusable-name`: two token names differ only by case or separators.

use super::Rule;
use crate::lints::Level;

/// The `confusable-name` rule.
pub const RULE: Rule = Rule {
    code: "confusable-name",
    level: Some(Level::Warn),
    summary: "two token names differ only by case or separators",
    doc: "`bgColor` and `bg-color`, or `Primary` and `primary`, look alike and are easy to mix \
         up, even where they do not collide in an output. Rename one so that each name is \
         distinct at a glance.",
};

use crate::diagnostics::Diagnostic;
use crate::emit::rust_path;
use crate::naming::css_var;
use crate::resolve::Resolved;

/// A path with case and separators removed from each segment, as UTF-8 bytes.
fn skeleton(path: &str) -> Vec<u8> {
    let mut out = Vec::new();
    push_skeleton(&mut out, path);
    out
}

fn push_skeleton(out: &mut Vec<u8>, path: &str) {
    out.reserve(path.len());
    if path.is_ascii() {
        // ASCII in, ASCII out: byte by byte, without decoding characters.
        out.extend(
            path.bytes()
                .filter(|b| !matches!(b, b'-' | b'_' | b' '))
                .map(|b| b.to_ascii_lowercase()),
        );
        return;
    }
    let mut utf8 = [0; 4];
    for c in path.chars() {
        match c {
            '-' | '_' | ' ' => {}
            c => {
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
                }
            }
        }
    }
}

/// Reports pairs of tokens whose paths differ only by case or separators (pairs that already
/// collide in CSS or Rust are `name-collision` errors and are not repeated here).
pub fn check(resolved: &Resolved, prefix: &str) -> Vec<Diagnostic> {
    use std::hash::BuildHasher;
    // Skeletons seen, kept as (hash, first token) and rebuilt only to confirm a hash match: one
    // reused buffer instead of a string per token.
    let hasher = foldhash::fast::FixedState::default();
    let mut seen: hashbrown::HashTable<(u64, usize)> =
        hashbrown::HashTable::with_capacity(resolved.tokens.len());
    let mut key = Vec::new();
    let mut out = Vec::new();
    for (i, token) in resolved.tokens.iter().enumerate() {
        key.clear();
        push_skeleton(&mut key, &token.path);
        let hash = hasher.hash_one(key.as_slice());
        let same = |&(h, j): &(u64, usize)| h == hash && skeleton(&resolved.tokens[j].path) == key;
        let Some(&(_, first)) = seen.find(hash, same) else {
            seen.insert_unique(hash, (hash, i), |e| e.0);
            continue;
        };
        let other = &resolved.tokens[first];
        let collides = css_var(prefix, &other.path) == css_var(prefix, &token.path)
            || rust_path(&other.path) == rust_path(&token.path);
        if !collides {
            out.push(
                Diagnostic::warning(
                    RULE.code,
                    format!(
                        "`{}` and `{}` differ only by case or separators",
                        other.path, token.path
                    ),
                )
                .at(token.span, "")
                .with_secondary(other.span, "looks like this one")
                .with_help("rename one of them so the two are easy to tell apart"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn skeletons() {
        assert_eq!(
            super::skeleton("bgColor.on-solid"),
            super::skeleton("bg-color.onSolid")
        );
        assert_ne!(super::skeleton("a.b"), super::skeleton("ab"));
    }
}
