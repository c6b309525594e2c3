//! Tabs: layered panels, one shown at a time, chosen from a tab list (WAI-ARIA tabs pattern).

use leptos::prelude::*;

use crate::id::use_id;
use crate::util::{Controllable, Step, classes, step_to};

/// When moving focus along the tab list shows the focused tab's panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Activation {
    /// Arrow keys move focus and show the panel at once (panels that render quickly).
    #[default]
    Automatic,
    /// Arrow keys only move focus; Enter or Space shows the panel (slow panels).
    Manual,
}

/// One registered tab: its value, label and whether it is disabled.
#[derive(Clone)]
struct TabEntry {
    value: String,
    label: String,
    disabled: Signal<bool>,
}

#[derive(Clone, Copy)]
struct TabsContext {
    id: StoredValue<String>,
    tabs: StoredValue<Vec<TabEntry>>,
    state: Controllable<String>,
}

/// A set of [`Tab`]s: a tab list of buttons and the panel of the selected one.
///
/// Each [`Tab`] gives its label and its panel's content; the tab list is built from them, with
/// `aria-selected`, `aria-controls` and a roving tab stop, and every panel is labelled by its
/// tab. Arrow keys follow the reading direction (`dir="rtl"` swaps them).
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Moves into the tab list at the selected tab, then to its panel |
/// | Right / Left arrow | Next / previous tab, wrapping (swapped in right-to-left text); automatic activation selects it too |
/// | Home / End | First / last tab |
/// | Enter / Space | Selects the focused tab (manual activation) |
#[component]
pub fn Tabs(
    /// Names the tab list for screen readers ("Account settings").
    #[prop(into)]
    label: String,
    /// The selected tab's value, when the caller controls it.
    #[prop(optional, into)]
    value: MaybeProp<String>,
    /// The tab selected first when uncontrolled (default: the first enabled tab).
    #[prop(optional, into)]
    default_value: Option<String>,
    /// Called with the value of a newly selected tab.
    #[prop(optional, into)]
    on_change: Option<Callback<String>>,
    /// Whether arrow keys select (automatic) or only focus (manual).
    #[prop(optional)]
    activation: Activation,
    /// The id (default: generated); tabs and panels derive theirs from it.
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes, appended to `crust-tabs`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The [`Tab`]s.
    children: Children,
) -> impl IntoView {
    let id = use_id(id, "tabs");
    let ctx = TabsContext {
        id: StoredValue::new(id.clone()),
        tabs: StoredValue::new(Vec::new()),
        state: Controllable::new(value, default_value.clone().unwrap_or_default(), on_change),
    };
    provide_context(ctx);
    // The panels render first: each Tab registers itself, then the list is built from them.
    let panels = children();
    let tabs = ctx.tabs.get_value();
    if default_value.is_none()
        && let Some(first) = tabs.iter().find(|t| !t.disabled.get_untracked())
    {
        ctx.state.set_quietly(first.value.clone());
    }
    let refs: Vec<NodeRef<leptos::html::Button>> = tabs.iter().map(|_| NodeRef::new()).collect();
    let refs = StoredValue::new(refs);
    let values: Vec<String> = tabs.iter().map(|t| t.value.clone()).collect();
    let values = StoredValue::new(values);
    let disabled: Vec<Signal<bool>> = tabs.iter().map(|t| t.disabled).collect();
    let disabled = StoredValue::new(disabled);

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = values.with_value(Vec::len);
        let Some(current) = values.with_value(|v| {
            let focused = refs.with_value(|r| {
                let active = document().active_element();
                r.iter().position(|n| {
                    n.get_untracked().is_some_and(|b| {
                        let el: &leptos::web_sys::Element = b.as_ref();
                        active.as_ref() == Some(el)
                    })
                })
            });
            focused.or_else(|| v.iter().position(|x| *x == ctx.state.get_untracked()))
        }) else {
            return;
        };
        let rtl = refs.with_value(|r| {
            r.first()
                .and_then(|n| n.get_untracked())
                .is_some_and(|b| b.matches(":dir(rtl)").unwrap_or(false))
        });
        let enabled = |i: usize| disabled.with_value(|d| !d[i].get_untracked());
        let target = match ev.key().as_str() {
            "ArrowRight" if rtl => Step::Previous,
            "ArrowRight" => Step::Next,
            "ArrowLeft" if rtl => Step::Next,
            "ArrowLeft" => Step::Previous,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return,
        };
        let target = step_to(current, count, target, enabled);
        ev.prevent_default();
        if let Some(i) = target {
            if let Some(button) = refs.with_value(|r| r[i].get_untracked()) {
                let _ = button.focus();
            }
            if activation == Activation::Automatic {
                ctx.state.set(values.with_value(|v| v[i].clone()));
            }
        }
    };

    let buttons = tabs
        .into_iter()
        .enumerate()
        .map(|(i, tab)| {
            let value = StoredValue::new(tab.value);
            let selected = move || ctx.state.get() == value.get_value();
            let node = refs.with_value(|r| r[i]);
            view! {
                <button
                    type="button"
                    role="tab"
                    class="crust-tabs__tab"
                    id=format!("{id}-tab-{i}")
                    aria-controls=format!("{id}-panel-{i}")
                    aria-selected=move || if selected() { "true" } else { "false" }
                    tabindex=move || if selected() { "0" } else { "-1" }
                    disabled=move || tab.disabled.get()
                    node_ref=node
                    on:click=move |_| ctx.state.set(value.get_value())
                >
                    {tab.label}
                </button>
            }
        })
        .collect_view();

    view! {
        <div class=move || classes("crust-tabs", class.get()) id=id.clone()>
            <div class="crust-tabs__list" role="tablist" aria-label=label on:keydown=on_keydown>
                {buttons}
            </div>
            {panels}
        </div>
    }
}

/// One tab of [`Tabs`]: its label in the tab list and its panel's content.
#[component]
pub fn Tab(
    /// The value the tabs take when this one is selected.
    #[prop(into)]
    value: String,
    /// The tab's label.
    #[prop(into)]
    label: String,
    /// Disables the tab (arrow keys skip it).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The panel's content.
    children: Children,
) -> impl IntoView {
    let Some(ctx) = use_context::<TabsContext>() else {
        return children().into_any();
    };
    let index = ctx.tabs.with_value(Vec::len);
    ctx.tabs.update_value(|t| {
        t.push(TabEntry {
            value: value.clone(),
            label,
            disabled,
        })
    });
    let id = ctx.id.get_value();
    let value = StoredValue::new(value);
    let hidden = move || ctx.state.get() != value.get_value();
    view! {
        <div
            class="crust-tabs__panel"
            role="tabpanel"
            id=format!("{id}-panel-{index}")
            aria-labelledby=format!("{id}-tab-{index}")
            tabindex="0"
            hidden=hidden
        >
            {children()}
        </div>
    }
    .into_any()
}
