//! The only code in the SPA that does HTTP. One file per API area; every call goes through
//! [`Client::send`], which adds `kbn-xsrf`, prefixes the space, decodes JSON and turns non-2xx
//! answers into [`ClientError::Api`] with Kibana's error body. A 401 (expired session) sends the
//! browser to the login page with `next=` set to where the user was.

pub mod admin;
pub mod cases;
pub mod comments;
pub mod configure;
pub mod connectors;
pub mod metrics;
pub mod profiles;
pub mod security;
pub mod spaces;
pub mod user_actions;

use casebook_api::ErrorBody;
use casebook_api::paths::in_space;
use casebook_api::query::Query;
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a call can fail with.
#[derive(Clone, Debug, PartialEq)]
pub enum ClientError {
    /// The server answered with an error body.
    Api(ErrorBody),
    /// The request never got an answer.
    Network(String),
    /// The answer was not what the API promises.
    Decode(String),
}

impl ClientError {
    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api(b) => Some(b.status_code),
            _ => None,
        }
    }
    /// Whether the object changed since it was read (409).
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(409)
    }
    /// A sentence for a toast or an inline error.
    pub fn message(&self) -> String {
        match self {
            ClientError::Api(b) => b.message.clone(),
            ClientError::Network(m) => format!("Casebook could not be reached: {m}"),
            ClientError::Decode(m) => format!("Unexpected answer from the server: {m}"),
        }
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Result of a client call.
pub type ClientResult<T> = Result<T, ClientError>;

/// The API client for one space. Cheap to clone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client {
    space: String,
}

impl Client {
    /// A client addressing `space` (`default` uses unprefixed paths).
    pub fn new(space: impl Into<String>) -> Self {
        Self {
            space: space.into(),
        }
    }

    /// The space this client addresses.
    pub fn space(&self) -> &str {
        &self.space
    }

    /// The full path of an API path in this client's space, with an optional query.
    pub fn url(&self, path: &str, query: Option<&Query>) -> String {
        let base = in_space(&self.space, path);
        match query.map(Query::to_query_string).filter(|q| !q.is_empty()) {
            Some(q) => format!("{base}?{q}"),
            None => base,
        }
    }

    async fn raw(
        &self,
        method: Method,
        url: String,
        body: Option<String>,
    ) -> ClientResult<gloo_net::http::Response> {
        let builder = RequestBuilder::new(&url)
            .method(method)
            .header("kbn-xsrf", "casebook")
            .header("accept", "application/json");
        let request = match body {
            Some(b) => builder.header("content-type", "application/json").body(b),
            None => builder.build(),
        }
        .map_err(|e| ClientError::Network(e.to_string()))?;
        let resp = request
            .send()
            .await
            .map_err(|e| ClientError::Network(e.to_string()))?;
        if resp.ok() {
            return Ok(resp);
        }
        let status = resp.status();
        if status == 401 && !url.contains("/internal/security/login") {
            redirect_to_login();
        }
        let text = resp.text().await.unwrap_or_default();
        let body = serde_json::from_str::<ErrorBody>(&text).unwrap_or(ErrorBody {
            status_code: status,
            error: resp.status_text(),
            message: if text.is_empty() {
                resp.status_text()
            } else {
                text
            },
        });
        Err(ClientError::Api(body))
    }

    /// Sends a request and decodes the JSON answer.
    pub async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: Option<&Query>,
        body: Option<String>,
    ) -> ClientResult<T> {
        let resp = self.raw(method, self.url(path, query), body).await?;
        let text = resp
            .text()
            .await
            .map_err(|e| ClientError::Network(e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| ClientError::Decode(e.to_string()))
    }

    /// Sends a request whose answer has no body (204).
    pub async fn send_empty(
        &self,
        method: Method,
        path: &str,
        query: Option<&Query>,
        body: Option<String>,
    ) -> ClientResult<()> {
        self.raw(method, self.url(path, query), body)
            .await
            .map(|_| ())
    }
}

/// Serializes a request body.
pub(crate) fn json<T: serde::Serialize>(v: &T) -> Option<String> {
    Some(serde_json::to_string(v).expect("API request types always serialize"))
}

/// Query pairs from `(key, value)` tuples.
pub(crate) fn query(pairs: &[(&str, String)]) -> Query {
    Query::from_pairs(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

/// Whether this page load has seen a valid session (set when `me` succeeds).
static HAD_SESSION: AtomicBool = AtomicBool::new(false);

/// Records that the page had a session, so a later 401 means it expired.
pub(crate) fn note_session() {
    HAD_SESSION.store(true, Ordering::Relaxed);
}

#[cfg(target_arch = "wasm32")]
fn redirect_to_login() {
    if let Some(w) = web_sys::window() {
        let loc = w.location();
        let here = format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        );
        if !here.starts_with("/login") {
            let mut to = crate::routes::login_path(Some(&here));
            // A session this page was using ended: say so (Kibana's SESSION_EXPIRED). A first
            // visit without a session just asks to sign in.
            if HAD_SESSION.load(Ordering::Relaxed) {
                let msg = crate::shell::session::LoginMessage::SessionExpired.code();
                to = format!("{to}&msg={msg}");
            }
            let _ = loc.set_href(&to);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn redirect_to_login() {}
