//! Checkbox demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Unchecked, checked, mixed and disabled.
pub fn basic() -> impl IntoView {
    view! {
        <Stack gap=Gap::Xs>
            <Checkbox>"Email me a receipt"</Checkbox>
            <Checkbox default_checked=true>"Remember this device"</Checkbox>
            <Checkbox indeterminate=true>"Some files selected"</Checkbox>
            <Checkbox disabled=true>"Not available"</Checkbox>
        </Stack>
    }
}
