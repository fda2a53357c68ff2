//! External incident systems. Each connector type has its config/secrets validation and a
//! `push` that makes that system's real REST calls: create or update the incident, then one
//! call per new comment. Errors carry the external system's own message so the API can answer
//! 424 with it.

pub mod crypto;
pub mod http;
mod jira;
mod resilient;
mod servicenow;
mod swimlane;
mod thehive;
pub mod validate;
mod webhook;

use casebook_api::connector::{ConnectorFields, ConnectorType};
use casebook_api::{Severity, Status};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// A stored connector with its secrets decrypted (never serialized to clients).
#[derive(Clone, Debug, PartialEq)]
pub struct ConnectorRecord {
    /// Connector id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Type.
    pub kind: ConnectorType,
    /// Non-secret configuration.
    pub config: Value,
    /// Secrets (decrypted in memory only).
    pub secrets: Value,
}

/// One comment to send.
#[derive(Clone, Debug, PartialEq)]
pub struct PushComment {
    /// Casebook attachment id.
    pub comment_id: String,
    /// Text (already with "Added by …" appended).
    pub comment: String,
}

/// What a push sends.
#[derive(Clone, Debug, PartialEq)]
pub struct PushRequest {
    /// Casebook case id.
    pub case_id: String,
    /// Case title.
    pub title: String,
    /// Case description (already with "Added by …" appended).
    pub description: String,
    /// Case tags.
    pub tags: Vec<String>,
    /// Case severity.
    pub severity: Severity,
    /// Case status.
    pub status: Status,
    /// The case's fields for this connector.
    pub fields: ConnectorFields,
    /// The external id from the latest push to this connector (update when present).
    pub external_id: Option<String>,
    /// Comments added since the latest push.
    pub comments: Vec<PushComment>,
    /// The Casebook user who pushes.
    pub username: String,
}

/// What the external system answered.
#[derive(Clone, Debug, PartialEq)]
pub struct PushResult {
    /// External id.
    pub id: String,
    /// External title (Jira key, ServiceNow number…).
    pub title: String,
    /// Link to the incident.
    pub url: String,
    /// When it was pushed.
    pub pushed_date: DateTime<Utc>,
}

/// A failed call to an external system.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ConnectorError {
    /// What Casebook was doing.
    pub message: String,
    /// The external system's own words, if any.
    pub service_message: Option<String>,
}

impl ConnectorError {
    /// An error with the external message.
    pub fn new(message: impl Into<String>, service_message: Option<String>) -> Self {
        Self {
            message: message.into(),
            service_message,
        }
    }
    /// The whole text for a 424 body.
    pub fn full(&self) -> String {
        match &self.service_message {
            Some(s) => format!("{} Reason: {s}", self.message),
            None => self.message.clone(),
        }
    }
}

/// A string from a JSON object (empty when missing).
pub(crate) fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Pushes a case to the connector's system.
pub async fn push(
    h: &http::Http,
    c: &ConnectorRecord,
    req: &PushRequest,
) -> Result<PushResult, ConnectorError> {
    let label = c.kind.label();
    let r = match c.kind {
        ConnectorType::Jira => jira::push(h, c, req).await,
        ConnectorType::ServiceNowItsm | ConnectorType::ServiceNowSir => {
            servicenow::push(h, c, req).await
        }
        ConnectorType::Resilient => resilient::push(h, c, req).await,
        ConnectorType::Swimlane => swimlane::push(h, c, req).await,
        ConnectorType::TheHive => thehive::push(h, c, req).await,
        ConnectorType::CasesWebhook => webhook::push(h, c, req).await,
        ConnectorType::None => Err(ConnectorError::new("The none connector cannot push.", None)),
    };
    r.map_err(|e| ConnectorError {
        message: format!(
            "[Action][{label}]: Unable to push incident {}. Error: {}",
            c.name, e.message
        ),
        service_message: e.service_message,
    })
}

/// Reads one incident (the `_execute` `getIncident` sub-action and connector tests).
pub async fn get_incident(
    h: &http::Http,
    c: &ConnectorRecord,
    external_id: &str,
) -> Result<Value, ConnectorError> {
    match c.kind {
        ConnectorType::Jira => jira::get(h, c, external_id).await,
        ConnectorType::ServiceNowItsm | ConnectorType::ServiceNowSir => {
            servicenow::get(h, c, external_id).await
        }
        ConnectorType::Resilient => resilient::get(h, c, external_id).await,
        ConnectorType::Swimlane => swimlane::get(h, c, external_id).await,
        ConnectorType::TheHive => thehive::get(h, c, external_id).await,
        ConnectorType::CasesWebhook => webhook::get(h, c, external_id).await,
        ConnectorType::None => Err(ConnectorError::new(
            "The none connector has no incidents.",
            None,
        )),
    }
}
