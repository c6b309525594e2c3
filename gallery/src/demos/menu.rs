//! Menu demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// Actions, a disabled item, a setting, a choice and a destructive action.
pub fn basic() -> impl IntoView {
    let last = RwSignal::new(String::from("nothing yet"));
    let hidden = RwSignal::new(false);
    let sort = RwSignal::new(String::from("name"));
    let pick = move |what: &'static str| Callback::new(move |()| last.set(what.to_string()));
    view! {
        <Stack gap=Gap::Sm align=Align::Start>
            <Menu label="Actions">
                <MenuItem on_select=pick("rename")>"Rename"</MenuItem>
                <MenuItem on_select=pick("duplicate")>"Duplicate"</MenuItem>
                <MenuItem disabled=true>"Move to…"</MenuItem>
                <MenuSeparator />
                <MenuCheckboxItem checked=hidden>"Show hidden files"</MenuCheckboxItem>
                <MenuRadioGroup label="Sort by" value=sort>
                    <MenuRadioItem value="name">"Sort by name"</MenuRadioItem>
                    <MenuRadioItem value="date">"Sort by date"</MenuRadioItem>
                </MenuRadioGroup>
                <MenuSeparator />
                <MenuItem tone=Tone::Danger on_select=pick("delete")>"Delete"</MenuItem>
            </Menu>
            <p>
                "Chosen: " {move || last.get()} "; hidden files "
                {move || if hidden.get() { "shown" } else { "hidden" }} "; sorted by "
                {move || sort.get()}
            </p>
        </Stack>
    }
}
