//! IBM Resilient: `POST /incidents` to create; to update, `GET` the incident and `PATCH` a
//! changes document computed from its old and new values; `POST /incidents/{id}/comments` per
//! comment. Basic auth with the API key id and secret.

use super::http::{Auth, Http, text};
use super::{ConnectorError, ConnectorRecord, PushRequest, PushResult, s};
use casebook_api::connector::ConnectorFields;
use reqwest::Method;
use serde_json::{Value, json};

fn base(c: &ConnectorRecord) -> String {
    format!(
        "{}/rest/orgs/{}",
        s(&c.config, "apiUrl").trim_end_matches('/'),
        s(&c.config, "orgId")
    )
}

fn auth(c: &ConnectorRecord) -> Auth {
    Auth::Basic(
        s(&c.secrets, "apiKeyId").into(),
        s(&c.secrets, "apiKeySecret").into(),
    )
}

/// Reads an incident.
pub async fn get(h: &Http, c: &ConnectorRecord, id: &str) -> Result<Value, ConnectorError> {
    let url = format!(
        "{}/incidents/{id}?text_content_output_format=objects_convert",
        base(c)
    );
    Ok(h.call(Method::GET, &url, &auth(c), &[], None).await?.1)
}

fn id_list(ids: &[String]) -> Value {
    Value::Array(
        ids.iter()
            .map(|i| json!({ "id": i.parse::<i64>().map(Value::from).unwrap_or(json!(i)) }))
            .collect(),
    )
}

/// Creates or updates the incident, then adds the comments.
pub async fn push(
    h: &Http,
    c: &ConnectorRecord,
    req: &PushRequest,
) -> Result<PushResult, ConnectorError> {
    let (types, severity) = match &req.fields {
        ConnectorFields::Resilient(Some(f)) => (
            f.incident_types.clone().unwrap_or_default(),
            f.severity_code.clone(),
        ),
        _ => (vec![], None),
    };
    let description = json!({ "format": "html", "content": req.description });
    let id = match &req.external_id {
        None => {
            let mut body = json!({
                "name": req.title,
                "description": description,
                "discovered_date": chrono::Utc::now().timestamp_millis(),
            });
            if !types.is_empty() {
                body["incident_type_ids"] = id_list(&types);
            }
            if let Some(sev) = severity.filter(|v| !v.is_empty()) {
                body["severity_code"] =
                    json!({ "id": sev.parse::<i64>().map(Value::from).unwrap_or(json!(sev)) });
            }
            let url = format!(
                "{}/incidents?text_content_output_format=objects_convert",
                base(c)
            );
            let (_, v) = h
                .call(Method::POST, &url, &auth(c), &[], Some(body.to_string()))
                .await?;
            text(&v, "id")?
        }
        Some(id) => {
            let old = get(h, c, id).await?;
            let mut changes = vec![
                json!({"field": {"name": "name"}, "old_value": {"text": old.get("name")}, "new_value": {"text": req.title}}),
                json!({"field": {"name": "description"}, "old_value": {"textarea": old.get("description")},
                       "new_value": {"textarea": description}}),
            ];
            if !types.is_empty() {
                let ids: Vec<Value> = id_list(&types)
                    .as_array()
                    .map(|a| a.iter().map(|t| t["id"].clone()).collect())
                    .unwrap_or_default();
                changes.push(json!({"field": {"name": "incident_type_ids"},
                    "old_value": {"ids": old.get("incident_type_ids")}, "new_value": {"ids": ids}}));
            }
            if let Some(sev) = severity.filter(|v| !v.is_empty()) {
                changes.push(json!({"field": {"name": "severity_code"}, "old_value": {"id": old.get("severity_code")},
                    "new_value": {"id": sev.parse::<i64>().map(Value::from).unwrap_or(json!(sev))}}));
            }
            let body = json!({ "changes": changes }).to_string();
            h.call(
                Method::PATCH,
                &format!("{}/incidents/{id}", base(c)),
                &auth(c),
                &[],
                Some(body),
            )
            .await?;
            id.clone()
        }
    };
    for cm in &req.comments {
        let body = json!({ "text": { "format": "text", "content": cm.comment } }).to_string();
        h.call(
            Method::POST,
            &format!("{}/incidents/{id}/comments", base(c)),
            &auth(c),
            &[],
            Some(body),
        )
        .await?;
    }
    Ok(PushResult {
        url: format!(
            "{}/#incidents/{id}",
            s(&c.config, "apiUrl").trim_end_matches('/')
        ),
        title: id.clone(),
        id,
        pushed_date: chrono::Utc::now(),
    })
}
