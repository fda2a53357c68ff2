//! Unit tests of the template form: conversion both ways and messages per input.

use super::*;
use casebook_api::case::CaseCustomField;
use serde_json::json;

fn defs() -> Vec<CustomFieldDefinition> {
    vec![
        CustomFieldDefinition {
            key: "ticket".into(),
            label: "Ticket".into(),
            kind: CustomFieldType::Text,
            required: true,
            default_value: None,
        },
        CustomFieldDefinition {
            key: "urgent".into(),
            label: "Urgent".into(),
            kind: CustomFieldType::Toggle,
            required: false,
            default_value: Some(json!(true)),
        },
        CustomFieldDefinition {
            key: "score".into(),
            label: "Score".into(),
            kind: CustomFieldType::Number,
            required: false,
            default_value: None,
        },
    ]
}

#[test]
fn a_blank_form_starts_at_the_defaults_and_leaves_empty_fields_out() {
    let mut f = TemplateForm::blank(&defs());
    assert_eq!(f.custom[1], ("urgent".into(), FieldDraft::Toggle(true)));
    f.name = " Phishing ".into();
    f.title = "Phishing report".into();
    f.severity = Some(Severity::High);
    f.case_tags = vec!["phishing".into()];
    let t = f.to_template(&defs()).unwrap();
    assert_eq!(t.name, "Phishing");
    assert_eq!(t.key.len(), 36);
    assert_eq!(t.description, None);
    assert_eq!(t.tags, None);
    let cf = t.case_fields.unwrap();
    assert_eq!(cf.title.as_deref(), Some("Phishing report"));
    assert_eq!(cf.description, None);
    assert_eq!(cf.category, None);
    assert_eq!(cf.severity, Some(Severity::High));
    // The required text field stayed empty: left out; the toggle always has a value.
    assert_eq!(
        cf.custom_fields.unwrap(),
        vec![CaseCustomField::Toggle {
            key: "urgent".into(),
            value: Some(true)
        }]
    );
}

#[test]
fn an_existing_template_round_trips() {
    let mut f = TemplateForm::blank(&defs());
    f.name = "Malware".into();
    f.description = "For malware cases".into();
    f.tags = vec!["sec".into()];
    f.category = "Malware".into();
    f.custom[0].1 = FieldDraft::Text("INC-9".into());
    f.custom[2].1 = FieldDraft::Text("3".into());
    let t = f.to_template(&defs()).unwrap();
    let back = TemplateForm::from_template(&t, &defs());
    assert_eq!(back.key.as_deref(), Some(t.key.as_str()));
    assert_eq!(back.to_template(&defs()).unwrap(), t);
    assert_eq!(back.category, "Malware");
    assert_eq!(back.custom[2].1, FieldDraft::Text("3".into()));
}

#[test]
fn messages_land_on_their_input() {
    let mut f = TemplateForm::blank(&defs());
    f.custom[2].1 = FieldDraft::Text("x".into());
    f.tags = (0..11).map(|i| format!("t{i}")).collect();
    f.title = "t".repeat(161);
    let e = f.to_template(&defs()).unwrap_err();
    assert_eq!(
        e.name.as_deref(),
        Some("The name field cannot be an empty string.")
    );
    assert_eq!(
        e.tags.as_deref(),
        Some("The length of the field tags is too long. Array must be of length <= 10.")
    );
    assert_eq!(
        e.title.as_deref(),
        Some("The length of the title is too long. The maximum length is 160.")
    );
    assert_eq!(
        e.custom_for("score").as_deref(),
        Some("Score must be a whole number.")
    );
    assert_eq!(e.custom_for("ticket"), None);
}
