use crust_ui::prelude::*;
use crust_ui::skeleton::SkeletonShape;
use crust_ui::stylesheet;
use leptos::prelude::*;

use crate::support::workspace_dir;

/// Renders a view on the server, as an app would, with hydration markers removed so the
/// snapshots show the markup itself.
fn render<V: IntoView + 'static>(f: impl FnOnce() -> V + Send + 'static) -> String {
    crust_gallery::render_html(None, f)
}

/// One snapshot per component: every variant, one rendering per line.
fn snapshot(name: &str, cases: Vec<(String, String)>) {
    let text: Vec<String> = cases
        .into_iter()
        .map(|(label, html)| format!("{label}\n{html}\n"))
        .collect();
    insta::assert_snapshot!(name, text.join("\n"));
}

#[test]
fn button_variants() {
    let mut cases = Vec::new();
    for variant in ButtonVariant::ALL {
        for tone in Tone::ALL {
            cases.push((
                format!("{variant:?} {tone:?}"),
                render(move || view! { <Button variant=variant tone=tone>"Save"</Button> }),
            ));
        }
    }
    for size in Size::ALL {
        cases.push((
            format!("{size:?}"),
            render(move || view! { <Button size=size>"Save"</Button> }),
        ));
    }
    cases.push((
        "submit, disabled, busy, full width, extra class".into(),
        render(|| {
            view! {
                <Button r#type=ButtonType::Submit disabled=true full_width=true class="mine">"Send"</Button>
                <Button busy=true>"Saving"</Button>
            }
        }),
    ));
    cases.push((
        "icon button".into(),
        render(|| view! { <IconButton label="Close"><svg viewBox="0 0 16 16"></svg></IconButton> }),
    ));
    snapshot("button", cases);
}

#[test]
fn link_and_visually_hidden() {
    snapshot(
        "link",
        vec![
            (
                "internal".into(),
                render(|| view! { <Link href="/docs">"Docs"</Link> }),
            ),
            (
                "current".into(),
                render(|| view! { <Link href="/" current=true>"Home"</Link> }),
            ),
            (
                "external".into(),
                render(
                    || view! { <Link href="https://example.com" external=true>"Example"</Link> },
                ),
            ),
            (
                "visually hidden".into(),
                render(|| view! { <VisuallyHidden>"Only for screen readers"</VisuallyHidden> }),
            ),
        ],
    );
}

#[test]
fn field_wires_label_help_and_error() {
    let html = render(|| {
        view! {
            <Field label="Email" help="We never share it" error="That address bounced" required=true>
                <TextField r#type=InputType::Email default_value="ada@example" />
            </Field>
        }
    });
    // The label points at the input; help and error describe it; the error marks it invalid.
    assert!(html.contains(r#"<label for="crust-field-0""#), "{html}");
    assert!(html.contains(r#"id="crust-field-0""#), "{html}");
    assert!(
        html.contains(r#"aria-describedby="crust-field-0-help crust-field-0-error""#),
        "{html}"
    );
    assert!(html.contains(r#"aria-invalid="true""#), "{html}");
    assert!(html.contains(" required"), "{html}");
    assert!(html.contains(r#"value="ada@example""#), "{html}");
    let plain = render(|| view! { <Field label="Name"><TextField /></Field> });
    assert!(!plain.contains("aria-describedby"), "{plain}");
    assert!(!plain.contains("aria-invalid"), "{plain}");
    snapshot(
        "field",
        vec![
            ("with help and error".into(), html),
            ("plain".into(), plain),
            (
                "textarea, select, switch in fields".into(),
                render(|| {
                    view! {
                        <Field label="Bio" help="Markdown works"><Textarea rows=4 placeholder="About you" /></Field>
                        <Field label="Country">
                            <Select placeholder="Choose one" options=vec![SelectOption::new("fr", "France"), SelectOption::new("jp", "Japan").disabled()] />
                        </Field>
                        <Field label="Notifications"><Switch default_checked=true /></Field>
                    }
                }),
            ),
            (
                "text field sizes and states".into(),
                render(|| {
                    view! {
                        <TextField size=Size::Sm placeholder="Small" />
                        <TextField disabled=true value="Locked" />
                        <TextField readonly=true value="Read only" invalid=true />
                    }
                }),
            ),
        ],
    );
}

#[test]
fn choices() {
    snapshot(
        "choice",
        vec![
            (
                "checkbox".into(),
                render(|| {
                    view! {
                        <Checkbox>"Accept"</Checkbox>
                        <Checkbox default_checked=true name="news" value="yes">"News"</Checkbox>
                        <Checkbox indeterminate=true>"Some"</Checkbox>
                        <Checkbox disabled=true invalid=true>"Off"</Checkbox>
                    }
                }),
            ),
            (
                "radio group".into(),
                render(|| {
                    view! {
                        <RadioGroup label="Plan" default_value="pro" help="Change it any time" error="Pick one">
                            <Radio value="free">"Free"</Radio>
                            <Radio value="pro">"Pro"</Radio>
                            <Radio value="team" disabled=true>"Team"</Radio>
                        </RadioGroup>
                    }
                }),
            ),
            (
                "horizontal radio group".into(),
                render(|| {
                    view! {
                        <RadioGroup label="Size" orientation=Orientation::Horizontal name="size">
                            <Radio value="s">"S"</Radio>
                            <Radio value="m">"M"</Radio>
                        </RadioGroup>
                    }
                }),
            ),
            (
                "switch".into(),
                render(
                    || view! { <Switch>"Wi-Fi"</Switch><Switch default_checked=true disabled=true>"Bluetooth"</Switch> },
                ),
            ),
        ],
    );
}

#[test]
fn display_components() {
    let mut cases = Vec::new();
    for tone in Status::ALL {
        for variant in BadgeVariant::ALL {
            cases.push((
                format!("badge {tone:?} {variant:?}"),
                render(move || view! { <Badge tone=tone variant=variant>"Beta"</Badge> }),
            ));
        }
        cases.push((
            format!("callout {tone:?}"),
            render(move || view! { <Callout tone=tone title="Heads up">"Body"</Callout> }),
        ));
    }
    cases.push((
        "live callouts".into(),
        render(|| {
            view! {
                <Callout tone=Status::Success live=true>"Saved"</Callout>
                <Callout tone=Status::Danger live=true>"Failed"</Callout>
            }
        }),
    ));
    cases.push((
        "cards".into(),
        render(|| view! { <Card>"Plain"</Card><Card label="Billing" flat=true>"Region"</Card> }),
    ));
    cases.push((
        "separators".into(),
        render(|| view! { <Separator /><Separator vertical=true /><Separator decorative=true /> }),
    ));
    cases.push((
        "spinner".into(),
        render(|| view! { <Spinner /><Spinner label="Saving" size=Size::Lg /> }),
    ));
    cases.push((
        "progress".into(),
        render(|| {
            view! {
                <Progress label="Upload" value=42.0 />
                <Progress label="Export" value=150.0 max=50.0 />
                <Progress label="Loading" />
            }
        }),
    ));
    cases.push((
        "skeleton".into(),
        render(|| {
            view! {
                <Skeleton />
                <Skeleton shape=SkeletonShape::Circle height="3rem" />
                <Skeleton shape=SkeletonShape::Block width="12rem" height="8rem" />
            }
        }),
    ));
    cases.push((
        "stack and grid".into(),
        render(|| {
            view! {
                <Stack gap=Gap::Sm><span>"a"</span></Stack>
                <Stack direction=Orientation::Horizontal align=Align::Center wrap=true><span>"b"</span></Stack>
                <Grid columns=3 gap=Gap::Lg><span>"c"</span></Grid>
                <Grid min="14rem"><span>"d"</span></Grid>
            }
        }),
    ));
    snapshot("display", cases);
}

#[test]
fn theme_provider_and_toggles() {
    let html = render(|| {
        let choice = Choice {
            theme: Some(Theme::Dark),
            ..Choice::default()
        };
        view! {
            <ThemeProvider initial=choice>
                <ThemeToggle />
                <ThemeToggle setting=Setting::Density hide_label=true />
            </ThemeProvider>
        }
    });
    // The server renders the chosen option checked, so hydration starts from the same state.
    assert!(html.contains(r#"value="dark" checked"#), "{html}");
    assert!(html.contains(r#"value="comfortable" checked"#), "{html}");
    snapshot(
        "theme",
        vec![("dark chosen; density defaulted".into(), html)],
    );
}

#[test]
fn overlays_and_navigation() {
    snapshot(
        "overlays",
        vec![
            (
                "tabs: the list is built from the tabs; the first enabled one is selected".into(),
                render(|| {
                    view! {
                        <Tabs label="Settings">
                            <Tab value="a" label="General" disabled=true>"A"</Tab>
                            <Tab value="b" label="Members">"B"</Tab>
                            <Tab value="c" label="Billing">"C"</Tab>
                        </Tabs>
                    }
                }),
            ),
            (
                "tabs: controlled, manual activation".into(),
                render(|| {
                    view! {
                        <Tabs label="Period" value="c" activation=Activation::Manual>
                            <Tab value="a" label="Day">"A"</Tab>
                            <Tab value="c" label="Month">"C"</Tab>
                        </Tabs>
                    }
                }),
            ),
            (
                "accordion: headers in h2, one open".into(),
                render(|| {
                    view! {
                        <Accordion level=2 default_value=vec![String::from("b")]>
                            <AccordionItem value="a" title="Shipping">"A"</AccordionItem>
                            <AccordionItem value="b" title="Returns" disabled=true>"B"</AccordionItem>
                        </Accordion>
                    }
                }),
            ),
            (
                "dialog: rendered closed on the server, with its close button last".into(),
                render(|| {
                    let open = RwSignal::new(true);
                    view! {
                        <Dialog open=open title="Edit" description="Changes are visible.">
                            "Body"
                            <DialogActions><Button>"Save"</Button></DialogActions>
                        </Dialog>
                    }
                }),
            ),
            (
                "breadcrumb: nav landmark, ordered list, current page".into(),
                render(|| {
                    view! {
                        <Breadcrumb>
                            <BreadcrumbItem href="/">"Home"</BreadcrumbItem>
                            <BreadcrumbItem current=true>"Apollo"</BreadcrumbItem>
                        </Breadcrumb>
                    }
                }),
            ),
            (
                "pagination: page 5 of 10, gaps, both steps enabled".into(),
                render(|| view! { <Pagination total=10 default_page=5 /> }),
            ),
            (
                "pagination: first page, previous disabled".into(),
                render(|| view! { <Pagination total=3 /> }),
            ),
            (
                "avatar: initials as a named image; a picture with alt; decorative".into(),
                render(|| {
                    view! {
                        <Avatar name="Ada Lovelace" size=Size::Lg />
                        <Avatar name="Grace Hopper" src="/grace.png" />
                        <Avatar name="Alan Turing" decorative=true />
                    }
                }),
            ),
            (
                "table: caption, focusable region, sortable header with aria-sort".into(),
                render(|| {
                    let sort = RwSignal::new(Some(Sort {
                        column: "name".into(),
                        direction: SortDirection::Descending,
                    }));
                    view! {
                        <Table caption="People" sticky_header=true max_height="10rem">
                            <thead>
                                <tr>
                                    <TableHeader column="name" sort=sort>"Name"</TableHeader>
                                    <TableHeader column="age" sort=sort numeric=true>"Age"</TableHeader>
                                    <TableHeader>"Role"</TableHeader>
                                </tr>
                            </thead>
                        </Table>
                    }
                }),
            ),
            (
                "popover: trigger with popovertarget and aria-expanded, panel named by its title"
                    .into(),
                render(|| view! { <Popover label="Filters" title="Show">"Body"</Popover> }),
            ),
            (
                "tooltip: the tooltip text, hidden in a manual popover until shown".into(),
                render(
                    || view! { <Tooltip content="Copies the link"><button>"Copy"</button></Tooltip> },
                ),
            ),
            (
                "menu: menu button, items of every kind, a disabled one".into(),
                render(|| {
                    let on = RwSignal::new(true);
                    let sort = RwSignal::new(String::from("b"));
                    view! {
                        <Menu label="Actions">
                            <MenuItem>"Rename"</MenuItem>
                            <MenuItem disabled=true>"Move"</MenuItem>
                            <MenuSeparator />
                            <MenuCheckboxItem checked=on>"Hidden files"</MenuCheckboxItem>
                            <MenuRadioGroup label="Sort" value=sort>
                                <MenuRadioItem value="a">"By name"</MenuRadioItem>
                                <MenuRadioItem value="b">"By date"</MenuRadioItem>
                            </MenuRadioGroup>
                            <MenuItem tone=Tone::Danger>"Delete"</MenuItem>
                        </Menu>
                    }
                }),
            ),
            (
                "toaster: the app, then two empty live regions".into(),
                render(|| view! { <Toaster><p>"App"</p></Toaster> }),
            ),
            (
                "alert dialog: role alertdialog, no close button, no description".into(),
                render(|| {
                    let open = RwSignal::new(false);
                    view! { <AlertDialog open=open title="Delete?">"Body"</AlertDialog> }
                }),
            ),
        ],
    );
}

#[test]
fn choice_round_trips_through_the_cookie() {
    let choice = Choice {
        theme: Some(Theme::Dark),
        contrast: Some(Contrast::More),
        density: None,
        motion: Some(Motion::Reduced),
    };
    let value = choice.to_value();
    assert_eq!(value, "theme:dark.contrast:more.motion:reduced");
    let header = format!("a=1; {}={value}; b=2", crust_ui::THEME_COOKIE);
    assert_eq!(Choice::from_cookie_header(&header), choice);
    assert_eq!(
        Choice::from_cookie_header("crust-theme=theme:purple.x:y"),
        Choice::default()
    );
    assert_eq!(
        choice.html_attributes(),
        vec![
            ("data-theme", "dark"),
            ("data-contrast", "more"),
            ("data-motion", "reduced")
        ]
    );
}

/// `styles/crust-ui.css` is what `stylesheet::assemble` builds (`cargo xtask regen` rewrites it).
#[test]
fn stylesheet_is_fresh() {
    let assembled = stylesheet::assemble(crust_ui::TOKENS_CSS);
    let path = workspace_dir().join("components/styles/crust-ui.css");
    if std::env::var_os("TOKENC_BLESS").is_some() {
        std::fs::write(&path, &assembled).expect("write crust-ui.css");
        return;
    }
    assert!(
        assembled == crust_ui::STYLESHEET,
        "components/styles/crust-ui.css is stale: run `cargo xtask regen`"
    );
}

/// Every custom property tokens.css declares.
fn declared_tokens() -> std::collections::HashSet<String> {
    let css = crust_ui::TOKENS_CSS;
    let mut out = std::collections::HashSet::new();
    for line in css.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("--")
            && let Some((name, _)) = rest.split_once(':')
        {
            out.insert(format!("--{name}"));
        }
    }
    out
}

/// What a component stylesheet may not contain: an undeclared token, a raw colour, a raw length
/// or duration (only `0`, `1px` hairlines, `50%` and `100%` are allowed as literals).
fn problems_in(file: &str, css: &str, tokens: &std::collections::HashSet<String>) -> Vec<String> {
    use lightningcss::rules::CssRule;
    use lightningcss::stylesheet::{ParserOptions, PrinterOptions, StyleSheet};
    use lightningcss::traits::ToCss;

    fn check_value(
        file: &str,
        property: &str,
        value: &str,
        forced_colors: bool,
        tokens: &std::collections::HashSet<String>,
        out: &mut Vec<String>,
    ) {
        use lightningcss::traits::Parse;
        use lightningcss::values::color::CssColor;
        let mut rest = value;
        while let Some(at) = rest.find("var(--") {
            let name: String = rest[at + 4..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !name.starts_with("--_") && !tokens.contains(&name) {
                out.push(format!(
                    "{file}: `{property}` uses `{name}`, which tokens.css does not declare"
                ));
            }
            rest = &rest[at + 4..];
        }
        for function in [
            "rgb(",
            "rgba(",
            "hsl(",
            "hsla(",
            "hwb(",
            "lab(",
            "lch(",
            "oklab(",
            "oklch(",
            "color(",
            "color-mix(",
        ] {
            if value.contains(function) {
                out.push(format!("{file}: `{property}: {value}` has a raw colour"));
            }
        }
        for word in value.split(|c: char| {
            !(c.is_ascii_alphanumeric() || c == '#' || c == '-' || c == '.' || c == '%')
        }) {
            if word.is_empty() || word.starts_with("--") {
                continue;
            }
            // lightningcss prints `transparent` as `#0000`.
            if word.starts_with('#') && !matches!(word, "#0000" | "#00000000") {
                out.push(format!(
                    "{file}: `{property}: {value}` has a raw colour `{word}`"
                ));
                continue;
            }
            let lower = word.to_ascii_lowercase();
            if word.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && CssColor::parse_string(word).is_ok()
                && lower != "transparent"
                && lower != "currentcolor"
            {
                let system = matches!(
                    lower.as_str(),
                    "canvas"
                        | "canvastext"
                        | "linktext"
                        | "visitedtext"
                        | "activetext"
                        | "buttonface"
                        | "buttontext"
                        | "buttonborder"
                        | "field"
                        | "fieldtext"
                        | "highlight"
                        | "highlighttext"
                        | "selecteditem"
                        | "selecteditemtext"
                        | "mark"
                        | "marktext"
                        | "graytext"
                        | "accentcolor"
                        | "accentcolortext"
                );
                if !(system && forced_colors) {
                    out.push(format!(
                        "{file}: `{property}: {value}` has a raw colour `{word}`"
                    ));
                }
                continue;
            }
            // A number with a length, percentage or time unit.
            let digits = word.trim_start_matches('-');
            let unit_at = digits.find(|c: char| !(c.is_ascii_digit() || c == '.'));
            if let Some(at) = unit_at.filter(|at| *at > 0) {
                let (number, unit) = digits.split_at(at);
                let units = [
                    "px", "rem", "em", "vh", "vw", "vmin", "vmax", "ch", "ex", "lh", "%", "ms",
                    "s", "pt", "cm", "mm", "in",
                ];
                if units.contains(&unit) {
                    let zero = number.parse::<f64>().is_ok_and(|n| n == 0.0);
                    let allowed = zero || matches!(word, "1px" | "-1px" | "50%" | "100%");
                    if !allowed {
                        out.push(format!("{file}: `{property}: {value}` has a raw length or time `{word}`: use a token"));
                    }
                }
            }
        }
    }

    fn walk(
        file: &str,
        rules: &[CssRule<'_>],
        forced_colors: bool,
        tokens: &std::collections::HashSet<String>,
        out: &mut Vec<String>,
    ) {
        let print = |p: &lightningcss::properties::Property<'_>| {
            let name = p.property_id().name().to_string();
            (
                name,
                p.value_to_css_string(PrinterOptions::default())
                    .unwrap_or_default(),
            )
        };
        for rule in rules {
            match rule {
                CssRule::Style(style) => {
                    for (p, _important) in style.declarations.iter() {
                        let (name, value) = print(p);
                        let name = match p {
                            lightningcss::properties::Property::Custom(c) => {
                                c.name.as_ref().to_string()
                            }
                            _ => name,
                        };
                        check_value(file, &name, &value, forced_colors, tokens, out);
                    }
                    walk(file, &style.rules.0, forced_colors, tokens, out);
                }
                CssRule::Media(media) => {
                    let query = media
                        .query
                        .to_css_string(PrinterOptions::default())
                        .unwrap_or_default();
                    walk(
                        file,
                        &media.rules.0,
                        forced_colors || query.contains("forced-colors"),
                        tokens,
                        out,
                    );
                }
                CssRule::LayerBlock(layer) => {
                    walk(file, &layer.rules.0, forced_colors, tokens, out)
                }
                CssRule::Supports(supports) => {
                    walk(file, &supports.rules.0, forced_colors, tokens, out)
                }
                CssRule::Keyframes(keyframes) => {
                    for frame in &keyframes.keyframes {
                        for (p, _important) in frame.declarations.iter() {
                            let (name, value) = print(p);
                            check_value(file, &name, &value, forced_colors, tokens, out);
                        }
                    }
                }
                CssRule::LayerStatement(_) => {}
                other => out.push(format!("{file}: unexpected rule {other:?}")),
            }
        }
    }

    let mut out = Vec::new();
    // Browsers drop a rule whose `:where()` holds a pseudo-element; write `:where(.x)::after`.
    for (i, line) in css.lines().enumerate() {
        if let Some(at) = line.find(":where(") {
            let inner = &line[at..];
            let close = inner.find(')').unwrap_or(inner.len());
            if inner[..close].contains("::") {
                out.push(format!(
                    "{file}:{}: a pseudo-element inside :where() drops the rule",
                    i + 1
                ));
            }
        }
    }
    match StyleSheet::parse(
        css,
        ParserOptions {
            error_recovery: false,
            ..ParserOptions::default()
        },
    ) {
        Ok(sheet) => walk(file, &sheet.rules.0, false, tokens, &mut out),
        Err(e) => out.push(format!("{file}: does not parse: {e}")),
    }
    out
}

#[test]
fn component_styles_use_only_declared_tokens() {
    let tokens = declared_tokens();
    assert!(tokens.len() > 250, "{} tokens", tokens.len());
    let mut problems = Vec::new();
    for (name, css) in stylesheet::COMPONENTS {
        assert!(
            css.contains("@layer crust.components"),
            "{name}.css must be in @layer crust.components"
        );
        problems.extend(problems_in(&format!("{name}.css"), css, &tokens));
    }
    problems.extend(problems_in("base.css", stylesheet::BASE, &tokens));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The checker itself catches what it is for.
    let bad = "@layer crust.components { :where(.x) { color: #fff; margin: 3px; background: var(--crust-nope); border-color: red; } }";
    let found = problems_in("bad.css", bad, &tokens);
    assert_eq!(found.len(), 4, "{found:#?}");
    let pseudo = "@layer crust.components { :where(.x::after) { content: \"\" } }";
    assert_eq!(problems_in("pseudo.css", pseudo, &tokens).len(), 1);
    let forced = "@layer crust.components { @media (forced-colors: active) { :where(.x) { color: CanvasText } } }";
    assert!(problems_in("ok.css", forced, &tokens).is_empty());
}

#[test]
fn every_component_has_a_folder_with_its_own_css() {
    let src = workspace_dir().join("components/src");
    let folders: Vec<String> = std::fs::read_dir(&src)
        .expect("components/src")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for folder in &folders {
        let css = src.join(folder).join(format!("{folder}.css"));
        assert!(src.join(folder).join("mod.rs").exists(), "{folder}/mod.rs");
        assert!(css.exists(), "{folder}/{folder}.css");
        assert!(
            stylesheet::COMPONENTS.iter().any(|(n, _)| n == folder),
            "{folder}.css is not in stylesheet::COMPONENTS"
        );
    }
    assert!(folders.len() >= 21, "{} component folders", folders.len());
}

/// `components/tokens.required.toml` lists every token crust-ui reads (from its stylesheets and
/// its Rust code) with its type, so that an app re-branding Crust can `require` it and learn at
/// `tokenc check` time when its token set drops or retypes one. `cargo xtask regen` rewrites it.
#[test]
fn required_tokens_manifest_is_fresh() {
    let root = workspace_dir();
    // Every `--crust-…` name crust-ui uses: the base and component layers, and the Rust code.
    let mut used = std::collections::BTreeSet::new();
    let mut scan = |text: &str| {
        for (i, _) in text.match_indices("--crust-") {
            let name: String = text[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            // `--crust-…` in prose names no token.
            if name.len() > "--crust-".len() {
                used.insert(name);
            }
        }
    };
    scan(&stylesheet::assemble(""));
    let mut stack = vec![root.join("components/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "tokens.rs")
            {
                scan(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    // Custom property → (token path, type), from Crust's own set.
    let out = std::process::Command::new(crate::support::tokenc_bin())
        .args(["resolve", "--config", "tokens/tokenc.toml", "-q"])
        .current_dir(&root)
        .output()
        .expect("run tokenc resolve");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("resolve prints JSON");
    let mut by_name = std::collections::HashMap::new();
    for (path, token) in json.as_object().unwrap() {
        let ty = token["type"].as_str().unwrap().to_string();
        let name = token["name"].as_str().unwrap().to_string();
        if let Some(parts) = token["parts"].as_object() {
            for part in parts.keys() {
                by_name.insert(format!("{name}-{part}"), (path.clone(), ty.clone()));
            }
        }
        by_name.insert(name, (path.clone(), ty));
    }
    let mut required = std::collections::BTreeMap::new();
    for name in &used {
        let (path, ty) = by_name
            .get(name)
            .unwrap_or_else(|| panic!("crust-ui uses {name}, which Crust's tokens do not declare"));
        required.insert(path.clone(), ty.clone());
    }
    let mut manifest = String::from(
        "# @generated from crust-ui's stylesheets and code by `cargo xtask regen`. Do not edit.\n\
         # Every token crust-ui reads, with its type. An app that re-brands Crust lists this file\n\
         # under `require` in its tokenc.toml; `tokenc check` then fails, naming the token, when\n\
         # the app's token set drops one or changes its type.\n\
         name = \"crust-ui\"\nprefix = \"crust\"\n\n[tokens]\n",
    );
    for (path, ty) in &required {
        manifest.push_str(&format!("{} = \"{ty}\"\n", toml_key(path)));
    }
    let file = root.join("components/tokens.required.toml");
    if std::env::var_os("TOKENC_BLESS").is_some() {
        std::fs::write(&file, &manifest).unwrap();
    }
    assert!(
        std::fs::read_to_string(&file).unwrap_or_default() == manifest,
        "components/tokens.required.toml is stale: run `cargo xtask regen`"
    );
    assert!(required.len() > 100, "{} tokens", required.len());
}

/// A TOML key for a token path: quoted, since paths hold dots.
fn toml_key(path: &str) -> String {
    format!("\"{}\"", path.replace('\\', "\\\\").replace('"', "\\\""))
}
