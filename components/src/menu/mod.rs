//! Menu: a button that opens a list of actions (WAI-ARIA menu button pattern).

use leptos::prelude::*;

use crate::button::{ButtonVariant, Tone};
use crate::dom::elements;
use crate::id::use_id;
use crate::position::{Side, is_open, keep_placed};
use crate::util::classes;

#[derive(Clone, Copy)]
struct MenuContext {
    /// Closes the menu and gives the focus back to its button.
    close: Callback<()>,
}

#[derive(Clone, Copy)]
struct RadioContext {
    value: RwSignal<String>,
}

/// A button that opens a menu of actions: "Rename", "Duplicate", "Delete". The menu
/// (`role="menu"`, on the native Popover API) opens below the button (flipped above near the
/// bottom of the viewport), the arrow keys move through its items, typing a letter jumps to the
/// next item that starts with it, and choosing an item or pressing Escape closes it and gives
/// the focus back to the button. Disabled items are skipped. Items may be plain actions
/// ([`MenuItem`]), on/off settings ([`MenuCheckboxItem`]) or one choice among several
/// ([`MenuRadioGroup`] of [`MenuRadioItem`]s).
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Enter / Space / Down arrow | On the button: opens the menu at its first item |
/// | Up arrow | On the button: opens the menu at its last item |
/// | Down / Up arrow | Next / previous item, wrapping, skipping disabled ones |
/// | Home / End | First / last item |
/// | A letter | The next item starting with the letters typed |
/// | Enter | Chooses the item and closes the menu |
/// | Space | Chooses the item; a checkbox or radio item leaves the menu open |
/// | Escape / Tab | Closes the menu and returns the focus to the button |
#[component]
pub fn Menu(
    /// The button's text.
    #[prop(into)]
    label: String,
    /// The button's visual weight (default outline).
    #[prop(optional)]
    variant: Option<ButtonVariant>,
    /// The id of the menu (default: generated).
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes, appended to `crust-menu` (on the menu).
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The items.
    children: Children,
) -> impl IntoView {
    let id = use_id(id, "menu");
    let trigger_id = format!("{id}-trigger");
    let open = RwSignal::new(false);
    let trigger = NodeRef::<leptos::html::Button>::new();
    let menu = NodeRef::<leptos::html::Div>::new();
    // Where the focus goes when the menu opens: the first item, or the last.
    let start_at_end = StoredValue::new(false);
    let typed: StoredValue<(String, f64)> = StoredValue::new((String::new(), 0.0));
    let variant = variant.unwrap_or(ButtonVariant::Outline);

    let close = Callback::new(move |()| {
        if let Some(m) = menu.get_untracked() {
            let _ = m.hide_popover();
        }
        if let Some(t) = trigger.get_untracked() {
            let _ = t.focus();
        }
    });
    provide_context(MenuContext { close });

    let show = move |at_end: bool| {
        start_at_end.set_value(at_end);
        if let Some(m) = menu.get_untracked() {
            let _ = m.show_popover();
            // Focus now rather than on the (later) toggle event, so keys typed right away land
            // in the menu.
            focus_edge(&m, at_end);
        }
    };
    let on_toggle = move |_: leptos::ev::Event| {
        let now_open = menu.get_untracked().is_some_and(|m| is_open(&m));
        open.set(now_open);
        if now_open {
            keep_placed(
                move || trigger.get_untracked().map(Into::into),
                move || menu.get_untracked().map(Into::into),
                open,
                Side::Below,
            );
            // Opened some other way (a script): the focus still goes in.
            if let Some(m) = menu.get_untracked()
                && !m.contains(document().active_element().as_ref().map(|e| e.as_ref()))
            {
                focus_edge(&m, start_at_end.get_value());
            }
        }
    };
    let on_trigger_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            show(false);
        }
        "ArrowUp" => {
            ev.prevent_default();
            show(true);
        }
        _ => {}
    };
    let on_menu_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(m) = menu.get_untracked() else {
            return;
        };
        let key = ev.key();
        match key.as_str() {
            "Escape" | "Tab" => {
                ev.prevent_default();
                close.run(());
            }
            "ArrowDown" | "ArrowUp" | "Home" | "End" => {
                ev.prevent_default();
                typed.set_value((String::new(), 0.0));
                move_focus(&m, &key);
            }
            " " => {}
            k if k.chars().count() == 1 && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() => {
                let now = ev.time_stamp();
                let (mut buffer, last) = typed.get_value();
                if now - last > 500.0 {
                    buffer.clear();
                }
                buffer.push_str(&k.to_lowercase());
                typed.set_value((buffer.clone(), now));
                ev.prevent_default();
                type_ahead(&m, &buffer);
            }
            _ => typed.set_value((String::new(), 0.0)),
        }
    };
    view! {
        <button
            type="button"
            class="crust-button crust-menu__trigger"
            data-variant=variant.as_str()
            data-tone="accent"
            data-size="md"
            id=trigger_id.clone()
            aria-haspopup="menu"
            aria-controls=id.clone()
            aria-expanded=move || if open.get() { "true" } else { "false" }
            node_ref=trigger
            on:click=move |_| if open.get_untracked() { close.run(()) } else { show(false) }
            on:keydown=on_trigger_keydown
        >
            {label}
            <svg class="crust-menu__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M4 6l4 4 4-4" />
            </svg>
        </button>
        <div
            class=move || classes("crust-menu", class.get())
            id=id
            role="menu"
            aria-labelledby=trigger_id
            popover="auto"
            node_ref=menu
            on:toggle=on_toggle
            on:keydown=on_menu_keydown
        >
            {children()}
        </div>
    }
}

/// An action in a [`Menu`].
#[component]
pub fn MenuItem(
    /// Called when the item is chosen (the menu then closes).
    #[prop(optional, into)]
    on_select: Option<Callback<()>>,
    /// Disables the item (arrow keys and letters skip it).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Colour family: `Tone::Danger` for destructive actions.
    #[prop(optional)]
    tone: Tone,
    /// The item's text.
    children: Children,
) -> impl IntoView {
    let ctx = use_context::<MenuContext>();
    let choose = move || {
        if disabled.get_untracked() {
            return;
        }
        if let Some(cb) = on_select {
            cb.run(());
        }
        if let Some(c) = ctx {
            c.close.run(());
        }
    };
    view! {
        <div
            class="crust-menu__item"
            role="menuitem"
            tabindex="-1"
            data-tone=tone.as_str()
            aria-disabled=move || disabled.get().then_some("true")
            on:click=move |_| choose()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    choose();
                }
            }
        >
            {children()}
        </div>
    }
}

/// An on/off setting in a [`Menu`] (`role="menuitemcheckbox"`).
#[component]
pub fn MenuCheckboxItem(
    /// Whether the setting is on; the item flips it.
    checked: RwSignal<bool>,
    /// Disables the item.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The item's text.
    children: Children,
) -> impl IntoView {
    let ctx = use_context::<MenuContext>();
    let flip = move |and_close: bool| {
        if disabled.get_untracked() {
            return;
        }
        checked.update(|c| *c = !*c);
        if and_close && let Some(c) = ctx {
            c.close.run(());
        }
    };
    view! {
        <div
            class="crust-menu__item"
            role="menuitemcheckbox"
            tabindex="-1"
            aria-checked=move || if checked.get() { "true" } else { "false" }
            aria-disabled=move || disabled.get().then_some("true")
            on:click=move |_| flip(true)
            on:keydown=move |ev| choice_keys(&ev, flip)
        >
            <svg class="crust-menu__mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M3.5 8.5l3 3 6-7" />
            </svg>
            {children()}
        </div>
    }
}

/// A labelled set of [`MenuRadioItem`]s, one of which is chosen.
#[component]
pub fn MenuRadioGroup(
    /// Names the group for screen readers.
    #[prop(into)]
    label: String,
    /// The chosen item's value.
    value: RwSignal<String>,
    /// The items.
    children: Children,
) -> impl IntoView {
    provide_context(RadioContext { value });
    view! {
        <div class="crust-menu__group" role="group" aria-label=label>
            {children()}
        </div>
    }
}

/// One choice of a [`MenuRadioGroup`] (`role="menuitemradio"`).
#[component]
pub fn MenuRadioItem(
    /// The group's value when this item is chosen.
    #[prop(into)]
    value: String,
    /// Disables the item.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The item's text.
    children: Children,
) -> impl IntoView {
    let ctx = use_context::<MenuContext>();
    let group = use_context::<RadioContext>();
    let value = StoredValue::new(value);
    let checked = move || group.is_some_and(|g| g.value.get() == value.get_value());
    let choose = move |and_close: bool| {
        if disabled.get_untracked() {
            return;
        }
        if let Some(g) = group {
            g.value.set(value.get_value());
        }
        if and_close && let Some(c) = ctx {
            c.close.run(());
        }
    };
    view! {
        <div
            class="crust-menu__item"
            role="menuitemradio"
            tabindex="-1"
            aria-checked=move || if checked() { "true" } else { "false" }
            aria-disabled=move || disabled.get().then_some("true")
            on:click=move |_| choose(true)
            on:keydown=move |ev| choice_keys(&ev, choose)
        >
            <svg class="crust-menu__mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <circle cx="8" cy="8" r="3" />
            </svg>
            {children()}
        </div>
    }
}

/// Keys on a checkbox or radio item: Enter chooses and closes (`act(true)`), Space chooses and
/// leaves the menu open (`act(false)`).
fn choice_keys(ev: &leptos::ev::KeyboardEvent, act: impl Fn(bool)) {
    match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            act(true);
        }
        " " => {
            ev.prevent_default();
            act(false);
        }
        _ => {}
    }
}

/// A line between groups of items.
#[component]
pub fn MenuSeparator() -> impl IntoView {
    view! { <div class="crust-menu__separator" role="separator"></div> }
}

/// The menu's enabled items, in order.
fn items(menu: &leptos::web_sys::HtmlElement) -> Vec<leptos::web_sys::HtmlElement> {
    elements(
        menu,
        "[role=menuitem]:not([aria-disabled=true]), [role=menuitemcheckbox]:not([aria-disabled=true]), [role=menuitemradio]:not([aria-disabled=true])",
    )
}

/// The index of the focused item among `items`.
fn focused_index(items: &[leptos::web_sys::HtmlElement]) -> Option<usize> {
    let active = document().active_element();
    items.iter().position(|i| {
        let el: &leptos::web_sys::Element = i.as_ref();
        active.as_ref() == Some(el)
    })
}

/// Arrow keys, Home and End.
fn move_focus(menu: &leptos::web_sys::HtmlElement, key: &str) {
    let items = items(menu);
    let n = items.len();
    if n == 0 {
        return;
    }
    let at = focused_index(&items);
    let next = match (key, at) {
        ("ArrowDown", Some(i)) => (i + 1) % n,
        ("ArrowUp", Some(i)) => (i + n - 1) % n,
        ("ArrowUp" | "End", _) => n - 1,
        _ => 0,
    };
    let _ = items[next].focus();
}

/// Focuses the first or last enabled item.
fn focus_edge(menu: &leptos::web_sys::HtmlElement, at_end: bool) {
    let items = items(menu);
    let target = if at_end { items.last() } else { items.first() };
    if let Some(item) = target {
        let _ = item.focus();
    }
}

/// Focuses the next item whose text starts with `typed`: after the focused one for a single
/// letter (or the same letter repeated, which cycles through the items starting with it), from
/// the focused one for a longer prefix; wrapping.
fn type_ahead(menu: &leptos::web_sys::HtmlElement, typed: &str) {
    let items = items(menu);
    let n = items.len();
    let first = typed.chars().next().unwrap_or(' ');
    let repeated = typed.chars().all(|c| c == first);
    let typed = if repeated {
        &typed[..first.len_utf8()]
    } else {
        typed
    };
    let start = focused_index(&items).map_or(0, |i| if repeated { i + 1 } else { i });
    let hit = (0..n).map(|k| (start + k) % n).find(|&i| {
        items[i]
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_lowercase()
            .starts_with(typed)
    });
    if let Some(i) = hit {
        let _ = items[i].focus();
    }
}
