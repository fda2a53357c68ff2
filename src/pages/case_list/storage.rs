//! What the list remembers per solution in localStorage: the last query (restored when the list
//! opens without one) and the column choices.

use super::state::ListState;
use casebook_api::Owner;

/// localStorage key of the last list query of an owner.
pub fn state_key(owner: Owner) -> String {
    format!("casebook.cases.{}.listState", owner.as_str())
}

/// The query to restore when the list opens: the remembered one, but only when the URL has
/// none (an explicit URL always wins) and only after cleaning it like any other URL.
pub fn restored_query(current: &str, remembered: Option<&str>) -> Option<String> {
    if !current.trim_start_matches('?').is_empty() {
        return None;
    }
    let q = ListState::from_query(remembered?).to_query();
    (!q.is_empty()).then_some(q)
}

/// localStorage key of an owner's column choices.
pub fn columns_key(owner: Owner) -> String {
    format!("casebook.cases.{}.columns", owner.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_state_only_fills_an_empty_url() {
        assert_eq!(restored_query("", Some("tags=a")), Some("tags=a".into()));
        assert_eq!(restored_query("?", Some("tags=a")), Some("tags=a".into()));
        assert_eq!(restored_query("status=open", Some("tags=a")), None);
        assert_eq!(restored_query("", None), None);
        assert_eq!(restored_query("", Some("")), None);
        assert_eq!(restored_query("", Some("foo=bar")), None);
        assert_eq!(
            state_key(Owner::Observability),
            "casebook.cases.observability.listState"
        );
        assert_eq!(columns_key(Owner::Cases), "casebook.cases.cases.columns");
    }
}
