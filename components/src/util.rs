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

/// A move of the focus along a row or column of items (tabs, accordion headers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// The next usable item, wrapping to the first.
    Next,
    /// The previous usable item, wrapping to the last.
    Previous,
    /// The first usable item.
    First,
    /// The last usable item.
    Last,
}

/// Where `step` takes the focus from item `from` of `count`, skipping items `usable` rejects
/// (`None` when no item is usable).
pub(crate) fn step_to(
    from: usize,
    count: usize,
    step: Step,
    usable: impl Fn(usize) -> bool,
) -> Option<usize> {
    match step {
        Step::Next => (1..=count).map(|k| (from + k) % count).find(|&i| usable(i)),
        Step::Previous => (1..=count)
            .map(|k| (from + count - k) % count)
            .find(|&i| usable(i)),
        Step::First => (0..count).find(|&i| usable(i)),
        Step::Last => (0..count).rev().find(|&i| usable(i)),
    }
}

#[cfg(test)]
mod tests {
    use super::{Step, step_to};

    #[test]
    fn steps_wrap_and_skip_unusable_items() {
        let usable = |i: usize| i != 2;
        assert_eq!(step_to(1, 4, Step::Next, usable), Some(3));
        assert_eq!(step_to(3, 4, Step::Next, usable), Some(0));
        assert_eq!(step_to(0, 4, Step::Previous, usable), Some(3));
        assert_eq!(step_to(3, 4, Step::Previous, usable), Some(1));
        assert_eq!(step_to(2, 4, Step::First, |i| i > 0), Some(1));
        assert_eq!(step_to(0, 4, Step::Last, usable), Some(3));
        assert_eq!(step_to(0, 3, Step::Next, |_| false), None);
    }
}
