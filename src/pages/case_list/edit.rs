//! The "Edit tags" and "Edit assignees" flyouts, for one case or a selection (Kibana's
//! `EditTagsFlyout` / `EditAssigneesFlyout`).
//!
//! Each value shows whether it is on all, some or none of the cases; a click turns it on for all
//! or off for all. Saving reports only the values the user changed (added to all, removed from
//! all), so a value left "on some" stays as it is on each case.

use super::bulk::{Presence, presence};
use crate::client::Client;
use crate::components::flyout::{Flyout, FlyoutBody, FlyoutFooter};
use crate::components::user_picker::profile_name;
use casebook_api::limits::MAX_LENGTH_PER_TAG;
use casebook_api::{ListedCase, Owner};
use leptos::prelude::*;
use std::collections::HashMap;

/// What the user changed: values to add to every case and values to remove from every case.
pub type Edit = (Vec<String>, Vec<String>);

/// The next state of a checkbox when clicked.
pub fn next_presence(p: Presence) -> Presence {
    match p {
        Presence::All => Presence::None,
        Presence::Some | Presence::None => Presence::All,
    }
}

/// The changes between the initial and the chosen states.
pub fn diff(initial: &HashMap<String, Presence>, chosen: &HashMap<String, Presence>) -> Edit {
    let mut add: Vec<String> = Vec::new();
    let mut remove: Vec<String> = Vec::new();
    for (v, p) in chosen {
        let before = initial.get(v).copied().unwrap_or(Presence::None);
        match p {
            Presence::All if before != Presence::All => add.push(v.clone()),
            Presence::None if before != Presence::None => remove.push(v.clone()),
            _ => {}
        }
    }
    add.sort();
    remove.sort();
    (add, remove)
}

/// A checklist flyout over values with all/some/none states.
#[component]
fn PresenceFlyout(
    /// Heading.
    title: String,
    /// `data-testid` of the flyout.
    test_id: &'static str,
    /// `(value, label)` pairs to list.
    #[prop(into)]
    items: Signal<Vec<(String, String)>>,
    /// The states before editing.
    initial: HashMap<String, Presence>,
    /// The search text (the parent may fetch with it).
    search: RwSignal<String>,
    /// Offers "Add "x"" when the search text is not listed (tags).
    #[prop(optional)]
    allow_new: bool,
    /// Called with the changes.
    on_save: Callback<Edit>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let chosen = RwSignal::new(initial.clone());
    let added = RwSignal::new(Vec::<String>::new());
    let initial = StoredValue::new(initial);
    let shown = Memo::new(move |_| {
        let q = search.get().trim().to_lowercase();
        let mut list: Vec<(String, String)> =
            added.get().into_iter().map(|v| (v.clone(), v)).collect();
        for (v, l) in items.get() {
            if !list.iter().any(|(x, _)| *x == v) {
                list.push((v, l));
            }
        }
        list.retain(|(v, l)| {
            q.is_empty() || l.to_lowercase().contains(&q) || v.to_lowercase() == q
        });
        list
    });
    let new_value = move || {
        let t = search.get().trim().to_string();
        (allow_new && !t.is_empty() && t.chars().count() <= MAX_LENGTH_PER_TAG)
            .then_some(t)
            .filter(|t| !shown.with(|s| s.iter().any(|(v, _)| v == t)))
    };
    let state = move |v: &str| chosen.with(|c| c.get(v).copied().unwrap_or(Presence::None));
    let toggle = move |v: String| {
        chosen.update(|c| {
            let p = c.get(&v).copied().unwrap_or(Presence::None);
            c.insert(v, next_presence(p));
        })
    };
    let changes = move || initial.with_value(|i| chosen.with(|c| diff(i, c)));
    let changed = move || {
        let (a, r) = changes();
        a.len() + r.len()
    };
    view! {
        <Flyout title=title on_close test_id=test_id title_id=format!("{test_id}-title")>
            <FlyoutBody>
                <input
                    class="cb-input cb-edit__search"
                    type="search"
                    placeholder=if allow_new { "Search or add a tag" } else { "Search users" }
                    aria-label="Search"
                    data-testid=format!("{test_id}-search")
                    bind:value=search
                />
                <p class="cb-edit__summary cb-text-subdued">
                    {move || match changed() {
                        0 => "No changes yet".to_string(),
                        1 => "1 change".to_string(),
                        n => format!("{n} changes"),
                    }}
                </p>
                {move || {
                    new_value()
                        .map(|t| {
                            let label = format!("Add \"{t}\"");
                            view! {
                                <button
                                    type="button"
                                    class="cb-btn cb-btn--link cb-edit__add"
                                    data-testid=format!("{test_id}-add")
                                    on:click=move |_| {
                                        added.update(|a| a.insert(0, t.clone()));
                                        chosen.update(|c| { c.insert(t.clone(), Presence::All); });
                                        search.set(String::new());
                                    }
                                >
                                    {label}
                                </button>
                            }
                        })
                }}
                <ul class="cb-edit__list" role="group" aria-label=title_aria(allow_new)>
                    <For each=move || shown.get() key=|(v, _)| v.clone() let:item>
                        {
                            let (v, label) = item;
                            let (v1, v2, v3) = (v.clone(), v.clone(), v.clone());
                            view! {
                                <li>
                                    <label class="cb-checklist__item" data-testid=format!("{test_id}-item")>
                                        <input
                                            type="checkbox"
                                            data-value=v.clone()
                                            prop:checked=move || state(&v1) == Presence::All
                                            prop:indeterminate=move || state(&v2) == Presence::Some
                                            on:change=move |_| toggle(v3.clone())
                                        />
                                        <span class="cb-checklist__label">{label}</span>
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </FlyoutBody>
            <FlyoutFooter>
                <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| on_close.run(())>
                    "Cancel"
                </button>
                <button
                    type="button"
                    class="cb-btn cb-btn--fill"
                    data-testid=format!("{test_id}-save")
                    disabled=move || changed() == 0
                    on:click=move |_| on_save.run(changes())
                >
                    "Save selection"
                </button>
            </FlyoutFooter>
        </Flyout>
    }
}

fn title_aria(tags: bool) -> &'static str {
    if tags { "Tags" } else { "Assignees" }
}

fn initial_states(lists: &[Vec<String>]) -> HashMap<String, Presence> {
    let mut all: Vec<&String> = lists.iter().flatten().collect();
    all.sort();
    all.dedup();
    all.into_iter()
        .map(|v| (v.clone(), presence(lists.iter().map(Vec::as_slice), v)))
        .collect()
}

fn title_for(what: &str, cases: &[ListedCase]) -> String {
    match cases {
        [c] => format!("Edit {what}: {}", c.title),
        many => format!("Edit {what} of {} cases", many.len()),
    }
}

/// "Edit tags" for `cases`.
#[component]
pub fn EditTagsFlyout(
    /// The cases being edited.
    cases: Vec<ListedCase>,
    /// The API client.
    client: Client,
    /// The owner (for the existing tags).
    owner: Owner,
    /// Called with the changes.
    on_save: Callback<Edit>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let lists: Vec<Vec<String>> = cases.iter().map(|c| c.tags.clone()).collect();
    let initial = initial_states(&lists);
    let on_cases: Vec<String> = initial.keys().cloned().collect();
    let existing = LocalResource::new(move || {
        let c = client.clone();
        async move { c.tags(owner).await.unwrap_or_default() }
    });
    let items = Signal::derive(move || {
        let mut all = on_cases.clone();
        all.extend(existing.get().unwrap_or_default());
        all.sort_by_key(|s| s.to_lowercase());
        all.dedup();
        all.into_iter().map(|t| (t.clone(), t)).collect::<Vec<_>>()
    });
    view! {
        <PresenceFlyout
            title=title_for("tags", &cases)
            test_id="edit-tags"
            items
            initial
            search=RwSignal::new(String::new())
            allow_new=true
            on_save
            on_close
        />
    }
}

/// "Edit assignees" for `cases`.
#[component]
pub fn EditAssigneesFlyout(
    /// The cases being edited.
    cases: Vec<ListedCase>,
    /// The API client.
    client: Client,
    /// The owner (who may be assigned).
    owner: Owner,
    /// Called with the changes (profile uids).
    on_save: Callback<Edit>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let lists: Vec<Vec<String>> = cases
        .iter()
        .map(|c| c.assignees.iter().map(|a| a.uid.clone()).collect())
        .collect();
    let initial = initial_states(&lists);
    let assigned: Vec<String> = initial.keys().cloned().collect();
    let search = RwSignal::new(String::new());
    let found = LocalResource::new(move || {
        let (c, q, uids) = (client.clone(), search.get(), assigned.clone());
        async move {
            let mut known = if uids.is_empty() {
                Vec::new()
            } else {
                c.profiles(&uids).await.unwrap_or_default()
            };
            for p in c.suggest_profiles(&q, owner).await.unwrap_or_default() {
                if !known.iter().any(|k| k.uid == p.uid) {
                    known.push(p);
                }
            }
            let mut out: Vec<(String, String)> = known
                .iter()
                .map(|p| (p.uid.clone(), profile_name(p)))
                .collect();
            // Assigned uids without a profile still show (and can be removed).
            for u in uids {
                if !out.iter().any(|(v, _)| *v == u) {
                    out.push((u.clone(), u));
                }
            }
            out
        }
    });
    let items = Signal::derive(move || found.get().unwrap_or_default());
    view! {
        <PresenceFlyout
            title=title_for("assignees", &cases)
            test_id="edit-assignees"
            items
            initial
            search
            on_save
            on_close
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(v: &[(&str, Presence)]) -> HashMap<String, Presence> {
        v.iter().map(|(k, p)| (k.to_string(), *p)).collect()
    }

    #[test]
    fn clicking_cycles_to_all_then_none() {
        assert_eq!(next_presence(Presence::Some), Presence::All);
        assert_eq!(next_presence(Presence::All), Presence::None);
        assert_eq!(next_presence(Presence::None), Presence::All);
    }

    #[test]
    fn only_changes_are_reported() {
        let before = m(&[
            ("a", Presence::All),
            ("b", Presence::Some),
            ("c", Presence::Some),
        ]);
        let after = m(&[
            ("a", Presence::None),
            ("b", Presence::Some),
            ("c", Presence::All),
            ("new", Presence::All),
        ]);
        assert_eq!(
            diff(&before, &after),
            (vec!["c".into(), "new".into()], vec!["a".into()])
        );
        assert_eq!(diff(&before, &before), (vec![], vec![]));
    }

    #[test]
    fn initial_states_cover_every_value() {
        let s = initial_states(&[vec!["a".into(), "b".into()], vec!["a".into()]]);
        assert_eq!(s, m(&[("a", Presence::All), ("b", Presence::Some)]));
    }
}
