//! Badge: a short status label.

use leptos::prelude::*;

use crate::util::classes;

/// The colour of a status: used by [`Badge`] and [`crate::Callout`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Status {
    /// No particular meaning.
    #[default]
    Neutral,
    /// The brand colour.
    Accent,
    /// Done, valid, healthy.
    Success,
    /// Needs attention soon.
    Warning,
    /// Failed, invalid, destructive.
    Danger,
    /// For information.
    Info,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 6] = [
        Status::Neutral,
        Status::Accent,
        Status::Success,
        Status::Warning,
        Status::Danger,
        Status::Info,
    ];

    /// The `data-tone` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Neutral => "neutral",
            Status::Accent => "accent",
            Status::Success => "success",
            Status::Warning => "warning",
            Status::Danger => "danger",
            Status::Info => "info",
        }
    }
}

/// How strongly a badge is coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BadgeVariant {
    /// A tinted background (the default).
    #[default]
    Soft,
    /// A solid fill.
    Solid,
    /// A border only.
    Outline,
}

impl BadgeVariant {
    /// Every variant.
    pub const ALL: [BadgeVariant; 3] = [
        BadgeVariant::Soft,
        BadgeVariant::Solid,
        BadgeVariant::Outline,
    ];

    /// The `data-variant` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            BadgeVariant::Soft => "soft",
            BadgeVariant::Solid => "solid",
            BadgeVariant::Outline => "outline",
        }
    }
}

/// A short label for a status or a count ("Beta", "3 new"). Colour is never the only signal:
/// the text says what the colour means.
#[component]
pub fn Badge(
    /// What it signals.
    #[prop(optional, into)]
    tone: Signal<Status>,
    /// How strongly it is coloured.
    #[prop(optional, into)]
    variant: Signal<BadgeVariant>,
    /// Extra classes, appended to `crust-badge`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The text.
    children: Children,
) -> impl IntoView {
    view! {
        <span
            class=move || classes("crust-badge", class.get())
            data-tone=move || tone.get().as_str()
            data-variant=move || variant.get().as_str()
        >
            {children()}
        </span>
    }
}
