//! Small helpers shared by the components.

use leptos::prelude::*;

/// `base` followed by the caller's extra classes, if any.
pub(crate) fn classes(base: &str, extra: Option<String>) -> String {
    match extra {
        Some(extra) if !extra.trim().is_empty() => format!("{base} {}", extra.trim()),
        _ => base.to_string(),
    }
}

/// A value that is either controlled by the caller (`value` is set) or kept inside the
/// component (starting at `default`); every change goes to `on_change` too.
pub(crate) struct Controllable<T: Send + Sync + 'static> {
    value: MaybeProp<T>,
    inner: RwSignal<T>,
    on_change: Option<Callback<T>>,
}

impl<T: Send + Sync + 'static> Clone for Controllable<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Controllable<T> {}

impl<T: Clone + Send + Sync + 'static> Controllable<T> {
    pub(crate) fn new(value: MaybeProp<T>, default: T, on_change: Option<Callback<T>>) -> Self {
        Controllable {
            value,
            inner: RwSignal::new(default),
            on_change,
        }
    }

    /// The current value (tracked).
    pub(crate) fn get(&self) -> T {
        self.value.get().unwrap_or_else(|| self.inner.get())
    }

    /// The current value, without tracking.
    pub(crate) fn get_untracked(&self) -> T {
        self.value
            .get_untracked()
            .unwrap_or_else(|| self.inner.get_untracked())
    }

    /// Sets the uncontrolled value without reporting it (a starting value worked out late).
    pub(crate) fn set_quietly(&self, v: T) {
        self.inner.set(v);
    }

    /// A change from the user: kept when uncontrolled, always reported.
    pub(crate) fn set(&self, v: T) {
        self.inner.set(v.clone());
        if let Some(cb) = self.on_change {
            cb.run(v);
        }
    }
}
