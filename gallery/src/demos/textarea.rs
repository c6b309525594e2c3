//! Textarea demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A textarea with a live character count.
pub fn basic() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let help = Signal::derive(move || format!("{} characters", text.get().chars().count()));
    view! {
        <Field label="Message" help=help>
            <Textarea rows=4 value=text on_input=Callback::new(move |v| text.set(v)) />
        </Field>
    }
}
