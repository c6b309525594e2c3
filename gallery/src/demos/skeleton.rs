//! Skeleton demos.
use crust_ui::prelude::*;
use crust_ui::skeleton::SkeletonShape;
use leptos::prelude::*;

/// A loading card: the region is `aria-busy`, the shapes are hidden from screen readers.
pub fn basic() -> impl IntoView {
    view! {
        <div aria-busy="true">
            <Stack direction=Orientation::Horizontal gap=Gap::Sm align=Align::Center>
                <Skeleton shape=SkeletonShape::Circle height="2.5rem" />
                <Stack gap=Gap::Xs>
                    <Skeleton width="12rem" />
                    <Skeleton width="8rem" />
                </Stack>
            </Stack>
        </div>
    }
}
