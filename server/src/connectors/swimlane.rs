//! Swimlane: records of an application, fields addressed by the ids in the connector's
//! `mappings`. `POST /api/app/{appId}/record` creates, `PATCH …/record/{id}` updates, and
//! comments go to the mapped comments field. Auth is the `Private-Token` header.

use super::http::{Auth, Http, text};
use super::{ConnectorError, ConnectorRecord, PushRequest, PushResult, s};
use casebook_api::connector::ConnectorFields;
use reqwest::Method;
use serde_json::{Map, Value, json};

fn api(c: &ConnectorRecord) -> &str {
    s(&c.config, "apiUrl").trim_end_matches('/')
}

fn auth(c: &ConnectorRecord) -> Auth {
    Auth::Header("Private-Token", s(&c.secrets, "apiToken").into())
}

fn mapped(c: &ConnectorRecord, key: &str) -> Option<String> {
    c.config
        .pointer(&format!("/mappings/{key}/id"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// Reads a record.
pub async fn get(h: &Http, c: &ConnectorRecord, id: &str) -> Result<Value, ConnectorError> {
    let url = format!("{}/api/app/{}/record/{id}", api(c), s(&c.config, "appId"));
    Ok(h.call(Method::GET, &url, &auth(c), &[], None).await?.1)
}

/// Creates or updates the record, then adds the comments.
pub async fn push(
    h: &Http,
    c: &ConnectorRecord,
    req: &PushRequest,
) -> Result<PushResult, ConnectorError> {
    let app = s(&c.config, "appId");
    let mut values = Map::new();
    if let Some(f) = mapped(c, "caseNameConfig") {
        values.insert(f, json!(req.title));
    }
    if let Some(f) = mapped(c, "descriptionConfig") {
        values.insert(f, json!(req.description));
    }
    if let Some(f) = mapped(c, "caseIdConfig") {
        let case_id = match &req.fields {
            ConnectorFields::Swimlane(f) => f.case_id.clone().filter(|v| !v.is_empty()),
            _ => None,
        };
        values.insert(f, json!(case_id.unwrap_or_else(|| req.case_id.clone())));
    }
    if let Some(f) = mapped(c, "severityConfig") {
        values.insert(f, json!(req.severity.as_str()));
    }
    let body = json!({ "applicationId": app, "values": values }).to_string();
    let id = match &req.external_id {
        None => {
            let url = format!("{}/api/app/{app}/record", api(c));
            text(
                &h.call(Method::POST, &url, &auth(c), &[], Some(body))
                    .await?
                    .1,
                "id",
            )?
        }
        Some(id) => {
            let url = format!("{}/api/app/{app}/record/{id}", api(c));
            h.call(Method::PATCH, &url, &auth(c), &[], Some(body))
                .await?;
            id.clone()
        }
    };
    if !req.comments.is_empty() {
        let field = mapped(c, "commentsConfig").ok_or_else(|| {
            ConnectorError::new("no comments field is mapped in the connector", None)
        })?;
        for cm in &req.comments {
            let body = json!({
                "createdDate": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                "fieldId": field,
                "isRichText": true,
                "message": cm.comment,
            })
            .to_string();
            let url = format!("{}/api/app/{app}/record/{id}/{field}/comment", api(c));
            h.call(Method::POST, &url, &auth(c), &[], Some(body))
                .await?;
        }
    }
    let record = get(h, c, &id).await?;
    Ok(PushResult {
        title: text(&record, "name").unwrap_or_else(|_| id.clone()),
        url: format!("{}/record/{app}/{id}", api(c)),
        id,
        pushed_date: chrono::Utc::now(),
    })
}
