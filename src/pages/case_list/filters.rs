//! The search box and the filter bar.
//!
//! Rules: the search box applies 500 ms after the last keystroke (`SEARCH_DEBOUNCE_MS`) or at
//! once on Enter, and follows the URL when it changes from elsewhere (back button, "Clear
//! filters"). Option lists (tags, reporters, categories, assignees) are fetched the first time a
//! filter opens, so they never compete with the table's first request.

use super::date_range::DateRangeFilter;
use super::filter_button::{FilterButton, FilterOption};
use super::state::{FilterKey, ListState};
use crate::client::Client;
use crate::components::user_picker::profile_name;
use casebook_api::Owner;
use casebook_api::case::{Severity, Status};
use casebook_api::limits::{NO_ASSIGNEES_FILTERING_KEYWORD, SEARCH_DEBOUNCE_MS};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use std::time::Duration;

/// The free-text search field.
#[component]
pub fn SearchBox(
    /// The search in the URL.
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Called with the text to search (debounced).
    on_search: Callback<String>,
) -> impl IntoView {
    let text = RwSignal::new(value.get_untracked().unwrap_or_default());
    // Follow the URL when it changes under us.
    Effect::new(move |_| {
        let v = value.get().unwrap_or_default();
        if text.get_untracked().trim() != v {
            text.set(v);
        }
    });
    let generation = StoredValue::new(0u64);
    let commit = move || {
        generation.update_value(|g| *g += 1);
        let t = text.get_untracked();
        if t.trim() != value.get_untracked().unwrap_or_default() {
            on_search.run(t);
        }
    };
    let on_input = move |_| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    commit();
                }
            },
            Duration::from_millis(u64::from(SEARCH_DEBOUNCE_MS)),
        );
    };
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" => commit(),
        "Escape" if !text.with(String::is_empty) => {
            ev.stop_propagation();
            text.set(String::new());
            commit();
        }
        _ => {}
    };
    view! {
        <div class="cb-search">
            <svg class="cb-search__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path
                    fill="currentColor"
                    d="M11.27 10.21l3.26 3.26a.75.75 0 1 1-1.06 1.06l-3.26-3.26a5.5 5.5 0 1 1 1.06-1.06zM6.75 11a4.25 4.25 0 1 0 0-8.5 4.25 4.25 0 0 0 0 8.5z"
                ></path>
            </svg>
            <input
                class="cb-input cb-search__input"
                type="search"
                placeholder="Search cases by title, description, #id or case id"
                aria-label="Search cases"
                data-shortcut="search"
                data-testid="cases-search"
                autocomplete="off"
                bind:value=text
                on:input=on_input
                on:keydown=on_keydown
            />
        </div>
    }
}

fn status_options(counts: Option<[usize; 3]>) -> Vec<FilterOption> {
    Status::ALL
        .into_iter()
        .enumerate()
        .map(|(i, s)| FilterOption {
            value: s.as_str().into(),
            label: s.label().into(),
            count: counts.map(|c| c[i]),
        })
        .collect()
}

fn severity_options() -> Vec<FilterOption> {
    Severity::ALL
        .into_iter()
        .map(|s| FilterOption {
            value: s.as_str().into(),
            label: s.label().into(),
            count: None,
        })
        .collect()
}

/// A lazily loaded option list: fetched once `opened` turns true, again after each `refresh`.
fn lazy_options<F, Fut>(
    opened: RwSignal<bool>,
    refresh: Signal<u64>,
    fetch: F,
) -> Signal<Option<Vec<FilterOption>>>
where
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = Vec<FilterOption>> + 'static,
{
    let r = LocalResource::new(move || {
        let wanted = opened.get();
        refresh.track();
        let fut = wanted.then(&fetch);
        async move {
            match fut {
                Some(f) => Some(f.await),
                None => None,
            }
        }
    });
    Signal::derive(move || r.get().flatten())
}

/// Every filter, the date range and "Clear filters".
#[component]
pub fn FilterBar(
    /// The list state from the URL.
    state: Memo<ListState>,
    /// Called with the next state.
    on_change: Callback<ListState>,
    /// Open / in progress / closed counts of the last `_find` answer.
    #[prop(into)]
    counts: Signal<Option<[usize; 3]>>,
    /// The API client.
    client: Signal<Client>,
    /// The solution's owner.
    owner: Signal<Owner>,
    /// Bumped after each mutation (tags and categories may have changed).
    refresh: Signal<u64>,
) -> impl IntoView {
    let set = move |key: FilterKey| {
        Callback::new(move |v: Vec<String>| {
            on_change.run(state.get_untracked().with_filter(key, v))
        })
    };
    let selected =
        move |key: FilterKey| Signal::derive(move || state.with(|s| s.filter_values(key)));

    let tags_opened = RwSignal::new(false);
    let tags = lazy_options(tags_opened, refresh, move || {
        let (c, o) = (client.get_untracked(), owner.get_untracked());
        async move {
            let mut t = c.tags(o).await.unwrap_or_default();
            t.sort_by_key(|s| s.to_lowercase());
            t.into_iter().map(FilterOption::plain).collect()
        }
    });
    let reporters_opened = RwSignal::new(false);
    let reporters = lazy_options(reporters_opened, refresh, move || {
        let (c, o) = (client.get_untracked(), owner.get_untracked());
        async move {
            let users = c.reporters(o).await.unwrap_or_default();
            users
                .into_iter()
                .filter_map(|u| {
                    let name = u.username.clone()?;
                    Some(FilterOption {
                        label: u
                            .full_name
                            .clone()
                            .filter(|f| !f.is_empty())
                            .unwrap_or(name.clone()),
                        value: name,
                        count: None,
                    })
                })
                .collect()
        }
    });
    let categories_opened = RwSignal::new(false);
    let categories = lazy_options(categories_opened, refresh, move || {
        let (c, o) = (client.get_untracked(), owner.get_untracked());
        async move {
            let mut v = c.categories(o).await.unwrap_or_default();
            v.sort_by_key(|s| s.to_lowercase());
            v.into_iter().map(FilterOption::plain).collect()
        }
    });
    let assignees_opened = RwSignal::new(false);
    let assignee_query = RwSignal::new(String::new());
    let assignees = LocalResource::new(move || {
        let (wanted, q) = (assignees_opened.get(), assignee_query.get());
        let chosen = state.with_untracked(|s| s.params.assignees.clone());
        let (c, o) = (client.get_untracked(), owner.get_untracked());
        async move {
            if !wanted {
                return None;
            }
            let mut out = vec![FilterOption {
                value: NO_ASSIGNEES_FILTERING_KEYWORD.into(),
                label: "No assignees".into(),
                count: None,
            }];
            let uids: Vec<String> = chosen
                .into_iter()
                .filter(|u| u != NO_ASSIGNEES_FILTERING_KEYWORD)
                .collect();
            let mut profiles = if uids.is_empty() {
                Vec::new()
            } else {
                c.profiles(&uids).await.unwrap_or_default()
            };
            for p in c.suggest_profiles(&q, o).await.unwrap_or_default() {
                if !profiles.iter().any(|x| x.uid == p.uid) {
                    profiles.push(p);
                }
            }
            out.extend(profiles.iter().map(|p| FilterOption {
                value: p.uid.clone(),
                label: profile_name(p),
                count: None,
            }));
            Some(out)
        }
    });
    let assignee_options = Signal::derive(move || assignees.get().flatten());

    let range_from = Signal::derive(move || state.with(|s| s.params.from.clone()));
    let range_to = Signal::derive(move || state.with(|s| s.params.to.clone()));
    let active = move || state.with(ListState::active_filters) > 0;
    view! {
        <div class="cb-filters" role="group" aria-label="Filters" data-testid="cases-filters">
            <div class="cb-filter-group">
                <FilterButton
                    label=FilterKey::Status.label()
                    key=FilterKey::Status.key()
                    options=Signal::derive(move || Some(status_options(counts.get())))
                    selected=selected(FilterKey::Status)
                    on_change=set(FilterKey::Status)
                />
                <FilterButton
                    label=FilterKey::Severity.label()
                    key=FilterKey::Severity.key()
                    options=Signal::derive(move || Some(severity_options()))
                    selected=selected(FilterKey::Severity)
                    on_change=set(FilterKey::Severity)
                />
                <FilterButton
                    label=FilterKey::Tags.label()
                    key=FilterKey::Tags.key()
                    options=tags
                    selected=selected(FilterKey::Tags)
                    on_change=set(FilterKey::Tags)
                    searchable=true
                    opened=tags_opened
                />
                <FilterButton
                    label=FilterKey::Assignees.label()
                    key=FilterKey::Assignees.key()
                    options=assignee_options
                    selected=selected(FilterKey::Assignees)
                    on_change=set(FilterKey::Assignees)
                    searchable=true
                    opened=assignees_opened
                    query=assignee_query
                />
                <FilterButton
                    label=FilterKey::Reporters.label()
                    key=FilterKey::Reporters.key()
                    options=reporters
                    selected=selected(FilterKey::Reporters)
                    on_change=set(FilterKey::Reporters)
                    searchable=true
                    opened=reporters_opened
                />
                <FilterButton
                    label=FilterKey::Category.label()
                    key=FilterKey::Category.key()
                    options=categories
                    selected=selected(FilterKey::Category)
                    on_change=set(FilterKey::Category)
                    searchable=true
                    opened=categories_opened
                />
            </div>
            <DateRangeFilter
                from=range_from
                to=range_to
                on_change=Callback::new(move |(f, t)| {
                    on_change.run(state.get_untracked().with_range(f, t))
                })
            />
            <Show when=active>
                <button
                    type="button"
                    class="cb-btn cb-btn--link cb-filters__clear"
                    data-testid="clear-filters"
                    on:click=move |_| on_change.run(state.get_untracked().cleared())
                >
                    "Clear filters"
                </button>
            </Show>
        </div>
    }
}
