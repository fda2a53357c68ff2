//! TheHive 5 API v1: cases (create, read, PATCH answering 204) and case comments. Bearer API key
//! plus the `X-Organisation` header.

use super::{Emulator, next};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// The API key the emulator accepts.
pub const KEY: &str = "hive-api-key-0b9e";
/// The organisation.
pub const ORG: &str = "SOC";

#[derive(Clone, Default)]
struct Hive {
    cases: Arc<Mutex<Vec<Value>>>,
    ids: Arc<Mutex<u64>>,
}

type Answer = (StatusCode, Json<Value>);

fn error(status: StatusCode, kind: &str, message: &str) -> Answer {
    (status, Json(json!({"type": kind, "message": message})))
}

fn position(h: &Hive, id: &str) -> Option<usize> {
    h.cases.lock().unwrap().iter().position(|c| c["_id"] == id)
}

async fn create(State(h): State<Hive>, Json(b): Json<Value>) -> Answer {
    if !b["title"].is_string() || !b["description"].is_string() {
        return error(
            StatusCode::BAD_REQUEST,
            "BadRequest",
            "title and description are required",
        );
    }
    let n = next(&h.ids);
    let mut case = b.clone();
    case["_id"] = json!(format!("~{}", 40_000 + n));
    case["_type"] = json!("Case");
    case["number"] = json!(n);
    case["status"] = json!("New");
    case["_createdAt"] = json!(1_714_557_600_000_i64);
    case["comments"] = json!([]);
    h.cases.lock().unwrap().push(case.clone());
    case.as_object_mut().unwrap().remove("comments");
    (StatusCode::CREATED, Json(case))
}

async fn read(State(h): State<Hive>, Path(id): Path<String>) -> Answer {
    match position(&h, &id) {
        Some(i) => {
            let mut case = h.cases.lock().unwrap()[i].clone();
            case.as_object_mut().unwrap().remove("comments");
            (StatusCode::OK, Json(case))
        }
        None => error(StatusCode::NOT_FOUND, "NotFoundError", "Case not found"),
    }
}

async fn patch(State(h): State<Hive>, Path(id): Path<String>, Json(b): Json<Value>) -> Response {
    let Some(i) = position(&h, &id) else {
        return error(StatusCode::NOT_FOUND, "NotFoundError", "Case not found").into_response();
    };
    let mut all = h.cases.lock().unwrap();
    for (k, v) in b.as_object().cloned().unwrap_or_default() {
        all[i][k] = v;
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn comment(State(h): State<Hive>, Path(id): Path<String>, Json(b): Json<Value>) -> Answer {
    let Some(i) = position(&h, &id) else {
        return error(StatusCode::NOT_FOUND, "NotFoundError", "Case not found");
    };
    let n = next(&h.ids);
    h.cases.lock().unwrap()[i]["comments"]
        .as_array_mut()
        .unwrap()
        .push(b["message"].clone());
    (
        StatusCode::CREATED,
        Json(json!({"_id": format!("~{}", 80_000 + n), "message": b["message"]})),
    )
}

/// A TheHive with organisation `SOC`.
pub struct HiveEmulator {
    /// The server.
    pub emu: Emulator,
    state: Hive,
}

impl std::ops::Deref for HiveEmulator {
    type Target = Emulator;
    fn deref(&self) -> &Emulator {
        &self.emu
    }
}

impl HiveEmulator {
    /// Starts it.
    pub async fn start() -> Self {
        let state = Hive::default();
        let router = Router::new()
            .route("/api/v1/case", post(create))
            .route("/api/v1/case/{id}", get(read).patch(patch))
            .route("/api/v1/case/{id}/comment", post(comment))
            .with_state(state.clone());
        let emu = Emulator::start(
            router,
            vec![
                ("authorization", format!("Bearer {KEY}")),
                ("x-organisation", ORG.to_string()),
            ],
            json!({"type": "AuthenticationError", "message": "Authentication failure"}),
        )
        .await;
        Self { emu, state }
    }

    /// The case with this id, with the `comments` received.
    pub fn case(&self, id: &str) -> Value {
        let i = position(&self.state, id).expect("case exists");
        self.state.cases.lock().unwrap()[i].clone()
    }

    /// The connector config pointing here.
    pub fn config(&self) -> Value {
        json!({"url": self.url, "organisation": ORG})
    }
}

/// The secrets the emulator accepts.
pub fn secrets() -> Value {
    json!({"apiKey": KEY})
}
