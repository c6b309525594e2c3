//! Accordion: stacked sections whose headings show and hide their content (WAI-ARIA accordion
//! pattern).

use leptos::prelude::*;

use crate::id::use_id;
use crate::util::{Controllable, Step, classes, step_to};

#[derive(Clone, Copy)]
struct AccordionContext {
    id: StoredValue<String>,
    state: Controllable<Vec<String>>,
    multiple: bool,
    level: u8,
    headers: StoredValue<Vec<NodeRef<leptos::html::Button>>>,
}

/// Sections with a heading button each: pressing it shows or hides the section's panel.
///
/// Each header is a `<button aria-expanded aria-controls>` inside a real heading (`level`), so
/// the page outline stays right; each panel is a region labelled by its header. With `multiple`
/// several sections may be open; otherwise opening one closes the others.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Enter / Space | Opens or closes the focused section |
/// | Tab | Moves through the headers and into open panels |
/// | Down / Up arrow | Next / previous header, wrapping |
/// | Home / End | First / last header |
#[component]
pub fn Accordion(
    /// Let several sections be open at once.
    #[prop(optional)]
    multiple: bool,
    /// The open sections' values, when the caller controls them.
    #[prop(optional, into)]
    value: MaybeProp<Vec<String>>,
    /// The sections open at first when uncontrolled.
    #[prop(optional, into)]
    default_value: Vec<String>,
    /// Called with the open sections' values after each change.
    #[prop(optional, into)]
    on_change: Option<Callback<Vec<String>>>,
    /// The heading level of the headers (2–6; default 3).
    #[prop(optional)]
    level: Option<u8>,
    /// The id (default: generated); headers and panels derive theirs from it.
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes, appended to `crust-accordion`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The [`AccordionItem`]s.
    children: Children,
) -> impl IntoView {
    let id = use_id(id, "accordion");
    provide_context(AccordionContext {
        id: StoredValue::new(id.clone()),
        state: Controllable::new(value, default_value, on_change),
        multiple,
        level: level.unwrap_or(3).clamp(2, 6),
        headers: StoredValue::new(Vec::new()),
    });
    view! {
        <div class=move || classes("crust-accordion", class.get()) id=id>
            {children()}
        </div>
    }
}

/// One section of an [`Accordion`]: a header and the panel it shows.
#[component]
pub fn AccordionItem(
    /// Identifies the section in the accordion's value.
    #[prop(into)]
    value: String,
    /// The header's text.
    #[prop(into)]
    title: String,
    /// Disables the header (the section keeps its state).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The panel's content.
    children: Children,
) -> impl IntoView {
    let Some(ctx) = use_context::<AccordionContext>() else {
        return children().into_any();
    };
    let node = NodeRef::new();
    let index = ctx.headers.with_value(Vec::len);
    ctx.headers.update_value(|h| h.push(node));
    let base = ctx.id.get_value();
    let header_id = format!("{base}-header-{index}");
    let panel_id = format!("{base}-panel-{index}");
    let value = StoredValue::new(value);
    let open = move || ctx.state.get().contains(&value.get_value());
    let toggle = move |_| {
        let v = value.get_value();
        let mut now = ctx.state.get_untracked();
        if now.contains(&v) {
            now.retain(|x| *x != v);
        } else if ctx.multiple {
            now.push(v);
        } else {
            now = vec![v];
        }
        ctx.state.set(now);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = ctx.headers.with_value(Vec::len);
        let usable = |i: usize| {
            ctx.headers
                .with_value(|h| h[i].get_untracked())
                .is_some_and(|b| !b.disabled())
        };
        let target = match ev.key().as_str() {
            "ArrowDown" => Step::Next,
            "ArrowUp" => Step::Previous,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return,
        };
        let target = step_to(index, count, target, usable);
        ev.prevent_default();
        if let Some(button) = target.and_then(|i| ctx.headers.with_value(|h| h[i].get_untracked()))
        {
            let _ = button.focus();
        }
    };
    let header = view! {
        <button
            type="button"
            class="crust-accordion__trigger"
            id=header_id.clone()
            aria-expanded=move || if open() { "true" } else { "false" }
            aria-controls=panel_id.clone()
            disabled=move || disabled.get()
            node_ref=node
            on:click=toggle
            on:keydown=on_keydown
        >
            <span class="crust-accordion__title">{title}</span>
            <svg class="crust-accordion__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M4 6l4 4 4-4" />
            </svg>
        </button>
    };
    let heading = match ctx.level {
        2 => view! { <h2 class="crust-accordion__heading">{header}</h2> }.into_any(),
        4 => view! { <h4 class="crust-accordion__heading">{header}</h4> }.into_any(),
        5 => view! { <h5 class="crust-accordion__heading">{header}</h5> }.into_any(),
        6 => view! { <h6 class="crust-accordion__heading">{header}</h6> }.into_any(),
        _ => view! { <h3 class="crust-accordion__heading">{header}</h3> }.into_any(),
    };
    view! {
        <div class="crust-accordion__item" data-open=move || open().then_some("")>
            {heading}
            <div
                class="crust-accordion__panel"
                id=panel_id
                role="region"
                aria-labelledby=header_id
                hidden=move || !open()
            >
                {children()}
            </div>
        </div>
    }
    .into_any()
}
