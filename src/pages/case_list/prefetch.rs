//! The first page of cases, asked for as the app starts when it opens on a case list, so the
//! request runs while the shell and the page are built (tens of ms of a cold load) instead of
//! after them. The page takes the answer if its first query is the same one; otherwise the
//! early answer is dropped.

use super::owner_of;
use super::state::ListState;
use super::storage::{restored_query, state_key};
use crate::client::ClientResult;
use crate::routes::{Solution, space_of_path, strip_space};
use casebook_api::ListedCase;
use casebook_api::find::{CasesFindParams, CasesFindResponse};
use futures::channel::oneshot;
use std::cell::RefCell;

/// An early `_find` answer on its way.
pub type EarlyPage = oneshot::Receiver<ClientResult<CasesFindResponse<ListedCase>>>;

struct Pending {
    space: String,
    params: CasesFindParams,
    answer: EarlyPage,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
}

/// The space and the first `_find` parameters of the case list at `path` + `search` (the query,
/// with or without `?`); `None` when `path` is not a case list. `remembered` gives the owner's
/// stored query, restored when the URL has none — the page decides the same way.
pub fn first_query(
    path: &str,
    search: &str,
    remembered: impl FnOnce(&str) -> Option<String>,
) -> Option<(String, CasesFindParams)> {
    let rest = strip_space(path).trim_end_matches('/');
    let sol = Solution::ALL.into_iter().find(|s| s.base_path() == rest)?;
    let owner = owner_of(sol);
    let search = search.trim_start_matches('?');
    let query = restored_query(search, remembered(&state_key(owner)).as_deref())
        .unwrap_or_else(|| search.to_string());
    Some((
        space_of_path(path),
        ListState::from_query(&query).find_params(owner),
    ))
}

/// Sends the first page's `_find` now if the app opened on a case list.
pub fn start() {
    let Some((path, search)) = page_location() else {
        return;
    };
    let Some((space, params)) = first_query(&path, &search, crate::context::local_get) else {
        return;
    };
    let (tx, answer) = oneshot::channel();
    let client = crate::client::Client::new(space.clone());
    let sent = params.clone();
    leptos::task::spawn_local(async move {
        // The page may have dropped the receiver (another query): nothing to do then.
        let _ = tx.send(client.find_cases(&sent).await);
    });
    PENDING.with(|p| {
        *p.borrow_mut() = Some(Pending {
            space,
            params,
            answer,
        })
    });
}

/// The page's path and query (`None` outside a browser).
fn page_location() -> Option<(String, String)> {
    #[cfg(target_arch = "wasm32")]
    {
        let loc = web_sys::window()?.location();
        Some((loc.pathname().ok()?, loc.search().unwrap_or_default()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The early answer for exactly this space and query, if one was sent. Only the first call
/// can get it: later queries are the user's and go out as usual.
pub fn take(space: &str, params: &CasesFindParams) -> Option<EarlyPage> {
    PENDING
        .with(|p| p.borrow_mut().take())
        .filter(|p| p.space == space && p.params == *params)
        .map(|p| p.answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_api::Owner;
    use casebook_api::case::Status;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn only_case_list_paths_are_prefetched() {
        assert!(first_query("/app/security/cases/abc", "", none).is_none());
        assert!(first_query("/app/security/cases/create", "", none).is_none());
        assert!(first_query("/login", "", none).is_none());
        assert!(first_query("/app/management/users", "", none).is_none());
        let (space, p) = first_query("/app/security/cases", "", none).unwrap();
        assert_eq!(
            (space.as_str(), p.owner.clone()),
            ("default", vec![Owner::SecuritySolution])
        );
        let (space, p) = first_query("/s/blue/app/observability/cases/", "?page=2", none).unwrap();
        assert_eq!((space.as_str(), p.page), ("blue", 2));
        assert_eq!(p.owner, vec![Owner::Observability]);
    }

    #[test]
    fn the_remembered_query_applies_only_without_one_in_the_url() {
        let remembered = |k: &str| {
            assert_eq!(k, "casebook.cases.cases.listState");
            Some("status=closed&perPage=50".to_string())
        };
        let (_, p) =
            first_query("/app/management/insightsAndAlerting/cases", "", remembered).unwrap();
        assert_eq!((p.status.clone(), p.per_page), (vec![Status::Closed], 50));
        let (_, p) = first_query(
            "/app/management/insightsAndAlerting/cases",
            "perPage=25",
            remembered,
        )
        .unwrap();
        assert_eq!((p.status.clone(), p.per_page), (vec![], 25));
    }
}
