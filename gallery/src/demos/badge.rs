//! Badge demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Every tone in every variant.
pub fn tones() -> impl IntoView {
    view! {
        <Stack gap=Gap::Sm>
            {BadgeVariant::ALL
                .into_iter()
                .map(|variant| {
                    view! {
                        <Stack direction=Orientation::Horizontal gap=Gap::Sm wrap=true>
                            {Status::ALL
                                .into_iter()
                                .map(|tone| view! { <Badge tone=tone variant=variant>{format!("{tone:?}")}</Badge> })
                                .collect_view()}
                        </Stack>
                    }
                })
                .collect_view()}
        </Stack>
    }
}
