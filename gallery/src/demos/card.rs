//! Card demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A card with a heading, text and an action.
pub fn basic() -> impl IntoView {
    view! {
        <Grid min="14rem" gap=Gap::Md>
            <Card>
                <h3>"Storage"</h3>
                <p>"12 GB of 20 GB used."</p>
                <Progress label="Storage used" value=60.0 />
            </Card>
            <Card label="Team" flat=true>
                <h3>"Team"</h3>
                <p>"Four people can edit this project."</p>
                <Button variant=ButtonVariant::Outline>"Invite"</Button>
            </Card>
        </Grid>
    }
}
