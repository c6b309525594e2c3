//! A client-side Leptos app on Crust: `index.html` links the stylesheet and runs
//! `crust_ui::THEME_SCRIPT` in its head (so a stored theme applies before the first paint),
//! and the app mounts into `<body>`.
#![forbid(unsafe_code)]

use crust_ui::prelude::*;
use leptos::prelude::*;

/// The app: a counter and the theme toggle.
#[component]
fn App() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <ThemeProvider>
            <main class="page">
                <Stack gap=Gap::Lg>
                    <h1>"Crust, client-side"</h1>
                    <ThemeToggle />
                    <Stack direction=Orientation::Horizontal align=Align::Center gap=Gap::Sm>
                        <Button variant=ButtonVariant::Solid on:click=move |_| count.update(|n| *n += 1)>
                            "Add one"
                        </Button>
                        <Badge>{move || format!("{} clicks", count.get())}</Badge>
                    </Stack>
                </Stack>
            </main>
        </ThemeProvider>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
