//! Pagination demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Twenty pages; the list shows the ends and the current page's neighbours.
pub fn basic() -> impl IntoView {
    let page = RwSignal::new(7_u32);
    view! {
        <Stack gap=Gap::Sm>
            <Pagination total=20 page=page on_change=Callback::new(move |n| page.set(n)) />
            <p>"Showing orders " {move || (page.get() - 1) * 25 + 1} "–" {move || page.get() * 25} " of 500"</p>
        </Stack>
    }
}
