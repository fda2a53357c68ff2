//! [`Popover`] (a button that opens a panel under it) and [`ContextMenu`] (a popover whose panel
//! is an ARIA menu of [`MenuItem`]s and [`MenuLink`]s).
//!
//! Keyboard: Enter/Space on the trigger opens; in a menu, focus goes to the first item, arrows,
//! Home and End move, Enter activates; Escape closes and returns focus to the trigger; Tab or a
//! click outside closes. Items close the menu when chosen.

use super::focus::{FOCUSABLE, focusables, roving_focus};
use super::modal::unique_id;
use leptos::ev::{self, KeyboardEvent};
use leptos::html::{Button, Div};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Closes the enclosing popover (provided to its panel's children).
#[derive(Clone, Copy)]
pub struct PopoverClose(pub Callback<()>);

const MENU_ITEMS: &str = "[role^='menuitem']:not([aria-disabled='true'])";

/// A trigger button and a panel that opens under it.
#[component]
pub fn Popover(
    /// What the trigger button shows (text, avatar, icon).
    #[prop(into)]
    trigger: ViewFn,
    /// Accessible name of the trigger, when its content is not text.
    #[prop(optional, into)]
    aria_label: Option<Signal<String>>,
    /// Class of the trigger button (default `cb-btn cb-btn--empty`).
    #[prop(optional, into)]
    trigger_class: Option<String>,
    /// Aligns the panel with the trigger's right edge (controls at the right of a bar).
    #[prop(optional)]
    align_right: bool,
    /// Open state, to open or close it from outside; an internal one otherwise.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
    /// Makes the panel an ARIA menu with arrow-key navigation (see [`ContextMenu`]).
    #[prop(optional)]
    menu: bool,
    /// `data-testid` of the trigger; the panel gets `<id>-panel`.
    #[prop(optional, into)]
    test_id: Option<String>,
    /// The panel's content.
    children: ChildrenFn,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(false));
    let root = NodeRef::<Div>::new();
    let panel = NodeRef::<Div>::new();
    let button = NodeRef::<Button>::new();
    let panel_id = unique_id("cb-popover");
    let close_and_focus = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    provide_context(PopoverClose(Callback::new(move |_| close_and_focus())));

    // Focus the first item (menu) or control (panel) when the panel appears.
    Effect::new(move |_| {
        if let Some(p) = panel.get() {
            let sel = if menu { MENU_ITEMS } else { FOCUSABLE };
            if let Some(first) = focusables(&p, sel).into_iter().next() {
                let _ = first.focus();
            }
        }
    });

    // A press outside closes it.
    let handle = window_event_listener(ev::mousedown, move |e| {
        if !open.get_untracked() {
            return;
        }
        let inside = match (root.get_untracked(), e.target()) {
            (Some(r), Some(t)) => t
                .dyn_ref::<web_sys::Node>()
                .is_some_and(|n| r.contains(Some(n))),
            _ => false,
        };
        if !inside {
            open.set(false);
        }
    });
    on_cleanup(move || handle.remove());

    let on_panel_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            close_and_focus();
        }
        "Tab" => open.set(false),
        key if menu => {
            if let Some(p) = panel.get_untracked()
                && roving_focus(&focusables(&p, MENU_ITEMS), key)
            {
                ev.prevent_default();
            }
        }
        _ => {}
    };
    let on_trigger_keydown = move |ev: KeyboardEvent| {
        if menu && ev.key() == "ArrowDown" && !open.get_untracked() {
            ev.prevent_default();
            open.set(true);
        } else if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            open.set(false);
        }
    };
    // ContextMenu forwards "" for "none".
    let test_id = test_id.filter(|t| !t.is_empty());
    let panel_test_id = test_id.as_ref().map(|t| format!("{t}-panel"));
    let panel_id = StoredValue::new(panel_id);
    let panel_test_id = StoredValue::new(panel_test_id);
    view! {
        <div class="cb-popover" node_ref=root>
            <button
                type="button"
                class=trigger_class.unwrap_or_else(|| "cb-btn cb-btn--empty".into())
                aria-haspopup=if menu { "menu" } else { "dialog" }
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.get_value()
                aria-label=move || aria_label.map(|l| l.get()).filter(|l| !l.is_empty())
                data-testid=test_id
                node_ref=button
                on:click=move |_| open.update(|o| *o = !*o)
                on:keydown=on_trigger_keydown
            >
                {trigger.run()}
            </button>
            <Show when=move || open.get()>
                <div
                    id=panel_id.get_value()
                    class="cb-popover__panel"
                    class:cb-popover__panel--right=align_right
                    role=menu.then_some("menu")
                    data-testid=panel_test_id.get_value()
                    node_ref=panel
                    on:keydown=on_panel_keydown
                >
                    {children()}
                </div>
            </Show>
        </div>
    }
}

/// A button that opens a menu of [`MenuItem`]s / [`MenuLink`]s (a [`Popover`] with `menu`).
#[component]
pub fn ContextMenu(
    /// What the trigger button shows.
    #[prop(into)]
    trigger: ViewFn,
    /// Accessible name of the trigger, when its content is not text.
    #[prop(optional, into)]
    aria_label: Option<Signal<String>>,
    /// Class of the trigger button (default `cb-btn cb-btn--empty`).
    #[prop(optional, into)]
    trigger_class: Option<String>,
    /// Aligns the menu with the trigger's right edge.
    #[prop(optional)]
    align_right: bool,
    /// Open state, to control it from outside.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
    /// `data-testid` of the trigger; the menu gets `<id>-panel`.
    #[prop(optional, into)]
    test_id: Option<String>,
    /// The items.
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <Popover
            trigger
            aria_label=aria_label.unwrap_or_default()
            trigger_class=trigger_class.unwrap_or_else(|| "cb-btn cb-btn--empty".into())
            align_right
            open=open.unwrap_or_else(|| RwSignal::new(false))
            menu=true
            test_id=test_id.unwrap_or_default()
        >
            {children()}
        </Popover>
    }
}

/// A menu entry that runs an action (and closes the menu).
#[component]
pub fn MenuItem(
    /// Called when chosen.
    #[prop(into)]
    on_select: Callback<()>,
    /// Makes it a radio item (`menuitemradio`) showing a check mark when true.
    #[prop(optional, into)]
    checked: Option<Signal<bool>>,
    /// Styles it as destructive.
    #[prop(optional)]
    danger: bool,
    /// Disables it.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// `data-testid`.
    #[prop(optional, into)]
    test_id: Option<String>,
    /// The label.
    children: Children,
) -> impl IntoView {
    let close = use_context::<PopoverClose>();
    view! {
        <button
            type="button"
            class="cb-menu__item"
            class:cb-menu__item--danger=danger
            role=if checked.is_some() { "menuitemradio" } else { "menuitem" }
            aria-checked=move || checked.map(|c| c.get().to_string())
            aria-disabled=move || disabled.get().then_some("true")
            tabindex="-1"
            data-testid=test_id
            on:click=move |_| {
                if disabled.get_untracked() {
                    return;
                }
                if let Some(PopoverClose(c)) = close {
                    c.run(());
                }
                on_select.run(());
            }
        >
            {checked
                .map(|c| {
                    view! {
                        <span class="cb-menu__check" aria-hidden="true">
                            {move || if c.get() { "✓" } else { "" }}
                        </span>
                    }
                })}
            <span class="cb-menu__label">{children()}</span>
        </button>
    }
}

/// A menu entry that navigates (an `<a>`, so it can be opened in a new tab).
#[component]
pub fn MenuLink(
    /// Where it goes (a path from `crate::routes`).
    #[prop(into)]
    href: Signal<String>,
    /// Marks the current place (`aria-current="page"` and a check mark).
    #[prop(optional, into)]
    current: Signal<bool>,
    /// `data-testid`.
    #[prop(optional, into)]
    test_id: Option<String>,
    /// The label.
    children: Children,
) -> impl IntoView {
    let close = use_context::<PopoverClose>();
    view! {
        <a
            class="cb-menu__item"
            role="menuitem"
            href=move || href.get()
            aria-current=move || current.get().then_some("page")
            tabindex="-1"
            data-testid=test_id
            on:click=move |_| {
                if let Some(PopoverClose(c)) = close {
                    c.run(());
                }
            }
        >
            <span class="cb-menu__check" aria-hidden="true">
                {move || if current.get() { "✓" } else { "" }}
            </span>
            <span class="cb-menu__label">{children()}</span>
        </a>
    }
}

/// A heading inside a menu ("Theme").
#[component]
pub fn MenuTitle(
    /// The heading.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    view! { <div class="cb-menu__title" role="presentation">{move || label.get()}</div> }
}

/// A line between groups of menu items.
#[component]
pub fn MenuSeparator() -> impl IntoView {
    view! { <div class="cb-menu__separator" role="separator"></div> }
}
