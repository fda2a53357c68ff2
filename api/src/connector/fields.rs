//! The case fields each connector type asks for when a case uses it, with Kibana's fixed choices
//! (`connectors/<type>/case_fields.tsx`, §5.2 of the notes). The case page's sidebar and the
//! create form both render these, and edit [`ConnectorFields`] through them as text, so neither
//! knows the per-type structs.
//!
//! Kibana reads some choices from the external system (Jira issue types, ServiceNow categories,
//! Resilient incident types); without those calls they are typed in (ids or values), and the
//! lists below are the systems' out-of-the-box values.

use super::{ConnectorFields, ConnectorType, ResilientFields};
use serde_json::{Map, Value};

/// A fixed choice: `(wire value, label)`.
pub type Choice = (&'static str, &'static str);

/// How a case field is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseFieldKind {
    /// Free text (a string on the wire; empty is null).
    Text,
    /// One of a few strings.
    Select(&'static [Choice]),
    /// One of a few numbers (TheHive's TLP): the choice values are the numbers as text.
    NumberSelect(&'static [Choice]),
    /// Comma-separated values (an array of strings on the wire).
    List,
    /// A checkbox (a boolean on the wire).
    Toggle,
}

/// One case field of a connector type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseFieldSpec {
    /// The key in `connector.fields` (`issueType`).
    pub key: &'static str,
    /// The label.
    pub label: &'static str,
    /// How it is entered.
    pub kind: CaseFieldKind,
    /// Help under the input (empty for none).
    pub help: &'static str,
}

const fn spec(key: &'static str, label: &'static str, kind: CaseFieldKind) -> CaseFieldSpec {
    CaseFieldSpec {
        key,
        label,
        kind,
        help: "",
    }
}

impl CaseFieldSpec {
    const fn help(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }
}

/// Jira's default priorities (names are what Jira takes).
pub const JIRA_PRIORITIES: &[Choice] = &[
    ("Highest", "Highest"),
    ("High", "High"),
    ("Medium", "Medium"),
    ("Low", "Low"),
    ("Lowest", "Lowest"),
];
/// ServiceNow ITSM urgency, impact and severity.
pub const SERVICENOW_LEVELS: &[Choice] =
    &[("1", "1 - High"), ("2", "2 - Medium"), ("3", "3 - Low")];
/// ServiceNow SecOps priority.
pub const SERVICENOW_SIR_PRIORITIES: &[Choice] = &[
    ("1", "1 - Critical"),
    ("2", "2 - High"),
    ("3", "3 - Moderate"),
    ("4", "4 - Low"),
    ("5", "5 - Planning"),
];
/// IBM Resilient's default severity codes.
pub const RESILIENT_SEVERITIES: &[Choice] = &[("4", "Low"), ("5", "Medium"), ("6", "High")];
/// TheHive's Traffic Light Protocol levels.
pub const THEHIVE_TLP: &[Choice] = &[
    ("0", "CLEAR"),
    ("1", "GREEN"),
    ("2", "AMBER"),
    ("3", "AMBER+STRICT"),
    ("4", "RED"),
];
/// TheHive's default TLP (AMBER), as Kibana pre-selects it.
pub const THEHIVE_DEFAULT_TLP: i64 = 2;

const JIRA: &[CaseFieldSpec] = &[
    spec("issueType", "Issue type", CaseFieldKind::Text)
        .help("The Jira issue type id. Leave empty for the project's first issue type."),
    spec(
        "priority",
        "Priority",
        CaseFieldKind::Select(JIRA_PRIORITIES),
    ),
    spec("parent", "Parent issue", CaseFieldKind::Text)
        .help("An issue key such as SEC-12, for sub-tasks."),
];
const SERVICENOW_ITSM: &[CaseFieldSpec] = &[
    spec(
        "urgency",
        "Urgency",
        CaseFieldKind::Select(SERVICENOW_LEVELS),
    ),
    spec(
        "severity",
        "Severity",
        CaseFieldKind::Select(SERVICENOW_LEVELS),
    ),
    spec("impact", "Impact", CaseFieldKind::Select(SERVICENOW_LEVELS)),
    spec("category", "Category", CaseFieldKind::Text),
    spec("subcategory", "Subcategory", CaseFieldKind::Text),
];
const SERVICENOW_SIR: &[CaseFieldSpec] = &[
    spec("category", "Category", CaseFieldKind::Text),
    spec("subcategory", "Subcategory", CaseFieldKind::Text),
    spec(
        "priority",
        "Priority",
        CaseFieldKind::Select(SERVICENOW_SIR_PRIORITIES),
    ),
    spec("destIp", "Share destination IPs", CaseFieldKind::Toggle),
    spec("sourceIp", "Share source IPs", CaseFieldKind::Toggle),
    spec("malwareHash", "Share malware hashes", CaseFieldKind::Toggle),
    spec("malwareUrl", "Share malware URLs", CaseFieldKind::Toggle),
];
const RESILIENT: &[CaseFieldSpec] = &[
    spec("incidentTypes", "Incident types", CaseFieldKind::List)
        .help("Incident type ids, separated by commas."),
    spec(
        "severityCode",
        "Severity",
        CaseFieldKind::Select(RESILIENT_SEVERITIES),
    ),
];
const SWIMLANE: &[CaseFieldSpec] =
    &[spec("caseId", "Case ID", CaseFieldKind::Text).help("Leave empty to use this case's id.")];
const THEHIVE: &[CaseFieldSpec] = &[spec("tlp", "TLP", CaseFieldKind::NumberSelect(THEHIVE_TLP))];

/// The case fields of a connector type, in Kibana's order (none for `.none` and webhooks).
pub fn case_field_specs(t: ConnectorType) -> &'static [CaseFieldSpec] {
    match t {
        ConnectorType::None | ConnectorType::CasesWebhook => &[],
        ConnectorType::Jira => JIRA,
        ConnectorType::ServiceNowItsm => SERVICENOW_ITSM,
        ConnectorType::ServiceNowSir => SERVICENOW_SIR,
        ConnectorType::Resilient => RESILIENT,
        ConnectorType::Swimlane => SWIMLANE,
        ConnectorType::TheHive => THEHIVE,
    }
}

/// "name (type)", as connector pickers list a connector of `action_type_id`.
pub fn connector_label(name: &str, action_type_id: &str) -> String {
    match ConnectorType::parse(action_type_id) {
        Some(t) => format!("{name} ({})", t.label()),
        None => name.to_string(),
    }
}

impl ConnectorFields {
    /// The fields a newly chosen connector starts with (TheHive pre-selects AMBER, like Kibana).
    pub fn initial(t: ConnectorType) -> Self {
        match t {
            ConnectorType::TheHive => ConnectorFields::TheHive(super::TheHiveFields {
                tlp: Some(THEHIVE_DEFAULT_TLP),
            }),
            t => ConnectorFields::empty(t),
        }
    }

    /// Every key as a JSON object (null values included).
    fn object(&self) -> Map<String, Value> {
        let v = match self {
            ConnectorFields::Resilient(None) => {
                serde_json::to_value(ResilientFields::default()).unwrap_or(Value::Null)
            }
            f => f.to_value(),
        };
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    /// What an input shows for `key`: the string, the number, the list joined with ", ", or
    /// `"true"`/`"false"`; empty when unset.
    pub fn text(&self, key: &str) -> String {
        match self.object().get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        }
    }

    /// These fields with `spec`'s value set from an input's text (empty text unsets it).
    pub fn with_text(&self, spec: &CaseFieldSpec, text: &str) -> Result<Self, String> {
        let t = self.connector_type();
        if !case_field_specs(t).iter().any(|s| s.key == spec.key) {
            return Err(format!("{} has no field {}", t.label(), spec.key));
        }
        let text = text.trim();
        let value = match spec.kind {
            CaseFieldKind::Toggle => Value::Bool(text == "true"),
            _ if text.is_empty() => Value::Null,
            CaseFieldKind::Text | CaseFieldKind::Select(_) => Value::String(text.to_string()),
            CaseFieldKind::NumberSelect(_) => text
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| format!("{} must be a number", spec.label))?,
            CaseFieldKind::List => Value::Array(
                text.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_string()))
                    .collect(),
            ),
        };
        let mut obj = self.object();
        obj.insert(spec.key.to_string(), value);
        ConnectorFields::from_value(t, Value::Object(obj))
    }

    /// `(label, shown value)` of every field that is set, for a read-only summary.
    pub fn summary(&self) -> Vec<(&'static str, String)> {
        case_field_specs(self.connector_type())
            .iter()
            .filter_map(|s| {
                let text = self.text(s.key);
                let shown = match s.kind {
                    _ if text.is_empty() => return None,
                    CaseFieldKind::Toggle if text != "true" => return None,
                    CaseFieldKind::Toggle => "Yes".to_string(),
                    CaseFieldKind::Select(c) | CaseFieldKind::NumberSelect(c) => c
                        .iter()
                        .find(|(v, _)| *v == text)
                        .map_or(text.clone(), |(_, l)| l.to_string()),
                    _ => text,
                };
                Some((s.label, shown))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CaseConnector;
    use serde_json::json;

    fn spec_of(t: ConnectorType, key: &str) -> CaseFieldSpec {
        *case_field_specs(t).iter().find(|s| s.key == key).unwrap()
    }

    #[test]
    fn every_spec_key_is_a_wire_key_of_its_type() {
        for t in ConnectorType::ALL {
            let keys = ConnectorFields::empty(t).object();
            for s in case_field_specs(t) {
                assert!(keys.contains_key(s.key), "{} {}", t.as_str(), s.key);
            }
        }
        assert!(case_field_specs(ConnectorType::CasesWebhook).is_empty());
    }

    #[test]
    fn kibana_choices() {
        assert_eq!(SERVICENOW_LEVELS[0], ("1", "1 - High"));
        let tlp: Vec<_> = THEHIVE_TLP.iter().map(|c| c.1).collect();
        assert_eq!(tlp, ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]);
        assert_eq!(
            ConnectorFields::initial(ConnectorType::TheHive).text("tlp"),
            "2"
        );
    }

    #[test]
    fn text_edits_produce_wire_values() {
        let t = ConnectorType::ServiceNowItsm;
        let f = ConnectorFields::initial(t)
            .with_text(&spec_of(t, "urgency"), "1")
            .unwrap()
            .with_text(&spec_of(t, "category"), "  network ")
            .unwrap();
        let c = CaseConnector {
            id: "sn".into(),
            name: "SN".into(),
            fields: f.clone(),
        };
        assert_eq!(
            serde_json::to_value(&c).unwrap()["fields"],
            json!({"urgency":"1","severity":null,"impact":null,"category":"network","subcategory":null})
        );
        assert_eq!(
            f.summary(),
            vec![
                ("Urgency", "1 - High".to_string()),
                ("Category", "network".into())
            ]
        );
        let cleared = f.with_text(&spec_of(t, "urgency"), "").unwrap();
        assert_eq!(cleared.text("urgency"), "");
    }

    #[test]
    fn numbers_lists_and_toggles() {
        let r = ConnectorType::Resilient;
        let f = ConnectorFields::initial(r)
            .with_text(&spec_of(r, "incidentTypes"), "17, 21,")
            .unwrap();
        assert_eq!(f.text("incidentTypes"), "17, 21");
        assert_eq!(
            f,
            ConnectorFields::Resilient(Some(ResilientFields {
                incident_types: Some(vec!["17".into(), "21".into()]),
                ..Default::default()
            }))
        );
        let h = ConnectorType::TheHive;
        let f = ConnectorFields::initial(h)
            .with_text(&spec_of(h, "tlp"), "4")
            .unwrap();
        assert_eq!(f.summary(), vec![("TLP", "RED".to_string())]);
        assert!(f.with_text(&spec_of(h, "tlp"), "red").is_err());
        let s = ConnectorType::ServiceNowSir;
        let f = ConnectorFields::initial(s)
            .with_text(&spec_of(s, "destIp"), "true")
            .unwrap();
        assert_eq!(f.text("destIp"), "true");
        assert_eq!(
            f.summary(),
            vec![("Share destination IPs", "Yes".to_string())]
        );
    }

    #[test]
    fn a_field_of_another_type_is_refused() {
        let jira_priority = spec_of(ConnectorType::Jira, "priority");
        assert!(
            ConnectorFields::initial(ConnectorType::TheHive)
                .with_text(&jira_priority, "High")
                .is_err()
        );
        assert_eq!(connector_label("Ops", ".jira"), "Ops (Jira)");
        assert_eq!(connector_label("Mail", ".email"), "Mail");
    }
}
