//! Grid demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// As many columns as fit at 8rem each.
pub fn basic() -> impl IntoView {
    view! {
        <Grid min="8rem" gap=Gap::Sm>
            {(1..=6).map(|n| view! { <Card flat=true>{format!("Cell {n}")}</Card> }).collect_view()}
        </Grid>
    }
}
