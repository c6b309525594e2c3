//! Toast demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A toaster at the root, and buttons anywhere inside that show toasts through `use_toast()`.
pub fn basic() -> impl IntoView {
    view! {
        <Toaster>
            <ToastButtons />
        </Toaster>
    }
}

/// Any component inside the toaster can show toasts.
#[component]
fn ToastButtons() -> impl IntoView {
    let toasts = use_toast();
    view! {
        <Stack direction=Orientation::Horizontal gap=Gap::Sm wrap=true>
            <Button on:click=move |_| {
                toasts.show(Toast::new("Saved").body("Your changes are live.").tone(Status::Success));
            }>"Save"</Button>
            <Button variant=ButtonVariant::Outline on:click=move |_| {
                toasts.show(Toast::new("Payment failed").body("Update your card.").tone(Status::Danger));
            }>"Fail a payment"</Button>
        </Stack>
    }
}
