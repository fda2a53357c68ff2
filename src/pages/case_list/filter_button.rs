//! A multi-select filter button like EUI's filter group: the label with the number of chosen
//! values, and a popover with a search field and a checklist. Each click applies at once (the
//! list follows the URL), so there is no "Apply" button.

use super::popover::{Popover, PopoverTrigger};
use leptos::prelude::*;

/// A multi-value filter of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FilterKey {
    /// `status`.
    Status,
    /// `severity`.
    Severity,
    /// `tags`.
    Tags,
    /// `assignees` (profile uids, `none` for unassigned).
    Assignees,
    /// `reporters` (usernames).
    Reporters,
    /// `category`.
    Category,
}

impl FilterKey {
    /// Every filter, in the order the filter bar shows them.
    pub const ALL: [FilterKey; 6] = [
        FilterKey::Status,
        FilterKey::Severity,
        FilterKey::Tags,
        FilterKey::Assignees,
        FilterKey::Reporters,
        FilterKey::Category,
    ];

    /// The button label.
    pub fn label(self) -> &'static str {
        match self {
            FilterKey::Status => "Status",
            FilterKey::Severity => "Severity",
            FilterKey::Tags => "Tags",
            FilterKey::Assignees => "Assignees",
            FilterKey::Reporters => "Reporter",
            FilterKey::Category => "Category",
        }
    }

    /// The query key (also used in `data-testid`s).
    pub fn key(self) -> &'static str {
        match self {
            FilterKey::Status => "status",
            FilterKey::Severity => "severity",
            FilterKey::Tags => "tags",
            FilterKey::Assignees => "assignees",
            FilterKey::Reporters => "reporters",
            FilterKey::Category => "category",
        }
    }
}

/// One choice of a filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterOption {
    /// The wire value (`open`, a tag, a profile uid, `none`).
    pub value: String,
    /// What the user reads.
    pub label: String,
    /// A count shown at the right (status filter).
    pub count: Option<usize>,
}

impl FilterOption {
    /// An option whose label is its value.
    pub fn plain(v: impl Into<String>) -> Self {
        let value = v.into();
        Self {
            label: value.clone(),
            value,
            count: None,
        }
    }
}

/// `selected` with `value` added or removed.
pub fn toggled(selected: &[String], value: &str) -> Vec<String> {
    if selected.iter().any(|s| s == value) {
        selected.iter().filter(|s| *s != value).cloned().collect()
    } else {
        let mut v = selected.to_vec();
        v.push(value.to_string());
        v
    }
}

/// The options to list: matches of `query` (case-insensitive, on the label), chosen ones that
/// are not among `options` (so a value from the URL can still be unticked), at most `limit`.
pub fn visible_options(
    options: &[FilterOption],
    selected: &[String],
    query: &str,
    limit: usize,
) -> Vec<FilterOption> {
    let q = query.trim().to_lowercase();
    let mut out: Vec<FilterOption> = selected
        .iter()
        .filter(|s| !options.iter().any(|o| &o.value == *s))
        .map(|s| FilterOption::plain(s.clone()))
        .collect();
    out.extend(options.iter().cloned());
    out.retain(|o| q.is_empty() || o.label.to_lowercase().contains(&q));
    out.truncate(limit);
    out
}

/// A filter button with its checklist popover.
#[component]
pub fn FilterButton(
    /// The button text ("Status").
    label: &'static str,
    /// Used in `data-testid`s (`filter-status`, `filter-status-option-open`).
    key: &'static str,
    /// The choices; `None` while they load.
    #[prop(into)]
    options: Signal<Option<Vec<FilterOption>>>,
    /// The chosen values.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// Called with the new chosen values.
    on_change: Callback<Vec<String>>,
    /// Shows a search field above the list.
    #[prop(optional)]
    searchable: bool,
    /// Set to true the first time the popover opens (lets the parent load options lazily).
    #[prop(optional)]
    opened: Option<RwSignal<bool>>,
    /// The search text (lets the parent ask the server for matches).
    #[prop(optional)]
    query: Option<RwSignal<String>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let query = query.unwrap_or_else(|| RwSignal::new(String::new()));
    Effect::new(move |_| {
        if open.get()
            && let Some(o) = opened
            && !o.get_untracked()
        {
            o.set(true);
        }
    });
    let count = move || selected.with(Vec::len);
    view! {
        <Popover open class="cb-filter-popover" test_id=format!("filter-{key}-popover")>
            <PopoverTrigger slot>
                <button
                    type="button"
                    class="cb-filter-btn"
                    class:cb-filter-btn--active=move || selected.with(|s| !s.is_empty())
                    aria-haspopup="true"
                    aria-expanded=move || open.get().to_string()
                    data-testid=format!("filter-{key}")
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span>{label}</span>
                    <Show when=move || { count() > 0 }>
                        <span class="cb-filter-btn__count" aria-label="selected">{count}</span>
                    </Show>
                    <span class="cb-filter-btn__caret" aria-hidden="true">"▾"</span>
                </button>
            </PopoverTrigger>
            {Suspend::new(super::lazy::filter_panel(FilterPanelProps {
                label,
                key,
                options,
                selected,
                on_change,
                searchable,
                query,
            }))}
        </Popover>
    }
}

/// An open filter popover: the search field, the checklist and the "Clear" footer.
#[component]
pub fn FilterPanel(
    /// The button text.
    label: &'static str,
    /// Used in `data-testid`s.
    key: &'static str,
    /// The choices; `None` while they load.
    options: Signal<Option<Vec<FilterOption>>>,
    /// The chosen values.
    selected: Signal<Vec<String>>,
    /// Called with the new chosen values.
    on_change: Callback<Vec<String>>,
    /// Shows a search field above the list.
    searchable: bool,
    /// The search text.
    query: RwSignal<String>,
) -> impl IntoView {
    let count = move || selected.with(Vec::len);
    let shown = Memo::new(move |_| {
        options.with(|o| {
            o.as_ref()
                .map(|o| selected.with(|s| query.with(|q| visible_options(o, s, q, 200))))
        })
    });
    view! {
            {searchable
                .then(|| {
                    view! {
                        <input
                            class="cb-input cb-filter-popover__search"
                            type="search"
                            placeholder=format!("Search {}", label.to_lowercase())
                            aria-label=format!("Search {}", label.to_lowercase())
                            data-testid=format!("filter-{key}-search")
                            bind:value=query
                        />
                    }
                })}
            <div class="cb-filter-popover__list" role="group" aria-label=label>
                {move || match shown.get() {
                    None => view! { <p class="cb-filter-popover__note">"Loading…"</p> }.into_any(),
                    Some(list) if list.is_empty() => {
                        view! { <p class="cb-filter-popover__note">"No options"</p> }.into_any()
                    }
                    Some(list) => {
                        list.into_iter()
                            .map(|o| {
                                let v = o.value.clone();
                                let v2 = o.value.clone();
                                view! {
                                    <label class="cb-checklist__item">
                                        <input
                                            type="checkbox"
                                            data-testid=format!("filter-{key}-option-{}", o.value)
                                            prop:checked=move || selected.with(|s| s.contains(&v))
                                            on:change=move |_| {
                                                on_change.run(toggled(&selected.get_untracked(), &v2))
                                            }
                                        />
                                        <span class="cb-checklist__label">{o.label}</span>
                                        {o.count.map(|c| view! { <span class="cb-checklist__count">{c}</span> })}
                                    </label>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }
                }}
            </div>
            <Show when=move || { count() > 0 }>
                <div class="cb-filter-popover__footer">
                    <span class="cb-text-subdued">{move || format!("{} selected", count())}</span>
                    <button
                        type="button"
                        class="cb-btn cb-btn--link"
                        data-testid=format!("filter-{key}-clear")
                        on:click=move |_| on_change.run(Vec::new())
                    >
                        "Clear"
                    </button>
                </div>
            </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(v: &[&str]) -> Vec<FilterOption> {
        v.iter().map(|s| FilterOption::plain(*s)).collect()
    }

    #[test]
    fn toggling_adds_and_removes() {
        let s = toggled(&[], "a");
        assert_eq!(s, ["a"]);
        let s = toggled(&s, "b");
        assert_eq!(s, ["a", "b"]);
        assert_eq!(toggled(&s, "a"), ["b"]);
    }

    #[test]
    fn search_matches_labels_and_keeps_unknown_selections() {
        let all = opts(&["Phishing", "malware", "phone"]);
        let v = visible_options(&all, &[], "PH", 10);
        assert_eq!(v.len(), 2);
        let v = visible_options(&all, &["from-url".into()], "", 10);
        assert_eq!(v[0].value, "from-url");
        assert_eq!(v.len(), 4);
        assert_eq!(visible_options(&all, &[], "", 2).len(), 2);
    }
}
