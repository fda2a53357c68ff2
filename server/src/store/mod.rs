//! The storage contract. The service layer computes every change (new case state, attachments,
//! user actions) and hands the store a batch of [`WriteOp`]s that it applies in ONE transaction:
//! a stale `expected_version` anywhere rolls the whole batch back. Reads convert rows into
//! `casebook-api` types; row types never leave the implementation.

mod found_case;
pub mod sqlite;

pub use found_case::FoundCase;

use async_trait::async_trait;
use casebook_api::alerts::{CaseAlert, RelatedCase};
use casebook_api::comment::Attachment;
use casebook_api::configure::Configuration;
use casebook_api::find::{SortField, SortOrder};
use casebook_api::metrics::StatusCounts;
use casebook_api::space::Space;
use casebook_api::user_action::{UserAction, UserActionFindType, UserActionStats};
use casebook_api::{Case, Owner, Severity, Status, User};
use chrono::{DateTime, Utc};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An `expected_version` did not match: the object changed since it was read.
    #[error("version conflict on {0}")]
    Conflict(String),
    /// An object to update or delete does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// An object to create exists already.
    #[error("already exists: {0}")]
    AlreadyExists(String),
    /// The database failed.
    #[error("database error: {0}")]
    Database(String),
}

/// Shorthand for store results.
pub type StoreResult<T> = Result<T, StoreError>;

/// A stored user account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRecord {
    /// Login name.
    pub username: String,
    /// Stable profile uid (assignees reference it).
    pub profile_uid: String,
    /// Argon2 PHC string.
    pub password_hash: String,
    /// Display name.
    pub full_name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Role names.
    pub roles: Vec<String>,
    /// Whether the account may sign in.
    pub enabled: bool,
}

impl UserRecord {
    /// The user as embedded in cases (`created_by`…).
    pub fn as_user(&self) -> User {
        User {
            email: self.email.clone(),
            full_name: self.full_name.clone(),
            username: Some(self.username.clone()),
            profile_uid: Some(self.profile_uid.clone()),
        }
    }
}

/// A connector as stored: secrets sealed by the service's secret box.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredConnector {
    /// Connector id.
    pub id: String,
    /// Type id (`.jira`…).
    pub kind: String,
    /// Display name.
    pub name: String,
    /// Non-secret configuration.
    pub config: serde_json::Value,
    /// Sealed secrets (nonce ‖ ciphertext).
    pub secrets: Vec<u8>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last update.
    pub updated_at: Option<DateTime<Utc>>,
}

/// A stored API key (only a SHA-256 of the secret is kept).
#[derive(Clone, Debug, PartialEq)]
pub struct ApiKeyRecord {
    /// Key id (public).
    pub id: String,
    /// Name given at creation.
    pub name: String,
    /// SHA-256 of the secret part.
    pub key_hash: Vec<u8>,
    /// The user the key acts for.
    pub username: String,
    /// Role descriptors further limiting the key (name → role body), if any.
    pub role_descriptors: Option<serde_json::Value>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Expiry.
    pub expires_at: Option<DateTime<Utc>>,
    /// Whether it was invalidated.
    pub invalidated: bool,
}

/// A security-relevant event.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// What (`login`, `login_failed`, `user_change`, `role_change`, `case_delete`, `connector_change`…).
    pub action: String,
    /// `success` or `failure`.
    pub outcome: String,
    /// Who.
    pub username: Option<String>,
    /// Where.
    pub space: Option<String>,
    /// On what.
    pub object_id: Option<String>,
    /// Anything else.
    pub detail: Option<String>,
}

/// A free-text search, already translated for the store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchExpr {
    /// An FTS5 MATCH expression for the positive terms (column filter included).
    pub fts: Option<String>,
    /// An FTS5 MATCH expression whose matches are excluded.
    pub fts_not: Option<String>,
    /// A case id the text equals.
    pub id: Option<String>,
    /// An incremental id the text names (`#12` or `12`).
    pub incremental_id: Option<i64>,
}

/// Case filters, already authorised (owners is never empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// Owners to include.
    pub owners: Vec<Owner>,
    /// Statuses (empty: all).
    pub statuses: Vec<Status>,
    /// Severities (empty: all).
    pub severities: Vec<Severity>,
    /// Any of these tags.
    pub tags: Vec<String>,
    /// Any of these assignee uids.
    pub assignees: Vec<String>,
    /// Also (or only, when `assignees` is empty) cases with no assignee.
    pub unassigned: bool,
    /// Any of these creator usernames.
    pub reporters: Vec<String>,
    /// Any of these categories.
    pub categories: Vec<String>,
    /// Created at or after.
    pub created_from: Option<DateTime<Utc>>,
    /// Created at or before.
    pub created_to: Option<DateTime<Utc>>,
    /// Free-text search.
    pub search: Option<SearchExpr>,
}

/// A page of cases with Kibana's status counts.
#[derive(Clone, Debug, Default)]
pub struct CasePage {
    /// The cases on the page, serialized as `_find` sends them (with `comments: []`).
    pub cases: Vec<FoundCase>,
    /// Total matches.
    pub total: usize,
    /// Counts per status, computed without the status filter and without the search.
    pub counts: StatusCounts,
}

/// A page request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// 1-based page number.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
}

impl Page {
    /// Rows to skip.
    pub fn offset(&self) -> usize {
        (self.page.saturating_sub(1)) * self.per_page
    }
}

/// One change in a write batch.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteOp {
    /// Create a case; the store assigns its `incremental_id`.
    InsertCase(Box<Case>),
    /// Replace a case if its stored version is `expected_version`.
    UpdateCase {
        /// The new state (its `version` is the new version).
        case: Box<Case>,
        /// The version the change was computed from.
        expected_version: String,
    },
    /// Delete a case with its attachments and user actions.
    DeleteCase {
        /// Case id.
        id: String,
    },
    /// Add an attachment.
    InsertAttachment {
        /// Case id.
        case_id: String,
        /// The attachment.
        attachment: Box<Attachment>,
    },
    /// Replace an attachment if its stored version is `expected_version`.
    UpdateAttachment {
        /// Case id.
        case_id: String,
        /// The new state.
        attachment: Box<Attachment>,
        /// The version the change was computed from.
        expected_version: String,
    },
    /// Delete an attachment.
    DeleteAttachment {
        /// Case id.
        case_id: String,
        /// Attachment id.
        id: String,
    },
    /// Record a user action.
    InsertUserAction {
        /// Case id.
        case_id: String,
        /// The action.
        action: Box<UserAction>,
    },
    /// Create or replace the configuration of `configuration.owner`.
    PutConfiguration {
        /// The new configuration.
        configuration: Box<Configuration>,
        /// For updates: the version the change was computed from.
        expected_version: Option<String>,
    },
}

/// The storage backend.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// All spaces.
    async fn spaces(&self) -> StoreResult<Vec<Space>>;
    /// Creates a space (`AlreadyExists` if the id is taken).
    async fn create_space(&self, space: Space) -> StoreResult<()>;
    /// Replaces a space's attributes.
    async fn update_space(&self, space: Space) -> StoreResult<()>;
    /// Deletes a space and every case, attachment, user action and configuration in it.
    async fn delete_space(&self, id: &str) -> StoreResult<()>;

    /// A user by login name.
    async fn user(&self, username: &str) -> StoreResult<Option<UserRecord>>;
    /// Users by profile uid.
    async fn users_by_uid(&self, uids: &[String]) -> StoreResult<Vec<UserRecord>>;
    /// Every user.
    async fn users(&self) -> StoreResult<Vec<UserRecord>>;
    /// Creates or replaces a user.
    async fn put_user(&self, user: UserRecord) -> StoreResult<()>;

    /// The cases with these ids in the space (missing ones are left out).
    async fn cases(&self, space: &str, ids: &[String]) -> StoreResult<Vec<Case>>;
    /// A filtered, sorted page of cases with status counts.
    async fn find_cases(
        &self,
        space: &str,
        filter: &CaseFilter,
        sort: (SortField, SortOrder),
        page: Page,
    ) -> StoreResult<CasePage>;
    /// Distinct tags, sorted.
    async fn tags(&self, space: &str, owners: &[Owner]) -> StoreResult<Vec<String>>;
    /// Distinct categories, sorted.
    async fn categories(&self, space: &str, owners: &[Owner]) -> StoreResult<Vec<String>>;
    /// Distinct creators.
    async fn reporters(&self, space: &str, owners: &[Owner]) -> StoreResult<Vec<User>>;
    /// Status counts and mean seconds to close of cases created in the window.
    async fn status_metrics(
        &self,
        space: &str,
        owners: &[Owner],
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> StoreResult<(StatusCounts, Option<i64>)>;

    /// Attachments of a case, oldest first; `user_only` keeps user comments.
    async fn attachments(
        &self,
        space: &str,
        case_id: &str,
        user_only: bool,
        order: SortOrder,
        page: Option<Page>,
    ) -> StoreResult<(Vec<Attachment>, usize)>;
    /// One attachment of a case.
    async fn attachment(
        &self,
        space: &str,
        case_id: &str,
        id: &str,
    ) -> StoreResult<Option<Attachment>>;
    /// Alerts attached to a case, in attach order.
    async fn case_alerts(&self, space: &str, case_id: &str) -> StoreResult<Vec<CaseAlert>>;
    /// Cases (of these owners) that have the alert attached.
    async fn cases_by_alert(
        &self,
        space: &str,
        alert_id: &str,
        owners: &[Owner],
    ) -> StoreResult<Vec<RelatedCase>>;

    /// A page of a case's user actions.
    async fn user_actions(
        &self,
        space: &str,
        case_id: &str,
        types: &[UserActionFindType],
        order: SortOrder,
        page: Page,
    ) -> StoreResult<(Vec<UserAction>, usize)>;
    /// Counts of a case's user actions.
    async fn user_action_stats(&self, space: &str, case_id: &str) -> StoreResult<UserActionStats>;
    /// Distinct users who acted on a case.
    async fn participants(&self, space: &str, case_id: &str) -> StoreResult<Vec<User>>;
    /// A case's status changes, oldest first (for lifespan metrics).
    async fn status_changes(
        &self,
        space: &str,
        case_id: &str,
    ) -> StoreResult<Vec<(DateTime<Utc>, Status)>>;

    /// Configurations of these owners.
    async fn configurations(
        &self,
        space: &str,
        owners: &[Owner],
    ) -> StoreResult<Vec<Configuration>>;
    /// A configuration by id.
    async fn configuration(&self, space: &str, id: &str) -> StoreResult<Option<Configuration>>;

    /// Connectors of a space.
    async fn connectors(&self, space: &str) -> StoreResult<Vec<StoredConnector>>;
    /// One connector.
    async fn connector(&self, space: &str, id: &str) -> StoreResult<Option<StoredConnector>>;
    /// Creates (`create`, else `AlreadyExists`) or replaces (else `NotFound`) a connector.
    async fn put_connector(
        &self,
        space: &str,
        connector: StoredConnector,
        create: bool,
    ) -> StoreResult<()>;
    /// Deletes a connector.
    async fn delete_connector(&self, space: &str, id: &str) -> StoreResult<()>;
    /// How many cases (of `owners`, or all) use a connector, and the newest `limit` of them as
    /// (id, title).
    async fn connector_usage(
        &self,
        space: &str,
        id: &str,
        owners: Option<&[Owner]>,
        limit: usize,
    ) -> StoreResult<(i64, Vec<(String, String)>)>;

    /// Custom roles.
    async fn roles(&self) -> StoreResult<Vec<casebook_api::security::Role>>;
    /// Creates or replaces a custom role.
    async fn put_role(&self, role: casebook_api::security::Role) -> StoreResult<()>;
    /// Deletes a custom role.
    async fn delete_role(&self, name: &str) -> StoreResult<()>;
    /// Stores a new API key.
    async fn insert_api_key(&self, key: ApiKeyRecord) -> StoreResult<()>;
    /// One API key.
    async fn api_key(&self, id: &str) -> StoreResult<Option<ApiKeyRecord>>;
    /// API keys of a user, or of everyone.
    async fn api_keys(&self, username: Option<&str>) -> StoreResult<Vec<ApiKeyRecord>>;
    /// Invalidates API keys; returns the ids that were valid.
    async fn invalidate_api_keys(&self, ids: &[String]) -> StoreResult<Vec<String>>;
    /// Appends an audit event.
    async fn audit(&self, event: AuditEvent) -> StoreResult<()>;
    /// The newest audit events.
    async fn audit_events(
        &self,
        action: Option<&str>,
        username: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<AuditEvent>>;

    /// Applies a batch in one transaction: all or nothing.
    async fn write(&self, space: &str, ops: Vec<WriteOp>) -> StoreResult<()>;
}
