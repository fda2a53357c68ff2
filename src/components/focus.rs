//! Focus helpers for overlays (modals, popovers, menus): find focusable elements, keep Tab inside
//! a dialog, and remember where focus was so it can go back when the overlay closes.
//! Only called from event handlers and effects in the browser.

use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// What Tab can reach inside an overlay.
pub const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// The focusable elements under `root`, in document order.
pub fn focusables(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(selector) else {
        return vec![];
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The element that has focus, if any (not `<body>`).
pub fn active_element() -> Option<HtmlElement> {
    let doc = web_sys::window()?.document()?;
    let el = doc.active_element()?;
    if doc.body().is_some_and(|b| b.is_same_node(Some(&el))) {
        return None;
    }
    el.dyn_into::<HtmlElement>().ok()
}

/// Whether `el` is `root` or inside it.
pub fn contains(root: &Element, el: &Element) -> bool {
    root.contains(Some(el))
}

/// Keeps Tab and Shift+Tab cycling inside `root` (a modal). Call from its keydown handler.
pub fn trap_tab(root: &Element, ev: &KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let items = focusables(root, FOCUSABLE);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = active_element();
    let at = |el: &HtmlElement| active.as_ref().is_some_and(|a| a.is_same_node(Some(el)));
    let outside = active.as_ref().is_none_or(|a| !contains(root, a));
    if ev.shift_key() && (at(first) || outside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || outside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// Moves focus among `items` for arrow keys, Home and End (menus). Returns whether it handled
/// the key.
pub fn roving_focus(items: &[HtmlElement], key: &str) -> bool {
    if items.is_empty() {
        return false;
    }
    let active = active_element();
    let current = items
        .iter()
        .position(|i| active.as_ref().is_some_and(|a| a.is_same_node(Some(i))));
    let next = match key {
        "ArrowDown" => current.map_or(0, |c| (c + 1) % items.len()),
        "ArrowUp" => current.map_or(items.len() - 1, |c| (c + items.len() - 1) % items.len()),
        "Home" => 0,
        "End" => items.len() - 1,
        _ => return false,
    };
    let _ = items[next].focus();
    true
}
