//! Button demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// The four variants, in both tones.
pub fn variants() -> impl IntoView {
    view! {
        <Stack gap=Gap::Sm>
            <Stack direction=Orientation::Horizontal gap=Gap::Sm wrap=true>
                <Button variant=ButtonVariant::Solid>"Solid"</Button>
                <Button variant=ButtonVariant::Soft>"Soft"</Button>
                <Button variant=ButtonVariant::Outline>"Outline"</Button>
                <Button variant=ButtonVariant::Ghost>"Ghost"</Button>
            </Stack>
            <Stack direction=Orientation::Horizontal gap=Gap::Sm wrap=true>
                <Button variant=ButtonVariant::Solid tone=Tone::Danger>"Delete"</Button>
                <Button variant=ButtonVariant::Soft tone=Tone::Danger>"Remove"</Button>
                <Button variant=ButtonVariant::Outline tone=Tone::Danger>"Revoke"</Button>
                <Button variant=ButtonVariant::Ghost tone=Tone::Danger>"Discard"</Button>
            </Stack>
        </Stack>
    }
}

/// Three sizes; every one keeps a 24px target.
pub fn sizes() -> impl IntoView {
    view! {
        <Stack direction=Orientation::Horizontal align=Align::Center gap=Gap::Sm>
            <Button size=Size::Sm variant=ButtonVariant::Solid>"Small"</Button>
            <Button size=Size::Md variant=ButtonVariant::Solid>"Medium"</Button>
            <Button size=Size::Lg variant=ButtonVariant::Solid>"Large"</Button>
        </Stack>
    }
}

/// Disabled and busy; a counter shows the button works.
pub fn states() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <Stack direction=Orientation::Horizontal align=Align::Center gap=Gap::Sm wrap=true>
            <Button variant=ButtonVariant::Solid on:click=move |_| count.update(|n| *n += 1)>
                "Clicked " {move || count.get()} " times"
            </Button>
            <Button disabled=true>"Disabled"</Button>
            <Button busy=true variant=ButtonVariant::Outline>
                <Spinner size=Size::Sm label="Saving" />
                "Saving"
            </Button>
        </Stack>
    }
}
