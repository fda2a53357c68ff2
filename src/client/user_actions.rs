//! A case's activity: user actions, their counts, and the users involved.

use super::{Client, ClientResult, query};
use casebook_api::find::SortOrder;
use casebook_api::paths;
use casebook_api::security::CaseUsers;
use casebook_api::user_action::{UserActionFindType, UserActionStats, UserActionsFindResponse};
use gloo_net::http::Method;

impl Client {
    /// `GET /api/cases/{id}/user_actions/_find`.
    pub async fn find_user_actions(
        &self,
        case_id: &str,
        types: &[UserActionFindType],
        order: SortOrder,
        page: usize,
        per_page: usize,
    ) -> ClientResult<UserActionsFindResponse> {
        let mut pairs = vec![
            ("page", page.to_string()),
            ("perPage", per_page.to_string()),
            ("sortOrder", order.as_str().to_string()),
        ];
        pairs.extend(types.iter().map(|t| ("types", t.as_str().to_string())));
        self.send(
            Method::GET,
            &paths::user_actions_find(case_id),
            Some(&query(&pairs)),
            None,
        )
        .await
    }
    /// `GET /internal/cases/{id}/user_actions/_stats`.
    pub async fn user_action_stats(&self, case_id: &str) -> ClientResult<UserActionStats> {
        self.send(Method::GET, &paths::user_action_stats(case_id), None, None)
            .await
    }
    /// `GET /internal/cases/{id}/_users`.
    pub async fn case_users(&self, case_id: &str) -> ClientResult<CaseUsers> {
        self.send(Method::GET, &paths::case_users(case_id), None, None)
            .await
    }
}
