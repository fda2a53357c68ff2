//! Shared state of the HTTP layer.

use crate::auth::Authenticator;
use crate::service::Service;
use crate::session::{LoginLimiter, Sessions};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The case service (and through it the store).
    pub service: Service,
    /// Credential checks.
    pub auth: Authenticator,
    /// Browser sessions.
    pub sessions: Sessions,
    /// Failed sign-in counts.
    pub limiter: LoginLimiter,
    /// The Content-Security-Policy header (hashes of the SPA's inline loader script).
    pub csp: Arc<String>,
    /// Known space ids, cached so the `/s/{space}` check costs no query.
    pub spaces: Arc<RwLock<HashSet<String>>>,
    /// The SPA's built files.
    pub dist: PathBuf,
}

impl AppState {
    /// Builds the state and loads the space ids.
    pub async fn new(service: Service, dist: PathBuf) -> crate::error::AppResult<Self> {
        let ids = service
            .store()
            .spaces()
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect();
        Ok(Self {
            service,
            auth: Authenticator::default(),
            sessions: Sessions::default(),
            limiter: LoginLimiter::default(),
            csp: Arc::new(crate::headers::content_security_policy(&dist)),
            spaces: Arc::new(RwLock::new(ids)),
            dist,
        })
    }

    /// Whether a space exists.
    pub fn has_space(&self, id: &str) -> bool {
        self.spaces
            .read()
            .expect("spaces lock poisoned")
            .contains(id)
    }
}
