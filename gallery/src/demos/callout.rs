//! Callout demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// One callout per tone.
pub fn tones() -> impl IntoView {
    view! {
        <Stack gap=Gap::Sm>
            <Callout tone=Status::Info title="Heads up">"Maintenance is planned for Sunday."</Callout>
            <Callout tone=Status::Success title="Saved">"Your changes are live."</Callout>
            <Callout tone=Status::Warning title="Almost full">"You have used 90% of your storage."</Callout>
            <Callout tone=Status::Danger title="Payment failed">"Update your card to keep your plan."</Callout>
        </Stack>
    }
}
