//! Local stand-ins for the external systems connectors call. Each emulator is an axum server on
//! `127.0.0.1:0` speaking that system's paths, auth header and bodies; a shared layer records
//! every request (method, path and query, headers, JSON body), checks the credentials and can be
//! told to fail (a status with a body, a hang longer than the connector timeout, or an answer
//! that is not JSON). Also helpers shared by the push tests.
#![allow(dead_code)]

pub mod all;
pub mod jira;
pub mod resilient;
pub mod servicenow;
pub mod swimlane;
pub mod thehive;
pub mod webhook;

use crate::common::{TestApp, s};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use casebook_server::connectors::crypto::SecretBox;
use casebook_server::connectors::http::{AllowedHosts, Http};
use casebook_server::service::ConnectorEnv;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request an emulator received.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `GET`, `POST`…
    pub method: String,
    /// Path and query.
    pub path: String,
    /// Headers, names lower-cased.
    pub headers: BTreeMap<String, String>,
    /// The JSON body (`Null` when empty, a string when not JSON).
    pub body: Value,
}

impl Recorded {
    /// `"METHOD /path?query"`.
    pub fn line(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(&name.to_lowercase()).map(String::as_str)
    }
}

/// How an emulator misbehaves.
#[derive(Clone, Debug)]
pub enum Failure {
    /// Answers this status with this JSON body.
    Status(u16, Value),
    /// Waits this long (past the connector timeout), then answers `{}`.
    Hang(Duration),
    /// Answers 200 with a body that is not JSON.
    InvalidJson,
}

#[derive(Clone, Default)]
struct Control {
    log: Arc<Mutex<Vec<Recorded>>>,
    /// `(path fragment, failure)`: requests whose path contains the fragment fail.
    failure: Arc<Mutex<Option<(String, Failure)>>>,
    /// Headers every request must carry, else `unauthorized` with 401.
    auth: Arc<Mutex<Vec<(String, String)>>>,
    unauthorized: Arc<Value>,
}

/// A running emulator; the server stops when this is dropped.
pub struct Emulator {
    /// `http://127.0.0.1:{port}`.
    pub url: String,
    control: Control,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn layer(State(c): State<Control>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    let json = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    let headers = parts
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                v.to_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let path = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    c.log.lock().unwrap().push(Recorded {
        method: parts.method.to_string(),
        path: path.clone(),
        headers,
        body: json,
    });
    let failure = c.failure.lock().unwrap().clone();
    if let Some((fragment, f)) = failure.filter(|(frag, _)| path.contains(frag.as_str())) {
        let _ = fragment;
        return match f {
            Failure::Status(code, body) => (
                StatusCode::from_u16(code).expect("status"),
                axum::Json(body),
            )
                .into_response(),
            Failure::Hang(d) => {
                tokio::time::sleep(d).await;
                axum::Json(json!({})).into_response()
            }
            Failure::InvalidJson => (
                [(header::CONTENT_TYPE, "application/json")],
                "<html><body>Maintenance</body></html>",
            )
                .into_response(),
        };
    }
    let required = c.auth.lock().unwrap().clone();
    if !authorized(&parts.headers, &required) {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json((*c.unauthorized).clone()),
        )
            .into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn authorized(h: &HeaderMap, required: &[(String, String)]) -> bool {
    required
        .iter()
        .all(|(k, v)| h.get(k.as_str()).and_then(|x| x.to_str().ok()) == Some(v.as_str()))
}

impl Emulator {
    /// Serves `router` behind the recording layer; requests must carry `auth` headers.
    pub async fn start(router: Router, auth: Vec<(&str, String)>, unauthorized: Value) -> Self {
        let control = Control {
            auth: Arc::new(Mutex::new(
                auth.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            )),
            unauthorized: Arc::new(unauthorized),
            ..Control::default()
        };
        let app = router.layer(axum::middleware::from_fn_with_state(control.clone(), layer));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind emulator");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("emulator serves");
        });
        Self { url, control, task }
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.control.log.lock().unwrap().clone()
    }
    /// `"METHOD /path"` of every request so far.
    pub fn lines(&self) -> Vec<String> {
        self.requests().iter().map(Recorded::line).collect()
    }
    /// Forgets the recorded requests.
    pub fn clear(&self) {
        self.control.log.lock().unwrap().clear();
    }
    /// Makes every request fail.
    pub fn fail(&self, f: Failure) {
        self.fail_on("", f);
    }
    /// Makes requests whose path contains `fragment` fail.
    pub fn fail_on(&self, fragment: &str, f: Failure) {
        *self.control.failure.lock().unwrap() = Some((fragment.to_string(), f));
    }
    /// Stops failing.
    pub fn heal(&self) {
        *self.control.failure.lock().unwrap() = None;
    }
    /// Changes the credentials the system accepts.
    pub fn require(&self, auth: Vec<(&str, String)>) {
        *self.control.auth.lock().unwrap() =
            auth.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    }
}

/// `Basic base64(user:password)`.
pub fn basic(user: &str, password: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

/// A fresh id counter value.
pub fn next(counter: &Mutex<u64>) -> u64 {
    let mut n = counter.lock().unwrap();
    *n += 1;
    *n
}

/// The connector settings of every push test: any host, a 500 ms timeout, a fixed key.
pub fn env() -> ConnectorEnv {
    ConnectorEnv {
        http: Http::new(Duration::from_millis(500), AllowedHosts::Any),
        secrets: SecretBox::new([1; 32]),
    }
}

/// A server with [`env`].
pub async fn app() -> TestApp {
    TestApp::with_connector_env(env()).await
}

/// Creates a connector, asserting success; returns its id.
pub async fn connector(
    app: &TestApp,
    kind: &str,
    name: &str,
    config: Value,
    secrets: Value,
) -> String {
    let (status, body) = app
        .post(
            "/api/actions/connector",
            &json!({"name": name, "connector_type_id": kind, "config": config, "secrets": secrets}),
        )
        .await;
    assert_eq!(status, 200, "create connector: {body}");
    s(&body["id"]).to_string()
}

/// A case using the connector with `fields`.
pub async fn case_with(app: &TestApp, id: &str, name: &str, kind: &str, fields: Value) -> Value {
    app.create_case_with(json!({
        "title": "Suspicious login",
        "description": "Several failed logins followed by a success.",
        "tags": ["auth", "brute force"],
        "owner": "securitySolution",
        "settings": {"syncAlerts": true},
        "severity": "high",
        "connector": {"id": id, "name": name, "type": kind, "fields": fields}
    }))
    .await
}

/// `POST /api/cases/{case}/connector/{connector}/_push`.
pub async fn push(app: &TestApp, case_id: &Value, connector_id: &str) -> (u16, Value) {
    app.post(
        &format!("/api/cases/{}/connector/{connector_id}/_push", s(case_id)),
        &json!({}),
    )
    .await
}

/// Pushes, asserting success; returns the case.
pub async fn pushed(app: &TestApp, case_id: &Value, connector_id: &str) -> Value {
    let (status, body) = push(app, case_id, connector_id).await;
    assert_eq!(status, 200, "push: {body}");
    body
}

/// Every attachment of a case (`comments/_find`), oldest first.
pub async fn attachments(app: &TestApp, case_id: &Value) -> Vec<Value> {
    let (status, body) = app
        .get(&format!(
            "/api/cases/{}/comments/_find?perPage=100&sortOrder=asc",
            s(case_id)
        ))
        .await;
    assert_eq!(status, 200, "comments: {body}");
    body["comments"].as_array().cloned().unwrap_or_default()
}

/// Pushes expecting a 424 whose message contains `part`, then checks nothing was recorded:
/// the case (version, external service, comments) is unchanged and no `pushed` action exists.
pub async fn assert_push_fails(app: &TestApp, case_id: &Value, connector_id: &str, part: &str) {
    let before = app.case(case_id).await;
    let comments_before = attachments(app, case_id).await;
    let actions_before = app.user_actions(case_id).await;
    let (status, body) = push(app, case_id, connector_id).await;
    crate::common::assert_error_contains(status, &body, 424, part);
    assert_eq!(body["error"], "Failed Dependency", "{body}");
    let after = app.case(case_id).await;
    assert_eq!(after, before, "a failed push changed the case");
    let comments = attachments(app, case_id).await;
    assert_eq!(
        comments, comments_before,
        "a failed push changed attachments"
    );
    assert!(
        comments
            .iter()
            .all(|c| c["pushed_at"].is_null() || comments_before.contains(c))
    );
    let actions = app.user_actions(case_id).await;
    assert_eq!(
        actions.len(),
        actions_before.len(),
        "a failed push wrote user actions"
    );
    assert!(
        actions
            .iter()
            .all(|a| a["type"] != "pushed" || actions_before.contains(a))
    );
}

/// A 500, a hang past the timeout and an answer that is not JSON: each a 424 that records
/// nothing. The emulator is healed afterwards.
pub async fn assert_transport_failures(app: &TestApp, case_id: &Value, id: &str, emu: &Emulator) {
    emu.fail(Failure::Status(
        500,
        json!({"message": "upstream exploded"}),
    ));
    assert_push_fails(
        app,
        case_id,
        id,
        "status code 500 Reason: upstream exploded",
    )
    .await;
    emu.fail(Failure::Hang(Duration::from_secs(3)));
    assert_push_fails(app, case_id, id, "the request timed out after 500 ms").await;
    emu.fail(Failure::InvalidJson);
    assert_push_fails(app, case_id, id, "the response is not valid JSON").await;
    emu.heal();
}
