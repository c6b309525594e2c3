//! Table demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

const PEOPLE: &[(&str, &str, u32)] = &[
    ("Ada Lovelace", "Owner", 128),
    ("Grace Hopper", "Admin", 342),
    ("Alan Turing", "Editor", 57),
    ("Katherine Johnson", "Editor", 211),
    ("Edsger Dijkstra", "Viewer", 9),
];

/// Sortable by name or commits (click a header), with a sticky header and striped rows.
pub fn sortable() -> impl IntoView {
    let sort = RwSignal::new(Some(Sort {
        column: "name".into(),
        direction: SortDirection::Ascending,
    }));
    let rows = move || {
        let mut rows = PEOPLE.to_vec();
        if let Some(s) = sort.get() {
            match s.column.as_str() {
                "commits" => rows.sort_by_key(|r| r.2),
                _ => rows.sort_by_key(|r| r.0),
            }
            if s.direction == SortDirection::Descending {
                rows.reverse();
            }
        }
        rows.into_iter()
            .map(|(name, role, commits)| {
                view! {
                    <tr>
                        <td>{name}</td>
                        <td>{role}</td>
                        <td data-numeric="">{commits}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <Table caption="Team members" sticky_header=true striped=true max_height="16rem">
            <thead>
                <tr>
                    <TableHeader column="name" sort=sort>"Name"</TableHeader>
                    <TableHeader>"Role"</TableHeader>
                    <TableHeader column="commits" sort=sort numeric=true>"Commits"</TableHeader>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </Table>
    }
}
