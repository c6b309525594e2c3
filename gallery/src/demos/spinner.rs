//! Spinner demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Three sizes; each is announced as "Loading".
pub fn basic() -> impl IntoView {
    view! {
        <Stack direction=Orientation::Horizontal gap=Gap::Md align=Align::Center>
            <Spinner size=Size::Sm />
            <Spinner />
            <Spinner size=Size::Lg label="Loading results" />
        </Stack>
    }
}
