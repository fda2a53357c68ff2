//! IBM Resilient (SOAR) REST API: incidents of an organisation (create, read, PATCH with a
//! changes document whose old values must match, like Resilient's conflict check) and comments.
//! HTTP Basic with the API key id and secret.

use super::{Emulator, basic, next};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// The API key id the emulator accepts.
pub const KEY_ID: &str = "resilient-key-id";
/// Its secret.
pub const KEY_SECRET: &str = "resilient-secret-55d1";
/// The organisation.
pub const ORG: &str = "201";

#[derive(Clone, Default)]
struct Res {
    incidents: Arc<Mutex<Vec<Value>>>,
    ids: Arc<Mutex<u64>>,
}

type Answer = (StatusCode, Json<Value>);

fn error(status: StatusCode, message: &str) -> Answer {
    (
        status,
        Json(json!({"success": false, "title": null, "message": message, "hints": []})),
    )
}

fn org_ok(org: &str) -> Option<Answer> {
    (org != ORG).then(|| error(StatusCode::FORBIDDEN, "Organization not found"))
}

async fn create(State(r): State<Res>, Path(org): Path<String>, Json(b): Json<Value>) -> Answer {
    if let Some(e) = org_ok(&org) {
        return e;
    }
    if !b["name"].is_string() || !b["discovered_date"].is_i64() {
        return error(
            StatusCode::BAD_REQUEST,
            "name and discovered_date are required",
        );
    }
    let id = 2000 + next(&r.ids);
    // Resilient answers ids as plain numbers, not the `{id}` objects it is sent.
    let mut inc = b.clone();
    if let Some(sev) = b["severity_code"].get("id") {
        inc["severity_code"] = sev.clone();
    }
    if let Some(types) = b["incident_type_ids"].as_array() {
        inc["incident_type_ids"] = types.iter().map(|t| t["id"].clone()).collect();
    }
    inc["id"] = json!(id);
    inc["create_date"] = json!(1_714_557_600_000_i64);
    inc["comments"] = json!([]);
    r.incidents.lock().unwrap().push(inc.clone());
    inc.as_object_mut().unwrap().remove("comments");
    (StatusCode::OK, Json(inc))
}

fn position(r: &Res, id: &str) -> Option<usize> {
    let all = r.incidents.lock().unwrap();
    all.iter().position(|i| i["id"].as_u64() == id.parse().ok())
}

async fn read(State(r): State<Res>, Path((org, id)): Path<(String, String)>) -> Answer {
    if let Some(e) = org_ok(&org) {
        return e;
    }
    let Some(i) = position(&r, &id) else {
        return error(StatusCode::NOT_FOUND, "Incident not found");
    };
    let mut inc = r.incidents.lock().unwrap()[i].clone();
    inc.as_object_mut().unwrap().remove("comments");
    (StatusCode::OK, Json(inc))
}

async fn patch(
    State(r): State<Res>,
    Path((org, id)): Path<(String, String)>,
    Json(b): Json<Value>,
) -> Answer {
    if let Some(e) = org_ok(&org) {
        return e;
    }
    let Some(i) = position(&r, &id) else {
        return error(StatusCode::NOT_FOUND, "Incident not found");
    };
    let mut all = r.incidents.lock().unwrap();
    let changes = b["changes"].as_array().cloned().unwrap_or_default();
    for ch in &changes {
        let name = ch["field"]["name"].as_str().unwrap_or_default();
        let (old, new) = (first_value(&ch["old_value"]), first_value(&ch["new_value"]));
        if all[i][name] != old {
            return error(
                StatusCode::CONFLICT,
                &format!("Conflicting change on field {name}"),
            );
        }
        all[i][name] = new;
    }
    (
        StatusCode::OK,
        Json(json!({"success": true, "title": null, "message": null, "hints": []})),
    )
}

/// The value of `{text: …}`, `{textarea: …}`, `{id: …}` or `{ids: …}`.
fn first_value(v: &Value) -> Value {
    v.as_object()
        .and_then(|m| m.values().next().cloned())
        .unwrap_or(Value::Null)
}

async fn comment(
    State(r): State<Res>,
    Path((org, id)): Path<(String, String)>,
    Json(b): Json<Value>,
) -> Answer {
    if let Some(e) = org_ok(&org) {
        return e;
    }
    let Some(i) = position(&r, &id) else {
        return error(StatusCode::NOT_FOUND, "Incident not found");
    };
    let n = next(&r.ids);
    r.incidents.lock().unwrap()[i]["comments"]
        .as_array_mut()
        .unwrap()
        .push(b["text"].clone());
    (
        StatusCode::OK,
        Json(json!({"id": 9000 + n, "text": b["text"], "inc_id": i})),
    )
}

/// A Resilient organisation `201`.
pub struct ResilientEmulator {
    /// The server.
    pub emu: Emulator,
    state: Res,
}

impl std::ops::Deref for ResilientEmulator {
    type Target = Emulator;
    fn deref(&self) -> &Emulator {
        &self.emu
    }
}

impl ResilientEmulator {
    /// Starts it.
    pub async fn start() -> Self {
        let state = Res::default();
        let router = Router::new()
            .route("/rest/orgs/{org}/incidents", post(create))
            .route("/rest/orgs/{org}/incidents/{id}", get(read).patch(patch))
            .route("/rest/orgs/{org}/incidents/{id}/comments", post(comment))
            .with_state(state.clone());
        let emu = Emulator::start(
            router,
            vec![("authorization", basic(KEY_ID, KEY_SECRET))],
            json!({"success": false, "title": null, "message": "Unauthorized", "hints": []}),
        )
        .await;
        Self { emu, state }
    }

    /// The incident with this id, with the `comments` received.
    pub fn incident(&self, id: &str) -> Value {
        let i = position(&self.state, id).expect("incident exists");
        self.state.incidents.lock().unwrap()[i].clone()
    }

    /// The connector config pointing here.
    pub fn config(&self) -> Value {
        json!({"apiUrl": self.url, "orgId": ORG})
    }
}

/// The secrets the emulator accepts.
pub fn secrets() -> Value {
    json!({"apiKeyId": KEY_ID, "apiKeySecret": KEY_SECRET})
}
