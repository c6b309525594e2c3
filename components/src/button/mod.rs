//! Button: a native `<button>` in four visual weights, two tones and three sizes.

use leptos::prelude::*;

use crate::util::classes;

/// How much a button stands out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ButtonVariant {
    /// Filled with the tone's colour: the one main action of a view.
    Solid,
    /// A tinted fill: secondary actions.
    #[default]
    Soft,
    /// A border and no fill: neutral actions.
    Outline,
    /// Text only: actions inside toolbars and dense lists.
    Ghost,
}

impl ButtonVariant {
    /// Every variant, for galleries and tests.
    pub const ALL: [ButtonVariant; 4] = [
        ButtonVariant::Solid,
        ButtonVariant::Soft,
        ButtonVariant::Outline,
        ButtonVariant::Ghost,
    ];

    /// The `data-variant` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            ButtonVariant::Solid => "solid",
            ButtonVariant::Soft => "soft",
            ButtonVariant::Outline => "outline",
            ButtonVariant::Ghost => "ghost",
        }
    }
}

/// The colour family of an action.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tone {
    /// The brand colour.
    #[default]
    Accent,
    /// Destructive actions: delete, remove, revoke.
    Danger,
}

impl Tone {
    /// Every tone.
    pub const ALL: [Tone; 2] = [Tone::Accent, Tone::Danger];

    /// The `data-tone` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Tone::Accent => "accent",
            Tone::Danger => "danger",
        }
    }
}

/// Control size; every size keeps a pointer target of at least 24px.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Size {
    /// Dense toolbars and tables.
    Sm,
    /// The default.
    #[default]
    Md,
    /// Prominent calls to action.
    Lg,
}

impl Size {
    /// Every size.
    pub const ALL: [Size; 3] = [Size::Sm, Size::Md, Size::Lg];

    /// The `data-size` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Size::Sm => "sm",
            Size::Md => "md",
            Size::Lg => "lg",
        }
    }
}

/// What a button does inside a form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ButtonType {
    /// Does nothing by itself (the default, unlike HTML's `submit`).
    #[default]
    Button,
    /// Submits its form.
    Submit,
    /// Resets its form.
    Reset,
}

impl ButtonType {
    /// The `type` attribute.
    pub const fn as_str(self) -> &'static str {
        match self {
            ButtonType::Button => "button",
            ButtonType::Submit => "submit",
            ButtonType::Reset => "reset",
        }
    }
}

/// A button. Handlers go on it as usual: `<Button on:click=…>`.
///
/// Disabled buttons use the native `disabled` attribute. A `busy` button stays focusable (so
/// keyboard users keep their place while work runs) and is marked `aria-busy` and
/// `aria-disabled`; it still receives clicks, so guard the handler while the work runs.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves focus to the button |
/// | Enter / Space | Activates it |
#[component]
pub fn Button(
    /// Visual weight.
    #[prop(optional, into)]
    variant: Signal<ButtonVariant>,
    /// Colour family.
    #[prop(optional, into)]
    tone: Signal<Tone>,
    /// Height and padding.
    #[prop(optional, into)]
    size: Signal<Size>,
    /// The `type` attribute (default `button`).
    #[prop(optional)]
    r#type: ButtonType,
    /// Disables the button.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Work in progress: `aria-busy` and `aria-disabled`, focus kept.
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// Stretch to the width of the container.
    #[prop(optional)]
    full_width: bool,
    /// Extra classes, appended to `crust-button`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The label (text, and optionally an icon).
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type=r#type.as_str()
            class=move || classes("crust-button", class.get())
            data-variant=move || variant.get().as_str()
            data-tone=move || tone.get().as_str()
            data-size=move || size.get().as_str()
            data-full-width=full_width.then_some("")
            disabled=move || disabled.get()
            aria-busy=move || busy.get().then_some("true")
            aria-disabled=move || busy.get().then_some("true")
        >
            {children()}
        </button>
    }
}
