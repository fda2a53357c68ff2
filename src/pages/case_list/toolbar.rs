//! The parts of the list page around the table: the header (title, Settings, Create case,
//! metrics), the controls (search, filters, column picker), the utility bar (range, selection,
//! bulk actions, refresh) and the empty state's buttons.

use super::columns::{Column, ColumnPicker, Visibility};
use super::entries::{ListAction, bulk_entries};
use super::filters::{FilterBar, SearchBox};
use super::menu::ActionMenu;
use super::metrics::{MetricsBar, format_count};
use super::state::ListState;
use crate::client::Client;
use crate::routes::Loc;
use casebook_api::Owner;
use casebook_api::security::CasesCapabilities;
use leptos::prelude::*;
use leptos_router::components::A;

/// What the page hands to its parts.
#[derive(Clone, Copy)]
pub struct PageParts {
    /// The list state from the URL.
    pub state: Memo<ListState>,
    /// Navigates to a new state.
    pub on_change: Callback<ListState>,
    /// Where we are.
    pub loc: Memo<Loc>,
    /// The API client.
    pub client: Signal<Client>,
    /// The solution's owner.
    pub owner: Signal<Owner>,
    /// Bumped after every mutation.
    pub refresh: Signal<u64>,
    /// Whether the first page arrived.
    pub loaded: Signal<bool>,
    /// Status counts of the last answer.
    pub counts: Signal<Option<[usize; 3]>>,
    /// Total matches of the last answer.
    pub total: Signal<Option<usize>>,
    /// The last request's error, if it failed.
    pub failed: Signal<Option<String>>,
    /// Selected case ids.
    pub selection: RwSignal<Vec<String>>,
    /// Runs a bulk action on the selection.
    pub on_bulk_action: Callback<ListAction>,
    /// Every column.
    pub all_cols: Signal<Vec<(Column, String)>>,
    /// Column choices.
    pub visibility: RwSignal<Visibility>,
    /// Reloads the list.
    pub retry: Callback<()>,
    /// What the user may do with this solution's cases.
    pub caps: Signal<CasesCapabilities>,
}

/// Title, buttons and metrics.
pub fn header(p: &PageParts) -> impl IntoView + use<> {
    let (loc, client, owner, refresh, loaded) = (p.loc, p.client, p.owner, p.refresh, p.loaded);
    let caps = p.caps;
    view! {
        <header class="cb-case-list__header">
            <h1 class="cb-page__title">"Cases"</h1>
            <div class="cb-case-list__buttons">
                // Kibana shows Settings only to users with the settings sub-feature and Create
                // only to those who may create.
                <Show when=move || caps.with(|c| c.cases_settings)>
                    <A href=move || loc.get().settings() attr:class="cb-btn cb-btn--empty" attr:data-testid="cases-settings">
                        "Settings"
                    </A>
                </Show>
                <Show when=move || caps.with(|c| c.create_cases)>
                    <A href=move || loc.get().create() attr:class="cb-btn cb-btn--fill" attr:data-testid="create-case">
                        "Create case"
                    </A>
                </Show>
                <Show when=move || caps.with(|c| c.read_cases && !c.update_cases && !c.create_cases)>
                    <span class="cb-badge cb-badge--hollow" data-testid="read-only-badge" title="You can view these cases but not change them">
                        "Read only"
                    </span>
                </Show>
            </div>
        </header>
        <MetricsBar client owner refresh ready=loaded/>
    }
}

/// Search, filters, columns, and the bar above the table.
pub fn controls(p: &PageParts) -> impl IntoView + use<> {
    let p = *p;
    let selected = move || p.selection.with(Vec::len);
    let search = Signal::derive(move || p.state.with(|s| s.params.search.clone()));
    view! {
        <div class="cb-case-list__controls">
            <SearchBox
                value=search
                on_search=Callback::new(move |t: String| p.on_change.run(p.state.get_untracked().with_search(&t)))
            />
            <FilterBar
                state=p.state
                on_change=p.on_change
                counts=p.counts
                client=p.client
                owner=p.owner
                refresh=p.refresh
            />
        </div>
        {move || p.failed.get().map(|msg| view! {
            <div class="cb-callout cb-callout--danger" role="alert" data-testid="cases-error">
                <strong>"The cases could not be loaded. "</strong>
                <span>{msg}</span>
                <button type="button" class="cb-btn cb-btn--link" on:click=move |_| p.retry.run(())>"Retry"</button>
            </div>
        })}
        <div class="cb-case-list__bar">
            <span class="cb-case-list__count" data-testid="cases-count">
                {move || p.total.get().map(|t| format!("{} {}", format_count(t as i64), if t == 1 { "case" } else { "cases" }))}
            </span>
            <Show when=move || { selected() > 0 }>
                <span class="cb-case-list__selected" data-testid="selected-count">
                    {move || format!("Selected {} {}", selected(), if selected() == 1 { "case" } else { "cases" })}
                </span>
                <ActionMenu
                    entries=Signal::derive(move || p.caps.with(bulk_entries))
                    on_select=p.on_bulk_action
                    trigger=|| view! { "Bulk actions" <span aria-hidden="true">" ▾"</span> }
                    trigger_class="cb-btn cb-btn--empty cb-btn--small"
                    aria_label="Bulk actions"
                    test_id="bulk-actions"
                />
                <button
                    type="button"
                    class="cb-btn cb-btn--link cb-btn--small"
                    on:click=move |_| p.selection.set(Vec::new())
                >
                    "Clear selection"
                </button>
            </Show>
            <span class="cb-case-list__spacer"></span>
            <button
                type="button"
                class="cb-btn cb-btn--empty cb-btn--small"
                data-testid="cases-refresh"
                on:click=move |_| p.retry.run(())
            >
                "↻ Refresh"
            </button>
            <ColumnPicker columns=p.all_cols visibility=p.visibility/>
        </div>
    }
}

/// The empty state's buttons: "Create case", and "Clear filters" when filters hide everything.
pub fn empty_actions(p: &PageParts) -> ViewFn {
    let p = *p;
    ViewFn::from(move || {
        let filtered = p.state.with_untracked(|s| s.active_filters()) > 0;
        view! {
            {filtered.then(|| view! {
                <button
                    type="button"
                    class="cb-btn cb-btn--empty"
                    data-testid="empty-clear-filters"
                    on:click=move |_| p.on_change.run(p.state.get_untracked().cleared())
                >
                    "Clear filters"
                </button>
            })}
            {p.caps.with_untracked(|c| c.create_cases).then(|| view! {
                <A href=move || p.loc.get().create() attr:class="cb-btn cb-btn--fill" attr:data-testid="empty-create-case">
                    "Create case"
                </A>
            })}
        }
    })
}
