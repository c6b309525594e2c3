//! The introduction's showcase: several components working together.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A settings form and a status card: fields, choices, badges, a callout and buttons, all
/// styled by tokens (try the appearance panel: the brush in the menu bar).
pub fn showcase() -> impl IntoView {
    let name = RwSignal::new(String::from("Ada Lovelace"));
    let saved = RwSignal::new(0_u32);
    let plans = vec![
        SelectOption::new("free", "Free"),
        SelectOption::new("team", "Team"),
        SelectOption::new("enterprise", "Enterprise"),
    ];
    view! {
        <Grid min="16rem" gap=Gap::Lg>
            <Card label="Profile">
                <Stack gap=Gap::Md>
                    <h3>"Profile"</h3>
                    <Field label="Name" help="Shown to your team">
                        <TextField value=name on_input=Callback::new(move |v| name.set(v)) />
                    </Field>
                    <Field label="Plan">
                        <Select options=plans default_value="team" />
                    </Field>
                    <Switch default_checked=true>"Email me a weekly summary"</Switch>
                    <Stack direction=Orientation::Horizontal gap=Gap::Sm>
                        <Button variant=ButtonVariant::Solid on:click=move |_| saved.update(|n| *n += 1)>"Save"</Button>
                        <Button variant=ButtonVariant::Ghost>"Cancel"</Button>
                    </Stack>
                    <p>{move || match saved.get() {
                        0 => String::from("Not saved yet."),
                        n => format!("Saved {n} time(s) as {}.", name.get()),
                    }}</p>
                </Stack>
            </Card>
            <Card label="Usage">
                <Stack gap=Gap::Md>
                    <Stack direction=Orientation::Horizontal gap=Gap::Sm wrap=true>
                        <h3>"Usage"</h3>
                        <Badge tone=Status::Success>"Healthy"</Badge>
                    </Stack>
                    <Progress label="Storage used" value=72.0 />
                    <Callout tone=Status::Warning title="Almost full">
                        "Archive old projects or move to a larger plan."
                    </Callout>
                    <Checkbox>"Archive projects idle for a year"</Checkbox>
                </Stack>
            </Card>
        </Grid>
    }
}
