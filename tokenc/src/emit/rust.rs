//! `tokens.rs`: a module per group, a typed constant per token whose `Display` is `var(--…)`,
//! and an enum per modifier. The text is exactly what rustfmt would print, so the committed file
//! passes `cargo fmt --check`.

use std::collections::HashMap;
use std::fmt::Write;

use crate::diagnostics::Diagnostic;
use crate::flatten::Deprecation;
use crate::load::Project;
use crate::model::TokenType;
use crate::naming;
use crate::resolve::Token;

const MAX_WIDTH: usize = 100;

#[derive(Default)]
struct Module<'a> {
    name: String,
    path: &'a str,
    doc: Option<&'a str>,
    consts: Vec<&'a Token>,
    children: Vec<Module<'a>>,
    /// Child module name → index in `children` (groups can have thousands of children).
    by_name: foldhash::HashMap<String, usize>,
    /// Group name as written → index in `children`, so each name is converted once.
    by_segment: foldhash::HashMap<&'a str, usize>,
}

impl<'a> Module<'a> {
    /// The child module for group `segment` at `path`, created (with `doc`) when new.
    fn child(
        &mut self,
        segment: &'a str,
        path: &'a str,
        doc: impl Fn(&str) -> Option<&'a str>,
    ) -> &mut Module<'a> {
        if let Some(&i) = self.by_segment.get(segment) {
            return &mut self.children[i];
        }
        let name = naming::rust_module(segment);
        let next = self.children.len();
        let i = *self.by_name.entry(name.clone()).or_insert(next);
        if i == next {
            self.children.push(Module {
                name,
                path,
                ..Module::default()
            });
        }
        self.by_segment.insert(segment, i);
        let module = &mut self.children[i];
        if module.doc.is_none() {
            module.doc = doc(path);
        }
        module
    }
}

/// Builds `tokens.rs` for `tokens` (every token of every emitted permutation, once each).
pub fn emit_rust(
    project: &Project,
    tokens: &[&Token],
    prefix: &str,
    header: &str,
) -> (String, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    // Group descriptions (the latest source wins) document their modules.
    let mut group_docs: HashMap<&str, &str> = HashMap::new();
    for flat in &project.sources {
        for group in &flat.groups {
            if let Some(d) = &group.description {
                group_docs.insert(&group.path, d);
            }
        }
    }
    let mut root = Module::default();
    for token in tokens {
        // Tokens without a value are reported elsewhere and absent from tokens.css.
        if token.ty.is_none() || token.value.is_none() {
            continue;
        }
        let mut module = &mut root;
        let path = &*token.path;
        let mut start = 0;
        while let Some(dot) = path[start..].bytes().position(|b| b == b'.') {
            let end = start + dot;
            module = module.child(&path[start..end], &path[..end], |p| {
                group_docs.get(p).copied()
            });
            start = end + 1;
        }
        module.consts.push(token);
    }
    // Sized once, generously (a constant takes its path about four times, its description and
    // ~150 bytes of attributes, type and indentation): growing megabytes by doubling copies them
    // and holds twice as much, while capacity never written is never faulted in.
    let estimate: usize = tokens
        .iter()
        .map(|t| 4 * t.path.len() + 160 + t.description().map_or(0, |d| d.len() + 16))
        .sum();
    let mut out = String::with_capacity(PRELUDE.len() + 4096 + estimate);
    let _ = writeln!(out, "// {}", header.replace(['\n', '\r'], " "));
    out.push_str(PRELUDE);
    for ty in TokenType::ALL {
        let _ = writeln!(out);
        let _ = writeln!(out, "/// A `{}` token.", ty.as_str());
        let _ = writeln!(out, "pub type {0}Token = Token<kind::{0}>;", ty.rust_name());
    }
    modifier_enums(project, &mut out, &mut diagnostics);
    for child in &root.children {
        write_module(&mut out, child, 0, prefix);
    }
    for token in &root.consts {
        let _ = writeln!(out);
        write_const(&mut out, token, 0, prefix);
    }
    (out, diagnostics)
}

const PRELUDE: &str = r#"//! Design tokens as typed references to their CSS custom properties.
//!
//! Every constant's `Display` is `var(--…)`, ready for a `style` attribute; `name()` is the bare
//! custom property, for overriding a token on a subtree.

/// A design token of kind `K`: the typed name of a CSS custom property.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token<K> {
    name: &'static str,
    kind: ::core::marker::PhantomData<K>,
}

impl<K> Token<K> {
    /// A token for the custom property `name` (`--…`).
    pub const fn new(name: &'static str) -> Self {
        Token {
            name,
            kind: ::core::marker::PhantomData,
        }
    }

    /// The custom property, e.g. `--crust-color-bg-default`.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<K> ::core::fmt::Display for Token<K> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        write!(f, "var({})", self.name)
    }
}

/// Marker types, one per DTCG token type.
pub mod kind {
    /// `color`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Color {}
    /// `dimension`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Dimension {}
    /// `duration`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Duration {}
    /// `number`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Number {}
    /// `fontFamily`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum FontFamily {}
    /// `fontWeight`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum FontWeight {}
    /// `cubicBezier`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum CubicBezier {}
    /// `strokeStyle`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum StrokeStyle {}
    /// `border`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Border {}
    /// `transition`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Transition {}
    /// `shadow`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Shadow {}
    /// `gradient`
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Gradient {}
    /// `typography` (the `font` shorthand; its parts are `<name>-font-size` and so on)
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Typography {}
}
"#;

/// A Rust string literal for any text (newlines and control characters escaped).
fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_literal(&mut out, s);
    out
}

/// Appends [`literal`]`(s)`. Printable ASCII other than `"` and `\\` (nearly every name and
/// description) is copied as it is; anything else is escaped by `Debug`, as rustc reads it.
fn push_literal(out: &mut String, s: &str) {
    if s.bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        let _ = write!(out, "{s:?}");
    }
}

/// Free text (a description, a deprecation note) made safe for rustdoc, which reads doc text as
/// Markdown: no line may open a code block (rustdoc would compile and run it as a doctest in the
/// app's `cargo test`), and no raw HTML reaches the generated documentation. Indentation and runs
/// of blanks become one space (indented text is code, also after `-` or `>`), the first of three
/// or more backticks or tildes is escaped (a fence), and so is every `<`.
fn prose(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split(['\n', '\r']).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let chars: Vec<char> = line.trim_start().chars().collect();
        for (j, &c) in chars.iter().enumerate() {
            let blank = c == ' ' || c == '\t';
            if blank {
                if chars.get(j + 1).is_some_and(|n| *n == ' ' || *n == '\t') {
                    continue;
                }
                out.push(' ');
                continue;
            }
            let starts_fence = (c == '`' || c == '~')
                && (j == 0 || chars[j - 1] != c)
                && chars[j..].iter().take(3).filter(|n| **n == c).count() == 3;
            if c == '<' || starts_fence {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A Markdown code span holding `text` literally, whatever backticks it contains: the fence is
/// one backtick longer than the longest run inside (CommonMark), padded when the text touches it.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_code(&mut out, text);
    out
}

/// [`code`], appended to `out`.
fn push_code(out: &mut String, text: &str) {
    let mut longest = 0;
    if text.contains('`') {
        let mut run = 0;
        for c in text.chars() {
            run = if c == '`' { run + 1 } else { 0 };
            longest = longest.max(run);
        }
    }
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    for _ in 0..=longest {
        out.push('`');
    }
    out.push_str(pad);
    out.push_str(text);
    out.push_str(pad);
    for _ in 0..=longest {
        out.push('`');
    }
}

fn pad(depth: usize) -> std::borrow::Cow<'static, str> {
    const SPACES: &str = "                                                                ";
    match SPACES.get(..depth * 4) {
        Some(p) => std::borrow::Cow::Borrowed(p),
        None => std::borrow::Cow::Owned("    ".repeat(depth)),
    }
}

fn write_module(out: &mut String, module: &Module<'_>, depth: usize, prefix: &str) {
    let p = pad(depth);
    let _ = writeln!(out);
    if let Some(doc) = module.doc {
        let _ = writeln!(out, "{p}#[doc = {}]", literal(&prose(doc)));
        let _ = writeln!(out, "{p}#[doc = \"\"]");
    }
    let _ = writeln!(
        out,
        "{p}#[doc = {}]",
        literal(&format!("Tokens under {}.", code(module.path)))
    );
    let _ = writeln!(out, "{p}pub mod {} {{", module.name);
    // The token types used here, each once, in the order of their Rust names.
    let mut used = [false; TokenType::ALL.len()];
    for ty in module.consts.iter().filter_map(|t| t.ty) {
        used[ty as usize] = true;
    }
    let mut kinds: Vec<&str> = TokenType::ALL
        .iter()
        .filter(|ty| used[**ty as usize])
        .map(|ty| ty.rust_name())
        .collect();
    kinds.sort_unstable();
    let supers = "super::".repeat(depth + 1);
    for k in &kinds {
        let _ = writeln!(out, "{p}    use {supers}{k}Token;");
    }
    let mut first = kinds.is_empty();
    for token in &module.consts {
        if !first {
            let _ = writeln!(out);
        }
        first = false;
        write_const(out, token, depth + 1, prefix);
    }
    for child in &module.children {
        if first {
            // `write_module` starts with a blank line; none is wanted right after `{`.
            let mut inner = String::new();
            write_module(&mut inner, child, depth + 1, prefix);
            out.push_str(inner.strip_prefix('\n').unwrap_or(&inner));
            first = false;
        } else {
            write_module(out, child, depth + 1, prefix);
        }
    }
    let _ = writeln!(out, "{p}}}");
}

fn write_const(out: &mut String, token: &Token, depth: usize, prefix: &str) {
    let p = pad(depth);
    let ty = token.ty.expect("only typed tokens are emitted");
    let var = naming::css_var(prefix, &token.path);
    if let Some(description) = token.description() {
        let _ = writeln!(out, "{p}#[doc = {}]", literal(&prose(description)));
        let _ = writeln!(out, "{p}#[doc = \"\"]");
    }
    let mut doc = String::with_capacity(token.path.len() + var.len() + 24);
    push_code(&mut doc, &token.path);
    doc.push_str(" (");
    doc.push_str(ty.as_str());
    doc.push_str("), CSS ");
    push_code(&mut doc, &var);
    doc.push('.');
    out.push_str(&p);
    out.push_str("#[doc = ");
    push_literal(out, &doc);
    out.push_str("]\n");
    match token.deprecated() {
        Some(Deprecation::Because(why)) => {
            let _ = writeln!(out, "{p}#[deprecated = {}]", literal(&prose(why)));
        }
        Some(_) => {
            let _ = writeln!(out, "{p}#[deprecated]");
        }
        None => {}
    }
    // The last part of `rust_path`: the constant's own name.
    let name = naming::rust_const(match naming::last_dot(&token.path) {
        Some(dot) => &token.path[dot + 1..],
        None => &token.path,
    });
    let ty_name = ty.rust_name();
    let var = literal(&var);
    // rustfmt measures width in characters: `{p}pub const {name}: {ty_name}Token =` and
    // `{ty_name}Token::new({var});`.
    let width = |s: &str| s.chars().count();
    let head = p.len() + "pub const : Token =".len() + width(&name) + ty_name.len();
    let expr = "Token::new();".len() + ty_name.len() + width(&var);
    for part in [&*p, "pub const ", &name, ": ", ty_name, "Token ="] {
        out.push_str(part);
    }
    if head + 1 + expr <= MAX_WIDTH {
        for part in [" ", ty_name, "Token::new(", &var, ");\n"] {
            out.push_str(part);
        }
    } else if p.len() + 4 + expr <= MAX_WIDTH {
        for part in ["\n", &*p, "    ", ty_name, "Token::new(", &var, ");\n"] {
            out.push_str(part);
        }
    } else {
        let _ = writeln!(out, " {ty_name}Token::new(\n{p}    {var},\n{p});");
    }
}

fn modifier_enums(project: &Project, out: &mut String, diagnostics: &mut Vec<Diagnostic>) {
    for modifier in &project.modifiers {
        if modifier.contexts.is_empty() {
            continue;
        }
        let name = naming::rust_type(&modifier.name);
        let reserved = name == "Token"
            || name
                .strip_suffix("Token")
                .is_some_and(|k| TokenType::ALL.iter().any(|t| t.rust_name() == k));
        if reserved {
            diagnostics.push(
                Diagnostic::error(
                    "name-collision",
                    format!("modifier `{}` would become the Rust type `{name}`, which tokens.rs uses itself", modifier.name),
                )
                .at(modifier.span, "")
                .with_help("rename the modifier"),
            );
            continue;
        }
        let variants: Vec<String> = modifier
            .contexts
            .iter()
            .map(|(c, _)| naming::rust_type(c))
            .collect();
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = variants.iter().find(|v| !seen.insert(*v)) {
            diagnostics.push(
                Diagnostic::error(
                    "name-collision",
                    format!(
                        "two contexts of modifier `{}` both become the Rust variant `{dup}`",
                        modifier.name
                    ),
                )
                .at(modifier.span, "")
                .with_help("rename one of the contexts"),
            );
            continue;
        }
        let attr = format!("data-{}", modifier.name);
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "#[doc = {}]",
            literal(&format!(
                "Contexts of the modifier {}, chosen with the {} attribute.",
                code(&modifier.name),
                code(&attr)
            ))
        );
        let derives = if modifier.default.is_some() {
            "Clone, Copy, Debug, Default, PartialEq, Eq, Hash"
        } else {
            "Clone, Copy, Debug, PartialEq, Eq, Hash"
        };
        let _ = writeln!(out, "#[derive({derives})]");
        let _ = writeln!(out, "pub enum {name} {{");
        for (i, ((context, _), variant)) in modifier.contexts.iter().zip(&variants).enumerate() {
            let is_default = modifier.default == Some(i);
            let doc = format!(
                "{}{}",
                code(context),
                if is_default { " (the default)" } else { "" }
            );
            let _ = writeln!(out, "    #[doc = {}]", literal(&doc));
            if is_default {
                let _ = writeln!(out, "    #[default]");
            }
            let _ = writeln!(out, "    {variant},");
        }
        let _ = writeln!(out, "}}");
        let _ = writeln!(out);
        let _ = writeln!(out, "impl {name} {{");
        let _ = writeln!(out, "    /// The HTML attribute that selects a context.");
        let _ = writeln!(
            out,
            "    pub const ATTRIBUTE: &'static str = {};",
            literal(&attr)
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "    /// The context's name as the resolver spells it.");
        let _ = writeln!(out, "    pub const fn as_str(self) -> &'static str {{");
        let _ = writeln!(out, "        match self {{");
        for ((context, _), variant) in modifier.contexts.iter().zip(&variants) {
            let _ = writeln!(
                out,
                "            {name}::{variant} => {},",
                literal(context)
            );
        }
        let _ = writeln!(out, "        }}");
        let _ = writeln!(out, "    }}");
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "    /// The context named `name`, ignoring ASCII case."
        );
        let _ = writeln!(out, "    pub fn parse(name: &str) -> Option<Self> {{");
        let _ = writeln!(out, "        match name.to_ascii_lowercase().as_str() {{");
        for ((context, _), variant) in modifier.contexts.iter().zip(&variants) {
            let _ = writeln!(
                out,
                "            {} => Some({name}::{variant}),",
                literal(&context.to_ascii_lowercase())
            );
        }
        let _ = writeln!(out, "            _ => None,");
        let _ = writeln!(out, "        }}");
        let _ = writeln!(out, "    }}");
        let _ = writeln!(out, "}}");
    }
}
