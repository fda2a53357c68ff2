//! Shared helpers of the HTTP tests: a fresh server on a temporary SQLite file, requests with
//! `elastic:changeme` Basic auth and `kbn-xsrf`, and JSON answers as `(status, body)`.
//!
//! Every test file is its own crate and uses a subset of these helpers, hence the `dead_code`
//! allowance.
#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, header};
use base64::Engine;
use casebook_server::bootstrap::{ensure_superuser, new_user};
use casebook_server::service::{ConnectorEnv, Service};
use casebook_server::store::Store;
use casebook_server::store::sqlite::SqliteStore;
use casebook_server::{AppState, app};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::Arc;
use tempfile::TempDir;
use tower::ServiceExt;

/// The superuser's password in every test database.
pub const PASSWORD: &str = "changeme";
/// The password of users added with [`TestApp::add_user`].
pub const USER_PASSWORD: &str = "secret-pw";

/// `Authorization` header value for `user:password`.
pub fn basic(user: &str, password: &str) -> String {
    let raw = format!("{user}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

/// A request builder with `elastic:changeme` and `kbn-xsrf` set.
pub fn request(method: &str, path: &str) -> axum::http::request::Builder {
    request_as("elastic", PASSWORD, method, path)
}

/// A request builder with `user:password` and `kbn-xsrf` set.
pub fn request_as(
    user: &str,
    password: &str,
    method: &str,
    path: &str,
) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, basic(user, password))
        .header("kbn-xsrf", "true")
}

/// A JSON request body.
pub fn json_body(v: &Value) -> Body {
    Body::from(serde_json::to_vec(v).expect("serializable"))
}

/// A valid create-case body for `owner`.
pub fn case_body(owner: &str) -> Value {
    json!({
        "title": "Suspicious login",
        "description": "Several failed logins followed by a success.",
        "tags": ["auth"],
        "owner": owner,
        "settings": {"syncAlerts": true},
        "connector": {"id": "none", "name": "none", "type": ".none", "fields": null}
    })
}

/// `base` with the keys of `overrides` replaced (a `null` override removes the key).
pub fn merge(mut base: Value, overrides: Value) -> Value {
    let (Some(b), Value::Object(o)) = (base.as_object_mut(), overrides) else {
        panic!("merge needs two objects");
    };
    for (k, v) in o {
        if v.is_null() {
            b.remove(&k);
        } else {
            b.insert(k, v);
        }
    }
    base
}

/// Checks a Kibana error body: `{statusCode, error, message}` and nothing else.
#[track_caller]
pub fn assert_error(status: u16, body: &Value, expected: u16, message: &str) {
    assert_eq!(status, expected, "{body}");
    assert_eq!(body["statusCode"], expected, "{body}");
    assert_eq!(body["message"], message, "unexpected message in {body}");
    assert!(body["error"].is_string(), "{body}");
    assert_eq!(body.as_object().map(|o| o.len()), Some(3), "{body}");
}

/// Checks an error body's status and shape, and that its message contains `part`.
#[track_caller]
pub fn assert_error_contains(status: u16, body: &Value, expected: u16, part: &str) {
    assert_eq!(status, expected, "{body}");
    assert_eq!(body["statusCode"], expected, "{body}");
    assert!(body["error"].is_string(), "{body}");
    let msg = body["message"].as_str().unwrap_or_default();
    assert!(msg.contains(part), "message {msg:?} lacks {part:?}");
}

/// A server on a fresh SQLite file in a temporary directory.
pub struct TestApp {
    router: Router,
    /// The state the router was built from.
    pub state: AppState,
    /// Holds the database (and dist) directory alive.
    pub dir: TempDir,
}

impl TestApp {
    /// A server whose SPA directory is an empty folder.
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).expect("dist dir");
        Self::build(dir, dist).await
    }

    /// A server serving `index.html` with `html` as its SPA.
    pub async fn with_index(html: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).expect("dist dir");
        std::fs::write(dist.join("index.html"), html).expect("index.html");
        Self::build(dir, dist).await
    }

    /// A server whose connectors use `env` (short timeouts, a host allow-list, a fixed key).
    pub async fn with_connector_env(env: ConnectorEnv) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).expect("dist dir");
        Self::build_with(dir, dist, Some(env)).await
    }

    async fn build(dir: TempDir, dist: PathBuf) -> Self {
        Self::build_with(dir, dist, None).await
    }

    async fn build_with(dir: TempDir, dist: PathBuf, env: Option<ConnectorEnv>) -> Self {
        let store: Arc<dyn Store> =
            Arc::new(SqliteStore::open(&dir.path().join("casebook.db")).expect("open store"));
        ensure_superuser(store.as_ref(), Some(PASSWORD.into()))
            .await
            .expect("superuser");
        let mut service = Service::new(store);
        if let Some(env) = env {
            service = service.with_connector_env(env);
        }
        let state = AppState::new(service, dist).await.expect("state");
        Self {
            router: app(state.clone()),
            state,
            dir,
        }
    }

    /// The application router.
    pub fn router(&self) -> Router {
        self.router.clone()
    }

    /// The store behind the server.
    pub fn store(&self) -> &Arc<dyn Store> {
        self.state.service.store()
    }

    /// Sends a request; returns the status and the body as JSON (`Null` when empty, a string
    /// when not JSON).
    pub async fn send(&self, req: Request<Body>) -> (u16, Value) {
        let res = self.router().oneshot(req).await.expect("infallible");
        let status = res.status().as_u16();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        (status, body)
    }

    /// An authenticated request with an optional JSON body.
    pub async fn call(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        self.call_as("elastic", PASSWORD, method, path, body).await
    }

    /// A request as `user` with an optional JSON body.
    pub async fn call_as(
        &self,
        user: &str,
        password: &str,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> (u16, Value) {
        let b = request_as(user, password, method, path);
        let req = match body {
            Some(v) => b
                .header(header::CONTENT_TYPE, "application/json")
                .body(json_body(v)),
            None => b.body(Body::empty()),
        };
        self.send(req.expect("request")).await
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.call("GET", path, None).await
    }

    /// `POST path` with a JSON body.
    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.call("POST", path, Some(body)).await
    }

    /// `PATCH path` with a JSON body.
    pub async fn patch(&self, path: &str, body: &Value) -> (u16, Value) {
        self.call("PATCH", path, Some(body)).await
    }

    /// `DELETE path`.
    pub async fn delete(&self, path: &str) -> (u16, Value) {
        self.call("DELETE", path, None).await
    }

    /// Creates a case from `body`, asserting success.
    pub async fn create_case_with(&self, body: Value) -> Value {
        self.create_case_in("", body).await
    }

    /// Creates a default case for `owner`.
    pub async fn create_case(&self, owner: &str) -> Value {
        self.create_case_with(case_body(owner)).await
    }

    /// Creates a case in a space (`""` for the default space).
    pub async fn create_case_in(&self, space: &str, body: Value) -> Value {
        let path = if space.is_empty() {
            "/api/cases".to_string()
        } else {
            format!("/s/{space}/api/cases")
        };
        let (status, case) = self.post(&path, &body).await;
        assert_eq!(status, 200, "create case: {case}");
        case
    }

    /// Patches one case with `fields`, using its current id and version.
    pub async fn patch_case(&self, case: &Value, fields: Value) -> (u16, Value) {
        // Inserted as given: a `null` here means "unset" to the API.
        let mut item = json!({"id": case["id"], "version": case["version"]});
        for (k, v) in fields.as_object().expect("fields object") {
            item[k] = v.clone();
        }
        self.patch("/api/cases", &json!({"cases": [item]})).await
    }

    /// Patches one case, asserting success; returns the updated case.
    pub async fn update_case(&self, case: &Value, fields: Value) -> Value {
        let (status, body) = self.patch_case(case, fields).await;
        assert_eq!(status, 200, "update case: {body}");
        body[0].clone()
    }

    /// Fetches a case, asserting success.
    pub async fn case(&self, id: &Value) -> Value {
        let (status, body) = self.get(&format!("/api/cases/{}", s(id))).await;
        assert_eq!(status, 200, "get case: {body}");
        body
    }

    /// Adds a user comment, asserting success; returns the case.
    pub async fn comment(&self, case: &Value, text: &str) -> Value {
        let (status, body) = self
            .post(
                &format!("/api/cases/{}/comments", s(&case["id"])),
                &json!({"type": "user", "comment": text, "owner": case["owner"]}),
            )
            .await;
        assert_eq!(status, 200, "add comment: {body}");
        body
    }

    /// Attaches alerts (`ids` with one index each), returning the status and body.
    pub async fn attach_alerts(&self, case: &Value, ids: &[&str]) -> (u16, Value) {
        let index: Vec<&str> = ids.iter().map(|_| ".alerts-security").collect();
        self.post(
            &format!("/api/cases/{}/comments", s(&case["id"])),
            &json!({"type": "alert", "alertId": ids, "index": index,
                    "rule": {"id": "rule-1", "name": "Brute force"}, "owner": case["owner"]}),
        )
        .await
    }

    /// Every user action of a case, oldest first.
    pub async fn user_actions(&self, case_id: &Value) -> Vec<Value> {
        let (status, body) = self
            .get(&format!(
                "/api/cases/{}/user_actions/_find?perPage=100",
                s(case_id)
            ))
            .await;
        assert_eq!(status, 200, "user actions: {body}");
        body["userActions"].as_array().cloned().unwrap_or_default()
    }

    /// Adds a superuser account; returns its profile uid.
    pub async fn add_user(&self, name: &str, full_name: &str) -> String {
        let user = new_user(
            name,
            USER_PASSWORD,
            Some(full_name.into()),
            Some(format!("{name}@example.com")),
            vec!["superuser".into()],
        );
        let uid = user.profile_uid.clone();
        self.store().put_user(user).await.expect("put user");
        uid
    }

    /// `GET /api/cases/_find?{query}`, asserting success.
    pub async fn find(&self, query: &str) -> Value {
        let (status, body) = self.get(&format!("/api/cases/_find?{query}")).await;
        assert_eq!(status, 200, "_find?{query}: {body}");
        body
    }
}

/// A JSON string value as `&str` (panics otherwise).
#[track_caller]
pub fn s(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
}

/// The `field` of each object in an array.
pub fn pluck<'a>(list: &'a Value, field: &str) -> Vec<&'a Value> {
    list.as_array()
        .map(|a| a.iter().map(|x| &x[field]).collect())
        .unwrap_or_default()
}

/// The titles of the cases of a `_find` response, in order.
pub fn titles(find: &Value) -> Vec<String> {
    pluck(&find["cases"], "title")
        .into_iter()
        .map(|t| s(t).to_string())
        .collect()
}

/// Percent-encodes a query value.
pub fn enc(v: &str) -> String {
    casebook_api::query::encode(v)
}
