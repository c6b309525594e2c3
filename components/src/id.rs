//! Deterministic element ids for `for`, `aria-describedby` and `aria-labelledby`.
//!
//! Ids come from a counter held by the nearest [`IdScope`] (every [`crate::ThemeProvider`] opens
//! one). Server and browser render components in the same order, so the same component gets the
//! same id on both sides and hydration keeps its labels. Pass `id` to a component to choose one.

use std::cell::Cell;

use leptos::prelude::*;

/// The counter behind generated ids, and their prefix, provided as context.
#[derive(Clone, Copy, Debug)]
pub struct IdCounter(StoredValue<u32>, StoredValue<String>);

impl IdCounter {
    fn take(&self) -> (u32, String) {
        let n = self.0.get_value();
        self.0.set_value(n + 1);
        (n, self.1.get_value())
    }
}

thread_local! {
    static FALLBACK: Cell<u32> = const { Cell::new(0) };
}

/// Opens a fresh id counter for its children. [`crate::ThemeProvider`] includes one; use this
/// directly only around parts of an app rendered without a provider (tests, islands).
#[component]
pub fn IdScope(
    /// Put in every id (`crust-<prefix>-field-0`), for several scopes on one page.
    #[prop(optional, into)]
    prefix: Option<String>,
    /// What the ids are unique within.
    children: Children,
) -> impl IntoView {
    let prefix = prefix.map(|p| format!("{p}-")).unwrap_or_default();
    provide_context(IdCounter(StoredValue::new(0), StoredValue::new(prefix)));
    children()
}

/// A new id `crust-<kind>-<n>`, or the caller's own when it gave one.
pub(crate) fn use_id(explicit: Option<String>, kind: &str) -> String {
    if let Some(id) = explicit.filter(|id| !id.is_empty()) {
        return id;
    }
    let (n, prefix) = match use_context::<IdCounter>() {
        Some(counter) => counter.take(),
        // Without a scope ids are still unique on one page, but not stable across SSR and
        // hydration: wrap the app in ThemeProvider (or IdScope).
        None => FALLBACK.with(|c| {
            let n = c.get();
            c.set(n.wrapping_add(1));
            (n, String::new())
        }),
    };
    format!("crust-{prefix}{kind}-{n}")
}
