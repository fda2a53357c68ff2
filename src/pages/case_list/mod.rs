//! The case list of the current solution (Kibana's "All cases" page): metrics, search, filters,
//! the sortable table with row and bulk actions, and paging.
//!
//! Rules: the URL is the list's state ([`state::ListState`]); controls navigate and the data
//! follows. Only the solution's owner is queried. The last query per solution is remembered in
//! localStorage and restored when the list opens without one. The first `_find` goes out before
//! anything else (metrics, option lists and custom fields wait for it), so rows paint early;
//! on a page load it is sent as the app starts ([`prefetch`]).

mod actions;
mod bulk;
mod cells;
mod columns;
mod date_range;
mod edit;
mod entries;
mod filter_button;
mod filters;
mod keyboard;
mod lazy;
mod menu;
mod metrics;
mod pagination;
mod popover;
pub mod prefetch;
mod state;
mod storage;
mod table;
mod toolbar;

use crate::components::toaster::use_toaster;
use crate::context::{local_get, local_set, use_case_caps, use_client, use_loc};
use crate::routes::Solution;
use actions::{Editing, Mutation, Outcome, edit_mutation, outcome};
use casebook_api::find::CasesFindResponse;
use casebook_api::security::UserProfile;
use casebook_api::{ListedCase, Owner};
use cells::CellContext;
use columns::{Visibility, all_columns};
use entries::ListAction;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use state::{ListState, page_count};
use std::collections::HashMap;
use storage::{columns_key, restored_query, state_key};
use table::Empty;

/// The owner whose cases a solution lists.
fn owner_of(sol: Solution) -> Owner {
    sol.owner().parse().unwrap_or(Owner::Cases)
}

/// The case list page.
#[component]
pub fn CaseListPage() -> impl IntoView {
    let loc = use_loc();
    let client = use_client();
    let toaster = use_toaster();
    let owner = Signal::derive(move || owner_of(loc.get().solution));
    let caps = use_case_caps();
    let denied = crate::pages::use_denied(|c| c.read_cases);
    let location = use_location();
    let navigate = use_navigate();

    // URL ⇄ state. An empty URL takes the remembered query (before the first request).
    let go = {
        let navigate = navigate.clone();
        move |s: ListState, replace: bool| {
            let url = loc.get_untracked().list_with_query(&s.to_query());
            navigate(
                &url,
                NavigateOptions {
                    replace,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let remembered = local_get(&state_key(owner.get_untracked()));
    let restore = restored_query(&location.search.get_untracked(), remembered.as_deref());
    // Until the router shows the restored query, the list uses it directly, so the first
    // request already has it; once the URL has a query, the URL alone decides.
    let pending = StoredValue::new(restore.clone());
    let state = Memo::new(move |_| {
        let search = location.search.get();
        if search.is_empty()
            && let Some(q) = pending.get_value()
        {
            return ListState::from_query(&q);
        }
        pending.set_value(None);
        ListState::from_query(&search)
    });
    if let Some(q) = restore {
        navigate(
            &loc.get_untracked().list_with_query(&q),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    }
    Effect::new(move |_| local_set(&state_key(owner.get()), &state.with(ListState::to_query)));
    let on_change = Callback::new({
        let go = go.clone();
        move |s: ListState| go(s, false)
    });

    // The page of cases; a newer request makes older answers irrelevant.
    let refresh = RwSignal::new(0u64);
    let data = RwSignal::new(None::<CasesFindResponse<ListedCase>>);
    let busy = RwSignal::new(true);
    let failed = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let params = state.with(|s| s.find_params(owner.get()));
        let c = client.get();
        refresh.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        busy.set(true);
        let early = prefetch::take(c.space(), &params);
        leptos::task::spawn_local(async move {
            let r = match early {
                Some(answer) => match answer.await {
                    Ok(r) => r,
                    Err(_) => c.find_cases(&params).await,
                },
                None => c.find_cases(&params).await,
            };
            if generation.try_get_value() != Some(mine) {
                return;
            }
            busy.set(false);
            match r {
                Ok(r) => {
                    failed.set(None);
                    data.set(Some(r));
                }
                // The previous page stays on screen under the error.
                Err(e) => failed.set(Some(e.message())),
            }
        });
    });
    let loaded = Memo::new(move |_| data.with(Option::is_some));
    Effect::new(move |_| {
        if loaded.get() {
            crate::pages::preload_case_pages();
            lazy::preload();
        }
    });
    // A memo, so readers borrow the page instead of cloning it.
    let rows = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.cases.clone())));
    let total = Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.total)));
    let counts = Signal::derive(move || {
        data.with(|d| {
            d.as_ref().map(|d| {
                [
                    d.count_open_cases,
                    d.count_in_progress_cases,
                    d.count_closed_cases,
                ]
            })
        })
    });
    let pages = Signal::derive(move || {
        page_count(total.get().unwrap_or(0), state.with(|s| s.params.per_page))
    });
    // Past the last page (e.g. after deleting its last case): go to the last one.
    Effect::new({
        let go = go.clone();
        move |_| {
            let (page, last) = (state.with(|s| s.params.page), pages.get());
            if !busy.get() && total.get().is_some_and(|t| t > 0) && page > last {
                go(state.get_untracked().with_page(last), true);
            }
        }
    });

    // Selection: ids on the current page; cleared when the query changes.
    let selection = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        state.track();
        selection.set(Vec::new());
    });
    Effect::new(move |_| {
        let ids: Vec<String> = rows.with(|r| r.iter().flatten().map(|c| c.id.clone()).collect());
        selection.update(|s| s.retain(|id| ids.contains(id)));
    });
    let selected_cases = move || {
        let ids = selection.get_untracked();
        rows.get_untracked()
            .unwrap_or_default()
            .into_iter()
            .filter(|c| ids.contains(&c.id))
            .collect::<Vec<ListedCase>>()
    };

    // Assignee names, fetched for the uids on screen that are not known yet.
    let profiles = RwSignal::new(HashMap::<String, UserProfile>::new());
    Effect::new(move |_| {
        let mut missing: Vec<String> = rows.with(|r| {
            r.iter()
                .flatten()
                .flat_map(|c| c.assignees.iter().map(|a| a.uid.clone()))
                .collect()
        });
        missing.sort();
        missing.dedup();
        missing.retain(|u| profiles.with_untracked(|p| !p.contains_key(u)));
        if missing.is_empty() {
            return;
        }
        let c = client.get_untracked();
        leptos::task::spawn_local(async move {
            if let Ok(found) = c.profiles(&missing).await {
                profiles.update(|p| p.extend(found.into_iter().map(|f| (f.uid.clone(), f))));
            }
        });
    });

    // Columns: custom fields come from the owner's configuration, loaded after the first page.
    let config = LocalResource::new(move || {
        let (ready, c, o) = (loaded.get(), client.get(), owner.get());
        async move {
            if !ready {
                return Vec::new();
            }
            c.custom_fields(o).await.unwrap_or_default()
        }
    });
    let all_cols = Signal::derive(move || all_columns(&config.get().unwrap_or_default()));
    let visibility = RwSignal::new(Visibility::parse(
        &local_get(&columns_key(owner.get_untracked())).unwrap_or_default(),
    ));
    Effect::new(move |prev: Option<()>| {
        let v = visibility.with(Visibility::render);
        if prev.is_some() {
            local_set(&columns_key(owner.get_untracked()), &v);
        }
    });
    // A memo: the configuration arriving with no custom fields gives equal columns, and equal
    // columns must not rebuild the rows already on screen.
    let shown_cols = Memo::new(move |_| {
        all_cols.with(|cs| {
            visibility.with(|v| {
                cs.iter()
                    .filter(|(c, _)| v.shows(c))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let cx = Signal::derive(move || CellContext {
        loc: loc.get(),
        profiles: profiles.into(),
        now: chrono::Utc::now(),
    });

    // Actions.
    let mutate = Action::new_local(move |m: &Mutation| {
        let (m, c) = (m.clone(), client.get_untracked());
        async move {
            if actions::run(c, m, toaster).await {
                selection.set(Vec::new());
            }
            refresh.update(|r| *r += 1);
        }
    });
    let editing = RwSignal::new(None::<Editing>);
    let deleting = RwSignal::new(Vec::<ListedCase>::new());
    let confirm_open = RwSignal::new(false);
    let handle =
        Callback::new(move |(action, cases): (ListAction, Vec<ListedCase>)| {
            match outcome(action, cases) {
                Outcome::Send(m) => {
                    mutate.dispatch(m);
                }
                Outcome::Edit(e) => editing.set(Some(e)),
                Outcome::ConfirmDelete(c) => {
                    deleting.set(c);
                    confirm_open.set(true);
                }
                Outcome::Copy(id) => actions::copy(id, toaster),
                Outcome::Nothing(why) => toaster.push(
                    crate::components::toaster::ToastKind::Info,
                    "Nothing to change",
                    Some(why),
                ),
            }
        });
    let on_row_action =
        Callback::new(move |(a, c): (ListAction, ListedCase)| handle.run((a, vec![c])));
    let on_bulk_action = Callback::new(move |a: ListAction| handle.run((a, selected_cases())));
    let on_edit_save = Callback::new(move |(add, remove): edit::Edit| {
        let Some(e) = editing.get_untracked() else {
            return;
        };
        match edit_mutation(&e, &add, &remove) {
            Ok(Some(m)) => {
                editing.set(None);
                mutate.dispatch(m);
            }
            Ok(None) => editing.set(None),
            Err(msg) => toaster.error("The assignees could not be updated", msg),
        }
    });
    let on_delete = Callback::new(move |_| {
        let cases = deleting.get_untracked();
        let cases = cases
            .iter()
            .map(|c| (c.id.clone(), c.title.clone()))
            .collect();
        mutate.dispatch(Mutation::Delete { cases });
    });
    keyboard::install();

    let empty = Signal::derive(move || {
        if state.with(|s| s.active_filters()) > 0 {
            Empty::NoMatches
        } else {
            Empty::NoCases
        }
    });
    let sort = Signal::derive(move || state.with(|s| (s.params.sort_field, s.params.sort_order)));
    let view_args = toolbar::PageParts {
        state,
        on_change,
        loc,
        client,
        owner,
        refresh: refresh.into(),
        loaded: loaded.into(),
        counts,
        total,
        failed: failed.into(),
        selection,
        on_bulk_action,
        all_cols,
        visibility,
        retry: Callback::new(move |_| refresh.update(|r| *r += 1)),
        caps,
    };
    view! {
        <Show when=move || denied.get()>
            <crate::pages::NoAccess action="view cases"/>
        </Show>
        // Hidden, not dropped, when access is denied: the page's state stays in one place.
        <section
            class="cb-case-list"
            data-testid="case-list-page"
            style:display=move || denied.get().then_some("none")
        >
            {toolbar::header(&view_args)}
            {toolbar::controls(&view_args)}
            <table::CasesTable
                columns=shown_cols
                rows
                skeleton_rows=Signal::derive(move || state.with(|s| s.params.per_page.min(25)))
                busy=Signal::derive(move || busy.get() && loaded.get())
                failed=Signal::derive(move || failed.with(Option::is_some))
                sort
                on_sort=Callback::new(move |f| on_change.run(state.get_untracked().with_sort(f)))
                selection
                cx
                on_action=on_row_action
                empty
                empty_actions=toolbar::empty_actions(&view_args)
                caps
            />
            <pagination::Pagination
                page=Signal::derive(move || state.with(|s| s.params.page))
                count=pages
                per_page=Signal::derive(move || state.with(|s| s.params.per_page))
                total
                on_page=Callback::new(move |p| on_change.run(state.get_untracked().with_page(p)))
                on_per_page=Callback::new(move |n| on_change.run(state.get_untracked().with_per_page(n)))
            />
            {move || editing.get().map(|e| {
                let close = Callback::new(move |_| editing.set(None));
                let (c, o) = (client.get_untracked(), owner.get_untracked());
                Suspend::new(lazy::edit_flyout(e, c, o, on_edit_save, close))
            })}
            <crate::components::ConfirmModal
                open=confirm_open
                title=Signal::derive(move || match deleting.with(Vec::len) {
                    1 => "Delete case?".to_string(),
                    n => format!("Delete {n} cases?"),
                })
                body="Their comments, alerts and activity are deleted too. This cannot be undone."
                confirm_label="Delete"
                danger=true
                on_confirm=on_delete
                test_id="delete-cases-modal"
            />
        </section>
    }
}
