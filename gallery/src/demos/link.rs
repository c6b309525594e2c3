//! Link demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Internal, current and external links.
pub fn basic() -> impl IntoView {
    view! {
        <p>
            "Read the " <Link href="#usage">"usage notes"</Link> ", go "
            <Link href="#" current=true>"home"</Link> ", or visit "
            <Link href="https://example.com" external=true>"the example site"</Link> "."
        </p>
    }
}
