//! ServiceNow ITSM (`incident`) and SecOps (`sn_si_incident`). The default mode uses the
//! Elastic ServiceNow app: a health check, then Import Set API posts with `u_`-prefixed fields
//! (`elastic_incident_id` on updates), and a read-back from the Table API. Legacy connectors
//! (`usesTableApi: true`) create with `POST /api/now/v2/table/{table}` and update with `PATCH`.
//! Each comment is its own update setting `work_notes`.

use super::http::{Auth, Http, text};
use super::{ConnectorError, ConnectorRecord, PushRequest, PushResult, s};
use casebook_api::connector::{ConnectorFields, ConnectorType};
use reqwest::Method;
use serde_json::{Map, Value, json};

struct Names {
    table: &'static str,
    scope: &'static str,
    import_set: &'static str,
}

fn names(c: &ConnectorRecord) -> Names {
    if c.kind == ConnectorType::ServiceNowSir {
        Names {
            table: "sn_si_incident",
            scope: "x_elas2_sir_int",
            import_set: "x_elas2_sir_int_elastic_si_incident",
        }
    } else {
        Names {
            table: "incident",
            scope: "x_elas2_inc_int",
            import_set: "x_elas2_inc_int_elastic_incident",
        }
    }
}

fn api(c: &ConnectorRecord) -> &str {
    s(&c.config, "apiUrl").trim_end_matches('/')
}

fn auth(c: &ConnectorRecord) -> Auth {
    Auth::Basic(
        s(&c.secrets, "username").into(),
        s(&c.secrets, "password").into(),
    )
}

fn legacy(c: &ConnectorRecord) -> bool {
    c.config
        .get("usesTableApi")
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// Reads an incident by sys_id.
pub async fn get(h: &Http, c: &ConnectorRecord, id: &str) -> Result<Value, ConnectorError> {
    let url = format!("{}/api/now/v2/table/{}/{id}", api(c), names(c).table);
    let (_, v) = h.call(Method::GET, &url, &auth(c), &[], None).await?;
    Ok(v.get("result").cloned().unwrap_or(v))
}

fn incident_fields(req: &PushRequest) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("short_description".into(), json!(req.title));
    m.insert("description".into(), json!(req.description));
    let mut put = |k: &str, v: &Option<String>| {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            m.insert(k.into(), json!(v));
        }
    };
    match &req.fields {
        ConnectorFields::ServiceNowItsm(f) => {
            put("urgency", &f.urgency);
            put("severity", &f.severity);
            put("impact", &f.impact);
            put("category", &f.category);
            put("subcategory", &f.subcategory);
        }
        ConnectorFields::ServiceNowSir(f) => {
            put("category", &f.category);
            put("subcategory", &f.subcategory);
            put("priority", &f.priority);
        }
        _ => {}
    }
    m.insert("correlation_id".into(), json!(req.case_id));
    m.insert("correlation_display".into(), json!("Elastic Case"));
    m
}

/// Sends fields through the Import Set API and returns the incident's sys_id.
async fn import(
    h: &Http,
    c: &ConnectorRecord,
    fields: &Map<String, Value>,
    id: Option<&str>,
) -> Result<String, ConnectorError> {
    let mut body: Map<String, Value> = fields
        .iter()
        .map(|(k, v)| (format!("u_{k}"), v.clone()))
        .collect();
    if let Some(id) = id {
        body.insert("elastic_incident_id".into(), json!(id));
    }
    let url = format!("{}/api/now/import/{}", api(c), names(c).import_set);
    let (_, v) = h
        .call(
            Method::POST,
            &url,
            &auth(c),
            &[],
            Some(Value::Object(body).to_string()),
        )
        .await?;
    let status = text(&v, "result.0.status")?;
    if status == "error" {
        let msg = v
            .pointer("/result/0/error_message")
            .and_then(Value::as_str)
            .unwrap_or("import failed");
        return Err(ConnectorError::new(
            "the import set failed",
            Some(msg.to_string()),
        ));
    }
    text(&v, "result.0.sys_id")
}

async fn table(
    h: &Http,
    c: &ConnectorRecord,
    fields: &Map<String, Value>,
    id: Option<&str>,
) -> Result<String, ConnectorError> {
    let t = names(c).table;
    let body = Some(Value::Object(fields.clone()).to_string());
    let (_, v) = match id {
        None => {
            h.call(
                Method::POST,
                &format!("{}/api/now/v2/table/{t}", api(c)),
                &auth(c),
                &[],
                body,
            )
            .await?
        }
        Some(id) => {
            h.call(
                Method::PATCH,
                &format!("{}/api/now/v2/table/{t}/{id}", api(c)),
                &auth(c),
                &[],
                body,
            )
            .await?
        }
    };
    text(&v, "result.sys_id")
}

/// Creates or updates the incident, then sends each comment as a work note.
pub async fn push(
    h: &Http,
    c: &ConnectorRecord,
    req: &PushRequest,
) -> Result<PushResult, ConnectorError> {
    let n = names(c);
    let mut fields = incident_fields(req);
    if req.external_id.is_none() {
        // Like Kibana: the ServiceNow account of the connector opens the incident (a Casebook
        // user name means nothing to ServiceNow).
        let user = s(&c.secrets, "username");
        fields.insert("caller_id".into(), json!(user));
        fields.insert("opened_by".into(), json!(user));
    }
    let sys_id = if legacy(c) {
        table(h, c, &fields, req.external_id.as_deref()).await?
    } else {
        let health = format!("{}/api/{}/elastic_api/health", api(c), n.scope);
        h.call(Method::GET, &health, &auth(c), &[], None).await?;
        import(h, c, &fields, req.external_id.as_deref()).await?
    };
    for cm in &req.comments {
        let mut note = Map::new();
        note.insert("work_notes".into(), json!(cm.comment));
        if legacy(c) {
            table(h, c, &note, Some(&sys_id)).await?;
        } else {
            import(h, c, &note, Some(&sys_id)).await?;
        }
    }
    let incident = get(h, c, &sys_id).await?;
    Ok(PushResult {
        title: text(&incident, "number")?,
        url: format!("{}/nav_to.do?uri={}.do?sys_id={sys_id}", api(c), n.table),
        id: sys_id,
        pushed_date: chrono::Utc::now(),
    })
}
