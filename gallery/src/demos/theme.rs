//! ThemeProvider and ThemeToggle demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// The toggles an app puts in its settings.
pub fn toggles() -> impl IntoView {
    view! {
        <Stack gap=Gap::Md>
            <ThemeToggle setting=Setting::Theme />
            <ThemeToggle setting=Setting::Contrast />
            <ThemeToggle setting=Setting::Density />
        </Stack>
    }
}
