//! Keyboard row navigation on the case list: `j`/`k` move the focus to the next/previous row's
//! title link (so Enter opens the case, like any link), `x` toggles the focused row's checkbox.
//!
//! Keys typed in a field, with a modifier, or while a dialog is open are left alone. The
//! listener lives as long as the page.

/// Where the focus goes for a key, given the focused row (if any) and the row count.
pub fn next_row(key: &str, current: Option<usize>, rows: usize) -> Option<usize> {
    if rows == 0 {
        return None;
    }
    match (key, current) {
        ("j", None) => Some(0),
        ("j", Some(i)) => Some((i + 1).min(rows - 1)),
        ("k", None) => Some(rows - 1),
        ("k", Some(i)) => Some(i.saturating_sub(1)),
        _ => None,
    }
}

/// Installs the listener for the current page (removed on cleanup).
#[cfg(target_arch = "wasm32")]
pub fn install() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let key = ev.key();
        if !matches!(key.as_str(), "j" | "k" | "x") {
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let active = doc.active_element();
        if let Some(a) = &active {
            let tag = a.tag_name().to_ascii_lowercase();
            if matches!(tag.as_str(), "input" | "textarea" | "select")
                || a.get_attribute("contenteditable")
                    .is_some_and(|v| v != "false")
            {
                return;
            }
        }
        if doc
            .query_selector("[aria-modal='true'], .cb-float")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        let Ok(rows) = doc.query_selector_all("[data-testid=cases-table] tr[data-testid=case-row]")
        else {
            return;
        };
        let n = rows.length() as usize;
        let current_row = active
            .as_ref()
            .and_then(|a| a.closest("tr[data-testid=case-row]").ok().flatten());
        let current = current_row.as_ref().and_then(|cur| {
            (0..n).find(|i| {
                rows.item(*i as u32)
                    .is_some_and(|r| r.is_same_node(Some(cur)))
            })
        });
        if key == "x" {
            if let Some(cb) = current_row
                .and_then(|r| r.query_selector("input[type=checkbox]").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                ev.prevent_default();
                cb.click();
            }
            return;
        }
        let Some(target) = next_row(&key, current, n) else {
            return;
        };
        let link = rows
            .item(target as u32)
            .and_then(|r| r.dyn_into::<web_sys::Element>().ok())
            .and_then(|r| r.query_selector("[data-row-link]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            ev.prevent_default();
            let _ = link.focus();
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            link.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Natively there is no window to listen on.
#[cfg(not(target_arch = "wasm32"))]
pub fn install() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn j_and_k_move_and_stop_at_the_ends() {
        assert_eq!(next_row("j", None, 3), Some(0));
        assert_eq!(next_row("j", Some(0), 3), Some(1));
        assert_eq!(next_row("j", Some(2), 3), Some(2));
        assert_eq!(next_row("k", Some(2), 3), Some(1));
        assert_eq!(next_row("k", Some(0), 3), Some(0));
        assert_eq!(next_row("k", None, 3), Some(2));
        assert_eq!(next_row("j", None, 0), None);
        assert_eq!(next_row("q", Some(1), 3), None);
    }
}
