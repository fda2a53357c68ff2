//! Jira Cloud REST API v2: issue type metadata, issues (create, read by id or key, update) and
//! comments. HTTP Basic with e-mail and API token.

use super::{Emulator, basic, next};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// The account the emulator accepts.
pub const EMAIL: &str = "robot@example.com";
/// Its API token.
pub const TOKEN: &str = "jira-token-7f3a";
/// The project.
pub const PROJECT: &str = "SEC";

#[derive(Clone, Default)]
struct Jira {
    issues: Arc<Mutex<Vec<Value>>>,
    ids: Arc<Mutex<u64>>,
}

fn not_found() -> (StatusCode, Json<Value>) {
    (
        StatusCode::NOT_FOUND,
        Json(
            json!({"errorMessages": ["Issue does not exist or you do not have permission to see it."], "errors": {}}),
        ),
    )
}

impl Jira {
    fn find(&self, id: &str) -> Option<usize> {
        let issues = self.issues.lock().unwrap();
        issues.iter().position(|i| i["id"] == id || i["key"] == id)
    }
}

async fn issue_types(Path(project): Path<String>) -> (StatusCode, Json<Value>) {
    if project != PROJECT {
        return (
            StatusCode::NOT_FOUND,
            Json(
                json!({"errorMessages": [format!("No project could be found with key '{project}'.")], "errors": {}}),
            ),
        );
    }
    (
        StatusCode::OK,
        Json(
            json!({"maxResults": 50, "startAt": 0, "total": 2, "isLast": true, "values": [
                {"id": "10006", "name": "Task", "subtask": false},
                {"id": "10007", "name": "Bug", "subtask": false}
            ]}),
        ),
    )
}

async fn create(State(j): State<Jira>, Json(body): Json<Value>) -> (StatusCode, Json<Value>) {
    let f = &body["fields"];
    if f["project"]["key"] != PROJECT || !f["issuetype"]["id"].is_string() {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"errorMessages": [], "errors": {"issuetype": "Specify an issue type"}})),
        );
    }
    let n = next(&j.ids);
    let (id, key) = ((10_000 + n).to_string(), format!("{PROJECT}-{n}"));
    j.issues.lock().unwrap().push(json!({
        "id": id, "key": key, "self": format!("https://jira.example.com/rest/api/2/issue/{id}"),
        "fields": f, "comments": []
    }));
    (
        StatusCode::CREATED,
        Json(
            json!({"id": id, "key": key, "self": format!("https://jira.example.com/rest/api/2/issue/{id}")}),
        ),
    )
}

async fn read(State(j): State<Jira>, Path(id): Path<String>) -> (StatusCode, Json<Value>) {
    match j.find(&id) {
        Some(i) => {
            let mut issue = j.issues.lock().unwrap()[i].clone();
            issue.as_object_mut().unwrap().remove("comments");
            issue["fields"]["created"] = json!("2024-05-01T10:00:00.000+0000");
            (StatusCode::OK, Json(issue))
        }
        None => not_found(),
    }
}

async fn update(
    State(j): State<Jira>,
    Path(id): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let Some(i) = j.find(&id) else {
        return not_found().into_response();
    };
    let mut issues = j.issues.lock().unwrap();
    for (k, v) in body["fields"].as_object().cloned().unwrap_or_default() {
        issues[i]["fields"][k] = v;
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn comment(
    State(j): State<Jira>,
    Path(id): Path<String>,
    Json(body): Json<Value>,
) -> (StatusCode, Json<Value>) {
    let Some(i) = j.find(&id) else {
        return not_found();
    };
    let n = next(&j.ids);
    let mut issues = j.issues.lock().unwrap();
    issues[i]["comments"]
        .as_array_mut()
        .unwrap()
        .push(body["body"].clone());
    (
        StatusCode::CREATED,
        Json(
            json!({"id": (20_000 + n).to_string(), "body": body["body"], "created": "2024-05-01T10:00:00.000+0000"}),
        ),
    )
}

/// A Jira with project `SEC` and no issues.
pub struct JiraEmulator {
    /// The server.
    pub emu: Emulator,
    state: Jira,
}

impl std::ops::Deref for JiraEmulator {
    type Target = Emulator;
    fn deref(&self) -> &Emulator {
        &self.emu
    }
}

impl JiraEmulator {
    /// Starts it.
    pub async fn start() -> Self {
        let state = Jira::default();
        let router = Router::new()
            .route(
                "/rest/api/2/issue/createmeta/{project}/issuetypes",
                get(issue_types),
            )
            .route("/rest/api/2/issue", post(create))
            .route("/rest/api/2/issue/{id}", get(read).put(update))
            .route("/rest/api/2/issue/{id}/comment", post(comment))
            .with_state(state.clone());
        let emu = Emulator::start(
            router,
            vec![("authorization", basic(EMAIL, TOKEN))],
            json!({"errorMessages": ["You are not authenticated. Authentication required to perform this operation."], "errors": {}}),
        )
        .await;
        Self { emu, state }
    }

    /// The issue with this id or key (its `comments` are the bodies received).
    pub fn issue(&self, id: &str) -> Value {
        let i = self.state.find(id).expect("issue exists");
        self.state.issues.lock().unwrap()[i].clone()
    }

    /// How many issues exist.
    pub fn count(&self) -> usize {
        self.state.issues.lock().unwrap().len()
    }

    /// The connector config pointing here.
    pub fn config(&self) -> Value {
        json!({"apiUrl": self.url, "projectKey": PROJECT})
    }
}

/// The secrets the emulator accepts.
pub fn secrets() -> Value {
    json!({"email": EMAIL, "apiToken": TOKEN})
}
