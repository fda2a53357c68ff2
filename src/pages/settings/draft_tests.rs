//! Unit tests of the settings draft: keys, request bodies, validation and the 409 rebase.

use super::*;
use casebook_api::configure::{CustomFieldType, TemplateCaseFields};
use serde_json::json;

fn field(key: &str, label: &str) -> CustomFieldDefinition {
    CustomFieldDefinition {
        key: key.into(),
        label: label.into(),
        kind: CustomFieldType::Text,
        required: false,
        default_value: None,
    }
}

fn template(key: &str, name: &str, values: Vec<CaseCustomField>) -> Template {
    Template {
        key: key.into(),
        name: name.into(),
        description: None,
        tags: None,
        case_fields: Some(TemplateCaseFields {
            custom_fields: Some(values),
            ..Default::default()
        }),
    }
}

fn text(key: &str, v: &str) -> CaseCustomField {
    CaseCustomField::Text {
        key: key.into(),
        value: Some(v.into()),
    }
}

fn config(draft: &SettingsDraft) -> Configuration {
    serde_json::from_value(json!({
        "id": "cfg", "version": "WzEsMV0=", "owner": "securitySolution",
        "closure_type": "close-by-user",
        "connector": {"id": "none", "name": "none", "type": ".none", "fields": null},
        "customFields": serde_json::to_value(&draft.custom_fields).unwrap(),
        "templates": serde_json::to_value(&draft.templates).unwrap(),
        "mappings": [], "error": null,
        "created_at": "2024-01-01T00:00:00Z",
        "created_by": {"username": "elastic", "full_name": null, "email": null},
        "updated_at": null, "updated_by": null
    }))
    .expect("a configuration")
}

#[test]
fn keys_are_lowercase_uuids_the_api_accepts() {
    let k = key_from_bytes([0xAB; 16]);
    assert_eq!(k, "abababab-abab-4bab-abab-abababababab");
    for _ in 0..50 {
        let k = new_key();
        assert_eq!(k.len(), 36);
        assert!(
            k.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c) || c == '-'),
            "{k}"
        );
        let d = SettingsDraft {
            custom_fields: vec![field(&k, "Label")],
            ..Default::default()
        };
        assert_eq!(d.validate(), Ok(()));
    }
    assert_ne!(new_key(), new_key());
}

#[test]
fn post_body_carries_everything() {
    let d = SettingsDraft {
        closure_type: ClosureType::CloseByPushing,
        custom_fields: vec![field("a", "A")],
        ..Default::default()
    };
    let body = serde_json::to_value(d.to_request(Owner::SecuritySolution)).unwrap();
    assert_eq!(body["owner"], "securitySolution");
    assert_eq!(body["closure_type"], "close-by-pushing");
    assert_eq!(body["connector"]["type"], ".none");
    assert_eq!(body["customFields"][0]["key"], "a");
    assert_eq!(body["templates"], json!([]));
}

#[test]
fn patch_body_sends_only_what_changed() {
    let base = config(&SettingsDraft {
        custom_fields: vec![field("a", "A")],
        ..Default::default()
    });
    let mut d = SettingsDraft::from_config(Some(&base));
    let p = d.to_patch(&base);
    assert_eq!(p.version, "WzEsMV0=");
    assert!(p.closure_type.is_none() && p.custom_fields.is_none() && p.connector.is_none());
    d.closure_type = ClosureType::CloseByPushing;
    d.upsert_custom_field(field("a", "Renamed"));
    let p = d.to_patch(&base);
    assert_eq!(p.closure_type, Some(ClosureType::CloseByPushing));
    assert_eq!(p.custom_fields.unwrap()[0].label, "Renamed");
    assert!(p.templates.is_none());
}

#[test]
fn removing_a_field_drops_its_template_values() {
    let mut d = SettingsDraft {
        custom_fields: vec![field("a", "A"), field("b", "B")],
        templates: vec![template("t", "T", vec![text("a", "x"), text("b", "y")])],
        ..Default::default()
    };
    d.remove_custom_field("a");
    let values = d.templates[0]
        .case_fields
        .clone()
        .unwrap()
        .custom_fields
        .unwrap();
    assert_eq!(values, vec![text("b", "y")]);
    assert_eq!(d.validate(), Ok(()));
}

#[test]
fn validation_uses_the_api_messages() {
    let d = SettingsDraft {
        custom_fields: (0..11).map(|i| field(&format!("k{i}"), "L")).collect(),
        ..Default::default()
    };
    assert_eq!(
        d.validate().unwrap_err(),
        "The length of the field customFields is too long. Array must be of length <= 10."
    );
    let d = SettingsDraft {
        templates: vec![template("t", "T", vec![text("gone", "x")])],
        ..Default::default()
    };
    assert_eq!(d.validate().unwrap_err(), "Invalid custom field keys: gone");
}

#[test]
fn rebase_keeps_my_edits_on_top_of_theirs() {
    let original = SettingsDraft {
        custom_fields: vec![field("a", "A"), field("b", "B"), field("c", "C")],
        ..Default::default()
    };
    // Mine: renamed a, removed b, added d, changed the closure option.
    let mut mine = original.clone();
    mine.upsert_custom_field(field("a", "Mine"));
    mine.remove_custom_field("b");
    mine.upsert_custom_field(field("d", "D"));
    mine.closure_type = ClosureType::CloseByPushing;
    // Theirs: renamed c, added e, set a default connector.
    let mut theirs = original.clone();
    theirs.upsert_custom_field(field("c", "Theirs"));
    theirs.upsert_custom_field(field("e", "E"));
    theirs.connector = default_connector(Some(("j1", "Jira", ".jira")));

    let merged = mine.rebase(&original, &theirs);
    let labels: Vec<&str> = merged
        .custom_fields
        .iter()
        .map(|d| d.label.as_str())
        .collect();
    assert_eq!(labels, ["Mine", "Theirs", "E", "D"]);
    assert_eq!(merged.closure_type, ClosureType::CloseByPushing);
    assert_eq!(merged.connector.id, "j1");
}

#[test]
fn rebase_drops_template_values_of_fields_removed_by_others() {
    let original = SettingsDraft {
        custom_fields: vec![field("a", "A")],
        ..Default::default()
    };
    let mut mine = original.clone();
    mine.upsert_template(template("t", "T", vec![text("a", "x")]));
    let mut theirs = original.clone();
    theirs.remove_custom_field("a");
    let merged = mine.rebase(&original, &theirs);
    assert_eq!(merged.templates.len(), 1);
    assert_eq!(merged.validate(), Ok(()));
}

#[test]
fn default_connector_builds_the_case_connector() {
    let c = default_connector(Some(("id1", "My Jira", ".jira")));
    assert_eq!(c.id, "id1");
    assert_eq!(c.connector_type(), ConnectorType::Jira);
    assert!(default_connector(None).is_none());
    assert!(default_connector(Some(("x", "Email", ".email"))).is_none());
}
