//! Security wire types: the current user (`/internal/security/me`), login, and the users a case
//! involves (`/internal/cases/{id}/_users`).

use crate::user::User;
use serde::{Deserialize, Serialize};

/// The signed-in user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthenticatedUser {
    /// Login name.
    pub username: String,
    /// Display name.
    pub full_name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Role names.
    pub roles: Vec<String>,
    /// User profile uid.
    pub profile_uid: String,
    /// Whether the account is enabled.
    pub enabled: bool,
    /// How the user authenticated (`basic`, `session`).
    #[serde(default)]
    pub authentication_type: String,
}

/// Login parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginParams {
    /// Login name.
    pub username: String,
    /// Password.
    pub password: String,
}

/// `POST /internal/security/login` body (Kibana's shape).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LoginRequest {
    /// `basic`.
    pub provider_type: String,
    /// `basic`.
    pub provider_name: String,
    /// Where the user was going.
    #[serde(rename = "currentURL")]
    pub current_url: String,
    /// Credentials.
    pub params: LoginParams,
}

/// A participant, assignee or reporter of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseUser {
    /// The user.
    pub user: User,
    /// Profile uid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// `GET /internal/cases/{caseId}/_users` response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseUsers {
    /// Everyone who acted on the case.
    pub participants: Vec<CaseUser>,
    /// Assigned users.
    pub assignees: Vec<CaseUser>,
    /// Users who were assigned and later removed.
    pub unassigned_users: Vec<CaseUser>,
    /// The creator.
    pub reporter: CaseUser,
}

/// The user part of a user profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileUser {
    /// Login name.
    pub username: String,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Display name.
    #[serde(default)]
    pub full_name: Option<String>,
}

/// A user profile (Kibana's `/internal/security/user_profile` shape).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserProfile {
    /// Profile uid (what assignees reference).
    pub uid: String,
    /// Whether the user is enabled.
    pub enabled: bool,
    /// Profile data (avatar settings; empty here).
    #[serde(default)]
    pub data: serde_json::Value,
    /// The user.
    pub user: ProfileUser,
}

/// `POST /internal/cases/_suggest_user_profiles` body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestUserProfilesRequest {
    /// Name prefix (username, full name or e-mail).
    pub name: String,
    /// Owners the users must be able to work on.
    pub owners: Vec<crate::Owner>,
    /// How many (≤10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
}

/// `POST /internal/security/user_profile/_bulk_get` body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct BulkGetProfilesRequest {
    /// Profile uids.
    pub uids: Vec<String>,
    /// Which data to return (accepted and ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_path: Option<String>,
}

/// One Kibana privilege grant of a role: base privileges or per-feature ones, in some spaces.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KibanaPrivilege {
    /// `["all"]` or `["read"]` grant every feature.
    #[serde(default)]
    pub base: Vec<String>,
    /// Feature id → privileges (`securitySolutionCasesV3: ["minimal_all", "cases_delete"]`).
    #[serde(default)]
    pub feature: std::collections::BTreeMap<String, Vec<String>>,
    /// Space ids, or `["*"]` for every space.
    #[serde(default)]
    pub spaces: Vec<String>,
}

/// `PUT /api/security/role/{name}` body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleRequest {
    /// Elasticsearch privileges (accepted and ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elasticsearch: Option<serde_json::Value>,
    /// Kibana privileges.
    #[serde(default)]
    pub kibana: Vec<KibanaPrivilege>,
    /// Free-form metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A role as `GET /api/security/role[/{name}]` returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// Role name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Metadata (`_reserved: true` for built-in roles).
    #[serde(default)]
    pub metadata: serde_json::Value,
    /// Elasticsearch privileges (empty here).
    #[serde(default)]
    pub elasticsearch: serde_json::Value,
    /// Kibana privileges.
    pub kibana: Vec<KibanaPrivilege>,
}

/// A user as the users API returns it (never with a password).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInfo {
    /// Login name.
    pub username: String,
    /// Display name.
    pub full_name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Role names.
    pub roles: Vec<String>,
    /// Whether the user may sign in.
    pub enabled: bool,
    /// Profile uid (assignees reference it).
    pub profile_uid: String,
}

/// `POST /internal/security/users/{username}` body (create or update).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserRequest {
    /// Password (required when creating; omitted keeps the current one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Role names.
    pub roles: Vec<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Whether the user may sign in (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Accepted and ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
}

/// `POST /internal/security/users/{username}/password` body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PasswordRequest {
    /// The current password (required when changing one's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// The new password.
    pub new_password: String,
}

/// `POST /internal/security/api_key` body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    /// Name.
    pub name: String,
    /// Lifetime like `7d`, `12h`, `30m` (none: never expires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration: Option<String>,
    /// Role descriptors limiting the key: name → `{kibana: [...]}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_descriptors: Option<serde_json::Value>,
    /// Accepted and ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
}

/// `POST /internal/security/api_key` response: the secret is shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateApiKeyResponse {
    /// Key id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The secret part.
    pub api_key: String,
    /// `base64(id:api_key)`, for `Authorization: ApiKey …`.
    pub encoded: String,
    /// Expiry, milliseconds since the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration: Option<i64>,
}

/// An API key in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyInfo {
    /// Key id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Creation, ms since the epoch.
    pub creation: i64,
    /// Expiry, ms since the epoch.
    #[serde(default)]
    pub expiration: Option<i64>,
    /// Whether it was invalidated.
    pub invalidated: bool,
    /// Owner.
    pub username: String,
    /// Realm (`casebook`).
    pub realm: String,
}

/// `GET /internal/security/api_key` response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyList {
    /// The keys.
    pub api_keys: Vec<ApiKeyInfo>,
}

/// A key to invalidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyRef {
    /// Key id.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
}

/// `POST /internal/security/api_key/invalidate` body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct InvalidateApiKeysRequest {
    /// Keys.
    pub api_keys: Vec<ApiKeyRef>,
    /// Invalidate other users' keys (superusers).
    #[serde(default)]
    pub is_admin: bool,
}

/// `POST /internal/security/api_key/invalidate` response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvalidateApiKeysResponse {
    /// Keys invalidated.
    pub items_invalidated: Vec<ApiKeyRef>,
    /// Keys that could not be.
    pub errors: Vec<serde_json::Value>,
}

/// What the signed-in user may do with one solution's cases (Kibana's UI capabilities).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasesCapabilities {
    /// Create cases.
    pub create_cases: bool,
    /// See cases.
    pub read_cases: bool,
    /// Edit cases.
    pub update_cases: bool,
    /// Delete cases and comments.
    pub delete_cases: bool,
    /// Push cases.
    pub push_cases: bool,
    /// Edit case settings.
    pub cases_settings: bool,
    /// Add comments.
    pub create_comment: bool,
    /// Reopen closed cases.
    pub case_reopen: bool,
    /// Assign users.
    pub cases_assign: bool,
    /// Read connectors.
    pub cases_connectors: bool,
}

/// `GET /internal/casebook/capabilities`: what the user may do in the request's space.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    /// Per owner (`securitySolution`, `observability`, `cases`).
    pub cases: std::collections::BTreeMap<String, CasesCapabilities>,
    /// Read connectors.
    pub connectors_read: bool,
    /// Create, edit and delete connectors.
    pub connectors_all: bool,
    /// Manage users, roles, spaces; read the audit log.
    pub superuser: bool,
}
