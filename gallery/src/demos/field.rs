//! Field demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Help and a live error, wired to the input by ids.
pub fn validation() -> impl IntoView {
    let email = RwSignal::new(String::from("ada@"));
    let error = Signal::derive(move || {
        let e = email.get();
        (!e.contains('@') || !e.contains('.'))
            .then(|| "Enter an address like name@example.com".to_string())
    });
    view! {
        <Field label="Email" help="We send receipts here" error=error required=true>
            <TextField r#type=InputType::Email value=email on_input=Callback::new(move |v| email.set(v)) />
        </Field>
    }
}
