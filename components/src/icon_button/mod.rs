//! IconButton: a square button whose only content is an icon, named for assistive technology.

use leptos::prelude::*;

use crate::button::{ButtonVariant, Size, Tone};
use crate::util::classes;

/// A button showing only an icon. `label` becomes its accessible name (`aria-label`) and should
/// say what it does ("Close", "Delete row"), not what it shows.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves focus to the button |
/// | Enter / Space | Activates it |
#[component]
pub fn IconButton(
    /// What the button does, for screen readers and the tooltip of the browser.
    #[prop(into)]
    label: Signal<String>,
    /// Visual weight (default ghost: icon buttons sit in toolbars).
    #[prop(optional, into)]
    variant: Option<Signal<ButtonVariant>>,
    /// Colour family.
    #[prop(optional, into)]
    tone: Signal<Tone>,
    /// Square size.
    #[prop(optional, into)]
    size: Signal<Size>,
    /// Disables the button.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Extra classes, appended to `crust-button crust-icon-button`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The icon (an inline `<svg>`; it is hidden from assistive technology).
    children: Children,
) -> impl IntoView {
    let variant = variant.unwrap_or_else(|| Signal::from(ButtonVariant::Ghost));
    view! {
        <button
            type="button"
            class=move || classes("crust-button crust-icon-button", class.get())
            data-variant=move || variant.get().as_str()
            data-tone=move || tone.get().as_str()
            data-size=move || size.get().as_str()
            aria-label=move || label.get()
            title=move || label.get()
            disabled=move || disabled.get()
        >
            <span class="crust-icon-button__icon" aria-hidden="true">{children()}</span>
        </button>
    }
}
