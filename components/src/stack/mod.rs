//! Stack: children in a column or a row, spaced by gap tokens.

use leptos::prelude::*;

use crate::separator::Orientation;
use crate::util::classes;

/// Space between children, from the `gap.*` tokens (tighter under compact density).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Gap {
    /// No space.
    None,
    /// `gap.xs`.
    Xs,
    /// `gap.sm`.
    Sm,
    /// `gap.md` (the default).
    #[default]
    Md,
    /// `gap.lg`.
    Lg,
    /// `gap.xl`.
    Xl,
}

impl Gap {
    /// Every gap.
    pub const ALL: [Gap; 6] = [Gap::None, Gap::Xs, Gap::Sm, Gap::Md, Gap::Lg, Gap::Xl];

    /// The `data-gap` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Gap::None => "none",
            Gap::Xs => "xs",
            Gap::Sm => "sm",
            Gap::Md => "md",
            Gap::Lg => "lg",
            Gap::Xl => "xl",
        }
    }
}

/// How children line up across the stack's direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Align {
    /// Stretch to fill (the default).
    #[default]
    Stretch,
    /// At the start.
    Start,
    /// Centred.
    Center,
    /// At the end.
    End,
    /// On the text baseline (rows).
    Baseline,
}

impl Align {
    /// The `data-align` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Align::Stretch => "stretch",
            Align::Start => "start",
            Align::Center => "center",
            Align::End => "end",
            Align::Baseline => "baseline",
        }
    }
}

/// Lays children out in a column (default) or a row with a token gap. Rows wrap when `wrap` is
/// set. Uses logical directions, so rows follow `dir="rtl"`.
#[component]
pub fn Stack(
    /// Column (vertical, the default) or row (horizontal).
    #[prop(optional)]
    direction: Orientation,
    /// Space between children.
    #[prop(optional)]
    gap: Gap,
    /// Alignment across the direction.
    #[prop(optional)]
    align: Align,
    /// Let a row wrap onto more lines.
    #[prop(optional)]
    wrap: bool,
    /// Extra classes, appended to `crust-stack`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The children.
    children: Children,
) -> impl IntoView {
    view! {
        <div
            class=move || classes("crust-stack", class.get())
            data-direction=direction.as_str()
            data-gap=gap.as_str()
            data-align=align.as_str()
            data-wrap=wrap.then_some("")
        >
            {children()}
        </div>
    }
}
