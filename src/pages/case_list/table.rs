//! The cases table: sortable headers, selection checkboxes, one row per case, the row menu,
//! skeleton rows while the first page loads and the empty state.
//!
//! Rules: rows have a fixed height (CSS) and skeleton rows use the same height and columns, so
//! nothing moves when data arrives; while a later page loads the previous rows stay, dimmed.
//! Below 720 px the rows become cards (each cell labelled through `data-label`).

use super::cells::{CellContext, cell};
use super::columns::Column;
use super::entries::{ListAction, bulk_entries, row_entries};
use super::menu::ActionMenu;
use crate::components::EmptyState;
use casebook_api::ListedCase;
use casebook_api::find::{SortField, SortOrder};
use casebook_api::security::CasesCapabilities;
use leptos::prelude::*;

/// What the table shows when there are no rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Empty {
    /// The solution has no cases at all.
    NoCases,
    /// Filters or search hide every case.
    NoMatches,
}

/// The `aria-sort` of a column.
pub fn aria_sort(col: &Column, sort: (SortField, SortOrder)) -> &'static str {
    match col.sort_field() {
        Some(f) if f == sort.0 => match sort.1 {
            SortOrder::Asc => "ascending",
            SortOrder::Desc => "descending",
        },
        _ => "none",
    }
}

/// The width in px of a skeleton bar: about what the column's content takes, varied a little per
/// row, so the columns hardly move when the rows arrive.
pub fn skeleton_width(col: &Column, row: usize) -> usize {
    let base = match col {
        Column::Name => 200,
        Column::Tags => 110,
        Column::Assignees => 40,
        Column::Alerts | Column::Comments => 20,
        Column::Category | Column::Custom(_) => 80,
        Column::CreatedAt | Column::UpdatedAt | Column::ClosedAt => 80,
        Column::ExternalIncident => 70,
        Column::Status => 70,
        Column::Severity => 60,
    };
    base - (row * 13 % 5) * base / 10
}

/// The table.
#[component]
pub fn CasesTable(
    /// The visible columns and their header text.
    #[prop(into)]
    columns: Signal<Vec<(Column, String)>>,
    /// The rows (`None` until the first answer).
    #[prop(into)]
    rows: Signal<Option<Vec<ListedCase>>>,
    /// Rows expected while loading (the page size), for the skeleton.
    #[prop(into)]
    skeleton_rows: Signal<usize>,
    /// A newer answer is on its way.
    #[prop(into)]
    busy: Signal<bool>,
    /// The first page could not be loaded (no skeleton then; the page shows the error).
    #[prop(into)]
    failed: Signal<bool>,
    /// Sort field and order.
    #[prop(into)]
    sort: Signal<(SortField, SortOrder)>,
    /// Called with the column's sort field when a sortable header is clicked.
    on_sort: Callback<SortField>,
    /// Selected case ids.
    selection: RwSignal<Vec<String>>,
    /// Links, profiles, "now".
    #[prop(into)]
    cx: Signal<CellContext>,
    /// Called with a row action and the row's case.
    on_action: Callback<(ListAction, ListedCase)>,
    /// The kind of empty state to show for no rows.
    #[prop(into)]
    empty: Signal<Empty>,
    /// The empty state's actions (Create case / Clear filters).
    empty_actions: ViewFn,
    /// What the user may do with these cases: the row menus offer only that, and rows are
    /// selectable only when some bulk action is allowed.
    #[prop(into)]
    caps: Signal<CasesCapabilities>,
) -> impl IntoView {
    let selectable = Memo::new(move |_| caps.with(|c| !bulk_entries(c).is_empty()));
    let span = move || columns.with(Vec::len) + 2;
    let page_ids = move || {
        rows.with(|r| {
            r.as_ref()
                .map(|r| r.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
        })
        .unwrap_or_default()
    };
    let all_checked = move || {
        let ids = page_ids();
        !ids.is_empty() && selection.with(|s| ids.iter().all(|i| s.contains(i)))
    };
    let some_checked = move || !all_checked() && selection.with(|s| !s.is_empty());
    let toggle_all = move |_| {
        if all_checked() {
            selection.set(Vec::new());
        } else {
            selection.set(page_ids());
        }
    };
    let header = move || {
        columns
            .get()
            .into_iter()
            .map(|(col, label)| {
                let id = col.id();
                let numeric = col.numeric();
                let class = format!("cb-cases__th cb-cases__col--{id}");
                match col.sort_field() {
                    Some(field) => {
                        let c2 = col.clone();
                        view! {
                            <th class=class class:cb-cases__num=numeric scope="col" aria-sort=move || aria_sort(&c2, sort.get())>
                                <button
                                    type="button"
                                    class="cb-cases__sort"
                                    data-testid=format!("sort-{id}")
                                    on:click=move |_| on_sort.run(field)
                                >
                                    {label}
                                    <span class="cb-cases__arrow" aria-hidden="true">
                                        {move || match (sort.get().0 == field, sort.get().1) {
                                            (true, SortOrder::Asc) => "↑",
                                            (true, SortOrder::Desc) => "↓",
                                            _ => "↕",
                                        }}
                                    </span>
                                </button>
                            </th>
                        }
                        .into_any()
                    }
                    None => view! { <th class=class class:cb-cases__num=numeric scope="col">{label}</th> }.into_any(),
                }
            })
            .collect_view()
    };
    let skeleton = move || {
        let cols = columns.get();
        (0..skeleton_rows.get())
            .map(|i| {
                let cells = cols
                    .iter()
                    .map(|(c, l)| {
                        let width = skeleton_width(c, i);
                        view! {
                            <td class=format!("cb-cases__td cb-cases__col--{}", c.id()) data-label=l.clone()>
                                <span class="cb-skeleton cb-skeleton--line" style=format!("width:{width}px")></span>
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr class="cb-cases__row cb-cases__row--skeleton" aria-hidden="true">
                        <td class="cb-cases__check"></td>
                        {cells}
                        <td class="cb-cases__actions"></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let body_rows = move || {
        let cx = cx.get();
        let cols = columns.get();
        // Capabilities are read inside each row (checkbox, menu entries), not here: they often
        // arrive just after the first page, which must not rebuild every row.
        rows.get()
            .unwrap_or_default()
            .into_iter()
            .map(|c| {
                let id = c.id.clone();
                let (id1, id2) = (id.clone(), id.clone());
                let checked = Memo::new(move |_| selection.with(|s| s.contains(&id1)));
                let cells = cols
                    .iter()
                    .map(|(col, label)| {
                        view! {
                            <td
                                class=format!("cb-cases__td cb-cases__col--{}", col.id())
                                class:cb-cases__num=col.numeric()
                                data-label=label.clone()
                            >
                                {cell(col, &c, &cx)}
                            </td>
                        }
                    })
                    .collect_view();
                let (status, severity) = (c.status, c.severity);
                let entries =
                    Signal::derive(move || caps.with(|k| row_entries(status, severity, k)));
                let title = c.title.clone();
                let case = c.clone();
                view! {
                    <tr
                        class="cb-cases__row"
                        class:cb-cases__row--selected=checked
                        data-testid="case-row"
                        data-case-id=id.clone()
                    >
                        <td class="cb-cases__check">
                            <input
                                type="checkbox"
                                hidden=move || !selectable.get()
                                aria-label=format!("Select \"{title}\"")
                                data-testid="row-select"
                                prop:checked=checked
                                on:change=move |_| {
                                    selection.update(|s| {
                                        if let Some(i) = s.iter().position(|x| *x == id2) {
                                            s.remove(i);
                                        } else {
                                            s.push(id2.clone());
                                        }
                                    })
                                }
                            />
                        </td>
                        {cells}
                        <td class="cb-cases__actions">
                            <ActionMenu
                                entries=entries
                                on_select=Callback::new(move |a| on_action.run((a, case.clone())))
                                trigger=|| "⋯"
                                trigger_class="cb-icon-btn"
                                aria_label=format!("Actions for \"{}\"", c.title)
                                test_id="row-actions"
                                align_end=true
                            />
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let is_empty = move || rows.with(|r| r.as_ref().is_some_and(Vec::is_empty));
    let empty_view = move || {
        let (title, body) = match empty.get() {
            Empty::NoCases => (
                "No cases to display",
                "Create a case to track an investigation: add alerts, comments and assignees, and push it to an external system.",
            ),
            Empty::NoMatches => (
                "No cases match your search",
                "Try other words, or clear the filters to see every case.",
            ),
        };
        let actions = empty_actions.clone();
        view! {
            <tr class="cb-cases__empty-row">
                <td colspan=span()>
                    <EmptyState title=title body=body test_id="cases-empty">
                        {actions.run()}
                    </EmptyState>
                </td>
            </tr>
        }
    };
    view! {
        <div class="cb-cases-wrap" class:cb-cases-wrap--busy=move || busy.get() aria-busy=move || busy.get().to_string()>
            <table class="cb-cases" data-testid="cases-table">
                <thead>
                    <tr>
                        <th class="cb-cases__check" scope="col">
                            <input
                                type="checkbox"
                                aria-label="Select all cases on this page"
                                hidden=move || !selectable.get()
                                data-testid="select-all"
                                prop:checked=all_checked
                                prop:indeterminate=some_checked
                                disabled=move || page_ids().is_empty()
                                on:change=toggle_all
                            />
                        </th>
                        {header}
                        <th class="cb-cases__actions" scope="col">
                            <span class="cb-visually-hidden">"Actions"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        if rows.with(Option::is_none) && failed.get() {
                            ().into_any()
                        } else if rows.with(Option::is_none) {
                            skeleton().into_any()
                        } else if is_empty() {
                            empty_view().into_any()
                        } else {
                            body_rows().into_any()
                        }
                    }}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aria_sort_follows_the_sorted_column() {
        let s = (SortField::Title, SortOrder::Asc);
        assert_eq!(aria_sort(&Column::Name, s), "ascending");
        assert_eq!(aria_sort(&Column::CreatedAt, s), "none");
        assert_eq!(aria_sort(&Column::Tags, s), "none");
        let s = (SortField::CreatedAt, SortOrder::Desc);
        assert_eq!(aria_sort(&Column::CreatedAt, s), "descending");
    }
}
