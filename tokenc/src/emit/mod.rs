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
    let mut out = Vec::new();
    let mut css: HashMap<String, usize> = HashMap::default();
    let mut rs: HashMap<String, usize> = HashMap::default();
    let mut modules = RustModules::default();
    for (i, token) in tokens.iter().enumerate() {
        let mut names = vec![(naming::css_var(prefix, &token.path), "CSS custom property")];
        if token.ty == Some(crate::model::TokenType::Typography) {
            for part in value::TYPOGRAPHY_PARTS {
                names.push((
                    naming::css_part_var(prefix, &token.path, part),
                    "CSS custom property",
                ));
            }
        }
        for (name, what) in names {
            if let Some(&other) = css.get(&name) {
                out.push(collision(tokens, other, i, what, &name));
            } else {
                css.insert(name, i);
            }
        }
        if rust {
            let name = modules.path(&token.path);
            if name.starts_with("kind::") {
                out.push(
                    Diagnostic::error("name-collision", format!("`{}` would live in the Rust module `kind`, which tokens.rs reserves for its marker types", token.path))
                        .at(token.span, "")
                        .with_help("rename the top-level group `kind`"),
                );
            }
            if let Some(&other) = rs.get(&name) {
                out.push(collision(tokens, other, i, "Rust constant", &name));
            } else {
                rs.insert(name, i);
            }
        }
    }
    out
}

/// `color::bg::DEFAULT` for `color.bg.default`.
pub fn rust_path(path: &str) -> String {
    RustModules::default().path(path)
}

/// [`rust_path`] for many tokens: each group name is converted to a module name once.
#[derive(Default)]
struct RustModules<'a> {
    names: HashMap<&'a str, String>,
}

impl<'a> RustModules<'a> {
    fn path(&mut self, path: &'a str) -> String {
        let (groups, last) = match path.rsplit_once('.') {
            Some((groups, last)) => (Some(groups), last),
            None => (None, path),
        };
        let mut out = String::with_capacity(path.len() + 8);
        for group in groups.into_iter().flat_map(|g| g.split('.')) {
            let module = self
                .names
                .entry(group)
                .or_insert_with(|| naming::rust_module(group));
            out.push_str(module);
            out.push_str("::");
        }
        out.push_str(&naming::rust_const(last));
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
