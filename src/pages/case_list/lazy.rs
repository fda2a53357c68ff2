//! The list's parts that only appear when the user opens them (the edit flyouts, the action
//! menus, the filter and column panels), each loaded from its own wasm chunk on first use so
//! the first page load does not carry them. [`preload`] fetches the chunks once the first rows
//! have painted, so by the time anything opens it renders at once, as if it were never split.
//!
//! Each function is a split point (`#[lazy]`): its code and whatever only it uses leave the
//! main module when `scripts/split-wasm.mjs` splits the build.
// The split points are extern imports that the splitter resolves; the macro generates them.
#![allow(unsafe_code)]

use super::actions::Editing;
use super::columns::{ColumnPanel, ColumnPanelProps};
use super::date_range::{DateRangePanel, DateRangePanelProps};
use super::edit::{Edit, EditAssigneesFlyout, EditTagsFlyout};
use super::entries::{Entry, ListAction};
use super::filter_button::{FilterPanel, FilterPanelProps};
use super::menu::MenuPanel;
use crate::client::Client;
use casebook_api::Owner;
use leptos::prelude::*;

/// The tags or assignees flyout for `editing`.
#[lazy]
pub fn edit_flyout(
    editing: Editing,
    client: Client,
    owner: Owner,
    on_save: Callback<Edit>,
    on_close: Callback<()>,
) -> AnyView {
    match editing {
        Editing::Tags(cases) => {
            view! { <EditTagsFlyout cases client owner on_save on_close/> }.into_any()
        }
        Editing::Assignees(cases) => {
            view! { <EditAssigneesFlyout cases client owner on_save on_close/> }.into_any()
        }
    }
}

/// An open action menu (row or bulk actions).
#[lazy]
pub fn menu_panel(
    entries: Signal<Vec<Entry>>,
    on_select: Callback<ListAction>,
    open: RwSignal<bool>,
) -> AnyView {
    view! { <MenuPanel entries on_select open/> }.into_any()
}

/// An open filter's checklist.
#[lazy]
pub fn filter_panel(props: FilterPanelProps) -> AnyView {
    FilterPanel(props).into_any()
}

/// The open created-date filter.
#[lazy]
pub fn date_range_panel(props: DateRangePanelProps) -> AnyView {
    DateRangePanel(props).into_any()
}

/// The open column picker.
#[lazy]
pub fn column_panel(props: ColumnPanelProps) -> AnyView {
    ColumnPanel(props).into_any()
}

/// Fetches every chunk above once the first rows have painted. Later calls cost nothing.
pub fn preload() {
    crate::pages::after_first_rows(async {
        __preload_edit_flyout().await;
        __preload_menu_panel().await;
        __preload_filter_panel().await;
        __preload_date_range_panel().await;
        __preload_column_panel().await;
    });
}
