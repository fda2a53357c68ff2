//! Jira (REST API v2): `POST /issue` then `GET /issue/{id}` to create, `PUT /issue/{key}` then
//! `GET` to update, `POST /issue/{id}/comment` per comment. Basic auth with e-mail and API token.
//! Without an issue type, the project's first type from `createmeta` is used.

use super::http::{Auth, Http, text};
use super::{ConnectorError, ConnectorRecord, PushRequest, PushResult, s};
use casebook_api::connector::ConnectorFields;
use reqwest::Method;
use serde_json::{Map, Value, json};

fn base(c: &ConnectorRecord) -> String {
    format!(
        "{}/rest/api/2",
        s(&c.config, "apiUrl").trim_end_matches('/')
    )
}

fn auth(c: &ConnectorRecord) -> Auth {
    Auth::Basic(
        s(&c.secrets, "email").into(),
        s(&c.secrets, "apiToken").into(),
    )
}

/// Reads an issue.
pub async fn get(h: &Http, c: &ConnectorRecord, id: &str) -> Result<Value, ConnectorError> {
    Ok(h.call(
        Method::GET,
        &format!("{}/issue/{id}", base(c)),
        &auth(c),
        &[],
        None,
    )
    .await?
    .1)
}

async fn first_issue_type(h: &Http, c: &ConnectorRecord) -> Result<String, ConnectorError> {
    let url = format!(
        "{}/issue/createmeta/{}/issuetypes",
        base(c),
        s(&c.config, "projectKey")
    );
    let (_, v) = h.call(Method::GET, &url, &auth(c), &[], None).await?;
    text(&v, "values.0.id")
}

/// Creates or updates the issue, then adds the comments.
pub async fn push(
    h: &Http,
    c: &ConnectorRecord,
    req: &PushRequest,
) -> Result<PushResult, ConnectorError> {
    let f = match &req.fields {
        ConnectorFields::Jira(f) => f.clone(),
        _ => Default::default(),
    };
    let mut fields = Map::new();
    fields.insert(
        "summary".into(),
        json!(req.title.lines().collect::<Vec<_>>().join(", ")),
    );
    fields.insert("description".into(), json!(req.description));
    let labels: Vec<String> = req
        .tags
        .iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join("-"))
        .collect();
    fields.insert("labels".into(), json!(labels));
    if let Some(p) = f.priority.filter(|p| !p.is_empty()) {
        fields.insert("priority".into(), json!({ "name": p }));
    }
    if let Some(p) = f.parent.filter(|p| !p.is_empty()) {
        fields.insert("parent".into(), json!({ "key": p }));
    }
    if let Some(Value::Object(other)) = f
        .other_fields
        .as_deref()
        .and_then(|o| serde_json::from_str(o).ok())
    {
        fields.extend(other);
    }
    let key = match &req.external_id {
        None => {
            let issue_type = match f.issue_type.filter(|t| !t.is_empty()) {
                Some(t) => t,
                None => first_issue_type(h, c).await?,
            };
            fields.insert(
                "project".into(),
                json!({ "key": s(&c.config, "projectKey") }),
            );
            fields.insert("issuetype".into(), json!({ "id": issue_type }));
            let body = json!({ "fields": fields }).to_string();
            let (_, created) = h
                .call(
                    Method::POST,
                    &format!("{}/issue", base(c)),
                    &auth(c),
                    &[],
                    Some(body),
                )
                .await?;
            text(&created, "id")?
        }
        Some(id) => {
            if let Some(t) = f.issue_type.filter(|t| !t.is_empty()) {
                fields.insert("issuetype".into(), json!({ "id": t }));
            }
            let body = json!({ "fields": fields }).to_string();
            h.call(
                Method::PUT,
                &format!("{}/issue/{id}", base(c)),
                &auth(c),
                &[],
                Some(body),
            )
            .await?;
            id.clone()
        }
    };
    let issue = get(h, c, &key).await?;
    let id = text(&issue, "id")?;
    let issue_key = text(&issue, "key")?;
    for cm in &req.comments {
        let body = json!({ "body": cm.comment }).to_string();
        h.call(
            Method::POST,
            &format!("{}/issue/{id}/comment", base(c)),
            &auth(c),
            &[],
            Some(body),
        )
        .await?;
    }
    Ok(PushResult {
        url: format!(
            "{}/browse/{issue_key}",
            s(&c.config, "apiUrl").trim_end_matches('/')
        ),
        id,
        title: issue_key,
        pushed_date: chrono::Utc::now(),
    })
}
