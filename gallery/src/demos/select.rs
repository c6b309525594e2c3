//! Select demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// The native select, labelled by a Field.
pub fn basic() -> impl IntoView {
    let options = vec![
        SelectOption::new("en", "English"),
        SelectOption::new("fr", "Français"),
        SelectOption::new("ja", "日本語"),
        SelectOption::new("tlh", "Klingon").disabled(),
    ];
    view! {
        <Field label="Language">
            <Select options=options placeholder="Choose a language" />
        </Field>
    }
}
