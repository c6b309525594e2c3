//! Table: rows and columns of data, with a caption, sortable headers and a sticky header.

use leptos::prelude::*;

use crate::util::classes;

/// Which way a column is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortDirection {
    /// Smallest first.
    #[default]
    Ascending,
    /// Largest first.
    Descending,
}

impl SortDirection {
    /// The `aria-sort` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            SortDirection::Ascending => "ascending",
            SortDirection::Descending => "descending",
        }
    }
}

/// The column a table is sorted by, and which way.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The sorted column's key (a [`TableHeader`]'s `column`).
    pub column: String,
    /// Which way.
    pub direction: SortDirection,
}

/// A data table: a real `<table>` (so screen readers announce rows, columns and headers) with
/// a caption that names it, in a wrapper that scrolls sideways on narrow screens and can be
/// reached by keyboard to do so. Write `<thead>`, `<tbody>` and rows as plain HTML inside;
/// use [`TableHeader`] for column headers (sortable ones announce `aria-sort`).
///
/// # Keyboard
///
/// | Key | Does |
/// |---|---|
/// | Tab | Reaches the scrolling wrapper (then arrow keys scroll) and each sort button |
/// | Enter / Space | On a sort button: sorts by that column, or reverses the order |
#[component]
pub fn Table(
    /// Names the table (its `<caption>`), shown above it.
    #[prop(into)]
    caption: String,
    /// Keep the header row in view while the rows scroll (with `max_height`).
    #[prop(optional)]
    sticky_header: bool,
    /// The greatest height of the table's box, as a CSS length; taller tables scroll inside it.
    #[prop(optional, into)]
    max_height: Option<String>,
    /// Stripe every other row.
    #[prop(optional)]
    striped: bool,
    /// Extra classes, appended to `crust-table` (on the wrapper).
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// `<thead>`, `<tbody>`, `<tfoot>`.
    children: Children,
) -> impl IntoView {
    let region_label = caption.clone();
    view! {
        <div
            class=move || classes("crust-table", class.get())
            data-sticky=sticky_header.then_some("")
            data-striped=striped.then_some("")
            style=max_height.map(|h| format!("--_max-height: {h}"))
            role="region"
            aria-label=region_label
            tabindex="0"
        >
            <table class="crust-table__table">
                <caption class="crust-table__caption">{caption}</caption>
                {children()}
            </table>
        </div>
    }
}

/// A column header cell (`<th scope="col">`). With `sort`, its text is a button that sorts by
/// `column` (first ascending, then reversing), and the header carries `aria-sort` while the
/// table is sorted by it.
#[component]
pub fn TableHeader(
    /// The column's key, for sorting.
    #[prop(optional, into)]
    column: Option<String>,
    /// The table's sort state, shared by its sortable headers; leave out for a plain header.
    #[prop(optional)]
    sort: Option<RwSignal<Option<Sort>>>,
    /// Align the column's header to the end (numbers).
    #[prop(optional)]
    numeric: bool,
    /// The header's text.
    children: Children,
) -> impl IntoView {
    let content = children();
    let (Some(sort), Some(column)) = (sort, column) else {
        return view! {
            <th class="crust-table__header" scope="col" data-numeric=numeric.then_some("")>
                {content}
            </th>
        }
        .into_any();
    };
    let key = StoredValue::new(column);
    let direction = move || {
        sort.get()
            .filter(|s| s.column == key.get_value())
            .map(|s| s.direction)
    };
    let toggle = move |_| {
        let next = match direction() {
            Some(SortDirection::Ascending) => SortDirection::Descending,
            _ => SortDirection::Ascending,
        };
        sort.set(Some(Sort {
            column: key.get_value(),
            direction: next,
        }));
    };
    view! {
        <th
            class="crust-table__header"
            scope="col"
            data-numeric=numeric.then_some("")
            aria-sort=move || direction().map(SortDirection::as_str)
        >
            <button type="button" class="crust-table__sort" on:click=toggle>
                {content}
                <svg class="crust-table__sort-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path class="crust-table__sort-up" d="M5 6.5l3-3 3 3" />
                    <path class="crust-table__sort-down" d="M5 9.5l3 3 3-3" />
                </svg>
            </button>
        </th>
    }
    .into_any()
}
