//! Stack Management administration: users, roles and API keys (Kibana's security APIs).
//! Users, roles and keys are global, so every call goes to the unprefixed path; names are
//! percent-encoded as one path segment.

use super::{Client, ClientResult, json};
use casebook_api::paths;
use casebook_api::query::encode;
use casebook_api::security::{
    ApiKeyList, ApiKeyRef, CreateApiKeyRequest, CreateApiKeyResponse, InvalidateApiKeysRequest,
    InvalidateApiKeysResponse, PasswordRequest, Role, RoleRequest, UserInfo, UserRequest,
};
use casebook_api::space::DEFAULT_SPACE;
use gloo_net::http::Method;

fn global() -> Client {
    Client::new(DEFAULT_SPACE)
}

impl Client {
    /// `GET /internal/security/users`.
    pub async fn users(&self) -> ClientResult<Vec<UserInfo>> {
        global()
            .send(Method::GET, paths::USERS_ROUTE, None, None)
            .await
    }
    /// `POST /internal/security/users/{username}`: creates the user or updates what is given.
    pub async fn put_user(&self, username: &str, req: &UserRequest) -> ClientResult<UserInfo> {
        global()
            .send(
                Method::POST,
                &paths::user(&encode(username)),
                None,
                json(req),
            )
            .await
    }
    /// `DELETE /internal/security/users/{username}`.
    pub async fn delete_user(&self, username: &str) -> ClientResult<()> {
        global()
            .send_empty(Method::DELETE, &paths::user(&encode(username)), None, None)
            .await
    }
    /// `POST /internal/security/users/{username}/password` (as an administrator: no current
    /// password).
    pub async fn reset_password(&self, username: &str, new_password: &str) -> ClientResult<()> {
        let req = PasswordRequest {
            password: None,
            new_password: new_password.into(),
        };
        global()
            .send_empty(
                Method::POST,
                &paths::user_password(&encode(username)),
                None,
                json(&req),
            )
            .await
    }
    /// `GET /api/security/role`: built-in and custom roles.
    pub async fn roles(&self) -> ClientResult<Vec<Role>> {
        global()
            .send(Method::GET, paths::ROLES_ROUTE, None, None)
            .await
    }
    /// `PUT /api/security/role/{name}`: creates or replaces a role.
    pub async fn put_role(&self, name: &str, req: &RoleRequest) -> ClientResult<()> {
        global()
            .send_empty(Method::PUT, &paths::role(&encode(name)), None, json(req))
            .await
    }
    /// `DELETE /api/security/role/{name}`.
    pub async fn delete_role(&self, name: &str) -> ClientResult<()> {
        global()
            .send_empty(Method::DELETE, &paths::role(&encode(name)), None, None)
            .await
    }
    /// `GET /internal/security/api_key`: the signed-in user's keys.
    pub async fn api_keys(&self) -> ClientResult<ApiKeyList> {
        global()
            .send(Method::GET, paths::API_KEY_ROUTE, None, None)
            .await
    }
    /// `POST /internal/security/api_key`.
    pub async fn create_api_key(
        &self,
        req: &CreateApiKeyRequest,
    ) -> ClientResult<CreateApiKeyResponse> {
        global()
            .send(Method::POST, paths::API_KEY_ROUTE, None, json(req))
            .await
    }
    /// `POST /internal/security/api_key/invalidate` for one of the user's keys.
    pub async fn invalidate_api_key(
        &self,
        key: ApiKeyRef,
    ) -> ClientResult<InvalidateApiKeysResponse> {
        let req = InvalidateApiKeysRequest {
            api_keys: vec![key],
            is_admin: false,
        };
        global()
            .send(
                Method::POST,
                paths::API_KEY_INVALIDATE_ROUTE,
                None,
                json(&req),
            )
            .await
    }
}
