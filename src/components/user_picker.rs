//! A user search box for assignees: suggestions from `_suggest_user_profiles` (users who may
//! work on the owner's cases), arrow keys + Enter to pick, and a pasted profile uid accepted as
//! is when nothing matches. The parent decides what picking does (add to a form, or save).

use crate::context::use_client;
use casebook_api::Owner;
use casebook_api::security::UserProfile;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// A picked user: profile uid and the name to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickedUser {
    /// Profile uid (what assignees store).
    pub uid: String,
    /// Display name.
    pub name: String,
}

impl From<&UserProfile> for PickedUser {
    fn from(p: &UserProfile) -> Self {
        Self {
            uid: p.uid.clone(),
            name: profile_name(p),
        }
    }
}

/// Full name, else username.
pub fn profile_name(p: &UserProfile) -> String {
    p.user
        .full_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| p.user.username.clone())
}

/// Search input with a suggestion list.
#[component]
pub fn UserPicker(
    /// The owner whose cases the users must be able to update.
    owner: Owner,
    /// Profile uids not to offer (already assigned).
    #[prop(optional, into)]
    exclude: Signal<Vec<String>>,
    /// Called with the picked user.
    on_pick: Callback<PickedUser>,
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The input's accessible label.
    #[prop(into)]
    label: String,
    /// Disables the input (e.g. the assignee limit is reached).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let client = use_client();
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let listbox_id = format!("{id}-listbox");
    let results = LocalResource::new(move || {
        let q = text.get();
        let wanted = open.get();
        let c = client.get();
        async move {
            if !wanted {
                return Vec::new();
            }
            c.suggest_profiles(&q, owner).await.unwrap_or_default()
        }
    });
    let shown = Memo::new(move |_| {
        let ex = exclude.get();
        results
            .get()
            .unwrap_or_default()
            .into_iter()
            .filter(|p| !ex.contains(&p.uid))
            .map(|p| PickedUser::from(&p))
            .collect::<Vec<_>>()
    });
    let pick = move |u: PickedUser| {
        on_pick.run(u);
        text.set(String::new());
        active.set(None);
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let n = shown.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" => {
                ev.prevent_default();
                let chosen = active
                    .get()
                    .or((n == 1).then_some(0))
                    .and_then(|i| shown.with(|s| s.get(i).cloned()));
                match chosen {
                    Some(u) => pick(u),
                    None => {
                        // No match: accept a pasted profile uid as is.
                        let raw = text.get().trim().to_string();
                        if !raw.is_empty() && !raw.contains(char::is_whitespace) {
                            pick(PickedUser {
                                uid: raw.clone(),
                                name: raw,
                            });
                        }
                    }
                }
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-opt-{i}")
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || active.get().map(&option_id)
    };
    view! {
        <div class="cb-combo cb-user-picker">
            <input
                id=id.clone()
                class="cb-input"
                type="search"
                role="combobox"
                autocomplete="off"
                aria-label=label.clone()
                placeholder=label
                aria-autocomplete="list"
                aria-controls=listbox_id.clone()
                aria-expanded=move || (open.get() && shown.with(|s| !s.is_empty())).to_string()
                aria-activedescendant=active_descendant
                data-testid="user-picker"
                disabled=move || disabled.get()
                bind:value=text
                on:focus=move |_| open.set(true)
                on:input=move |_| {
                    open.set(true);
                    active.set(None);
                }
                on:blur=move |_| open.set(false)
                on:keydown=on_keydown
            />
            <ul
                id=listbox_id
                class="cb-combo__list"
                role="listbox"
                hidden=move || !open.get() || shown.with(Vec::is_empty)
            >
                {move || {
                    shown
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, u)| {
                            let chosen = u.clone();
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    class="cb-combo__option"
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        pick(chosen.clone());
                                    }
                                >
                                    {u.name}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
