//! Emit: resolved permutations → `tokens.css`, `tokens.rs` and `resolve` JSON. Emitting is
//! deterministic and never fails; name collisions are found before (see [`check_names`]).

pub mod css;
pub mod json;
pub mod rust;
pub mod value;

use foldhash::HashMap;

use crate::diagnostics::Diagnostic;
use crate::naming;
use crate::resolve::Token;

/// Reports tokens that map to one CSS custom property or one Rust item.
pub fn check_names(tokens: &[&Token], prefix: &str, rust: bool) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::FixedState::default();
    let mut out = Vec::new();
    // A name given out is kept as its hash and the token (and typography part) it names, not as
    // a string: it is rebuilt only to confirm a hash match. At 100,000 tokens the maps of
    // strings held 15 MB.
    let css_name = |i: usize, part: Option<usize>| match part {
        None => naming::css_var(prefix, &tokens[i].path),
        Some(p) => naming::css_part_var(prefix, &tokens[i].path, value::TYPOGRAPHY_PARTS[p]),
    };
    let rust_name = |j: usize, _| rust_path(&tokens[j].path);
    // Building every name is most of the work: done first, on every core, keeping only hashes
    // (and whether the Rust path lands in the reserved module `kind`).
    let hashed: Vec<(u64, u64, bool)> = tokens
        .par_iter()
        .map_init(RustModules::default, |modules, token| {
            let css = hasher.hash_one(naming::css_var(prefix, &token.path));
            if !rust {
                return (css, 0, false);
            }
            let name = modules.path(&token.path);
            (css, hasher.hash_one(&name), name.starts_with("kind::"))
        })
        .collect();
    let mut css = Names::with_capacity(tokens.len());
    let mut rs = Names::with_capacity(if rust { tokens.len() } else { 0 });
    for (i, (token, &(css_hash, rust_hash, in_kind))) in tokens.iter().zip(&hashed).enumerate() {
        if let Some(other) = css.claim(css_hash, i, None, css_name) {
            out.push(collision(
                tokens,
                other,
                i,
                "CSS custom property",
                &css_name(i, None),
            ));
        }
        if token.ty == Some(crate::model::TokenType::Typography) {
            for part in (0..value::TYPOGRAPHY_PARTS.len()).map(Some) {
                let name = css_name(i, part);
                if let Some(other) = css.claim(hasher.hash_one(&name), i, part, css_name) {
                    out.push(collision(tokens, other, i, "CSS custom property", &name));
                }
            }
        }
        if rust {
            if in_kind {
                out.push(
                    Diagnostic::error("name-collision", format!("`{}` would live in the Rust module `kind`, which tokens.rs reserves for its marker types", token.path))
                        .at(token.span, "")
                        .with_help("rename the top-level group `kind`"),
                );
            }
            if let Some(other) = rs.claim(rust_hash, i, None, rust_name) {
                out.push(collision(
                    tokens,
                    other,
                    i,
                    "Rust constant",
                    &rust_name(i, None),
                ));
            }
        }
    }
    out
}

/// Names given out so far: (hash, token index, typography part + 1 or 0) per name, 16 bytes
/// each.
struct Names {
    table: hashbrown::HashTable<(u64, u32, u8)>,
}

impl Names {
    fn with_capacity(n: usize) -> Names {
        Names {
            table: hashbrown::HashTable::with_capacity(n),
        }
    }

    /// Gives the name of token `i` (part `part`), whose hash is `hash`, to that token, or
    /// returns the token that has it already. `name_of` builds the name of a token (and part):
    /// names are compared only when their hashes are equal.
    fn claim(
        &mut self,
        hash: u64,
        i: usize,
        part: Option<usize>,
        name_of: impl Fn(usize, Option<usize>) -> String,
    ) -> Option<usize> {
        // `i` indexes the emitted tokens, fewer than `u32::MAX` (each is a token of a
        // permutation, whose ids are `u32`); a typography token has five parts.
        let unpack = |q: u8| q.checked_sub(1).map(usize::from);
        let same = |&(h, j, q): &(u64, u32, u8)| {
            h == hash && name_of(j as usize, unpack(q)) == name_of(i, part)
        };
        if let Some(&(_, other, _)) = self.table.find(hash, same) {
            return Some(other as usize);
        }
        let packed = part.map_or(0, |p| p as u8 + 1);
        self.table
            .insert_unique(hash, (hash, i as u32, packed), |e| e.0);
        None
    }
}

/// `color::bg::DEFAULT` for `color.bg.default`.
pub fn rust_path(path: &str) -> String {
    RustModules::default().path(path)
}

/// [`rust_path`] for many tokens: each group name is converted to a module name once.
/// Tokens come grouped, so the module path of the previous token's group is kept too.
#[derive(Default)]
struct RustModules<'a> {
    names: HashMap<&'a str, String>,
    last: Option<(&'a str, String)>,
}

impl<'a> RustModules<'a> {
    fn path(&mut self, path: &'a str) -> String {
        let (groups, last) = match naming::last_dot(path) {
            Some(dot) => (&path[..dot], &path[dot + 1..]),
            None => return naming::rust_const(path),
        };
        let constant = naming::rust_const(last);
        if let Some((g, modules)) = &self.last
            && *g == groups
        {
            let mut out = String::with_capacity(modules.len() + constant.len());
            out.push_str(modules);
            out.push_str(&constant);
            return out;
        }
        let mut modules = String::with_capacity(groups.len() + 8);
        for group in naming::dot_split(groups) {
            let module = self
                .names
                .entry(group)
                .or_insert_with(|| naming::rust_module(group));
            modules.push_str(module);
            modules.push_str("::");
        }
        let mut out = String::with_capacity(modules.len() + constant.len());
        out.push_str(&modules);
        out.push_str(&constant);
        self.last = Some((groups, modules));
        out
    }
}

fn collision(tokens: &[&Token], a: usize, b: usize, what: &str, name: &str) -> Diagnostic {
    let (first, second) = (tokens[a], tokens[b]);
    Diagnostic::error(
        "name-collision",
        format!(
            "`{}` and `{}` both become the {what} `{name}`",
            first.path, second.path
        ),
    )
    .at(second.span, format!("becomes `{name}`"))
    .with_secondary(first.span, "so does this token")
    .with_help("rename one of them; names that differ only in case or separators collide")
}
