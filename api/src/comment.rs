//! Attachments (Kibana calls them comments): user comments, alerts, events, endpoint actions,
//! external references and persistable state. The request bodies carry `owner` (and, for PATCH,
//! `id`/`version`) next to the type-tagged payload; decoding is strict like Kibana's.

use crate::owner::Owner;
use crate::user::User;
use chrono::{DateTime, Utc};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// A string or an array of strings (`alertId`, `index`, `eventId`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values as a slice-like vector.
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
    /// How many values.
    pub fn len(&self) -> usize {
        match self {
            OneOrMany::One(_) => 1,
            OneOrMany::Many(v) => v.len(),
        }
    }
    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Whether both are the same shape (both one, or arrays of the same length).
    pub fn same_shape(&self, other: &OneOrMany) -> bool {
        match (self, other) {
            (OneOrMany::One(_), OneOrMany::One(_)) => true,
            (OneOrMany::Many(a), OneOrMany::Many(b)) => a.len() == b.len(),
            _ => false,
        }
    }
}

fn required<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// The rule that raised attached alerts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRule {
    /// Rule id.
    #[serde(deserialize_with = "required")]
    pub id: Option<String>,
    /// Rule name.
    #[serde(deserialize_with = "required")]
    pub name: Option<String>,
}

/// A host targeted by an endpoint response action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ActionTarget {
    /// Host name.
    pub hostname: String,
    /// Endpoint id.
    pub endpoint_id: String,
}

/// An endpoint response action (isolate / unisolate).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointActions {
    /// Hosts acted on.
    pub targets: Vec<ActionTarget>,
    /// Action type, e.g. `isolate`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// The type-specific part of an attachment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum AttachmentPayload {
    /// A user's Markdown comment.
    #[serde(rename = "user")]
    User {
        /// Markdown text (1..30000).
        comment: String,
    },
    /// One or more alerts raised by one rule.
    #[serde(rename = "alert")]
    Alert {
        /// Alert ids.
        #[serde(rename = "alertId")]
        alert_id: OneOrMany,
        /// Alert indices, parallel to `alertId`.
        index: OneOrMany,
        /// The rule.
        rule: AlertRule,
    },
    /// One or more events (Security).
    #[serde(rename = "event")]
    Event {
        /// Event ids.
        #[serde(rename = "eventId")]
        event_id: OneOrMany,
        /// Event indices.
        index: OneOrMany,
    },
    /// An endpoint response action with a comment.
    #[serde(rename = "actions")]
    Actions {
        /// Comment text.
        comment: String,
        /// The action.
        actions: EndpointActions,
    },
    /// A reference to something stored elsewhere (files, indicators…).
    #[serde(rename = "externalReference", rename_all = "camelCase")]
    ExternalReference {
        /// Referenced id.
        external_reference_id: String,
        /// Where it is stored.
        external_reference_storage: Value,
        /// Registered attachment type (`.files`…).
        external_reference_attachment_type_id: String,
        /// Free-form metadata.
        #[serde(default)]
        external_reference_metadata: Option<Value>,
    },
    /// Persistable state (Lens visualizations, ML charts).
    #[serde(rename = "persistableState", rename_all = "camelCase")]
    PersistableState {
        /// Registered attachment type (`.lens`…).
        persistable_state_attachment_type_id: String,
        /// The state.
        persistable_state_attachment_state: Value,
    },
}

impl AttachmentPayload {
    /// The wire `type`.
    pub fn type_name(&self) -> &'static str {
        match self {
            AttachmentPayload::User { .. } => "user",
            AttachmentPayload::Alert { .. } => "alert",
            AttachmentPayload::Event { .. } => "event",
            AttachmentPayload::Actions { .. } => "actions",
            AttachmentPayload::ExternalReference { .. } => "externalReference",
            AttachmentPayload::PersistableState { .. } => "persistableState",
        }
    }
    /// The alert ids this payload attaches (empty for non-alerts).
    pub fn alert_ids(&self) -> Vec<String> {
        match self {
            AttachmentPayload::Alert { alert_id, .. } => alert_id.to_vec(),
            _ => Vec::new(),
        }
    }
}

/// Splits `owner` (and the given extra keys) off a JSON object and decodes the rest as a payload.
fn split_payload<E: serde::de::Error>(
    mut map: Map<String, Value>,
    extra: &[&'static str],
) -> Result<(Owner, Vec<Value>, AttachmentPayload), E> {
    let owner = map
        .remove("owner")
        .ok_or_else(|| E::missing_field("owner"))?;
    let owner: Owner = serde_json::from_value(owner).map_err(E::custom)?;
    let mut extras = Vec::new();
    for key in extra {
        extras.push(map.remove(*key).ok_or_else(|| E::missing_field(key))?);
    }
    let payload = serde_json::from_value(Value::Object(map)).map_err(E::custom)?;
    Ok((owner, extras, payload))
}

/// `POST /api/cases/{caseId}/comments` body.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachmentRequest {
    /// Must equal the case's owner.
    pub owner: Owner,
    /// The attachment.
    pub payload: AttachmentPayload,
}

impl<'de> Deserialize<'de> for AttachmentRequest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = Map::deserialize(d)?;
        let (owner, _, payload) = split_payload::<D::Error>(map, &[])?;
        Ok(Self { owner, payload })
    }
}

fn with_fields<S: Serializer>(
    s: S,
    payload: &AttachmentPayload,
    fields: Vec<(&str, Value)>,
) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    let mut v = serde_json::to_value(payload).map_err(S::Error::custom)?;
    if let Value::Object(m) = &mut v {
        for (k, val) in fields {
            m.insert(k.to_string(), val);
        }
    }
    v.serialize(s)
}

impl Serialize for AttachmentRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        with_fields(
            s,
            &self.payload,
            vec![("owner", Value::from(self.owner.as_str()))],
        )
    }
}

/// `PATCH /api/cases/{caseId}/comments` body: the whole new payload plus `id` and `version`.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachmentPatchRequest {
    /// Attachment id.
    pub id: String,
    /// The attachment version the client last saw.
    pub version: String,
    /// Must equal the attachment's owner.
    pub owner: Owner,
    /// The new payload (its type must not change).
    pub payload: AttachmentPayload,
}

impl<'de> Deserialize<'de> for AttachmentPatchRequest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = Map::deserialize(d)?;
        let (owner, extras, payload) = split_payload::<D::Error>(map, &["id", "version"])?;
        let text = |v: &Value, k: &str| {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| D::Error::custom(format!("Invalid value {v} supplied to \"{k}\"")))
        };
        Ok(Self {
            id: text(&extras[0], "id")?,
            version: text(&extras[1], "version")?,
            owner,
            payload,
        })
    }
}

impl Serialize for AttachmentPatchRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        with_fields(
            s,
            &self.payload,
            vec![
                ("owner", Value::from(self.owner.as_str())),
                ("id", Value::from(self.id.clone())),
                ("version", Value::from(self.version.clone())),
            ],
        )
    }
}

/// An attachment as the API returns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    /// Attachment id.
    pub id: String,
    /// Optimistic-concurrency token.
    pub version: String,
    /// Owner (the case's).
    pub owner: Owner,
    /// The type-tagged payload, flattened (`type`, `comment`, `alertId`…).
    #[serde(flatten)]
    pub payload: AttachmentPayload,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Creator.
    pub created_by: User,
    /// When it was last pushed.
    pub pushed_at: Option<DateTime<Utc>>,
    /// Who last pushed it.
    pub pushed_by: Option<User>,
    /// Last update time.
    pub updated_at: Option<DateTime<Utc>>,
    /// Last updater.
    pub updated_by: Option<User>,
}

/// `GET /api/cases/{caseId}/comments/_find` response (user comments only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommentsFindResponse {
    /// The page of comments.
    pub comments: Vec<Attachment>,
    /// Page number (1-based).
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// Total matching comments.
    pub total: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn user_comment_request_round_trips() {
        let v = json!({"type":"user","comment":"hi","owner":"cases"});
        let r: AttachmentRequest = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(r.owner, Owner::Cases);
        assert_eq!(serde_json::to_value(&r).unwrap(), v);
    }

    #[test]
    fn alert_request_accepts_strings_or_arrays() {
        let v = json!({"type":"alert","alertId":["a","b"],"index":["i","i"],
            "rule":{"id":"r","name":"Rule"},"owner":"securitySolution"});
        let r: AttachmentRequest = serde_json::from_value(v).unwrap();
        assert_eq!(r.payload.alert_ids(), vec!["a", "b"]);
        let v = json!({"type":"alert","alertId":"a","index":"i","rule":{"id":null,"name":null},"owner":"cases"});
        assert!(serde_json::from_value::<AttachmentRequest>(v).is_ok());
    }

    #[test]
    fn unknown_keys_missing_owner_and_unknown_type_are_rejected() {
        let bad = [
            json!({"type":"user","comment":"hi","owner":"cases","foo":1}),
            json!({"type":"user","comment":"hi"}),
            json!({"type":"bogus","comment":"hi","owner":"cases"}),
            json!({"type":"alert","alertId":"a","index":"i","owner":"cases"}),
        ];
        for v in bad {
            assert!(
                serde_json::from_value::<AttachmentRequest>(v.clone()).is_err(),
                "{v}"
            );
        }
    }

    #[test]
    fn patch_request_needs_id_and_version() {
        let v = json!({"id":"c1","version":"WzEsMV0=","type":"user","comment":"x","owner":"cases"});
        let r: AttachmentPatchRequest = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(r.id, "c1");
        assert_eq!(serde_json::to_value(&r).unwrap(), v);
        let v = json!({"id":"c1","type":"user","comment":"x","owner":"cases"});
        assert!(serde_json::from_value::<AttachmentPatchRequest>(v).is_err());
    }

    #[test]
    fn attachment_response_is_flat() {
        let v = json!({"id":"c","version":"v","owner":"cases","type":"user","comment":"hi",
            "created_at":"2024-01-02T03:04:05.006Z",
            "created_by":{"email":null,"full_name":null,"username":"elastic"},
            "pushed_at":null,"pushed_by":null,"updated_at":null,"updated_by":null});
        let a: Attachment = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(
            a.payload,
            AttachmentPayload::User {
                comment: "hi".into()
            }
        );
        let back = serde_json::to_value(&a).unwrap();
        assert_eq!(back["type"], "user");
        assert_eq!(back["created_by"]["username"], "elastic");
    }
}
