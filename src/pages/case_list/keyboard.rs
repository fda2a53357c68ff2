//! Keyboard row navigation on the case list, through the shell's table-key contract
//! (`crate::shell::shortcuts::use_table_keys`): `j`/`k` move the focus to the next/previous row's
//! title link, so `Enter` opens the case like any focused link; an `Enter` the shell publishes
//! (focus inside a row but not on a control) opens that row.

/// Where the focus goes for a key, given the focused row (if any) and the row count.
// Used by the browser glue below; natively only the tests call it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
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

/// Follows the shell's table keys for the page's lifetime.
pub fn install() {
    use crate::shell::shortcuts::use_table_keys;
    use leptos::prelude::*;
    let keys = use_table_keys();
    Effect::new(move |prev: Option<u64>| {
        let press = keys.get();
        let seq = press.map_or(0, |p| p.seq);
        // The first run sees a press made before this page existed: skip it.
        if let (Some(prev), Some(p)) = (prev, press)
            && prev != seq
        {
            on_key(p.key);
        }
        seq
    });
}

#[cfg(target_arch = "wasm32")]
fn on_key(key: crate::shell::shortcuts::TableKey) {
    use crate::shell::shortcuts::TableKey;
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(rows) = doc.query_selector_all("[data-testid=cases-table] tr[data-testid=case-row]")
    else {
        return;
    };
    let n = rows.length() as usize;
    let current_row = doc
        .active_element()
        .and_then(|a| a.closest("tr[data-testid=case-row]").ok().flatten());
    let current = current_row.as_ref().and_then(|cur| {
        let cur: &web_sys::Node = cur;
        (0..n).find(|i| {
            rows.item(*i as u32)
                .is_some_and(|r| r.is_same_node(Some(cur)))
        })
    });
    let target = match key {
        TableKey::Next => next_row("j", current, n),
        TableKey::Previous => next_row("k", current, n),
        TableKey::Open => current,
    };
    let link = target
        .and_then(|t| rows.item(t as u32))
        .and_then(|r| r.dyn_into::<web_sys::Element>().ok())
        .and_then(|r| r.query_selector("[data-row-link]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(link) = link else { return };
    if key == TableKey::Open {
        link.click();
        return;
    }
    let _ = link.focus();
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    link.scroll_into_view_with_scroll_into_view_options(&opts);
}

#[cfg(not(target_arch = "wasm32"))]
fn on_key(_key: crate::shell::shortcuts::TableKey) {}

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
