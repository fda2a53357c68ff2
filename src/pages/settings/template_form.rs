//! The template editor's form model: the template's own fields (name, description, tags) and the
//! case fields it pre-fills in the create form (title, description, severity, category, tags,
//! custom field values), with the API's messages attached to the input they concern.
//!
//! Rules: empty inputs mean "don't pre-fill" and are left out; toggles always carry a value;
//! required custom fields may stay empty (the create form enforces them, not the template).

use super::draft::new_key;
use crate::components::custom_field::{FieldDraft, field_value};
use casebook_api::Severity;
use casebook_api::configure::{
    CustomFieldDefinition, CustomFieldType, Template, TemplateCaseFields,
};
use casebook_api::limits::{
    MAX_TAGS_PER_TEMPLATE, MAX_TEMPLATE_DESCRIPTION_LENGTH, MAX_TEMPLATE_NAME_LENGTH,
    MAX_TEMPLATE_TAG_LENGTH,
};
use casebook_api::validate::{
    check_category, check_description, check_tags, check_templates, check_text, check_title,
};

/// The editor's inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateForm {
    /// The key of the template being edited (`None` while creating).
    pub key: Option<String>,
    /// Template name.
    pub name: String,
    /// Template description.
    pub description: String,
    /// Template tags (to find templates, not the case's tags).
    pub tags: Vec<String>,
    /// Case title.
    pub title: String,
    /// Case description (Markdown).
    pub case_description: String,
    /// Case severity (`None` = don't pre-fill).
    pub severity: Option<Severity>,
    /// Case category.
    pub category: String,
    /// Case tags.
    pub case_tags: Vec<String>,
    /// Custom field values by key, in the definitions' order.
    pub custom: Vec<(String, FieldDraft)>,
}

/// Messages per input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplateErrors {
    /// Template name.
    pub name: Option<String>,
    /// Template description.
    pub description: Option<String>,
    /// Template tags.
    pub tags: Option<String>,
    /// Case title.
    pub title: Option<String>,
    /// Case description.
    pub case_description: Option<String>,
    /// Case category.
    pub category: Option<String>,
    /// Case tags.
    pub case_tags: Option<String>,
    /// Custom field values: `(key, message)`.
    pub custom: Vec<(String, String)>,
    /// Anything else the API would say.
    pub other: Option<String>,
}

impl TemplateErrors {
    /// The message for one custom field.
    pub fn custom_for(&self, key: &str) -> Option<String> {
        self.custom
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, m)| m.clone())
    }
}

fn draft_for(def: &CustomFieldDefinition, t: Option<&Template>) -> FieldDraft {
    let value = t
        .and_then(|t| t.case_fields.as_ref())
        .and_then(|cf| cf.custom_fields.as_ref())
        .and_then(|v| v.iter().find(|f| f.key() == def.key));
    match (t, value) {
        (None, _) => FieldDraft::from_default(def),
        (Some(_), v) => FieldDraft::from_value(def, v),
    }
}

impl TemplateForm {
    /// The form for a new template (custom fields start at their defaults).
    pub fn blank(defs: &[CustomFieldDefinition]) -> Self {
        Self::build(None, defs)
    }

    /// The form for an existing template.
    pub fn from_template(t: &Template, defs: &[CustomFieldDefinition]) -> Self {
        Self::build(Some(t), defs)
    }

    fn build(t: Option<&Template>, defs: &[CustomFieldDefinition]) -> Self {
        let cf = t.and_then(|t| t.case_fields.clone()).unwrap_or_default();
        Self {
            key: t.map(|t| t.key.clone()),
            name: t.map(|t| t.name.clone()).unwrap_or_default(),
            description: t.and_then(|t| t.description.clone()).unwrap_or_default(),
            tags: t.and_then(|t| t.tags.clone()).unwrap_or_default(),
            title: cf.title.unwrap_or_default(),
            case_description: cf.description.unwrap_or_default(),
            severity: cf.severity,
            category: cf.category.flatten().unwrap_or_default(),
            case_tags: cf.tags.unwrap_or_default(),
            custom: defs
                .iter()
                .map(|d| (d.key.clone(), draft_for(d, t)))
                .collect(),
        }
    }

    /// The template, or the messages to show beside the inputs.
    pub fn to_template(
        &self,
        defs: &[CustomFieldDefinition],
    ) -> Result<Template, Box<TemplateErrors>> {
        let mut e = TemplateErrors::default();
        let name = check_text("name", &self.name, MAX_TEMPLATE_NAME_LENGTH)
            .map_err(|x| e.name = Some(x.message))
            .unwrap_or_default();
        let description = self.description.trim();
        if description.chars().count() > MAX_TEMPLATE_DESCRIPTION_LENGTH {
            e.description = Some(format!(
                "The length of the description is too long. The maximum length is {MAX_TEMPLATE_DESCRIPTION_LENGTH}."
            ));
        }
        if self.tags.len() > MAX_TAGS_PER_TEMPLATE {
            e.tags = Some(format!(
                "The length of the field tags is too long. Array must be of length <= {MAX_TAGS_PER_TEMPLATE}."
            ));
        } else if let Some(Err(x)) = self
            .tags
            .iter()
            .map(|t| check_text("tag", t, MAX_TEMPLATE_TAG_LENGTH))
            .find(Result::is_err)
        {
            e.tags = Some(x.message);
        }
        let title = optional(&self.title, check_title, &mut e.title);
        let case_description = optional(
            &self.case_description,
            check_description,
            &mut e.case_description,
        );
        let category = optional(&self.category, check_category, &mut e.category);
        let case_tags = check_tags(&self.case_tags)
            .map_err(|x| e.case_tags = Some(x.message))
            .unwrap_or_default();
        let mut custom = Vec::new();
        for def in defs {
            let Some((_, draft)) = self.custom.iter().find(|(k, _)| *k == def.key) else {
                continue;
            };
            let empty = def.kind != CustomFieldType::Toggle && draft.text().trim().is_empty();
            if empty {
                continue;
            }
            match field_value(def, draft) {
                Ok(v) => custom.push(v),
                Err(m) => e.custom.push((def.key.clone(), m)),
            }
        }
        let template = Template {
            key: self.key.clone().unwrap_or_else(new_key),
            name,
            description: (!description.is_empty()).then(|| description.to_string()),
            tags: (!self.tags.is_empty()).then(|| self.tags.clone()),
            case_fields: Some(TemplateCaseFields {
                title,
                description: case_description,
                tags: (!case_tags.is_empty()).then_some(case_tags),
                category: category.map(Some),
                severity: self.severity,
                custom_fields: (!custom.is_empty()).then_some(custom),
                ..Default::default()
            }),
        };
        if e == TemplateErrors::default()
            && let Err(x) = check_templates(std::slice::from_ref(&template), defs)
        {
            e.other = Some(x.message);
        }
        if e == TemplateErrors::default() {
            Ok(template)
        } else {
            Err(Box::new(e))
        }
    }
}

/// Runs `check` on a non-empty input; empty means "not set".
fn optional(
    value: &str,
    check: fn(&str) -> Result<String, casebook_api::ApiError>,
    error: &mut Option<String>,
) -> Option<String> {
    if value.trim().is_empty() {
        return None;
    }
    check(value).map_err(|x| *error = Some(x.message)).ok()
}

#[cfg(test)]
#[path = "template_form_tests.rs"]
mod tests;
