//! Connectors as cases reference them: `{id, name, type, fields}` where `fields` depends on
//! `type`. Decoding is strict like Kibana's io-ts codecs: every documented key of a type's
//! `fields` must be present (values may be null) and unknown keys are rejected.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

pub mod fields;

/// The connector types a case can use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConnectorType {
    /// No external system.
    #[serde(rename = ".none")]
    None,
    /// Jira.
    #[serde(rename = ".jira")]
    Jira,
    /// ServiceNow ITSM.
    #[serde(rename = ".servicenow")]
    ServiceNowItsm,
    /// ServiceNow SecOps (SIR).
    #[serde(rename = ".servicenow-sir")]
    ServiceNowSir,
    /// IBM Resilient.
    #[serde(rename = ".resilient")]
    Resilient,
    /// Swimlane.
    #[serde(rename = ".swimlane")]
    Swimlane,
    /// TheHive.
    #[serde(rename = ".thehive")]
    TheHive,
    /// Webhook - Case Management.
    #[serde(rename = ".cases-webhook")]
    CasesWebhook,
}

impl ConnectorType {
    /// Every case connector type.
    pub const ALL: [ConnectorType; 8] = [
        ConnectorType::None,
        ConnectorType::Jira,
        ConnectorType::ServiceNowItsm,
        ConnectorType::ServiceNowSir,
        ConnectorType::Resilient,
        ConnectorType::Swimlane,
        ConnectorType::TheHive,
        ConnectorType::CasesWebhook,
    ];

    /// The wire id (`.jira`).
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectorType::None => ".none",
            ConnectorType::Jira => ".jira",
            ConnectorType::ServiceNowItsm => ".servicenow",
            ConnectorType::ServiceNowSir => ".servicenow-sir",
            ConnectorType::Resilient => ".resilient",
            ConnectorType::Swimlane => ".swimlane",
            ConnectorType::TheHive => ".thehive",
            ConnectorType::CasesWebhook => ".cases-webhook",
        }
    }

    /// The name shown to people ("Jira", "ServiceNow ITSM").
    pub fn label(self) -> &'static str {
        match self {
            ConnectorType::None => "No connector",
            ConnectorType::Jira => "Jira",
            ConnectorType::ServiceNowItsm => "ServiceNow ITSM",
            ConnectorType::ServiceNowSir => "ServiceNow SecOps",
            ConnectorType::Resilient => "IBM Resilient",
            ConnectorType::Swimlane => "Swimlane",
            ConnectorType::TheHive => "TheHive",
            ConnectorType::CasesWebhook => "Webhook - Case Management",
        }
    }

    /// Parses a wire id.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Deserializes a key that must be present but may be null (io-ts `t.union([X, t.null])` in a
/// `t.type`). Serde treats a field with `deserialize_with` as required.
fn required<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// Jira case fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct JiraFields {
    /// Issue type id.
    #[serde(deserialize_with = "required")]
    pub issue_type: Option<String>,
    /// Parent issue key (for sub-tasks).
    #[serde(deserialize_with = "required")]
    pub parent: Option<String>,
    /// Priority name.
    #[serde(deserialize_with = "required")]
    pub priority: Option<String>,
    /// Extra Jira fields as a JSON string (newer Kibana).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_fields: Option<String>,
}

/// ServiceNow ITSM case fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ServiceNowItsmFields {
    /// Impact choice value.
    #[serde(deserialize_with = "required")]
    pub impact: Option<String>,
    /// Severity choice value.
    #[serde(deserialize_with = "required")]
    pub severity: Option<String>,
    /// Urgency choice value.
    #[serde(deserialize_with = "required")]
    pub urgency: Option<String>,
    /// Category.
    #[serde(deserialize_with = "required")]
    pub category: Option<String>,
    /// Subcategory.
    #[serde(deserialize_with = "required")]
    pub subcategory: Option<String>,
    /// Extra fields as a JSON string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_fields: Option<String>,
}

/// ServiceNow SecOps (SIR) case fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ServiceNowSirFields {
    /// Category.
    #[serde(deserialize_with = "required")]
    pub category: Option<String>,
    /// Send destination IPs of attached alerts.
    #[serde(deserialize_with = "required")]
    pub dest_ip: Option<bool>,
    /// Send malware hashes of attached alerts.
    #[serde(deserialize_with = "required")]
    pub malware_hash: Option<bool>,
    /// Send malware URLs of attached alerts.
    #[serde(deserialize_with = "required")]
    pub malware_url: Option<bool>,
    /// Priority.
    #[serde(deserialize_with = "required")]
    pub priority: Option<String>,
    /// Send source IPs of attached alerts.
    #[serde(deserialize_with = "required")]
    pub source_ip: Option<bool>,
    /// Subcategory.
    #[serde(deserialize_with = "required")]
    pub subcategory: Option<String>,
    /// Extra fields as a JSON string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_fields: Option<String>,
}

/// IBM Resilient case fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ResilientFields {
    /// Incident type ids.
    #[serde(deserialize_with = "required")]
    pub incident_types: Option<Vec<String>>,
    /// Severity code id.
    #[serde(deserialize_with = "required")]
    pub severity_code: Option<String>,
    /// Extra fields as a JSON string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_fields: Option<String>,
}

/// Swimlane case fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SwimlaneFields {
    /// Swimlane case id (defaults to the Casebook case id).
    #[serde(deserialize_with = "required")]
    pub case_id: Option<String>,
}

/// TheHive case fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TheHiveFields {
    /// Traffic Light Protocol level 0–4 (CLEAR, GREEN, AMBER, AMBER+STRICT, RED).
    #[serde(deserialize_with = "required")]
    pub tlp: Option<i64>,
}

/// The per-type `fields` of a case connector.
#[derive(Clone, Debug, PartialEq)]
pub enum ConnectorFields {
    /// `.none`: `fields: null`.
    None,
    /// `.cases-webhook`: `fields: null`.
    CasesWebhook,
    /// `.jira`.
    Jira(JiraFields),
    /// `.servicenow`.
    ServiceNowItsm(ServiceNowItsmFields),
    /// `.servicenow-sir`.
    ServiceNowSir(ServiceNowSirFields),
    /// `.resilient` (its fields may be null).
    Resilient(Option<ResilientFields>),
    /// `.swimlane`.
    Swimlane(SwimlaneFields),
    /// `.thehive`.
    TheHive(TheHiveFields),
}

impl ConnectorFields {
    /// The connector type these fields belong to.
    pub fn connector_type(&self) -> ConnectorType {
        match self {
            ConnectorFields::None => ConnectorType::None,
            ConnectorFields::CasesWebhook => ConnectorType::CasesWebhook,
            ConnectorFields::Jira(_) => ConnectorType::Jira,
            ConnectorFields::ServiceNowItsm(_) => ConnectorType::ServiceNowItsm,
            ConnectorFields::ServiceNowSir(_) => ConnectorType::ServiceNowSir,
            ConnectorFields::Resilient(_) => ConnectorType::Resilient,
            ConnectorFields::Swimlane(_) => ConnectorType::Swimlane,
            ConnectorFields::TheHive(_) => ConnectorType::TheHive,
        }
    }

    /// Empty fields (all keys null) for a type: what the UI starts from.
    pub fn empty(t: ConnectorType) -> Self {
        match t {
            ConnectorType::None => ConnectorFields::None,
            ConnectorType::CasesWebhook => ConnectorFields::CasesWebhook,
            ConnectorType::Jira => ConnectorFields::Jira(Default::default()),
            ConnectorType::ServiceNowItsm => ConnectorFields::ServiceNowItsm(Default::default()),
            ConnectorType::ServiceNowSir => ConnectorFields::ServiceNowSir(Default::default()),
            ConnectorType::Resilient => ConnectorFields::Resilient(None),
            ConnectorType::Swimlane => ConnectorFields::Swimlane(Default::default()),
            ConnectorType::TheHive => ConnectorFields::TheHive(Default::default()),
        }
    }

    fn to_value(&self) -> Value {
        let v = match self {
            ConnectorFields::None | ConnectorFields::CasesWebhook => Ok(Value::Null),
            ConnectorFields::Jira(f) => serde_json::to_value(f),
            ConnectorFields::ServiceNowItsm(f) => serde_json::to_value(f),
            ConnectorFields::ServiceNowSir(f) => serde_json::to_value(f),
            ConnectorFields::Resilient(f) => serde_json::to_value(f),
            ConnectorFields::Swimlane(f) => serde_json::to_value(f),
            ConnectorFields::TheHive(f) => serde_json::to_value(f),
        };
        v.unwrap_or(Value::Null)
    }

    fn from_value(t: ConnectorType, v: Value) -> Result<Self, String> {
        fn typed<T: DeserializeOwned>(v: Value) -> Result<T, String> {
            serde_json::from_value(v).map_err(|e| format!("connector.fields: {e}"))
        }
        // Kibana's codecs take `fields: null` for every typed connector
        // (`rt.union([JiraFieldsRt, rt.null])`), and the settings page sends exactly that for its
        // default connector. Null reads as "every field unset".
        if v.is_null() && !matches!(t, ConnectorType::Resilient) {
            return Ok(ConnectorFields::empty(t));
        }
        Ok(match t {
            ConnectorType::None | ConnectorType::CasesWebhook => {
                if !v.is_null() {
                    return Err(format!(
                        "Invalid value {v} supplied to \"connector.fields\": must be null for a {} connector",
                        t.as_str()
                    ));
                }
                ConnectorFields::empty(t)
            }
            ConnectorType::Jira => ConnectorFields::Jira(typed(v)?),
            ConnectorType::ServiceNowItsm => ConnectorFields::ServiceNowItsm(typed(v)?),
            ConnectorType::ServiceNowSir => ConnectorFields::ServiceNowSir(typed(v)?),
            ConnectorType::Resilient if v.is_null() => ConnectorFields::Resilient(None),
            ConnectorType::Resilient => ConnectorFields::Resilient(Some(typed(v)?)),
            ConnectorType::Swimlane => ConnectorFields::Swimlane(typed(v)?),
            ConnectorType::TheHive => ConnectorFields::TheHive(typed(v)?),
        })
    }
}

/// A connector as a case (or a configuration) references it.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseConnector {
    /// Connector id (`none` for no connector).
    pub id: String,
    /// Connector name (`none` for no connector).
    pub name: String,
    /// Type and per-type fields.
    pub fields: ConnectorFields,
}

impl CaseConnector {
    /// The "no connector" value Kibana uses: `{id:"none", name:"none", type:".none", fields:null}`.
    pub fn none() -> Self {
        Self {
            id: "none".into(),
            name: "none".into(),
            fields: ConnectorFields::None,
        }
    }
    /// The connector's type.
    pub fn connector_type(&self) -> ConnectorType {
        self.fields.connector_type()
    }
    /// Whether this is the "no connector" value.
    pub fn is_none(&self) -> bool {
        self.connector_type() == ConnectorType::None
    }
}

impl Default for CaseConnector {
    fn default() -> Self {
        Self::none()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConnector {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: ConnectorType,
    fields: Value,
}

impl Serialize for CaseConnector {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        RawConnector {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.connector_type(),
            fields: self.fields.to_value(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for CaseConnector {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawConnector::deserialize(d)?;
        let fields = ConnectorFields::from_value(raw.kind, raw.fields).map_err(D::Error::custom)?;
        Ok(CaseConnector {
            id: raw.id,
            name: raw.name,
            fields,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn none_connector_round_trips() {
        let v = json!({"id":"none","name":"none","type":".none","fields":null});
        let c: CaseConnector = serde_json::from_value(v.clone()).unwrap();
        assert!(c.is_none());
        assert_eq!(serde_json::to_value(&c).unwrap(), v);
    }

    #[test]
    fn jira_requires_every_key_and_rejects_unknown_ones() {
        let ok = json!({"id":"j","name":"Jira","type":".jira",
            "fields":{"issueType":"10006","parent":null,"priority":"High"}});
        let c: CaseConnector = serde_json::from_value(ok.clone()).unwrap();
        assert_eq!(serde_json::to_value(&c).unwrap(), ok);
        let missing = json!({"id":"j","name":"Jira","type":".jira","fields":{"issueType":null}});
        assert!(serde_json::from_value::<CaseConnector>(missing).is_err());
        let extra = json!({"id":"j","name":"Jira","type":".jira",
            "fields":{"issueType":null,"parent":null,"priority":null,"bogus":1}});
        assert!(serde_json::from_value::<CaseConnector>(extra).is_err());
    }

    #[test]
    fn typed_connectors_accept_null_fields_like_kibana() {
        let v = json!({"id":"j","name":"Jira","type":".jira","fields":null});
        let c: CaseConnector = serde_json::from_value(v).unwrap();
        assert_eq!(c.fields, ConnectorFields::empty(ConnectorType::Jira));
    }

    #[test]
    fn none_with_fields_and_unknown_type_are_rejected() {
        let v = json!({"id":"none","name":"none","type":".none","fields":{"a":1}});
        assert!(serde_json::from_value::<CaseConnector>(v).is_err());
        let v = json!({"id":"x","name":"x","type":".email","fields":null});
        assert!(serde_json::from_value::<CaseConnector>(v).is_err());
    }

    #[test]
    fn resilient_fields_may_be_null() {
        let v = json!({"id":"r","name":"R","type":".resilient","fields":null});
        let c: CaseConnector = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(c.fields, ConnectorFields::Resilient(None));
        assert_eq!(serde_json::to_value(&c).unwrap(), v);
    }
}
