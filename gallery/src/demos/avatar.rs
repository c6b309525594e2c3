//! Avatar demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Initials in three sizes, and a broken picture falling back to them.
pub fn basic() -> impl IntoView {
    view! {
        <Stack direction=Orientation::Horizontal gap=Gap::Md align=Align::Center>
            <Avatar name="Ada Lovelace" size=Size::Sm />
            <Avatar name="Grace Hopper" />
            <Avatar name="Katherine Johnson" size=Size::Lg />
            // A picture that fails to decode: the initials stand in.
            <Avatar name="Alan Turing" src="data:image/png;base64,AAAA" />
            <Stack direction=Orientation::Horizontal gap=Gap::Sm align=Align::Center>
                <Avatar name="Edsger Dijkstra" decorative=true />
                <span>"Edsger Dijkstra"</span>
            </Stack>
        </Stack>
    }
}
