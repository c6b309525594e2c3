//! Toast: brief messages about what just happened, announced by a live region.

use leptos::prelude::*;

use crate::badge::Status;
use crate::position::token_ms;

/// One message in the toaster.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// A short title ("Saved").
    pub title: String,
    /// An optional sentence under the title.
    pub body: Option<String>,
    /// Colour and urgency: `Danger` toasts are announced assertively, the others politely.
    pub tone: Status,
}

impl Toast {
    /// A neutral toast with a title.
    pub fn new(title: impl Into<String>) -> Toast {
        Toast {
            title: title.into(),
            body: None,
            tone: Status::Neutral,
        }
    }

    /// Adds the sentence under the title.
    pub fn body(mut self, body: impl Into<String>) -> Toast {
        self.body = Some(body.into());
        self
    }

    /// Sets the tone.
    pub fn tone(mut self, tone: Status) -> Toast {
        self.tone = tone;
        self
    }
}

#[derive(Clone, Debug)]
struct Shown {
    key: u64,
    toast: Toast,
    /// Milliseconds left before it goes by itself.
    left: f64,
}

/// Shows toasts from anywhere inside a [`Toaster`]: `use_toast().show(Toast::new("Saved"))`.
#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Shown>>,
    next: StoredValue<u64>,
}

impl Toasts {
    /// Shows a toast; returns its key (for [`Toasts::dismiss`]).
    pub fn show(&self, toast: Toast) -> u64 {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        self.list.update(|l| {
            l.push(Shown {
                key,
                toast,
                left: f64::NAN,
            })
        });
        key
    }

    /// Removes a toast now.
    pub fn dismiss(&self, key: u64) {
        self.list.update(|l| l.retain(|s| s.key != key));
    }
}

/// The nearest [`Toaster`]'s handle. Panics outside one (put the toaster at the app's root).
pub fn use_toast() -> Toasts {
    use_context::<Toasts>().expect("use_toast() needs a <Toaster> around the app")
}

/// Where toasts appear: a stack at the bottom end of the window, with two live regions (polite
/// for most tones, assertive for `Danger`) rendered from the start, so every new toast is read
/// out. Each toast stays for the `toast.duration` token (paused while the pointer is over the
/// stack or the focus is in it) and has a dismiss button. Provides [`use_toast`] to everything
/// inside it; on the server it renders the empty regions.
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Reaches each toast's dismiss button (focus pauses the timers) |
/// | Enter / Space | On a dismiss button: removes that toast |
#[component]
pub fn Toaster(
    /// Names the region (default "Notifications").
    #[prop(optional, into)]
    label: Option<String>,
    /// Label of each dismiss button (default "Dismiss").
    #[prop(optional, into)]
    dismiss_label: Option<String>,
    /// The app.
    children: Children,
) -> impl IntoView {
    let toasts = Toasts {
        list: RwSignal::new(Vec::new()),
        next: StoredValue::new(0),
    };
    provide_context(toasts);
    let paused_by_pointer = RwSignal::new(false);
    let paused_by_focus = RwSignal::new(false);
    let region = NodeRef::<leptos::html::Section>::new();
    let dismiss_label = StoredValue::new(dismiss_label.unwrap_or_else(|| "Dismiss".into()));
    let tick_ms = 100.0;
    // One clock for every toast: counts down the ones on screen unless paused.
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            move || {
                if paused_by_pointer.get_untracked() || paused_by_focus.get_untracked() {
                    return;
                }
                if toasts.list.with_untracked(Vec::is_empty) {
                    return;
                }
                let duration = region
                    .get_untracked()
                    .map_or(6000.0, |r| token_ms(&r, "--crust-toast-duration", 6000.0));
                toasts.list.update(|l| {
                    for s in l.iter_mut() {
                        if s.left.is_nan() {
                            s.left = duration;
                        }
                        s.left -= tick_ms;
                    }
                    l.retain(|s| s.left > 0.0);
                });
            },
            std::time::Duration::from_millis(tick_ms as u64),
        );
        on_cleanup(move || {
            if let Ok(h) = handle {
                h.clear();
            }
        });
    });
    let list = move |assertive: bool| {
        move || {
            toasts
                .list
                .get()
                .into_iter()
                .filter(|s| (s.toast.tone == Status::Danger) == assertive)
                .map(|s| (s.key, s.toast))
                .collect::<Vec<_>>()
        }
    };
    let item = move |(key, toast): (u64, Toast)| {
        view! {
            <div class="crust-toast" data-tone=toast.tone.as_str()>
                <div class="crust-toast__text">
                    <p class="crust-toast__title">{toast.title}</p>
                    {toast.body.map(|b| view! { <p class="crust-toast__body">{b}</p> })}
                </div>
                <button
                    type="button"
                    class="crust-toast__dismiss"
                    aria-label=dismiss_label.get_value()
                    on:click=move |_| toasts.dismiss(key)
                >
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                        <path d="M4 4l8 8M12 4l-8 8" />
                    </svg>
                </button>
            </div>
        }
    };
    view! {
        {children()}
        <section
            class="crust-toaster"
            aria-label=label.unwrap_or_else(|| "Notifications".into())
            node_ref=region
            on:pointerenter=move |_| paused_by_pointer.set(true)
            on:pointerleave=move |_| paused_by_pointer.set(false)
            on:focusin=move |_| paused_by_focus.set(true)
            on:focusout=move |_| paused_by_focus.set(false)
        >
            <div class="crust-toaster__list" role="status" aria-live="polite">
                <For each=list(false) key=|(k, _)| *k children=item />
            </div>
            <div class="crust-toaster__list" role="alert" aria-live="assertive">
                <For each=list(true) key=|(k, _)| *k children=item />
            </div>
        </section>
    }
}
