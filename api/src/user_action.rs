//! User actions: the activity feed. Every change to a case is recorded with Kibana's
//! `type`/`action`/`payload`.

use crate::owner::Owner;
use crate::user::User;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a user action changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserActionType {
    /// Assignees added or removed.
    #[serde(rename = "assignees")]
    Assignees,
    /// Case created (payload: the full case).
    #[serde(rename = "create_case")]
    CreateCase,
    /// Case deleted.
    #[serde(rename = "delete_case")]
    DeleteCase,
    /// An attachment created, updated or deleted.
    #[serde(rename = "comment")]
    Comment,
    /// Connector changed.
    #[serde(rename = "connector")]
    Connector,
    /// Description changed.
    #[serde(rename = "description")]
    Description,
    /// Pushed to an external system.
    #[serde(rename = "pushed")]
    Pushed,
    /// Tags added or removed.
    #[serde(rename = "tags")]
    Tags,
    /// Title changed.
    #[serde(rename = "title")]
    Title,
    /// Status changed.
    #[serde(rename = "status")]
    Status,
    /// Settings changed.
    #[serde(rename = "settings")]
    Settings,
    /// Severity changed.
    #[serde(rename = "severity")]
    Severity,
    /// Category changed.
    #[serde(rename = "category")]
    Category,
    /// A custom field value changed.
    #[serde(rename = "customFields")]
    CustomFields,
    /// Observables changed.
    #[serde(rename = "observables")]
    Observables,
}

impl UserActionType {
    /// Every type.
    pub const ALL: [UserActionType; 15] = [
        UserActionType::Assignees,
        UserActionType::CreateCase,
        UserActionType::DeleteCase,
        UserActionType::Comment,
        UserActionType::Connector,
        UserActionType::Description,
        UserActionType::Pushed,
        UserActionType::Tags,
        UserActionType::Title,
        UserActionType::Status,
        UserActionType::Settings,
        UserActionType::Severity,
        UserActionType::Category,
        UserActionType::CustomFields,
        UserActionType::Observables,
    ];
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            UserActionType::Assignees => "assignees",
            UserActionType::CreateCase => "create_case",
            UserActionType::DeleteCase => "delete_case",
            UserActionType::Comment => "comment",
            UserActionType::Connector => "connector",
            UserActionType::Description => "description",
            UserActionType::Pushed => "pushed",
            UserActionType::Tags => "tags",
            UserActionType::Title => "title",
            UserActionType::Status => "status",
            UserActionType::Settings => "settings",
            UserActionType::Severity => "severity",
            UserActionType::Category => "category",
            UserActionType::CustomFields => "customFields",
            UserActionType::Observables => "observables",
        }
    }
    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// How it changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserActionAction {
    /// Something added (tags, assignees).
    Add,
    /// Something created (case, comment).
    Create,
    /// Something deleted.
    Delete,
    /// Pushed to an external service.
    PushToService,
    /// Something updated.
    Update,
}

impl UserActionAction {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            UserActionAction::Add => "add",
            UserActionAction::Create => "create",
            UserActionAction::Delete => "delete",
            UserActionAction::PushToService => "push_to_service",
            UserActionAction::Update => "update",
        }
    }
}

/// One entry of the activity feed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserAction {
    /// User action id.
    pub id: String,
    /// Version token.
    pub version: String,
    /// What kind of change.
    pub action: UserActionAction,
    /// What changed.
    #[serde(rename = "type")]
    pub kind: UserActionType,
    /// The attachment concerned (comment actions only).
    pub comment_id: Option<String>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Who.
    pub created_by: User,
    /// The case's owner.
    pub owner: Owner,
    /// The change, shaped per `type` (`{title}`, `{tags}`, `{comment:{…}}`…).
    pub payload: Value,
}

/// The `types` filter of user action finds: a real type or one of the grouping pseudo types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UserActionFindType {
    /// A real user action type.
    Type(UserActionType),
    /// Every non-comment action.
    Action,
    /// Alert attachments.
    Alert,
    /// User comments.
    User,
    /// Attachments other than alerts and user comments.
    Attachment,
}

impl UserActionFindType {
    /// Parses a `types` value.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "action" => Some(Self::Action),
            "alert" => Some(Self::Alert),
            "user" => Some(Self::User),
            "attachment" => Some(Self::Attachment),
            other => UserActionType::parse(other).map(Self::Type),
        }
    }
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Type(t) => t.as_str(),
            Self::Action => "action",
            Self::Alert => "alert",
            Self::User => "user",
            Self::Attachment => "attachment",
        }
    }
}

/// `GET /api/cases/{caseId}/user_actions/_find` response. Note `perPage`, unlike cases' `per_page`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserActionsFindResponse {
    /// Page number.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// Total matching actions.
    pub total: usize,
    /// The page of actions.
    pub user_actions: Vec<UserAction>,
}

/// `GET /internal/cases/{caseId}/user_actions/_stats` response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserActionStats {
    /// All user actions.
    pub total: usize,
    /// Comment user actions (user comments created).
    pub total_comments: usize,
    /// Everything else.
    pub total_other_actions: usize,
}
