use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use serde_json::{Value as Json, json};

use crate::support::{fixture_dirs, fixture_loader};

/// A token value of a generated tree: always inside the spec's ranges.
#[derive(Clone, Debug)]
enum Val {
    Number(f64),
    Dimension(f64, &'static str),
    Color([f64; 3], f64),
    Duration(f64, &'static str),
    Weight(u16),
    Bezier([f64; 4]),
    Family(Vec<String>),
}

impl Val {
    fn ty(&self) -> &'static str {
        match self {
            Val::Number(_) => "number",
            Val::Dimension(..) => "dimension",
            Val::Color(..) => "color",
            Val::Duration(..) => "duration",
            Val::Weight(_) => "fontWeight",
            Val::Bezier(_) => "cubicBezier",
            Val::Family(_) => "fontFamily",
        }
    }

    fn json(&self) -> Json {
        match self {
            Val::Number(n) => json!(n),
            Val::Dimension(v, u) => json!({ "value": v, "unit": u }),
            Val::Color(c, a) => json!({ "colorSpace": "srgb", "components": c, "alpha": a }),
            Val::Duration(v, u) => json!({ "value": v, "unit": u }),
            Val::Weight(w) => json!(w),
            Val::Bezier(b) => json!(b),
            Val::Family(f) => json!(f),
        }
    }
}

/// Short decimals, as people write them (and exactly representable in both formats).
fn decimal(lo: i32, hi: i32) -> impl Strategy<Value = f64> {
    (lo * 100..=hi * 100).prop_map(|n| f64::from(n) / 100.0)
}

fn value() -> impl Strategy<Value = Val> {
    let unit = || (0..=1000).prop_map(|n| f64::from(n) / 1000.0);
    prop_oneof![
        decimal(-1000, 1000).prop_map(Val::Number),
        (decimal(-100, 1000), prop_oneof![Just("px"), Just("rem")])
            .prop_map(|(v, u)| Val::Dimension(v, u)),
        ([unit(), unit(), unit()], unit()).prop_map(|(c, a)| Val::Color(c, a)),
        (decimal(0, 10_000), prop_oneof![Just("ms"), Just("s")])
            .prop_map(|(v, u)| Val::Duration(v, u)),
        (1u16..=1000).prop_map(Val::Weight),
        (unit(), decimal(-2, 2), unit(), decimal(-2, 2))
            .prop_map(|(a, b, c, d)| Val::Bezier([a, b, c, d])),
        // Any printable text, quotes, semicolons, braces and comment markers included.
        prop::collection::vec("[^\\p{C}]{1,12}", 1..4)
            .prop_filter("a family name needs a visible character", |v| {
                v.iter().all(|s| !s.trim().is_empty())
            })
            .prop_map(Val::Family),
    ]
}

/// One token: its value, or an alias to an earlier token (index modulo the count so far).
#[derive(Clone, Debug)]
enum Def {
    Value(Val),
    Alias(usize),
}

#[derive(Clone, Debug)]
struct Tree {
    /// Group name → token name → definition, in insertion order of `tokens`.
    tokens: Vec<(String, String, Def, Option<String>)>,
}

fn tree() -> impl Strategy<Value = Tree> {
    let token = (
        prop_oneof![3 => value().prop_map(Def::Value), 1 => any::<usize>().prop_map(Def::Alias)],
        // Any text at all, control characters and line breaks included.
        prop::option::of(prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter)),
    );
    (
        prop::collection::btree_set("[a-z][a-z0-9]{0,5}", 1..4),
        prop::collection::vec(("[a-z][a-z0-9]{0,5}", token), 1..40),
    )
        .prop_map(|(groups, tokens)| {
            let groups: Vec<String> = groups.into_iter().collect();
            let mut seen = std::collections::BTreeSet::new();
            let mut out = Vec::new();
            for (i, (name, (def, description))) in tokens.into_iter().enumerate() {
                let group = groups[i % groups.len()].clone();
                if seen.insert((group.clone(), name.clone())) {
                    out.push((group, name, def, description));
                }
            }
            Tree { tokens: out }
        })
}

impl Tree {
    /// The document, with every alias resolved to a token of a value (so types match).
    fn document(&self) -> (Json, Vec<(String, Val)>) {
        let mut doc = serde_json::Map::new();
        let mut values: Vec<(String, Val)> = Vec::new();
        for (group, name, def, description) in &self.tokens {
            let path = format!("{group}.{name}");
            let (entry, val) = match def {
                Def::Value(v) => (json!({ "$type": v.ty(), "$value": v.json() }), v.clone()),
                Def::Alias(k) if !values.is_empty() => {
                    let (target, v) = values[k % values.len()].clone();
                    (
                        json!({ "$type": v.ty(), "$value": format!("{{{target}}}") }),
                        v,
                    )
                }
                Def::Alias(_) => continue,
            };
            let mut entry = entry;
            if let Some(d) = description {
                entry["$description"] = json!(d);
            }
            doc.entry(group.clone())
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .expect("group")
                .insert(name.clone(), entry);
            values.push((path, val));
        }
        (Json::Object(doc), values)
    }
}

/// Compiles one in-memory file.
fn compile(name: &str, text: String) -> tokenc::Compilation {
    let mut loader = tokenc::MemoryLoader::new();
    let entry = Path::new("/p").join(name);
    loader.insert(&entry, text);
    let mut settings = tokenc::Settings::for_resolver(&entry);
    settings.css.prefix = "p".into();
    tokenc::compile_with(&loader, &settings, tokenc::SourceMap::new()).expect("entry readable")
}

/// `:root` custom properties of a stylesheet, each value re-printed by lightningcss.
fn root_properties(css: &str) -> BTreeMap<String, String> {
    use lightningcss::properties::Property;
    use lightningcss::rules::CssRule;
    use lightningcss::stylesheet::{ParserOptions, PrinterOptions, StyleSheet};
    let options = ParserOptions {
        error_recovery: false,
        ..ParserOptions::default()
    };
    let sheet = StyleSheet::parse(css, options).expect("tokens.css parses back");
    let mut out = BTreeMap::new();
    for rule in &sheet.rules.0 {
        let CssRule::Style(style) = rule else {
            continue;
        };
        for d in &style.declarations.declarations {
            if let Property::Custom(c) = d {
                let value = d
                    .value_to_css_string(PrinterOptions::default())
                    .expect("prints");
                out.insert(c.name.as_ref().to_string(), value);
            }
        }
    }
    out
}

/// One value printed the way [`root_properties`] prints them.
fn reprint(value: &str) -> String {
    root_properties(&format!(":root {{ --x: {value} }}"))
        .remove("--x")
        .expect("one property")
}

/// Follows `var(--…)` chains to the value.
fn follow(properties: &BTreeMap<String, String>, name: &str) -> Option<String> {
    let mut name = name.to_string();
    for _ in 0..10_000 {
        let value = properties.get(&name)?;
        match value.strip_prefix("var(").and_then(|v| v.strip_suffix(')')) {
            Some(next) => name = next.to_string(),
            None => return Some(value.clone()),
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Valid generated trees build without errors, in JSON and in TOML; the stylesheet parses
    /// back without recovery and declares exactly their tokens; every token's value, followed
    /// through its `var()` chain, is what `tokenc resolve` prints for it.
    #[test]
    fn valid_trees_build_and_the_css_agrees_with_resolve(tree in tree(), as_toml in any::<bool>()) {
        let (doc, values) = tree.document();
        let (name, text) = if as_toml {
            ("entry.toml", toml::to_string(&doc).expect("toml"))
        } else {
            ("entry.json", serde_json::to_string_pretty(&doc).expect("json"))
        };
        let compilation = compile(name, text.clone());
        let errors: Vec<String> = compilation
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| tokenc::diagnostics::render_human(&compilation.files, d, false))
            .collect();
        prop_assert!(errors.is_empty(), "{text}\n{}", errors.join("\n"));
        let outputs = compilation.outputs.as_ref().expect("outputs");
        let properties = root_properties(&outputs.css);

        let mut loader = tokenc::MemoryLoader::new();
        let entry = Path::new("/p").join(name);
        loader.insert(&entry, text);
        let mut settings = tokenc::Settings::for_resolver(&entry);
        settings.css.prefix = "p".into();
        let project = tokenc::load::load(&loader, &entry, &settings.roots, tokenc::SourceMap::new())
            .expect("loads");
        let (resolved, _) = tokenc::resolve_json(&project, &[], false, &settings);
        let resolved = resolved.as_object().expect("an object");
        prop_assert_eq!(resolved.len(), values.len());
        prop_assert_eq!(properties.len(), values.len(), "{}", outputs.css);
        for (path, val) in &values {
            let token = &resolved[path.as_str()];
            prop_assert_eq!(token["type"].as_str(), Some(val.ty()));
            let var = token["name"].as_str().expect("name");
            let css = follow(&properties, var);
            prop_assert_eq!(css, Some(reprint(token["css"].as_str().expect("css"))), "{}", path);
        }
    }

    /// Any bytes, as a JSON or a TOML file: a result, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512), as_toml in any::<bool>()) {
        let name = if as_toml { "entry.toml" } else { "entry.json" };
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = compile(name, text);
        }
    }

    /// Token-shaped soup: fragments of both syntaxes and of DTCG in random order reach deeper
    /// than random bytes.
    #[test]
    fn token_soup_never_panics(parts in prop::collection::vec(prop::sample::select(dictionary()), 0..120), as_toml in any::<bool>()) {
        let name = if as_toml { "entry.toml" } else { "entry.json" };
        let _ = compile(name, parts.concat());
    }

    /// Every valid fixture, mutated: a result, never a panic.
    #[test]
    fn mutated_fixtures_never_panic(pick in any::<prop::sample::Index>(), edits in prop::collection::vec(edit(), 1..6)) {
        let dirs = fixture_dirs("valid");
        let dir = pick.get(&dirs);
        let (loader, entry) = fixture_loader(dir);
        let mut loader = loader;
        let files = loader.paths();
        for (target, edit) in edits {
            let path = target.get(&files);
            if let Some(Ok(text)) = loader.get(path).cloned() {
                loader.insert(path, edit.apply(&text));
            }
        }
        let settings = tokenc::Settings::for_resolver(&entry);
        let _ = tokenc::compile_with(&loader, &settings, tokenc::SourceMap::new());
    }
}

/// Pieces of JSON, TOML and DTCG (`fixtures/dictionary.json`, shared with the fuzzer).
fn dictionary() -> Vec<String> {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            let path = crate::support::crate_dir().join("fixtures/dictionary.json");
            let text = std::fs::read_to_string(path).expect("fixtures/dictionary.json");
            serde_json::from_str(&text).expect("a JSON array of strings")
        })
        .clone()
}

/// One edit of a file.
#[derive(Clone, Debug)]
enum Edit {
    Delete(prop::sample::Index, usize),
    Duplicate(prop::sample::Index, usize),
    Insert(prop::sample::Index, String),
    Truncate(prop::sample::Index),
}

fn edit() -> impl Strategy<Value = (prop::sample::Index, Edit)> {
    let e = prop_oneof![
        (any::<prop::sample::Index>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<prop::sample::Index>(), 1usize..200).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        (
            any::<prop::sample::Index>(),
            prop::sample::select(dictionary())
        )
            .prop_map(|(i, s)| Edit::Insert(i, s)),
        any::<prop::sample::Index>().prop_map(Edit::Truncate),
    ];
    (any::<prop::sample::Index>(), e)
}

impl Edit {
    fn apply(&self, text: &str) -> String {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let at = |i: &prop::sample::Index| *i.get(&boundaries);
        let end = |from: usize, n: usize| {
            boundaries
                .iter()
                .copied()
                .find(|&b| b >= from + n)
                .unwrap_or(text.len())
        };
        match self {
            Edit::Delete(i, n) => {
                let from = at(i);
                format!("{}{}", &text[..from], &text[end(from, *n)..])
            }
            Edit::Duplicate(i, n) => {
                let from = at(i);
                let to = end(from, *n);
                format!("{}{}{}", &text[..to], &text[from..to], &text[to..])
            }
            Edit::Insert(i, s) => {
                let from = at(i);
                format!("{}{s}{}", &text[..from], &text[from..])
            }
            Edit::Truncate(i) => text[..at(i)].to_string(),
        }
    }
}
