//! Swimlane REST API: records of one application whose fields are addressed by id (unknown ids
//! are refused), and comments on a comments field. Auth is the `Private-Token` header.

use super::{Emulator, next};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// The token the emulator accepts.
pub const TOKEN: &str = "swimlane-token-c0ffee";
/// The application.
pub const APP: &str = "aNmsF2TqdaZ1Kcq2V";
/// Field ids of the application: case name, description, case id, comments, severity.
pub const FIELDS: [&str; 5] = ["a1nme", "a2dsc", "a3cid", "a4cmt", "a5sev"];

#[derive(Clone, Default)]
struct Swim {
    records: Arc<Mutex<Vec<Value>>>,
    ids: Arc<Mutex<u64>>,
}

type Answer = (StatusCode, Json<Value>);

fn error(status: StatusCode, message: &str) -> Answer {
    (
        status,
        Json(json!({"ErrorCode": 1000, "Argument": null, "message": message})),
    )
}

fn check(app: &str, body: &Value) -> Option<Answer> {
    if app != APP || body["applicationId"] != APP {
        return Some(error(StatusCode::NOT_FOUND, "Application not found"));
    }
    let values = body["values"].as_object()?;
    values
        .keys()
        .find(|k| !FIELDS.contains(&k.as_str()) || k.as_str() == FIELDS[3])
        .map(|k| error(StatusCode::BAD_REQUEST, &format!("Invalid field id {k}")))
}

fn position(s: &Swim, id: &str) -> Option<usize> {
    s.records.lock().unwrap().iter().position(|r| r["id"] == id)
}

async fn create(State(s): State<Swim>, Path(app): Path<String>, Json(b): Json<Value>) -> Answer {
    if let Some(e) = check(&app, &b) {
        return e;
    }
    let n = next(&s.ids);
    let rec = json!({
        "id": format!("aRec{n:04}"), "name": format!("SEC-{n}"), "trackingId": format!("SEC-{n}"),
        "applicationId": APP, "values": b["values"], "comments": {}
    });
    s.records.lock().unwrap().push(rec.clone());
    (StatusCode::OK, Json(rec))
}

async fn read(State(s): State<Swim>, Path((app, id)): Path<(String, String)>) -> Answer {
    match position(&s, &id).filter(|_| app == APP) {
        Some(i) => (StatusCode::OK, Json(s.records.lock().unwrap()[i].clone())),
        None => error(StatusCode::NOT_FOUND, "Record not found"),
    }
}

async fn patch(
    State(s): State<Swim>,
    Path((app, id)): Path<(String, String)>,
    Json(b): Json<Value>,
) -> Answer {
    if let Some(e) = check(&app, &b) {
        return e;
    }
    let Some(i) = position(&s, &id) else {
        return error(StatusCode::NOT_FOUND, "Record not found");
    };
    let mut all = s.records.lock().unwrap();
    for (k, v) in b["values"].as_object().cloned().unwrap_or_default() {
        all[i]["values"][k] = v;
    }
    (StatusCode::OK, Json(all[i].clone()))
}

async fn comment(
    State(s): State<Swim>,
    Path((app, id, field)): Path<(String, String, String)>,
    Json(b): Json<Value>,
) -> Answer {
    let Some(i) = position(&s, &id).filter(|_| app == APP) else {
        return error(StatusCode::NOT_FOUND, "Record not found");
    };
    if field != FIELDS[3] || b["fieldId"] != field {
        return error(StatusCode::BAD_REQUEST, "Not a comments field");
    }
    let mut all = s.records.lock().unwrap();
    let list = all[i]["comments"]
        .as_object_mut()
        .unwrap()
        .entry(field)
        .or_insert(json!([]));
    list.as_array_mut().unwrap().push(b["message"].clone());
    (StatusCode::OK, Json(json!({})))
}

/// A Swimlane with one application.
pub struct SwimlaneEmulator {
    /// The server.
    pub emu: Emulator,
    state: Swim,
}

impl std::ops::Deref for SwimlaneEmulator {
    type Target = Emulator;
    fn deref(&self) -> &Emulator {
        &self.emu
    }
}

fn field(id: &str, key: &str, name: &str, kind: &str) -> Value {
    json!({"id": id, "key": key, "name": name, "fieldType": kind})
}

impl SwimlaneEmulator {
    /// Starts it.
    pub async fn start() -> Self {
        let state = Swim::default();
        let router = Router::new()
            .route("/api/app/{app}/record", post(create))
            .route("/api/app/{app}/record/{id}", get(read).patch(patch))
            .route("/api/app/{app}/record/{id}/{field}/comment", post(comment))
            .with_state(state.clone());
        let emu = Emulator::start(
            router,
            vec![("private-token", TOKEN.to_string())],
            json!({"ErrorCode": 1004, "Argument": null, "message": "Invalid token"}),
        )
        .await;
        Self { emu, state }
    }

    /// The record with this id, with the `comments` received per field.
    pub fn record(&self, id: &str) -> Value {
        let i = position(&self.state, id).expect("record exists");
        self.state.records.lock().unwrap()[i].clone()
    }

    /// The connector config pointing here; `comments` maps the comments field.
    pub fn config(&self, comments: bool) -> Value {
        let [name, desc, case_id, cmt, sev] = FIELDS;
        json!({"apiUrl": self.url, "appId": APP, "connectorType": "cases", "mappings": {
            "caseNameConfig": field(name, "case-name", "Case name", "text"),
            "descriptionConfig": field(desc, "description", "Description", "text"),
            "caseIdConfig": field(case_id, "case-id", "Case ID", "text"),
            "commentsConfig": if comments { field(cmt, "comments", "Comments", "comments") } else { Value::Null },
            "severityConfig": field(sev, "severity", "Severity", "text"),
            "ruleNameConfig": null, "alertIdConfig": null
        }})
    }
}

/// The secrets the emulator accepts.
pub fn secrets() -> Value {
    json!({"apiToken": TOKEN})
}
