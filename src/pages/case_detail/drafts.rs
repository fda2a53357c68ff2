//! Unsaved text on the case page (new comment, description, comment edits, title) kept in the
//! tab's sessionStorage, per space and case, so a reload or a conflict does not lose it.

/// The storage key of one draft.
pub fn key(space: &str, case_id: &str, slot: &str) -> String {
    format!("casebook.draft.{space}.{case_id}.{slot}")
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The saved draft, if any.
pub fn load(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        storage()?.get_item(key).ok()?.filter(|s| !s.is_empty())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Saves a draft; an empty text removes it.
pub fn save(key: &str, text: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = storage() {
        let _ = if text.is_empty() {
            s.remove_item(key)
        } else {
            s.set_item(key, text)
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, text);
}

/// Forgets a draft (after it was saved to the case).
pub fn clear(key: &str) {
    save(key, "");
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_scoped_by_space_and_case() {
        assert_eq!(
            super::key("sec", "c1", "comment"),
            "casebook.draft.sec.c1.comment"
        );
    }
}
