//! Sign-in, sign-out and the current user.

use super::{Client, ClientResult, json};
use casebook_api::paths;
use casebook_api::security::{AuthenticatedUser, Capabilities, LoginParams, LoginRequest};
use gloo_net::http::Method;
use serde::Deserialize;

#[derive(Deserialize)]
struct LoginResponse {
    location: String,
}

impl Client {
    /// `POST /internal/security/login`; returns where to go next.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        current_url: &str,
    ) -> ClientResult<String> {
        let req = LoginRequest {
            provider_type: "basic".into(),
            provider_name: "basic".into(),
            current_url: current_url.into(),
            params: LoginParams {
                username: username.into(),
                password: password.into(),
            },
        };
        let r: LoginResponse = Client::new("default")
            .send(Method::POST, paths::LOGIN_ROUTE, None, json(&req))
            .await?;
        Ok(r.location)
    }
    /// `GET /internal/security/me`.
    pub async fn me(&self) -> ClientResult<AuthenticatedUser> {
        let me = Client::new("default")
            .send(Method::GET, paths::ME_ROUTE, None, None)
            .await;
        if me.is_ok() {
            super::note_session();
        }
        me
    }
    /// `POST /api/security/logout`.
    pub async fn logout(&self) -> ClientResult<()> {
        Client::new("default")
            .send_empty(Method::POST, paths::LOGOUT_ROUTE, None, None)
            .await
    }
    /// `GET /internal/casebook/capabilities`: what the user may do in this client's space.
    pub async fn capabilities(&self) -> ClientResult<Capabilities> {
        self.send(Method::GET, paths::CAPABILITIES_ROUTE, None, None)
            .await
    }
}
