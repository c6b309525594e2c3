//! A settings page built with crust-ui: rendered on the server (axum), hydrated in the browser.
//!
//! It uses every input component, shows validation errors through `Field`, lets the reader
//! choose theme, contrast, density and motion, and has a team section with the overlays and
//! navigation components (tabs, table, menu, dialogs, popover, tooltip, toasts). The server renders the reader's choice (from the
//! `crust-theme` cookie) onto `<html>`, so the first paint already has the right theme.
#![forbid(unsafe_code)]

use crust_ui::prelude::*;
use leptos::prelude::*;
use leptos_router::StaticSegment;
use leptos_router::components::{Route, Router, Routes};

/// The HTML document around the app: the stylesheet, the hydration scripts, and the reader's
/// theme attributes on `<html>` (from the request cookie, on the server).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let choice = request_choice();
    provide_context(choice);
    let attr = |setting: Setting| choice.get(setting);
    view! {
        <!DOCTYPE html>
        <html
            lang="en"
            data-theme=attr(Setting::Theme)
            data-contrast=attr(Setting::Contrast)
            data-density=attr(Setting::Density)
            data-motion=attr(Setting::Motion)
        >
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>"Settings · Crust example"</title>
                <link rel="stylesheet" href="/crust-ui.css" />
                <link rel="stylesheet" href="/example.css" />
                <link rel="icon" href="data:," />
                <HydrationScripts options />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The reader's choice from the request's `Cookie` header (server only).
fn request_choice() -> Choice {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get(axum::http::header::COOKIE)
                    .and_then(|v| v.to_str().ok())
                    .map(Choice::from_cookie_header)
            })
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Choice::default()
    }
}

/// The app: one page.
#[component]
pub fn App() -> impl IntoView {
    // ThemeProvider takes the request's choice from the shell's context on the server, and
    // reads the attributes the server put on <html> in the browser.
    // Marks the page once hydrated (effects run only in the browser), for the browser tests.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "");
        }
    });
    view! {
        <ThemeProvider>
            <Toaster>
            <Router>
                <Routes fallback=|| view! { <p>"Not found"</p> }>
                    <Route path=StaticSegment("") view=SettingsPage />
                </Routes>
            </Router>
            </Toaster>
        </ThemeProvider>
    }
}

const COUNTRIES: [(&str, &str); 5] = [
    ("fr", "France"),
    ("de", "Germany"),
    ("jp", "Japan"),
    ("ng", "Nigeria"),
    ("br", "Brazil"),
];

/// The settings form.
#[component]
fn SettingsPage() -> impl IntoView {
    let name = RwSignal::new(String::from("Ada Lovelace"));
    let email = RwSignal::new(String::new());
    let bio = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let plan = RwSignal::new(String::from("pro"));
    let terms = RwSignal::new(false);
    let newsletter = RwSignal::new(true);
    let notifications = RwSignal::new(true);
    let submitted = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let toasts = use_toast();

    let name_error = Signal::derive(move || {
        (submitted.get() && name.get().trim().is_empty()).then(|| "Enter your name".to_string())
    });
    let email_error = Signal::derive(move || {
        let e = email.get();
        (submitted.get() && !(e.contains('@') && e.contains('.')))
            .then(|| "Enter an email address like name@example.com".to_string())
    });
    let country_error = Signal::derive(move || {
        (submitted.get() && country.get().is_empty()).then(|| "Choose a country".to_string())
    });
    let terms_error = move || submitted.get() && !terms.get();
    let complete = Signal::derive(move || {
        let filled = [
            !name.get().trim().is_empty(),
            email.get().contains('@'),
            !bio.get().trim().is_empty(),
            !country.get().is_empty(),
        ];
        filled.iter().filter(|f| **f).count() as f64 * 25.0
    });

    let countries: Vec<SelectOption> = COUNTRIES
        .iter()
        .map(|&(v, l)| SelectOption::new(v, l))
        .collect();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let ok = name_error.get_untracked().is_none()
            && email_error.get_untracked().is_none()
            && country_error.get_untracked().is_none()
            && terms.get_untracked();
        saved.set(ok);
        if ok {
            toasts.show(Toast::new("Settings saved").tone(Status::Success));
        }
    };
    let on_reset = move |_| {
        name.set(String::new());
        email.set(String::new());
        bio.set(String::new());
        country.set(String::new());
        terms.set(false);
        submitted.set(false);
        saved.set(false);
    };

    view! {
        <main class="page">
            <Breadcrumb>
                <BreadcrumbItem href="/">"Home"</BreadcrumbItem>
                <BreadcrumbItem href="/">"Account"</BreadcrumbItem>
                <BreadcrumbItem current=true>"Settings"</BreadcrumbItem>
            </Breadcrumb>
            <header class="page__header">
                <h1>"Settings"</h1>
                <Badge tone=Status::Accent>"Pro plan"</Badge>
                <AccountMenu />
            </header>
            // The form cards' own minimum width, chosen for this page. tokenc-audit: allow
            <Grid min="22rem" gap=Gap::Lg>
                <Card label="Profile">
                    <h2>"Profile"</h2>
                    <form class="form" novalidate=true on:submit=on_submit>
                        <Stack gap=Gap::Md>
                            <Field label="Name" required=true error=name_error>
                                <TextField
                                    value=name
                                    on_input=Callback::new(move |v| name.set(v))
                                    autocomplete="name"
                                    name="name"
                                />
                            </Field>
                            <Field
                                label="Email"
                                required=true
                                help="We send receipts here"
                                error=email_error
                            >
                                <TextField
                                    r#type=InputType::Email
                                    value=email
                                    on_input=Callback::new(move |v| email.set(v))
                                    placeholder="name@example.com"
                                    autocomplete="email"
                                    name="email"
                                />
                            </Field>
                            <Field label="Bio" help="A sentence or two for your profile">
                                <Textarea
                                    value=bio
                                    on_input=Callback::new(move |v| bio.set(v))
                                    rows=3
                                    name="bio"
                                />
                            </Field>
                            <Stack direction=Orientation::Horizontal align=Align::Center gap=Gap::Sm>
                                <span class="muted">"Clear the bio"</span>
                                <Tooltip content="Empties the bio field">
                                    <IconButton label="Clear bio" on:click=move |_| bio.set(String::new())>
                                        <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="2">
                                            <path d="M4 4l8 8M12 4l-8 8" />
                                        </svg>
                                    </IconButton>
                                </Tooltip>
                            </Stack>
                            <Field label="Country" required=true error=country_error>
                                <Select
                                    options=countries.clone()
                                    value=country
                                    on_change=Callback::new(move |v| country.set(v))
                                    placeholder="Choose a country"
                                    name="country"
                                />
                            </Field>
                            <RadioGroup
                                label="Plan"
                                value=plan
                                on_change=Callback::new(move |v| plan.set(v))
                                help="You can change plans at any time"
                            >
                                <Radio value="free">"Free"</Radio>
                                <Radio value="pro">"Pro"</Radio>
                                <Radio value="team" disabled=true>"Team (coming soon)"</Radio>
                            </RadioGroup>
                            <Checkbox
                                checked=newsletter
                                on_change=Callback::new(move |v| newsletter.set(v))
                                name="newsletter"
                            >
                                "Send me the monthly newsletter"
                            </Checkbox>
                            <Checkbox
                                checked=terms
                                on_change=Callback::new(move |v| terms.set(v))
                                invalid=Signal::derive(terms_error)
                                described_by="terms-error"
                                name="terms"
                            >
                                "I accept the terms of service"
                            </Checkbox>
                            <p id="terms-error" class="crust-field__error" aria-live="polite">
                                {move || terms_error().then_some("Accept the terms to continue")}
                            </p>
                            <Separator />
                            <Stack direction=Orientation::Horizontal gap=Gap::Sm wrap=true>
                                <Button r#type=ButtonType::Submit variant=ButtonVariant::Solid>
                                    "Save changes"
                                </Button>
                                <Button variant=ButtonVariant::Outline on:click=on_reset>
                                    "Clear form"
                                </Button>
                            </Stack>
                            <Show when=move || saved.get()>
                                <Callout tone=Status::Success title="Saved" live=true>
                                    "Your settings are saved."
                                </Callout>
                            </Show>
                        </Stack>
                    </form>
                </Card>
                <Stack gap=Gap::Lg>
                    <Card label="Appearance">
                        <h2>"Appearance"</h2>
                        <ThemeToggle setting=Setting::Theme />
                        <ThemeToggle setting=Setting::Contrast />
                        <ThemeToggle setting=Setting::Density />
                        <ThemeToggle setting=Setting::Motion />
                    </Card>
                    <Card label="Notifications">
                        <h2>"Notifications"</h2>
                        <Field label="Email me about activity" help="At most one email a day">
                            <Switch
                                checked=notifications
                                on_change=Callback::new(move |v| notifications.set(v))
                            />
                        </Field>
                        <Callout tone=Status::Info title="Tip">
                            "Read more in the "
                            <Link href="https://example.com/help" external=true>
                                "help centre"
                            </Link> "."
                        </Callout>
                    </Card>
                    <Card label="Profile strength">
                        <h2>"Profile strength"</h2>
                        <Progress label="Profile complete" value=complete />
                        <p class="muted">
                            {move || format!("{}% complete", complete.get())}
                            <VisuallyHidden>" of your profile"</VisuallyHidden>
                        </p>
                    </Card>
                    <Card label="Recent activity">
                        <h2>"Recent activity"</h2>
                        <Stack direction=Orientation::Horizontal align=Align::Center gap=Gap::Sm>
                            <Spinner label="Loading activity" size=Size::Sm />
                            <span class="muted">"Loading…"</span>
                        </Stack>
                        <div aria-busy="true" class="activity">
                            <Skeleton />
                            <Skeleton width="70%" />
                            <Skeleton width="40%" />
                        </div>
                    </Card>
                </Stack>
            </Grid>
            <Team />
        </main>
    }
}

/// Account actions in the page header: a menu whose last item asks for confirmation.
#[component]
fn AccountMenu() -> impl IntoView {
    let confirm = RwSignal::new(false);
    let toasts = use_toast();
    view! {
        <Menu label="Account">
            <MenuItem on_select=Callback::new(move |()| {
                toasts.show(Toast::new("Export started").body("We email you a link when it is ready."));
            })>"Export my data"</MenuItem>
            <MenuItem disabled=true>"Transfer ownership"</MenuItem>
            <MenuSeparator />
            <MenuItem tone=Tone::Danger on_select=Callback::new(move |()| confirm.set(true))>
                "Delete account"
            </MenuItem>
        </Menu>
        <AlertDialog
            open=confirm
            title="Delete your account?"
            description="Your profile and settings are deleted. This cannot be undone."
        >
            <DialogActions>
                <Button variant=ButtonVariant::Ghost attr:autofocus=true on:click=move |_| confirm.set(false)>
                    "Keep account"
                </Button>
                <Button tone=Tone::Danger variant=ButtonVariant::Solid on:click=move |_| {
                    confirm.set(false);
                    toasts.show(Toast::new("Account not deleted").body("This is only an example.").tone(Status::Danger));
                }>"Delete"</Button>
            </DialogActions>
        </AlertDialog>
    }
}

const MEMBERS: [(&str, &str, u32); 7] = [
    ("Ada Lovelace", "Owner", 128),
    ("Grace Hopper", "Admin", 342),
    ("Alan Turing", "Editor", 57),
    ("Katherine Johnson", "Editor", 211),
    ("Edsger Dijkstra", "Viewer", 9),
    ("Barbara Liskov", "Editor", 175),
    ("Donald Knuth", "Viewer", 64),
];

/// The team: members in a sortable table, invitations, and questions.
#[component]
fn Team() -> impl IntoView {
    let sort = RwSignal::new(Some(Sort {
        column: "name".into(),
        direction: SortDirection::Ascending,
    }));
    let page = RwSignal::new(1_u32);
    let per_page = 4_usize;
    let inviting = RwSignal::new(false);
    let invitee = RwSignal::new(String::new());
    let editors_only = RwSignal::new(false);
    let toasts = use_toast();
    let rows = move || {
        let mut rows: Vec<_> = MEMBERS
            .iter()
            .filter(|m| !editors_only.get() || m.1 == "Editor")
            .copied()
            .collect();
        if let Some(s) = sort.get() {
            match s.column.as_str() {
                "commits" => rows.sort_by_key(|m| m.2),
                _ => rows.sort_by_key(|m| m.0),
            }
            if s.direction == SortDirection::Descending {
                rows.reverse();
            }
        }
        let start = (page.get() as usize - 1) * per_page;
        rows.into_iter()
            .skip(start)
            .take(per_page)
            .map(|(name, role, commits)| {
                view! {
                    <tr>
                        <td>
                            <span class="member">
                                <Avatar name=name size=Size::Sm decorative=true />
                                {name}
                            </span>
                        </td>
                        <td>{role}</td>
                        <td data-numeric="">{commits}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let pages = Signal::derive(move || {
        let n = MEMBERS
            .iter()
            .filter(|m| !editors_only.get() || m.1 == "Editor")
            .count();
        n.div_ceil(per_page).max(1) as u32
    });
    view! {
        <Card label="Team" class="team">
            <h2>"Team"</h2>
            <Tabs label="Team">
                <Tab value="members" label="Members">
                    <Stack gap=Gap::Md>
                        <Stack direction=Orientation::Horizontal gap=Gap::Sm wrap=true>
                            <Button variant=ButtonVariant::Solid on:click=move |_| inviting.set(true)>
                                "Invite a member"
                            </Button>
                            <Popover label="Filter" title="Show members">
                                <Checkbox
                                    checked=editors_only
                                    on_change=Callback::new(move |v| {
                                        editors_only.set(v);
                                        page.set(1);
                                    })
                                >
                                    "Editors only"
                                </Checkbox>
                            </Popover>
                        </Stack>
                        <Table caption="Members">
                            <thead>
                                <tr>
                                    <TableHeader column="name" sort=sort>"Name"</TableHeader>
                                    <TableHeader>"Role"</TableHeader>
                                    <TableHeader column="commits" sort=sort numeric=true>"Commits"</TableHeader>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </Table>
                        <Pagination total=pages page=page on_change=Callback::new(move |n| page.set(n)) />
                    </Stack>
                </Tab>
                <Tab value="questions" label="Questions">
                    <Accordion>
                        <AccordionItem value="roles" title="What can each role do?">
                            <p>"Owners manage billing; admins manage people; editors change projects; viewers read."</p>
                        </AccordionItem>
                        <AccordionItem value="limit" title="How many members can a team have?">
                            <p>"Up to fifty on the Pro plan."</p>
                        </AccordionItem>
                    </Accordion>
                </Tab>
            </Tabs>
            <Dialog open=inviting title="Invite a member" description="They get an email with a link to join.">
                <Field label="Email">
                    <TextField
                        r#type=InputType::Email
                        value=invitee
                        on_input=Callback::new(move |v| invitee.set(v))
                        autocomplete="off"
                    />
                </Field>
                <DialogActions>
                    <Button variant=ButtonVariant::Ghost on:click=move |_| inviting.set(false)>"Cancel"</Button>
                    <Button variant=ButtonVariant::Solid on:click=move |_| {
                        inviting.set(false);
                        toasts.show(Toast::new("Invitation sent").body(invitee.get_untracked()).tone(Status::Success));
                    }>"Send invitation"</Button>
                </DialogActions>
            </Dialog>
        </Card>
    }
}

/// Browser entry point: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
