//! Kibana's actions (connectors) API as cases use it: `/api/actions/connector…`. Connector
//! `config` is returned; `secrets` are write-only and never appear in any response.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A connector as the actions API returns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionConnector {
    /// Connector id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Type id (`.jira`, `.cases-webhook`…).
    pub connector_type_id: String,
    /// Non-secret configuration.
    pub config: Value,
    /// Defined in server configuration (never, here).
    pub is_preconfigured: bool,
    /// Deprecated type or mode.
    pub is_deprecated: bool,
    /// Whether secrets could not be read.
    pub is_missing_secrets: bool,
    /// System action (never, here).
    pub is_system_action: bool,
    /// How many cases use it (only in the list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referenced_by_count: Option<i64>,
}

/// `POST /api/actions/connector[/{id}]` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateConnectorRequest {
    /// Display name.
    pub name: String,
    /// Type id.
    pub connector_type_id: String,
    /// Configuration.
    #[serde(default)]
    pub config: Value,
    /// Secrets (stored encrypted).
    #[serde(default)]
    pub secrets: Value,
}

/// `PUT /api/actions/connector/{id}` body. Secrets left out (or `{}`) keep the stored ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateConnectorRequest {
    /// Display name.
    pub name: String,
    /// Configuration.
    #[serde(default)]
    pub config: Value,
    /// New secrets.
    #[serde(default)]
    pub secrets: Value,
}

/// `GET /api/actions/connector_types` item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectorTypeInfo {
    /// Type id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Usable.
    pub enabled: bool,
    /// Enabled in configuration.
    pub enabled_in_config: bool,
    /// Enabled by the licence.
    pub enabled_in_license: bool,
    /// Licence needed.
    pub minimum_license_required: String,
    /// Features that can use it.
    pub supported_feature_ids: Vec<String>,
    /// Whether it is a system action.
    pub is_system_action_type: bool,
    /// Whether it is deprecated.
    pub is_deprecated: bool,
}

/// `POST /api/actions/connector/{id}/_execute` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExecuteRequest {
    /// `{subAction, subActionParams}`.
    pub params: Value,
}

/// `_execute` response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExecuteResponse {
    /// `ok` or `error`.
    pub status: String,
    /// Connector id.
    pub connector_id: String,
    /// What the external system answered (on success).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    /// What went wrong (on error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The external system's own message (on error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_message: Option<String>,
}

/// What `GET /internal/cases/{id}/_connectors` says about one connector.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PushInfo {
    /// Whether the case (or its fields) changed since the last push to this connector.
    pub needs_to_be_pushed: bool,
    /// Whether the case was ever pushed to this connector.
    pub has_been_pushed: bool,
    /// Details of the latest push.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<PushDetails>,
}

/// Details of a connector's latest push.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PushDetails {
    /// When the latest push happened.
    pub latest_user_action_push_date: String,
    /// When the first push happened.
    pub oldest_user_action_push_date: String,
    /// The recorded external service.
    pub external_service: crate::case::ExternalService,
}

/// One entry of `GET /internal/cases/{id}/_connectors` (keyed by connector id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseConnectorState {
    /// Connector id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: String,
    /// The case's fields for it (its latest used fields).
    pub fields: Value,
    /// Push state.
    pub push: PushInfo,
}
