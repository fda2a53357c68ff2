//! An action menu with nested panels, like EUI's context menu: "Status ▸" slides to the list of
//! statuses with a back button. Used for each row's "…" menu and the selection's bulk menu.
//!
//! Keyboard: arrows move between items, Right/Enter opens a nested panel, Left goes back,
//! Escape closes (focus returns to the trigger). Choosing an item closes the menu and reports
//! the [`ListAction`]; the page decides what it does.

use super::entries::{Entry, ListAction};
use super::popover::{Popover, PopoverTrigger};
use leptos::ev::KeyboardEvent;
use leptos::html::Div;
use leptos::prelude::*;

/// The entries of the panel at `path` (indices of nested panels), and its title.
pub fn panel_at(entries: &[Entry], path: &[usize]) -> (Option<&'static str>, Vec<Entry>) {
    let mut current = entries;
    let mut title = None;
    for &i in path {
        match current.get(i) {
            Some(Entry::Panel { label, entries, .. }) => {
                title = Some(*label);
                current = entries;
            }
            _ => return (None, entries.to_vec()),
        }
    }
    (title, current.to_vec())
}

#[cfg(target_arch = "wasm32")]
fn move_focus(panel: &web_sys::HtmlElement, step: i32) {
    use wasm_bindgen::JsCast;
    let Ok(items) = panel.query_selector_all("[role^=menuitem]") else {
        return;
    };
    let n = items.length() as i32;
    if n == 0 {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let mut at = -1;
    for i in 0..n {
        if let (Some(a), Some(node)) = (&active, items.item(i as u32))
            && node.is_same_node(Some(a))
        {
            at = i;
        }
    }
    let next = if at < 0 && step < 0 {
        n - 1
    } else {
        (at + step).rem_euclid(n)
    };
    if let Some(el) = items
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A trigger button and its menu.
#[component]
pub fn ActionMenu(
    /// The entries.
    #[prop(into)]
    entries: Signal<Vec<Entry>>,
    /// Called with the chosen action.
    on_select: Callback<ListAction>,
    /// What the trigger shows.
    #[prop(into)]
    trigger: ViewFn,
    /// The trigger's class.
    #[prop(into)]
    trigger_class: String,
    /// The trigger's accessible name.
    #[prop(into)]
    aria_label: String,
    /// `data-testid` of the trigger (the panel gets `<id>-panel`).
    #[prop(into)]
    test_id: String,
    /// Aligns the menu's right edge with the trigger's.
    #[prop(optional)]
    align_end: bool,
    /// Disables the trigger.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let panel_test_id = format!("{test_id}-panel");
    view! {
        <Popover open align_end class="cb-menu-float" test_id=panel_test_id>
            <PopoverTrigger slot>
                <button
                    type="button"
                    class=trigger_class.clone()
                    aria-label=aria_label.clone()
                    aria-haspopup="menu"
                    aria-expanded=move || open.get().to_string()
                    data-testid=test_id.clone()
                    disabled=move || disabled.get()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {trigger.run()}
                </button>
            </PopoverTrigger>
            {Suspend::new(super::lazy::menu_panel(entries, on_select, open))}
        </Popover>
    }
}

/// The open menu (created when the menu opens, so a closed one costs nothing).
#[component]
pub fn MenuPanel(
    /// The entries.
    entries: Signal<Vec<Entry>>,
    /// Called with the chosen action.
    on_select: Callback<ListAction>,
    /// Set to false to close.
    open: RwSignal<bool>,
) -> impl IntoView {
    let path = RwSignal::new(Vec::<usize>::new());
    let panel_ref = NodeRef::<Div>::new();
    // Focus the first item whenever the panel changes.
    Effect::new(move |_| {
        path.track();
        #[cfg(target_arch = "wasm32")]
        if let Some(p) = panel_ref.get() {
            use wasm_bindgen::JsCast;
            if let Ok(Some(el)) = p.query_selector("[role^=menuitem]")
                && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = el.focus();
            }
        }
    });
    let current = Memo::new(move |_| entries.with(|e| path.with(|p| panel_at(e, p))));
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            #[cfg(target_arch = "wasm32")]
            if let Some(p) = panel_ref.get_untracked() {
                move_focus(&p, if ev.key() == "ArrowDown" { 1 } else { -1 });
            }
        }
        "ArrowLeft" if path.with_untracked(|p| !p.is_empty()) => {
            ev.prevent_default();
            path.update(|p| {
                p.pop();
            });
        }
        _ => {}
    };
    view! {
        <div role="menu" class="cb-menu__panel" node_ref=panel_ref on:keydown=on_keydown>
            {move || {
                let (title, list) = current.get();
                let back = title.map(|t| {
                    view! {
                        <button
                            type="button"
                            role="menuitem"
                            class="cb-menu__item cb-menu__back"
                            on:click=move |_| path.update(|p| { p.pop(); })
                        >
                            <span aria-hidden="true">"‹ "</span>
                            {t}
                        </button>
                    }
                });
                let items = list
                    .into_iter()
                    .enumerate()
                    .map(|(i, e)| match e {
                        Entry::Separator => view! { <div class="cb-menu__separator" role="separator"></div> }.into_any(),
                        Entry::Panel { label, test_id, .. } => {
                            let go = move || path.update(|p| p.push(i));
                            view! {
                                <button
                                    type="button"
                                    role="menuitem"
                                    aria-haspopup="menu"
                                    class="cb-menu__item"
                                    data-testid=test_id
                                    on:click=move |_| go()
                                    on:keydown=move |ev: KeyboardEvent| {
                                        if ev.key() == "ArrowRight" {
                                            ev.prevent_default();
                                            go();
                                        }
                                    }
                                >
                                    <span class="cb-menu__check" aria-hidden="true"></span>
                                    <span class="cb-menu__label">{label}</span>
                                    <span class="cb-menu__chevron" aria-hidden="true">"›"</span>
                                </button>
                            }
                            .into_any()
                        }
                        Entry::Item { label, test_id, action, danger, checked } => {
                            view! {
                                <button
                                    type="button"
                                    role=if checked.is_some() { "menuitemradio" } else { "menuitem" }
                                    aria-checked=checked.map(|c| c.to_string())
                                    class="cb-menu__item"
                                    class:cb-menu__item--danger=danger
                                    data-testid=test_id
                                    on:click=move |_| {
                                        open.set(false);
                                        on_select.run(action.clone());
                                    }
                                >
                                    <span class="cb-menu__check" aria-hidden="true">
                                        {(checked == Some(true)).then_some("✓")}
                                    </span>
                                    <span class="cb-menu__label">{label}</span>
                                </button>
                            }
                            .into_any()
                        }
                    })
                    .collect_view();
                view! { {back} {items} }
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::case_list::entries::row_entries;
    use casebook_api::case::{Severity, Status};

    #[test]
    fn panels_resolve_by_path() {
        let caps = casebook_api::security::CasesCapabilities {
            update_cases: true,
            ..Default::default()
        };
        let e = row_entries(Status::Open, Severity::Low, &caps);
        let (title, root) = panel_at(&e, &[]);
        assert_eq!(title, None);
        assert_eq!(root.len(), e.len());
        let (title, statuses) = panel_at(&e, &[0]);
        assert_eq!(title, Some("Status"));
        assert_eq!(statuses.len(), 3);
        // A stale path (entries changed) falls back to the root.
        assert_eq!(panel_at(&e, &[9]).1.len(), e.len());
    }
}
