//! Kibana spaces (a minimal subset of the spaces API): data is partitioned by space and every
//! Cases path also exists under `/s/{space_id}`.

use serde::{Deserialize, Serialize};

/// The space that always exists.
pub const DEFAULT_SPACE: &str = "default";

/// A space.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Space {
    /// Id used in URLs (`/s/{id}`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Avatar colour (`#aabbcc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Avatar initials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// Features hidden in the space.
    #[serde(default)]
    pub disabled_features: Vec<String>,
    /// Whether the space is built in (the default space).
    #[serde(default, rename = "_reserved", skip_serializing_if = "Option::is_none")]
    pub reserved: Option<bool>,
}

/// `POST /api/spaces/space` body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SpaceRequest {
    /// Id (lowercase letters, digits, `_` and `-`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Avatar colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Avatar initials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// Features hidden in the space.
    #[serde(default)]
    pub disabled_features: Vec<String>,
    /// Accepted and ignored (Kibana's avatar image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Accepted and ignored (Kibana's solution view).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solution: Option<String>,
}

/// Validates a space id like Kibana: `a-z0-9_-`, not empty.
pub fn validate_space_id(id: &str) -> Result<(), String> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return Err("[id]: must be lower case, a-z, 0-9, '_', and '-' are allowed".into());
    }
    Ok(())
}
