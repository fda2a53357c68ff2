//! User profiles: assignee suggestions and names for uids.

use super::{Client, ClientResult, json};
use casebook_api::security::{BulkGetProfilesRequest, SuggestUserProfilesRequest, UserProfile};
use casebook_api::{Owner, paths};
use gloo_net::http::Method;

impl Client {
    /// `POST /internal/cases/_suggest_user_profiles`: users who can be assigned cases of `owner`.
    pub async fn suggest_profiles(
        &self,
        name: &str,
        owner: Owner,
    ) -> ClientResult<Vec<UserProfile>> {
        let req = SuggestUserProfilesRequest {
            name: name.into(),
            owners: vec![owner],
            size: Some(10),
        };
        self.send(
            Method::POST,
            paths::SUGGEST_USER_PROFILES_ROUTE,
            None,
            json(&req),
        )
        .await
    }
    /// `POST /internal/security/user_profile/_bulk_get`.
    pub async fn profiles(&self, uids: &[String]) -> ClientResult<Vec<UserProfile>> {
        let req = BulkGetProfilesRequest {
            uids: uids.to_vec(),
            data_path: None,
        };
        Client::new("default")
            .send(
                Method::POST,
                paths::BULK_GET_PROFILES_ROUTE,
                None,
                json(&req),
            )
            .await
    }
}
