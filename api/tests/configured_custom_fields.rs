//! `ConfiguredCustomFields` (what the cases table reads of a configuration) reads every
//! configuration the API returns and gives the same custom fields as a full `Configuration`.

use casebook_api::configure::{Configuration, ConfiguredCustomFields, CustomFieldType};
use serde_json::json;

/// A Security configuration with a Jira connector, two custom fields and a template.
fn configuration() -> serde_json::Value {
    json!({
        "id": "cfg-1", "version": "WzEsMV0=", "owner": "securitySolution",
        "closure_type": "close-by-pushing",
        "connector": {"id": "jira-1", "name": "Jira", "type": ".jira",
                      "fields": {"issueType": "10001", "priority": null, "parent": null}},
        "customFields": [
            {"key": "impact", "label": "Impact", "type": "text", "required": true,
             "defaultValue": "low"},
            {"key": "escalated", "label": "Escalated", "type": "toggle", "required": false}
        ],
        "templates": [{"key": "phishing", "name": "Phishing", "caseFields": {"title": "Phish"}}],
        "observableTypes": [],
        "mappings": [{"source": "title", "target": "summary", "action_type": "overwrite"}],
        "error": null,
        "created_at": "2024-01-01T00:00:00Z",
        "created_by": {"username": "e", "full_name": null, "email": null},
        "updated_at": null, "updated_by": null
    })
}

#[test]
fn the_tables_read_keeps_the_custom_fields_of_a_full_configuration() {
    let full: Configuration = serde_json::from_value(configuration()).expect("a configuration");
    let slim: ConfiguredCustomFields =
        serde_json::from_value(configuration()).expect("its custom fields");
    assert_eq!(slim.custom_fields, full.custom_fields);
    assert_eq!(slim.custom_fields.len(), 2);
    assert_eq!(slim.custom_fields[1].kind, CustomFieldType::Toggle);
}

#[test]
fn a_configuration_without_custom_fields_is_an_error_not_an_empty_list() {
    let mut v = configuration();
    v.as_object_mut().unwrap().remove("customFields");
    assert!(serde_json::from_value::<ConfiguredCustomFields>(v).is_err());
}
