//! Avatar: a person's picture, or their initials when there is none.

use leptos::prelude::*;

use crate::button::Size;
use crate::util::classes;

/// A person's picture in a circle; their initials when there is no picture or it fails to
/// load. Either way it is an image named after the person (the picture's `alt`, or
/// `role="img"` with `aria-label` on the initials); mark it `decorative` when the name is
/// already written next to it.
///
/// # Keyboard
///
/// Not focusable: an avatar is an image. Wrap it in a [`crate::Link`] or button to make it act.
#[component]
pub fn Avatar(
    /// The person's name: the alternative text, and where the initials come from.
    #[prop(into)]
    name: String,
    /// The picture's address.
    #[prop(optional, into)]
    src: MaybeProp<String>,
    /// Diameter.
    #[prop(optional, into)]
    size: Signal<Size>,
    /// The name is written beside it: hide the avatar from assistive technology.
    #[prop(optional)]
    decorative: bool,
    /// Extra classes, appended to `crust-avatar`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    let show_picture = move || !failed.get() && src.get().is_some_and(|s| !s.is_empty());
    let alt = if decorative {
        String::new()
    } else {
        name.clone()
    };
    let label = (!decorative).then(|| name.clone());
    let text = initials(&name);
    view! {
        <span
            class=move || classes("crust-avatar", class.get())
            data-size=move || size.get().as_str()
            aria-hidden=decorative.then_some("true")
        >
            <Show
                when=show_picture
                fallback=move || {
                    view! {
                        <span
                            class="crust-avatar__initials"
                            role=(!decorative).then_some("img")
                            aria-label=label.clone()
                        >
                            {text.clone()}
                        </span>
                    }
                }
            >
                <img
                    class="crust-avatar__image"
                    src=move || src.get()
                    alt=alt.clone()
                    on:error=move |_| failed.set(true)
                />
            </Show>
        </span>
    }
}

/// Up to two initials: the first letters of the first and last words.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.first().and_then(|w| w.chars().next());
    let last = if words.len() > 1 {
        words.last().and_then(|w| w.chars().next())
    } else {
        None
    };
    first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_the_first_and_last_words() {
        assert_eq!(initials("Ada Lovelace"), "AL");
        assert_eq!(initials("grace brewster murray hopper"), "GH");
        assert_eq!(initials("  Plato "), "P");
        assert_eq!(initials("élodie ørsted"), "ÉØ");
        assert_eq!(initials(""), "");
    }
}
