//! The create form's data as plain values: validation with the API's messages (so the form
//! shows what the server would answer) and conversion to the `POST /api/cases` body.

use crate::components::custom_field::{FieldDraft, field_value};
use casebook_api::case::{Assignee, CaseCustomField, CasePostRequest, Settings};
use casebook_api::configure::CustomFieldDefinition;
use casebook_api::validate::{
    check_assignees, check_category, check_description, check_tags, check_title,
};
use casebook_api::{CaseConnector, Owner, Severity};
use std::collections::BTreeMap;

/// A snapshot of everything typed into the form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CreateForm {
    /// Title.
    pub title: String,
    /// Markdown description.
    pub description: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Category (empty for none).
    pub category: String,
    /// Severity.
    pub severity: Severity,
    /// Assignee profile uids.
    pub assignees: Vec<String>,
    /// Custom field definitions with their drafts, in configuration order.
    pub custom_fields: Vec<(CustomFieldDefinition, FieldDraft)>,
    /// Whether alert statuses follow the case.
    pub sync_alerts: bool,
    /// The external connector and its fields (`none` for no connector).
    pub connector: CaseConnector,
}

/// Inline messages per field; empty when the form can be sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormErrors {
    /// Title message.
    pub title: Option<String>,
    /// Description message.
    pub description: Option<String>,
    /// Tags message.
    pub tags: Option<String>,
    /// Category message.
    pub category: Option<String>,
    /// Assignees message.
    pub assignees: Option<String>,
    /// Custom field messages by key.
    pub custom_fields: BTreeMap<String, String>,
}

impl FormErrors {
    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.description.is_none()
            && self.tags.is_none()
            && self.category.is_none()
            && self.assignees.is_none()
            && self.custom_fields.is_empty()
    }
    /// How many fields are invalid.
    pub fn count(&self) -> usize {
        [
            &self.title,
            &self.description,
            &self.tags,
            &self.category,
            &self.assignees,
        ]
        .iter()
        .filter(|e| e.is_some())
        .count()
            + self.custom_fields.len()
    }
}

impl CreateForm {
    fn assignee_list(&self) -> Vec<Assignee> {
        self.assignees
            .iter()
            .map(|uid| Assignee { uid: uid.clone() })
            .collect()
    }

    fn custom_values(&self) -> (Vec<CaseCustomField>, BTreeMap<String, String>) {
        let mut values = Vec::new();
        let mut errors = BTreeMap::new();
        for (def, draft) in &self.custom_fields {
            match field_value(def, draft) {
                Ok(v) => values.push(v),
                Err(e) => {
                    errors.insert(def.key.clone(), e);
                }
            }
        }
        (values, errors)
    }

    /// Every message the API would give for this form, per field.
    pub fn validate(&self) -> FormErrors {
        let category = self.category.trim();
        FormErrors {
            title: check_title(&self.title).err().map(|e| e.message),
            description: check_description(&self.description)
                .err()
                .map(|e| e.message),
            tags: check_tags(&self.tags).err().map(|e| e.message),
            category: (!category.is_empty())
                .then(|| check_category(category).err().map(|e| e.message))
                .flatten(),
            assignees: check_assignees(&self.assignee_list())
                .err()
                .map(|e| e.message),
            custom_fields: self.custom_values().1,
        }
    }

    /// The request body, or the messages that stop it.
    pub fn to_request(&self, owner: Owner) -> Result<CasePostRequest, Box<FormErrors>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(Box::new(errors));
        }
        let category = self.category.trim();
        let custom = self.custom_values().0;
        Ok(CasePostRequest {
            title: self.title.trim().to_string(),
            description: self.description.trim().to_string(),
            tags: self.tags.clone(),
            owner,
            settings: Settings {
                sync_alerts: self.sync_alerts,
                extract_observables: None,
            },
            connector: self.connector.clone(),
            severity: Some(self.severity),
            category: (!category.is_empty()).then(|| category.to_string()),
            assignees: (!self.assignees.is_empty()).then(|| self.assignee_list()),
            custom_fields: (!custom.is_empty()).then_some(custom),
        })
    }

    /// Whether the user typed anything worth asking about before leaving.
    pub fn has_input(&self) -> bool {
        !self.title.trim().is_empty()
            || !self.description.trim().is_empty()
            || !self.tags.is_empty()
            || !self.category.trim().is_empty()
            || !self.assignees.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_api::configure::CustomFieldType;

    fn filled() -> CreateForm {
        CreateForm {
            title: "  Phishing  ".into(),
            description: "Mail from **x**".into(),
            tags: vec!["mail".into()],
            category: " Email ".into(),
            severity: Severity::High,
            assignees: vec!["u1".into()],
            custom_fields: vec![],
            sync_alerts: true,
            connector: CaseConnector::none(),
        }
    }

    #[test]
    fn empty_form_gets_the_api_messages() {
        let e = CreateForm::default().validate();
        assert_eq!(
            e.title.as_deref(),
            Some("The title field cannot be an empty string.")
        );
        assert_eq!(
            e.description.as_deref(),
            Some("The description field cannot be an empty string.")
        );
        assert_eq!(e.category, None, "an empty category is no category");
        assert_eq!(e.count(), 2);
    }

    #[test]
    fn long_title_message() {
        let f = CreateForm {
            title: "x".repeat(161),
            ..filled()
        };
        assert_eq!(
            f.validate().title.as_deref(),
            Some("The length of the title is too long. The maximum length is 160.")
        );
        let f = CreateForm {
            category: "c".repeat(51),
            ..filled()
        };
        assert!(
            f.validate()
                .category
                .unwrap()
                .contains("maximum length is 50")
        );
    }

    #[test]
    fn request_is_trimmed_and_complete() {
        let r = filled().to_request(Owner::Cases).unwrap();
        assert_eq!(r.title, "Phishing");
        assert_eq!(r.category.as_deref(), Some("Email"));
        assert_eq!(r.severity, Some(Severity::High));
        assert_eq!(r.assignees.unwrap()[0].uid, "u1");
        assert!(r.settings.sync_alerts);
        assert!(r.custom_fields.is_none());
        assert!(r.connector.is_none());
    }

    #[test]
    fn required_custom_field_blocks_the_request() {
        let def = CustomFieldDefinition {
            key: "ticket".into(),
            label: "Ticket".into(),
            kind: CustomFieldType::Text,
            required: true,
            default_value: None,
        };
        let mut f = filled();
        f.custom_fields = vec![(def.clone(), FieldDraft::Text(String::new()))];
        let e = f.to_request(Owner::Cases).unwrap_err();
        assert_eq!(
            e.custom_fields.get("ticket").map(String::as_str),
            Some("Missing required custom fields: \"Ticket\"")
        );
        f.custom_fields = vec![(def, FieldDraft::Text("T-1".into()))];
        let r = f.to_request(Owner::Cases).unwrap();
        assert_eq!(r.custom_fields.unwrap().len(), 1);
    }

    #[test]
    fn has_input() {
        assert!(!CreateForm::default().has_input());
        assert!(
            CreateForm {
                title: "a".into(),
                ..Default::default()
            }
            .has_input()
        );
    }
}
