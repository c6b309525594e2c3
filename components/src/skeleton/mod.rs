//! Skeleton: a placeholder shaped like content that is still loading.

use leptos::prelude::*;

use crate::util::classes;

/// The shape of a skeleton.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SkeletonShape {
    /// One line of text.
    #[default]
    Text,
    /// A rectangle (images, cards).
    Block,
    /// A circle (avatars).
    Circle,
}

impl SkeletonShape {
    /// The `data-shape` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            SkeletonShape::Text => "text",
            SkeletonShape::Block => "block",
            SkeletonShape::Circle => "circle",
        }
    }
}

/// A shimmering placeholder, hidden from assistive technology: mark the region that is loading
/// with `aria-busy="true"` instead. The shimmer stops under reduced motion.
#[component]
pub fn Skeleton(
    /// Its shape.
    #[prop(optional)]
    shape: SkeletonShape,
    /// A CSS width (default: the container's, or the height for circles).
    #[prop(optional, into)]
    width: Option<String>,
    /// A CSS height (default: one line).
    #[prop(optional, into)]
    height: Option<String>,
    /// Extra classes, appended to `crust-skeleton`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let mut style: Vec<String> = Vec::new();
    if let Some(w) = width {
        style.push(format!("--_width: {w}"));
    }
    if let Some(h) = height {
        style.push(format!("--_height: {h}"));
    }
    view! {
        <span
            class=move || classes("crust-skeleton", class.get())
            data-shape=shape.as_str()
            style=(!style.is_empty()).then(|| style.join("; "))
            aria-hidden="true"
        ></span>
    }
}
