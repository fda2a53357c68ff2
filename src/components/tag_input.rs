//! A multi-value combo box for tags: chips for the chosen values, a text input that adds a value
//! on Enter, comma or blur, and a suggestion list navigable with the arrow keys (WAI-ARIA
//! combobox pattern). Values are trimmed and de-duplicated; validation is the parent's.

use crate::components::Tag;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// Adds `raw` (trimmed) to `values` unless it is empty or already there. Returns whether it did.
pub fn add_value(values: &mut Vec<String>, raw: &str) -> bool {
    let v = raw.trim();
    if v.is_empty() || values.iter().any(|x| x == v) {
        return false;
    }
    values.push(v.to_string());
    true
}

/// The suggestions to offer for `query`: not chosen yet, containing the query
/// (case-insensitive), at most `limit`.
pub fn filter_suggestions(
    all: &[String],
    chosen: &[String],
    query: &str,
    limit: usize,
) -> Vec<String> {
    let q = query.trim().to_lowercase();
    all.iter()
        .filter(|s| !chosen.contains(s))
        .filter(|s| q.is_empty() || s.to_lowercase().contains(&q))
        .take(limit)
        .cloned()
        .collect()
}

/// Chips plus an input with suggestions.
#[component]
pub fn TagInput(
    /// The chosen values.
    values: RwSignal<Vec<String>>,
    /// Values to suggest (e.g. the owner's existing tags).
    #[prop(optional, into)]
    suggestions: Signal<Vec<String>>,
    /// The input's id (the parent's `<label for>` points at it).
    #[prop(into)]
    id: String,
    /// Placeholder of the input.
    #[prop(optional, into)]
    placeholder: String,
    /// Marks the field invalid.
    #[prop(optional, into)]
    invalid: Signal<bool>,
    /// Id of the element describing the field (error or help).
    #[prop(optional, into)]
    described_by: Option<String>,
    /// `data-testid` of the input.
    #[prop(optional, into)]
    test_id: String,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let listbox_id = format!("{id}-listbox");
    let shown = Memo::new(move |_| {
        suggestions
            .with(|all| values.with(|chosen| text.with(|q| filter_suggestions(all, chosen, q, 8))))
    });
    let commit = move |raw: String| {
        values.update(|v| {
            add_value(v, &raw);
        });
        text.set(String::new());
        active.set(None);
        // Closed until the user types or presses ArrowDown again: an open list would cover
        // what sits below the field (the sidebar's Save button), and a click there would pick
        // a suggestion instead.
        open.set(false);
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let n = shown.with(Vec::len);
        match ev.key().as_str() {
            "Enter" | "," => {
                ev.prevent_default();
                let picked = active.get().and_then(|i| shown.with(|s| s.get(i).cloned()));
                commit(picked.unwrap_or_else(|| text.get()));
            }
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            "Backspace" if text.with(String::is_empty) => {
                values.update(|v| {
                    v.pop();
                });
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
        <div class="cb-combo" class:cb-combo--invalid=move || invalid.get()>
            <div class="cb-combo__control">
                <For each=move || values.get() key=|v| v.clone() let:v>
                    <Tag
                        label=v
                        on_remove=Callback::new(move |x: String| values.update(|vs| vs.retain(|y| *y != x)))
                    />
                </For>
                <input
                    id=id.clone()
                    class="cb-combo__input"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-controls=listbox_id.clone()
                    aria-expanded=move || (open.get() && shown.with(|s| !s.is_empty())).to_string()
                    aria-activedescendant=active_descendant
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby=described_by
                    placeholder=placeholder
                    data-testid=test_id
                    bind:value=text
                    on:focus=move |_| open.set(true)
                    on:input=move |_| {
                        open.set(true);
                        active.set(None);
                    }
                    on:blur=move |_| {
                        open.set(false);
                        let t = text.get_untracked();
                        if !t.trim().is_empty() {
                            commit(t);
                        }
                    }
                    on:keydown=on_keydown
                />
            </div>
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
                        .map(|(i, s)| {
                            let pick = s.clone();
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    class="cb-combo__option"
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    // mousedown, not click: the input must not blur first.
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        commit(pick.clone());
                                    }
                                >
                                    {s}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_trims_and_dedupes() {
        let mut v = vec!["a".to_string()];
        assert!(!add_value(&mut v, " a "));
        assert!(!add_value(&mut v, "   "));
        assert!(add_value(&mut v, " b "));
        assert_eq!(v, ["a", "b"]);
    }

    #[test]
    fn suggestions_skip_chosen_and_match_case_insensitively() {
        let all: Vec<String> = ["Phishing", "malware", "phone"].map(String::from).to_vec();
        let chosen = vec!["phone".to_string()];
        assert_eq!(filter_suggestions(&all, &chosen, "PH", 8), ["Phishing"]);
        assert_eq!(filter_suggestions(&all, &[], "", 2).len(), 2);
    }
}
