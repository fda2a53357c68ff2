//! ServiceNow with the Elastic app installed: the app's health endpoints (ITSM and SecOps
//! scopes), the Import Set API (`u_`-prefixed fields, `elastic_incident_id` to update) and the
//! Table API v2 (create, patch, read) for `incident` and `sn_si_incident`. HTTP Basic.

use super::{Emulator, basic, next};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Map, Value, json};
use std::sync::{Arc, Mutex};

/// The user the emulator accepts.
pub const USER: &str = "svc-elastic";
/// Its password.
pub const PASSWORD: &str = "snow-pass-91c2";

#[derive(Clone, Default)]
struct Snow {
    /// Incidents of both tables; `_table` says which, `_work_notes` lists the notes received.
    incidents: Arc<Mutex<Vec<Value>>>,
    ids: Arc<Mutex<u64>>,
    /// When set, imports answer with status `error` and this message.
    reject: Arc<Mutex<Option<String>>>,
}

type Answer = (StatusCode, Json<Value>);

fn failure(status: StatusCode, message: &str, detail: &str) -> Answer {
    (
        status,
        Json(json!({"error": {"message": message, "detail": detail}, "status": "failure"})),
    )
}

fn table_of_import(set: &str) -> Option<&'static str> {
    match set {
        "x_elas2_inc_int_elastic_incident" => Some("incident"),
        "x_elas2_sir_int_elastic_si_incident" => Some("sn_si_incident"),
        _ => None,
    }
}

impl Snow {
    fn public(incident: &Value) -> Value {
        let mut v = incident.clone();
        let m = v.as_object_mut().unwrap();
        m.retain(|k, _| !k.starts_with('_'));
        v
    }

    /// Creates (`sys_id` None) or updates an incident; `None` when the sys_id is unknown.
    fn save(&self, table: &str, sys_id: Option<&str>, fields: Map<String, Value>) -> Option<Value> {
        let mut all = self.incidents.lock().unwrap();
        let i = match sys_id {
            Some(id) => all
                .iter()
                .position(|x| x["sys_id"] == id && x["_table"] == table)?,
            None => {
                let n = next(&self.ids);
                let prefix = if table == "incident" { "INC" } else { "SIR" };
                all.push(json!({
                    "sys_id": format!("{n:032x}"), "number": format!("{prefix}{:07}", 10_000 + n),
                    "sys_created_on": "2024-05-01 10:00:00", "_table": table, "_work_notes": []
                }));
                all.len() - 1
            }
        };
        for (k, v) in fields {
            if k == "work_notes" {
                all[i]["_work_notes"].as_array_mut().unwrap().push(v);
            } else {
                all[i][k] = v;
            }
        }
        Some(all[i].clone())
    }
}

async fn health(Path(scope): Path<String>) -> Answer {
    let name = match scope.as_str() {
        "x_elas2_inc_int" => "Elastic for ITSM",
        "x_elas2_sir_int" => "Elastic for Security Operations",
        _ => {
            return failure(
                StatusCode::BAD_REQUEST,
                "Requested URI does not represent any resource",
                "",
            );
        }
    };
    (
        StatusCode::OK,
        Json(json!({"result": {"name": name, "scope": scope, "version": "1.0.0"}})),
    )
}

async fn import(
    State(sn): State<Snow>,
    Path(set): Path<String>,
    Json(body): Json<Value>,
) -> Answer {
    let Some(table) = table_of_import(&set) else {
        return failure(StatusCode::BAD_REQUEST, "Invalid table", &set);
    };
    let mut fields = Map::new();
    let mut target = None;
    for (k, v) in body.as_object().cloned().unwrap_or_default() {
        match k.strip_prefix("u_") {
            Some(name) => {
                fields.insert(name.to_string(), v);
            }
            None if k == "elastic_incident_id" => target = v.as_str().map(str::to_string),
            None => return failure(StatusCode::BAD_REQUEST, "Unknown import field", &k),
        }
    }
    let rejected = sn.reject.lock().unwrap().clone();
    let (status, saved) = match (rejected, sn.save(table, target.as_deref(), fields)) {
        (Some(msg), _) => ("error", Err(msg)),
        (None, Some(saved)) => (
            if target.is_some() {
                "updated"
            } else {
                "inserted"
            },
            Ok(saved),
        ),
        (None, None) => ("error", Err("Record not found".to_string())),
    };
    let mut result = json!({
        "transform_map": "Elastic Incident", "table": table, "status": status,
        "staging_table": set, "import_set": "ISET0010001",
    });
    match saved {
        Ok(inc) => {
            result["display_name"] = json!("number");
            result["display_value"] = inc["number"].clone();
            result["sys_id"] = inc["sys_id"].clone();
        }
        Err(msg) => result["error_message"] = json!(msg),
    }
    (
        StatusCode::CREATED,
        Json(json!({"import_set": "ISET0010001", "result": [result]})),
    )
}

async fn table_create(
    State(sn): State<Snow>,
    Path(table): Path<String>,
    Json(body): Json<Value>,
) -> Answer {
    let saved = sn.save(&table, None, body.as_object().cloned().unwrap_or_default());
    (
        StatusCode::CREATED,
        Json(json!({"result": Snow::public(&saved.unwrap())})),
    )
}

async fn table_patch(
    State(sn): State<Snow>,
    Path((table, id)): Path<(String, String)>,
    Json(body): Json<Value>,
) -> Answer {
    match sn.save(
        &table,
        Some(&id),
        body.as_object().cloned().unwrap_or_default(),
    ) {
        Some(saved) => (
            StatusCode::OK,
            Json(json!({"result": Snow::public(&saved)})),
        ),
        None => failure(
            StatusCode::NOT_FOUND,
            "No Record found",
            "Record doesn't exist",
        ),
    }
}

async fn table_get(State(sn): State<Snow>, Path((table, id)): Path<(String, String)>) -> Answer {
    let all = sn.incidents.lock().unwrap();
    match all
        .iter()
        .find(|x| x["sys_id"] == id && x["_table"] == table)
    {
        Some(inc) => (StatusCode::OK, Json(json!({"result": Snow::public(inc)}))),
        None => failure(
            StatusCode::NOT_FOUND,
            "No Record found",
            "Record doesn't exist or ACL restricts the record retrieval",
        ),
    }
}

/// A ServiceNow instance with the Elastic ITSM and SecOps apps.
pub struct SnowEmulator {
    /// The server.
    pub emu: Emulator,
    state: Snow,
}

impl std::ops::Deref for SnowEmulator {
    type Target = Emulator;
    fn deref(&self) -> &Emulator {
        &self.emu
    }
}

impl SnowEmulator {
    /// Starts it.
    pub async fn start() -> Self {
        let state = Snow::default();
        let router = Router::new()
            .route("/api/{scope}/elastic_api/health", get(health))
            .route("/api/now/import/{set}", post(import))
            .route("/api/now/v2/table/{table}", post(table_create))
            .route(
                "/api/now/v2/table/{table}/{id}",
                get(table_get).patch(table_patch),
            )
            .with_state(state.clone());
        let emu = Emulator::start(
            router,
            vec![("authorization", basic(USER, PASSWORD))],
            json!({"error": {"message": "User Not Authenticated", "detail": "Required to provide Auth information"}, "status": "failure"}),
        )
        .await;
        Self { emu, state }
    }

    /// The incident with this sys_id: its fields, `_table` and `_work_notes`.
    pub fn incident(&self, sys_id: &str) -> Value {
        let all = self.state.incidents.lock().unwrap();
        all.iter()
            .find(|x| x["sys_id"] == sys_id)
            .cloned()
            .expect("incident exists")
    }

    /// Makes every import answer `status: error` with `message`.
    pub fn reject_imports(&self, message: &str) {
        *self.state.reject.lock().unwrap() = Some(message.to_string());
    }

    /// The connector config pointing here (`legacy` = Table API).
    pub fn config(&self, legacy: bool) -> Value {
        json!({"apiUrl": self.url, "usesTableApi": legacy})
    }
}

/// The secrets the emulator accepts.
pub fn secrets() -> Value {
    json!({"username": USER, "password": PASSWORD})
}
