//! The user object Kibana embeds in cases, comments and user actions
//! (`created_by`, `updated_by`, `closed_by`, `pushed_by`).

use serde::{Deserialize, Serialize};

/// A user as Kibana stores it on a saved object. `email`, `full_name` and `username` are always
/// present (possibly null); `profile_uid` only when the user has a profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// E-mail address.
    pub email: Option<String>,
    /// Display name.
    pub full_name: Option<String>,
    /// Login name.
    pub username: Option<String>,
    /// User profile id (assignees reference users by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_uid: Option<String>,
}

impl User {
    /// The name to show: full name, else username, else "Unknown".
    pub fn display_name(&self) -> &str {
        self.full_name
            .as_deref()
            .filter(|s| !s.is_empty())
            .or(self.username.as_deref())
            .unwrap_or("Unknown")
    }
}
