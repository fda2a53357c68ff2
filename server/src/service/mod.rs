//! The service layer: Kibana's rules for cases, attachments, user actions, configuration and
//! metrics. Handlers call it with a [`Ctx`] (who and in which space); it validates, authorizes,
//! computes the new state and the user actions, and commits them in one store batch.

pub mod admin;
pub mod authz;
mod cases;
mod comments;
mod configure;
mod connectors;
mod find;
mod metrics;
pub mod privileges;
mod profiles;
mod push;
pub mod search;
mod user_actions;

use crate::connectors::crypto::SecretBox;
use crate::connectors::http::{AllowedHosts, Http};
use crate::error::{AppError, AppResult};
use crate::store::Store;
use authz::Principal;
use base64::Engine;
use casebook_api::configure::Configuration;
use casebook_api::{ApiError, Case, Owner, User};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Who is acting and where.
#[derive(Clone, Debug)]
pub struct Ctx {
    /// The authenticated principal.
    pub principal: Principal,
    /// The space of the request.
    pub space: String,
}

impl Ctx {
    /// The user stamped on what this request writes.
    pub fn user(&self) -> User {
        self.principal.user.clone()
    }
}

/// What connectors need: the HTTP client and the secret box.
#[derive(Clone, Debug)]
pub struct ConnectorEnv {
    /// HTTP to external systems.
    pub http: Http,
    /// Encrypts connector secrets at rest.
    pub secrets: SecretBox,
}

impl Default for ConnectorEnv {
    /// Any host, a 30 s timeout and a random in-memory key (tests; the binary loads a real key).
    fn default() -> Self {
        Self {
            http: Http::new(std::time::Duration::from_secs(30), AllowedHosts::Any),
            secrets: SecretBox::new(rand::random()),
        }
    }
}

/// The case service.
#[derive(Clone)]
pub struct Service {
    store: Arc<dyn Store>,
    seq: Arc<AtomicU64>,
    env: Arc<ConnectorEnv>,
}

impl Service {
    /// A service over a store.
    pub fn new(store: Arc<dyn Store>) -> Self {
        // Versions only need to differ from every earlier one; starting from the clock keeps
        // them increasing across restarts.
        let start = Utc::now().timestamp_micros().max(1) as u64;
        Self {
            store,
            seq: Arc::new(AtomicU64::new(start)),
            env: Arc::new(ConnectorEnv::default()),
        }
    }

    /// The same service with these connector settings.
    pub fn with_connector_env(mut self, env: ConnectorEnv) -> Self {
        self.env = Arc::new(env);
        self
    }

    /// The underlying store.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// A fresh opaque version token shaped like Kibana's (`base64("[seq,1]")`).
    pub fn next_version(&self) -> String {
        let n = self.seq.fetch_add(1, Ordering::Relaxed);
        base64::engine::general_purpose::STANDARD.encode(format!("[{n},1]"))
    }

    /// The current time at millisecond precision (what Kibana stores).
    pub fn now() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(Utc::now().timestamp_millis()).unwrap_or_default()
    }

    /// A fresh object id: a UUIDv7, so ids created in turn sort in turn and a create appends
    /// to the id indexes (cases, comments, user actions) instead of dirtying a random page of
    /// each, which every durable commit must write.
    pub fn new_id() -> String {
        uuid::Uuid::now_v7().to_string()
    }

    /// Loads one case or fails with Kibana's 404.
    pub async fn load_case(&self, ctx: &Ctx, id: &str) -> AppResult<Case> {
        self.store
            .cases(&ctx.space, &[id.to_string()])
            .await?
            .pop()
            .ok_or_else(|| case_not_found(id))
    }

    /// The configuration of an owner in the request's space, if any.
    pub async fn configuration_of(
        &self,
        ctx: &Ctx,
        owner: Owner,
    ) -> AppResult<Option<Configuration>> {
        Ok(self.store.configurations(&ctx.space, &[owner]).await?.pop())
    }
}

/// Kibana's 404 for a missing case.
pub fn case_not_found(id: &str) -> AppError {
    AppError::Api(ApiError::not_found(format!(
        "Saved object [cases/{id}] not found"
    )))
}

/// Kibana's 404 for a missing attachment.
pub fn comment_not_found(id: &str) -> AppError {
    AppError::Api(ApiError::not_found(format!(
        "Saved object [cases-comments/{id}] not found"
    )))
}
