//! Switch demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Settings that apply at once.
pub fn basic() -> impl IntoView {
    view! {
        <Stack gap=Gap::Xs>
            <Switch default_checked=true>"Wi-Fi"</Switch>
            <Switch>"Bluetooth"</Switch>
            <Switch disabled=true>"Airplane mode"</Switch>
        </Stack>
    }
}
