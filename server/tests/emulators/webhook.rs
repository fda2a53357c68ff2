//! A ticketing system for Webhook - Case Management: `POST /api/tickets` answers
//! `{data: {id: <number>}}`, `GET /api/tickets/{id}` gives `data.key` as the title, `PUT` updates
//! and `POST /api/tickets/{id}/comments` comments. HTTP Basic plus an `X-Tenant` header that the
//! connector sends from its configured headers.

use super::{Emulator, basic, next};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// The user the emulator accepts.
pub const USER: &str = "hook-user";
/// Its password.
pub const PASSWORD: &str = "hook-pass-e41d";
/// The tenant header value.
pub const TENANT: &str = "blue";

#[derive(Clone, Default)]
struct Tickets {
    tickets: Arc<Mutex<Vec<Value>>>,
    ids: Arc<Mutex<u64>>,
}

type Answer = (StatusCode, Json<Value>);

fn not_found() -> Answer {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"message": "ticket not found"})),
    )
}

fn position(t: &Tickets, id: &str) -> Option<usize> {
    t.tickets
        .lock()
        .unwrap()
        .iter()
        .position(|x| x["id"].as_u64() == id.parse().ok())
}

async fn create(State(t): State<Tickets>, Json(b): Json<Value>) -> Answer {
    if !b["fields"]["title"].is_string() {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"message": "fields.title is required"})),
        );
    }
    let n = next(&t.ids);
    let ticket =
        json!({"id": 1000 + n, "key": format!("TKT-{n}"), "fields": b["fields"], "comments": []});
    t.tickets.lock().unwrap().push(ticket);
    (StatusCode::CREATED, Json(json!({"data": {"id": 1000 + n}})))
}

async fn read(State(t): State<Tickets>, Path(id): Path<String>) -> Answer {
    match position(&t, &id) {
        Some(i) => {
            let mut ticket = t.tickets.lock().unwrap()[i].clone();
            ticket.as_object_mut().unwrap().remove("comments");
            (StatusCode::OK, Json(json!({ "data": ticket })))
        }
        None => not_found(),
    }
}

async fn update(State(t): State<Tickets>, Path(id): Path<String>, Json(b): Json<Value>) -> Answer {
    let Some(i) = position(&t, &id) else {
        return not_found();
    };
    let mut all = t.tickets.lock().unwrap();
    for (k, v) in b["fields"].as_object().cloned().unwrap_or_default() {
        all[i]["fields"][k] = v;
    }
    (StatusCode::OK, Json(json!({"data": {"id": all[i]["id"]}})))
}

async fn comment(State(t): State<Tickets>, Path(id): Path<String>, Json(b): Json<Value>) -> Answer {
    let Some(i) = position(&t, &id) else {
        return not_found();
    };
    t.tickets.lock().unwrap()[i]["comments"]
        .as_array_mut()
        .unwrap()
        .push(b["body"].clone());
    (
        StatusCode::CREATED,
        Json(json!({"id": 5000 + next(&t.ids)})),
    )
}

/// The ticketing system.
pub struct WebhookEmulator {
    /// The server.
    pub emu: Emulator,
    state: Tickets,
}

impl std::ops::Deref for WebhookEmulator {
    type Target = Emulator;
    fn deref(&self) -> &Emulator {
        &self.emu
    }
}

impl WebhookEmulator {
    /// Starts it.
    pub async fn start() -> Self {
        let state = Tickets::default();
        let router = Router::new()
            .route("/api/tickets", post(create))
            .route("/api/tickets/{id}", get(read).put(update))
            .route("/api/tickets/{id}/comments", post(comment))
            .with_state(state.clone());
        let emu = Emulator::start(
            router,
            vec![
                ("authorization", basic(USER, PASSWORD)),
                ("x-tenant", TENANT.to_string()),
            ],
            json!({"message": "bad credentials"}),
        )
        .await;
        Self { emu, state }
    }

    /// The ticket with this id, with the `comments` received.
    pub fn ticket(&self, id: &str) -> Value {
        let i = position(&self.state, id).expect("ticket exists");
        self.state.tickets.lock().unwrap()[i].clone()
    }

    /// The connector config describing this API; `comments` configures the comment call.
    pub fn config(&self, comments: bool) -> Value {
        let u = &self.url;
        let fields = r#""title":{{{case.title}}},"description":{{{case.description}}},"tags":{{{case.tags}}},"severity":{{{case.severity}}},"status":{{{case.status}}},"caseId":{{{case.id}}}"#;
        let mut c = json!({
            "createIncidentUrl": format!("{u}/api/tickets"),
            "createIncidentMethod": "post",
            "createIncidentJson": format!("{{\"fields\":{{{fields}}}}}"),
            "createIncidentResponseKey": "data.id",
            "getIncidentUrl": format!("{u}/api/tickets/{{{{{{external.system.id}}}}}}"),
            "getIncidentResponseExternalTitleKey": "data.key",
            "viewIncidentUrl": format!("{u}/browse/{{{{{{external.system.title}}}}}}"),
            "updateIncidentUrl": format!("{u}/api/tickets/{{{{{{external.system.id}}}}}}"),
            "updateIncidentMethod": "put",
            "updateIncidentJson": format!("{{\"fields\":{{{fields}}}}}"),
            "headers": {"X-Tenant": TENANT},
            "hasAuth": true,
            "authType": "webhook-authentication-basic"
        });
        if comments {
            c["createCommentUrl"] = json!(format!(
                "{u}/api/tickets/{{{{{{external.system.id}}}}}}/comments"
            ));
            c["createCommentMethod"] = json!("post");
            c["createCommentJson"] = json!(r#"{"body":{{{case.comment}}}}"#);
        }
        c
    }
}

/// The secrets the emulator accepts.
pub fn secrets() -> Value {
    json!({"user": USER, "password": PASSWORD})
}
