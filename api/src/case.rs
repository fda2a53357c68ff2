//! Cases: the response object, the create body and the bulk PATCH body, with Kibana's exact
//! field names (`created_at` next to `totalComment`).

use crate::comment::Attachment;
use crate::connector::CaseConnector;
use crate::owner::Owner;
use crate::user::User;
use chrono::{DateTime, Utc};
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Case severity.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Low (the default).
    #[default]
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
    /// Critical.
    Critical,
}

impl Severity {
    /// All severities, lowest first.
    pub const ALL: [Severity; 4] = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
    /// Label for people.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
            Severity::Critical => "Critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Case status.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Status {
    /// Open (new cases).
    #[default]
    #[serde(rename = "open")]
    Open,
    /// In progress.
    #[serde(rename = "in-progress")]
    InProgress,
    /// Closed.
    #[serde(rename = "closed")]
    Closed,
}

impl Status {
    /// All statuses in workflow order.
    pub const ALL: [Status; 3] = [Status::Open, Status::InProgress, Status::Closed];
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in-progress",
            Status::Closed => "closed",
        }
    }
    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
    /// Label for people.
    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "Open",
            Status::InProgress => "In progress",
            Status::Closed => "Closed",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Case settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Settings {
    /// Whether attached alerts follow the case status.
    pub sync_alerts: bool,
    /// Whether observables are extracted from alerts (Kibana 9.2+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extract_observables: Option<bool>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            sync_alerts: true,
            extract_observables: None,
        }
    }
}

/// An assignee: a user profile uid.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignee {
    /// User profile uid.
    pub uid: String,
}

fn required<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// A custom field value on a case; `value` must be present and may be null.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum CaseCustomField {
    /// Text value (1..160 chars).
    #[serde(rename = "text")]
    Text {
        /// Field key from the configuration.
        key: String,
        /// The value.
        #[serde(deserialize_with = "required")]
        value: Option<String>,
    },
    /// Boolean value.
    #[serde(rename = "toggle")]
    Toggle {
        /// Field key.
        key: String,
        /// The value.
        #[serde(deserialize_with = "required")]
        value: Option<bool>,
    },
    /// Integer value (a JavaScript safe integer).
    #[serde(rename = "number")]
    Number {
        /// Field key.
        key: String,
        /// The value.
        #[serde(deserialize_with = "required")]
        value: Option<i64>,
    },
}

impl CaseCustomField {
    /// The field's key.
    pub fn key(&self) -> &str {
        match self {
            CaseCustomField::Text { key, .. }
            | CaseCustomField::Toggle { key, .. }
            | CaseCustomField::Number { key, .. } => key,
        }
    }
    /// The field's type name (`text`, `toggle`, `number`).
    pub fn type_name(&self) -> &'static str {
        match self {
            CaseCustomField::Text { .. } => "text",
            CaseCustomField::Toggle { .. } => "toggle",
            CaseCustomField::Number { .. } => "number",
        }
    }
    /// Whether the value is null.
    pub fn is_null(&self) -> bool {
        match self {
            CaseCustomField::Text { value, .. } => value.is_none(),
            CaseCustomField::Toggle { value, .. } => value.is_none(),
            CaseCustomField::Number { value, .. } => value.is_none(),
        }
    }
}

/// Where and when a case was last pushed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalService {
    /// Connector id used.
    pub connector_id: String,
    /// Connector name at push time.
    pub connector_name: String,
    /// Id in the external system.
    pub external_id: String,
    /// Title in the external system (e.g. a Jira key).
    pub external_title: String,
    /// Link to the external incident.
    pub external_url: String,
    /// When it was pushed.
    pub pushed_at: DateTime<Utc>,
    /// Who pushed it.
    pub pushed_by: User,
}

/// A case as the API returns it.
///
/// The parameters say how its connector and its attachments are read: by default fully;
/// [`ListedCase`] skips both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case<Connector = CaseConnector, Comments = Vec<Attachment>> {
    /// Case id (a UUID).
    pub id: String,
    /// Optimistic-concurrency token; changes on every write.
    pub version: String,
    /// Owning solution.
    pub owner: Owner,
    /// Title.
    pub title: String,
    /// Markdown description.
    pub description: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Severity.
    pub severity: Severity,
    /// Status.
    pub status: Status,
    /// Assigned user profiles.
    #[serde(default)]
    pub assignees: Vec<Assignee>,
    /// Category.
    #[serde(default)]
    pub category: Option<String>,
    /// Custom field values.
    #[serde(default, rename = "customFields")]
    pub custom_fields: Vec<CaseCustomField>,
    /// Settings.
    pub settings: Settings,
    /// The case's connector.
    pub connector: Connector,
    /// The last push, if any.
    pub external_service: Option<ExternalService>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Creator.
    pub created_by: User,
    /// Last update time.
    pub updated_at: Option<DateTime<Utc>>,
    /// Last updater.
    pub updated_by: Option<User>,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// Who closed it.
    pub closed_by: Option<User>,
    /// Seconds from creation to close, rounded down; null while not closed.
    pub duration: Option<i64>,
    /// First time the case entered `in-progress`.
    #[serde(default)]
    pub in_progress_at: Option<DateTime<Utc>>,
    /// Seconds from creation to the first `in-progress`.
    #[serde(default)]
    pub time_to_acknowledge: Option<i64>,
    /// Seconds spent between `in-progress` and close.
    #[serde(default)]
    pub time_to_investigate: Option<i64>,
    /// Seconds from creation to close.
    #[serde(default)]
    pub time_to_resolve: Option<i64>,
    /// Human-readable number, per space, starting at 1.
    #[serde(default)]
    pub incremental_id: Option<i64>,
    /// Number of user comments.
    #[serde(rename = "totalComment")]
    pub total_comment: i64,
    /// Number of distinct attached alert ids.
    #[serde(rename = "totalAlerts")]
    pub total_alerts: i64,
    /// Number of attached events.
    #[serde(default, rename = "totalEvents")]
    pub total_events: i64,
    /// Observables (always empty for now; kept for shape compatibility).
    #[serde(default)]
    pub observables: Vec<serde_json::Value>,
    /// Attachments, on responses that carry them (comment/push responses, `_find` with `[]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<Comments>,
}

/// A case as the cases table reads it: every field but the connector's and the attachments'
/// contents, which the table never shows. Their decoders (serde's buffering for tagged and
/// flattened enums, ~20 KB of gzipped wasm) then stay out of the SPA's first load.
pub type ListedCase = Case<IgnoredAny, IgnoredAny>;

/// `POST /api/cases` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasePostRequest {
    /// Title (1..160 after trim).
    pub title: String,
    /// Description (1..30000 after trim).
    pub description: String,
    /// Tags (≤200, each 1..256).
    pub tags: Vec<String>,
    /// Owning solution.
    pub owner: Owner,
    /// Settings.
    pub settings: Settings,
    /// Connector.
    pub connector: CaseConnector,
    /// Severity (default low).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Assignees (≤10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignees: Option<Vec<Assignee>>,
    /// Custom field values (≤10).
    #[serde(
        default,
        rename = "customFields",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_fields: Option<Vec<CaseCustomField>>,
}

/// Deserializes a field where "absent" and "null" differ: absent → `None`, null → `Some(None)`.
pub(crate) fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// One case in a `PATCH /api/cases` body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasePatch {
    /// Case id.
    pub id: String,
    /// The version the client last saw.
    pub version: String,
    /// New title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// New description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New tags (the whole list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// New category; `null` unsets it.
    #[serde(
        default,
        deserialize_with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub category: Option<Option<String>>,
    /// New severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// New status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// New settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    /// New connector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector: Option<CaseConnector>,
    /// New assignees (the whole list); `null` clears them.
    #[serde(
        default,
        deserialize_with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub assignees: Option<Option<Vec<Assignee>>>,
    /// New custom field values.
    #[serde(
        default,
        rename = "customFields",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_fields: Option<Vec<CaseCustomField>>,
}

/// `PATCH /api/cases` body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasesPatchRequest {
    /// 1..100 case updates.
    pub cases: Vec<CasePatch>,
}

/// Tag and category name lists (`GET /api/cases/tags`, `/internal/cases/categories`) are plain
/// `string[]`; reporters are `User[]`.
pub type Reporters = Vec<User>;
