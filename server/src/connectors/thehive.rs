//! TheHive (API v1): `POST /api/v1/case`, `PATCH /api/v1/case/{id}`, `GET` to read back, and
//! `POST /api/v1/case/{id}/comment` per comment. Bearer API key, plus `X-Organisation` when set.

use super::http::{Auth, Http, text};
use super::{ConnectorError, ConnectorRecord, PushRequest, PushResult, s};
use casebook_api::Severity;
use casebook_api::connector::ConnectorFields;
use reqwest::Method;
use serde_json::{Value, json};

fn base(c: &ConnectorRecord) -> &str {
    s(&c.config, "url").trim_end_matches('/')
}

fn auth(c: &ConnectorRecord) -> Auth {
    Auth::Bearer(s(&c.secrets, "apiKey").into())
}

fn headers(c: &ConnectorRecord) -> Vec<(String, String)> {
    match c
        .config
        .get("organisation")
        .and_then(Value::as_str)
        .filter(|o| !o.is_empty())
    {
        Some(o) => vec![("X-Organisation".into(), o.into())],
        None => vec![],
    }
}

/// Reads a case.
pub async fn get(h: &Http, c: &ConnectorRecord, id: &str) -> Result<Value, ConnectorError> {
    Ok(h.call(
        Method::GET,
        &format!("{}/api/v1/case/{id}", base(c)),
        &auth(c),
        &headers(c),
        None,
    )
    .await?
    .1)
}

/// Creates or updates the TheHive case, then adds the comments.
pub async fn push(
    h: &Http,
    c: &ConnectorRecord,
    req: &PushRequest,
) -> Result<PushResult, ConnectorError> {
    let tlp = match &req.fields {
        ConnectorFields::TheHive(f) => f.tlp.unwrap_or(2),
        _ => 2,
    };
    let severity = match req.severity {
        Severity::Low => 1,
        Severity::Medium => 2,
        Severity::High => 3,
        Severity::Critical => 4,
    };
    let body = json!({
        "title": req.title, "description": req.description, "tags": req.tags, "severity": severity, "tlp": tlp,
    })
    .to_string();
    let hs = headers(c);
    let id = match &req.external_id {
        None => text(
            &h.call(
                Method::POST,
                &format!("{}/api/v1/case", base(c)),
                &auth(c),
                &hs,
                Some(body),
            )
            .await?
            .1,
            "_id",
        )?,
        Some(id) => {
            h.call(
                Method::PATCH,
                &format!("{}/api/v1/case/{id}", base(c)),
                &auth(c),
                &hs,
                Some(body),
            )
            .await?;
            id.clone()
        }
    };
    for cm in &req.comments {
        let body = json!({ "message": cm.comment }).to_string();
        h.call(
            Method::POST,
            &format!("{}/api/v1/case/{id}/comment", base(c)),
            &auth(c),
            &hs,
            Some(body),
        )
        .await?;
    }
    let case = get(h, c, &id).await?;
    Ok(PushResult {
        title: text(&case, "number").unwrap_or_else(|_| id.clone()),
        url: format!("{}/cases/{id}/details", base(c)),
        id,
        pushed_date: chrono::Utc::now(),
    })
}
