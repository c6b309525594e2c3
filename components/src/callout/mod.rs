//! Callout: a tinted block that draws attention to a message.

use leptos::prelude::*;

use crate::badge::Status;
use crate::util::classes;

/// A message set apart from the text around it (a note, a warning, the result of an action).
///
/// Static callouts are plain content. Set `live` when the callout appears in response to
/// something the reader did: it becomes a live region (`role="status"`, or `role="alert"` for
/// danger) so screen readers announce it.
#[component]
pub fn Callout(
    /// What kind of message it is.
    #[prop(optional, into)]
    tone: Signal<Status>,
    /// A short title, shown in bold above the message.
    #[prop(optional, into)]
    title: MaybeProp<String>,
    /// Announce the callout when it appears.
    #[prop(optional)]
    live: bool,
    /// Extra classes, appended to `crust-callout`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The message.
    children: Children,
) -> impl IntoView {
    let role = move || {
        live.then(|| {
            if tone.get() == Status::Danger {
                "alert"
            } else {
                "status"
            }
        })
    };
    view! {
        <div class=move || classes("crust-callout", class.get()) data-tone=move || tone.get().as_str() role=role>
            {move || title.get().map(|t| view! { <p class="crust-callout__title">{t}</p> })}
            <div class="crust-callout__body">{children()}</div>
        </div>
    }
}
