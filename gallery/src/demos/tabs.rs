//! Tabs demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Automatic activation: the arrow keys show each panel as they reach its tab.
pub fn basic() -> impl IntoView {
    view! {
        <Tabs label="Project settings">
            <Tab value="general" label="General">
                <p>"Name, description and visibility of the project."</p>
            </Tab>
            <Tab value="members" label="Members">
                <p>"Four people can edit this project."</p>
            </Tab>
            <Tab value="billing" label="Billing" disabled=true>
                <p>"Only owners see billing."</p>
            </Tab>
            <Tab value="danger" label="Danger zone">
                <p>"Archive or delete the project."</p>
            </Tab>
        </Tabs>
    }
}

/// Manual activation: arrows move the focus, Enter or Space shows the panel.
pub fn manual() -> impl IntoView {
    let chosen = RwSignal::new(String::from("week"));
    view! {
        <Stack gap=Gap::Sm>
            <Tabs
                label="Report period"
                activation=Activation::Manual
                value=chosen
                on_change=Callback::new(move |v| chosen.set(v))
            >
                <Tab value="day" label="Day"><p>"12 orders today."</p></Tab>
                <Tab value="week" label="Week"><p>"81 orders this week."</p></Tab>
                <Tab value="month" label="Month"><p>"342 orders this month."</p></Tab>
            </Tabs>
            <p>"Showing: " {move || chosen.get()}</p>
        </Stack>
    }
}
