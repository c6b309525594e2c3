//! RadioGroup demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// One choice among a few; arrow keys move the choice.
pub fn basic() -> impl IntoView {
    let plan = RwSignal::new(String::from("pro"));
    view! {
        <Stack gap=Gap::Sm>
            <RadioGroup label="Plan" value=plan on_change=Callback::new(move |v| plan.set(v)) help="Billed monthly">
                <Radio value="free">"Free"</Radio>
                <Radio value="pro">"Pro"</Radio>
                <Radio value="team" disabled=true>"Team (soon)"</Radio>
            </RadioGroup>
            <p>"Chosen: " {move || plan.get()}</p>
        </Stack>
    }
}
