//! Case settings (`/api/cases/configure`): one configuration per owner per space, holding the
//! default connector, the closure option, custom field definitions and templates.

use crate::case::{Assignee, CaseCustomField, Settings, Severity, double_option};
use crate::connector::{CaseConnector, ConnectorType};
use crate::owner::Owner;
use crate::user::User;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// When cases close.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClosureType {
    /// Only when a user closes them.
    #[default]
    #[serde(rename = "close-by-user")]
    CloseByUser,
    /// Also after a successful push.
    #[serde(rename = "close-by-pushing")]
    CloseByPushing,
}

/// A custom field's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomFieldType {
    /// Text (1..160 chars).
    Text,
    /// Boolean.
    Toggle,
    /// Safe integer.
    Number,
}

impl CustomFieldType {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            CustomFieldType::Text => "text",
            CustomFieldType::Toggle => "toggle",
            CustomFieldType::Number => "number",
        }
    }
}

/// A custom field definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CustomFieldDefinition {
    /// Key (1..36, `[a-z0-9_-]`), unique and immutable.
    pub key: String,
    /// Label (1..50).
    pub label: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: CustomFieldType,
    /// Whether cases must have a non-null value.
    pub required: bool,
    /// Default value used when a case doesn't supply one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_value: Option<Value>,
}

/// Case fields a template pre-fills.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateCaseFields {
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Category.
    #[serde(
        default,
        deserialize_with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub category: Option<Option<String>>,
    /// Severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Assignees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignees: Option<Vec<Assignee>>,
    /// Connector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector: Option<CaseConnector>,
    /// Settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    /// Custom field values.
    #[serde(
        default,
        rename = "customFields",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_fields: Option<Vec<CaseCustomField>>,
}

/// A case template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Template {
    /// Key (1..36, `[a-z0-9_-]`).
    pub key: String,
    /// Name (1..50).
    pub name: String,
    /// Description (≤1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Template tags (≤10 × ≤50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// The case fields it fills.
    #[serde(default)]
    pub case_fields: Option<TemplateCaseFields>,
}

/// A custom observable type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservableType {
    /// Key.
    pub key: String,
    /// Label.
    pub label: String,
}

/// How a case field maps to an external system's field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// Case field: `title`, `description`, `tags`, `comments`.
    pub source: String,
    /// External field name, or `not_mapped`.
    pub target: String,
    /// `overwrite`, `append` or `nothing`.
    pub action_type: String,
}

/// The field mappings Kibana derives from a connector type.
pub fn mappings_for(t: ConnectorType) -> Vec<Mapping> {
    let m = |s: &str, t: &str, a: &str| Mapping {
        source: s.into(),
        target: t.into(),
        action_type: a.into(),
    };
    match t {
        ConnectorType::None | ConnectorType::CasesWebhook => vec![],
        ConnectorType::Jira => vec![
            m("title", "summary", "overwrite"),
            m("description", "description", "overwrite"),
            m("tags", "labels", "overwrite"),
            m("comments", "comments", "append"),
        ],
        ConnectorType::Resilient => vec![
            m("title", "name", "overwrite"),
            m("description", "description", "overwrite"),
            m("comments", "comments", "append"),
        ],
        ConnectorType::ServiceNowItsm | ConnectorType::ServiceNowSir => vec![
            m("title", "short_description", "overwrite"),
            m("description", "description", "overwrite"),
            m("comments", "work_notes", "append"),
        ],
        ConnectorType::Swimlane => vec![
            m("title", "caseName", "overwrite"),
            m("description", "description", "overwrite"),
            m("comments", "comments", "append"),
        ],
        ConnectorType::TheHive => vec![
            m("title", "title", "overwrite"),
            m("description", "description", "overwrite"),
            m("tags", "tags", "overwrite"),
            m("comments", "comments", "append"),
        ],
    }
}

/// A configuration as the API returns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Configuration {
    /// Configuration id.
    pub id: String,
    /// Version token.
    pub version: String,
    /// Owner.
    pub owner: Owner,
    /// Closure option.
    pub closure_type: ClosureType,
    /// Default connector.
    pub connector: CaseConnector,
    /// Custom field definitions.
    #[serde(rename = "customFields")]
    pub custom_fields: Vec<CustomFieldDefinition>,
    /// Templates.
    pub templates: Vec<Template>,
    /// Custom observable types.
    #[serde(default, rename = "observableTypes")]
    pub observable_types: Vec<ObservableType>,
    /// Derived connector mappings.
    pub mappings: Vec<Mapping>,
    /// Mapping error, if any.
    pub error: Option<String>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Creator.
    pub created_by: User,
    /// Last update time.
    pub updated_at: Option<DateTime<Utc>>,
    /// Last updater.
    pub updated_by: Option<User>,
}

/// The part of a configuration the cases table reads: the custom field definitions that give its
/// columns. Every other field is skipped unread, so the connector's and the templates' decoders
/// stay out of the SPA's first load.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfiguredCustomFields {
    /// Custom field definitions.
    #[serde(rename = "customFields")]
    pub custom_fields: Vec<CustomFieldDefinition>,
}

/// `POST /api/cases/configure` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigurationRequest {
    /// Owner.
    pub owner: Owner,
    /// Closure option.
    pub closure_type: ClosureType,
    /// Default connector.
    pub connector: CaseConnector,
    /// Custom field definitions.
    #[serde(
        default,
        rename = "customFields",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_fields: Option<Vec<CustomFieldDefinition>>,
    /// Templates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub templates: Option<Vec<Template>>,
    /// Custom observable types.
    #[serde(
        default,
        rename = "observableTypes",
        skip_serializing_if = "Option::is_none"
    )]
    pub observable_types: Option<Vec<ObservableType>>,
}

/// `PATCH /api/cases/configure/{id}` body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigurationPatch {
    /// The version the client last saw.
    pub version: String,
    /// Closure option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure_type: Option<ClosureType>,
    /// Default connector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector: Option<CaseConnector>,
    /// Custom field definitions (the whole list).
    #[serde(
        default,
        rename = "customFields",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_fields: Option<Vec<CustomFieldDefinition>>,
    /// Templates (the whole list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub templates: Option<Vec<Template>>,
    /// Custom observable types.
    #[serde(
        default,
        rename = "observableTypes",
        skip_serializing_if = "Option::is_none"
    )]
    pub observable_types: Option<Vec<ObservableType>>,
}

/// `GET /api/cases/configure/connectors/_find` item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FindConnector {
    /// Connector id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Type id (`.jira`).
    pub action_type_id: String,
    /// Non-secret config.
    pub config: Value,
    /// Whether defined in server config.
    pub is_preconfigured: bool,
    /// Whether deprecated.
    pub is_deprecated: bool,
    /// Whether its secrets are missing.
    pub is_missing_secrets: bool,
    /// How many cases reference it.
    pub referenced_by_count: i64,
}
