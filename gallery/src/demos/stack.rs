//! Stack demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A column of rows; gaps come from tokens and tighten under compact density.
pub fn basic() -> impl IntoView {
    view! {
        <Stack gap=Gap::Sm>
            <Stack direction=Orientation::Horizontal gap=Gap::Xs wrap=true>
                <Badge>"xs"</Badge><Badge>"gap"</Badge><Badge>"row"</Badge>
            </Stack>
            <Stack direction=Orientation::Horizontal gap=Gap::Lg wrap=true>
                <Badge>"lg"</Badge><Badge>"gap"</Badge><Badge>"row"</Badge>
            </Stack>
        </Stack>
    }
}
