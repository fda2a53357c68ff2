//! Validation and normalisation with Kibana's messages. The server calls these before writing;
//! the SPA calls the same functions to show the message inline before submitting.

use crate::case::{Assignee, CaseCustomField, CasePatch, CasePostRequest};
use crate::comment::AttachmentPayload;
use crate::configure::{CustomFieldDefinition, CustomFieldType, Template};
use crate::error::ApiError;
use crate::limits::*;
use serde_json::Value;

fn empty(field: &str) -> ApiError {
    ApiError::bad_request(format!("The {field} field cannot be an empty string."))
}

fn too_long(field: &str, max: usize) -> ApiError {
    ApiError::bad_request(format!(
        "The length of the {field} is too long. The maximum length is {max}."
    ))
}

fn too_many(field: &str, max: usize) -> ApiError {
    ApiError::bad_request(format!(
        "The length of the field {field} is too long. Array must be of length <= {max}."
    ))
}

/// Trims a string and checks it is non-empty and at most `max` characters.
pub fn check_text(field: &str, value: &str, max: usize) -> Result<String, ApiError> {
    let t = value.trim();
    if t.is_empty() {
        return Err(empty(field));
    }
    if t.chars().count() > max {
        return Err(too_long(field, max));
    }
    Ok(t.to_string())
}

/// A case title.
pub fn check_title(v: &str) -> Result<String, ApiError> {
    check_text("title", v, MAX_TITLE_LENGTH)
}

/// A case description.
pub fn check_description(v: &str) -> Result<String, ApiError> {
    check_text("description", v, MAX_DESCRIPTION_LENGTH)
}

/// A user comment.
pub fn check_comment(v: &str) -> Result<String, ApiError> {
    check_text("comment", v, MAX_COMMENT_LENGTH)
}

/// A category.
pub fn check_category(v: &str) -> Result<String, ApiError> {
    check_text("category", v, MAX_CATEGORY_LENGTH)
}

/// Tags: at most 200, each trimmed, non-empty and at most 256 characters.
pub fn check_tags(tags: &[String]) -> Result<Vec<String>, ApiError> {
    if tags.len() > MAX_TAGS_PER_CASE {
        return Err(too_many("tags", MAX_TAGS_PER_CASE));
    }
    tags.iter()
        .map(|t| check_text("tag", t, MAX_LENGTH_PER_TAG))
        .collect()
}

/// Assignees: at most 10; duplicates removed (first kept).
pub fn check_assignees(list: &[Assignee]) -> Result<Vec<Assignee>, ApiError> {
    if list.len() > MAX_ASSIGNEES_PER_CASE {
        return Err(too_many("assignees", MAX_ASSIGNEES_PER_CASE));
    }
    let mut out: Vec<Assignee> = Vec::with_capacity(list.len());
    for a in list {
        if a.uid.trim().is_empty() {
            return Err(empty("assignee uid"));
        }
        if !out.contains(a) {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// Shape checks on custom field values that need no configuration.
pub fn check_custom_field_values(list: &[CaseCustomField]) -> Result<(), ApiError> {
    if list.len() > MAX_CUSTOM_FIELDS_PER_CASE {
        return Err(too_many("customFields", MAX_CUSTOM_FIELDS_PER_CASE));
    }
    for f in list {
        match f {
            CaseCustomField::Text { value: Some(v), .. } => {
                check_text("value", v, MAX_CUSTOM_FIELD_TEXT_VALUE_LENGTH)?;
            }
            CaseCustomField::Number { value: Some(n), .. } if n.abs() > MAX_SAFE_INTEGER => {
                return Err(ApiError::bad_request(format!(
                    "The value field should be an integer between -(2^53 - 1) and 2^53 - 1, inclusive. ({n})"
                )));
            }
            _ => {}
        }
    }
    let mut keys: Vec<&str> = list.iter().map(|f| f.key()).collect();
    keys.sort_unstable();
    let dups: Vec<&str> = keys
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    if !dups.is_empty() {
        return Err(ApiError::bad_request(format!(
            "Invalid duplicated custom field keys in request: {}",
            dups.join(",")
        )));
    }
    Ok(())
}

/// Trims and checks a create body (everything that needs no stored state).
pub fn normalize_create(mut r: CasePostRequest) -> Result<CasePostRequest, ApiError> {
    r.title = check_title(&r.title)?;
    r.description = check_description(&r.description)?;
    r.tags = check_tags(&r.tags)?;
    r.category = r.category.as_deref().map(check_category).transpose()?;
    r.assignees = r.assignees.as_deref().map(check_assignees).transpose()?;
    if let Some(cf) = &r.custom_fields {
        check_custom_field_values(cf)?;
    }
    Ok(r)
}

/// Trims and checks one case of a PATCH body.
pub fn normalize_patch(mut p: CasePatch) -> Result<CasePatch, ApiError> {
    p.title = p.title.as_deref().map(check_title).transpose()?;
    p.description = p
        .description
        .as_deref()
        .map(check_description)
        .transpose()?;
    p.tags = p.tags.as_deref().map(check_tags).transpose()?;
    p.category = match p.category {
        Some(Some(c)) => Some(Some(check_category(&c)?)),
        other => other,
    };
    p.assignees = match p.assignees {
        Some(Some(a)) => Some(Some(check_assignees(&a)?)),
        other => other,
    };
    if let Some(cf) = &p.custom_fields {
        check_custom_field_values(cf)?;
    }
    Ok(p)
}

/// Checks an attachment payload; returns it with a user comment trimmed.
pub fn check_attachment(p: AttachmentPayload) -> Result<AttachmentPayload, ApiError> {
    match p {
        AttachmentPayload::User { comment } => Ok(AttachmentPayload::User {
            comment: check_comment(&comment)?,
        }),
        AttachmentPayload::Actions { comment, actions } => Ok(AttachmentPayload::Actions {
            comment: check_comment(&comment)?,
            actions,
        }),
        AttachmentPayload::Alert {
            ref alert_id,
            ref index,
            ..
        } => {
            if !alert_id.same_shape(index) {
                return Err(ApiError::bad_request(
                    "Received an alert comment with ids and indices arrays of different lengths.",
                ));
            }
            if alert_id.is_empty() {
                return Err(ApiError::bad_request(
                    "The alertId field cannot be an empty array.",
                ));
            }
            if alert_id.len() > MAX_ALERTS_PER_CASE {
                return Err(too_many("alertId", MAX_ALERTS_PER_CASE));
            }
            if alert_id.to_vec().iter().any(|a| a.trim().is_empty()) {
                return Err(empty("alertId"));
            }
            Ok(p)
        }
        AttachmentPayload::Event {
            ref event_id,
            ref index,
        } => {
            if !event_id.same_shape(index) {
                return Err(ApiError::bad_request(
                    "Received an event comment with ids and indices arrays of different lengths.",
                ));
            }
            Ok(p)
        }
        other => Ok(other),
    }
}

fn field_matches(def: &CustomFieldDefinition, f: &CaseCustomField) -> bool {
    matches!(
        (def.kind, f),
        (CustomFieldType::Text, CaseCustomField::Text { .. })
            | (CustomFieldType::Toggle, CaseCustomField::Toggle { .. })
            | (CustomFieldType::Number, CaseCustomField::Number { .. })
    )
}

fn default_of(def: &CustomFieldDefinition) -> CaseCustomField {
    let key = def.key.clone();
    let dv = def.default_value.as_ref();
    match def.kind {
        CustomFieldType::Text => CaseCustomField::Text {
            key,
            value: dv.and_then(Value::as_str).map(str::to_string),
        },
        CustomFieldType::Toggle => CaseCustomField::Toggle {
            key,
            value: dv.and_then(Value::as_bool),
        },
        CustomFieldType::Number => CaseCustomField::Number {
            key,
            value: dv.and_then(Value::as_i64),
        },
    }
}

/// Resolves a case's custom fields against the owner's definitions, like Kibana: unknown keys
/// and wrong types are rejected; fields not supplied take `existing` (on update), else the
/// definition's default, else null; required fields must end up non-null. The result follows
/// the definitions' order.
pub fn resolve_custom_fields(
    defs: &[CustomFieldDefinition],
    provided: &[CaseCustomField],
    existing: &[CaseCustomField],
) -> Result<Vec<CaseCustomField>, ApiError> {
    check_custom_field_values(provided)?;
    let unknown: Vec<&str> = provided
        .iter()
        .map(|f| f.key())
        .filter(|k| !defs.iter().any(|d| d.key == *k))
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::bad_request(format!(
            "Invalid custom field keys: {}",
            unknown.join(",")
        )));
    }
    let wrong: Vec<&str> = defs
        .iter()
        .filter(|d| {
            provided
                .iter()
                .any(|f| f.key() == d.key && !field_matches(d, f))
        })
        .map(|d| d.label.as_str())
        .collect();
    if !wrong.is_empty() {
        return Err(ApiError::bad_request(format!(
            "The following custom fields have the wrong type in the request: \"{}\"",
            wrong.join("\", \"")
        )));
    }
    let mut out = Vec::with_capacity(defs.len());
    let mut missing = Vec::new();
    for d in defs {
        let v = provided
            .iter()
            .chain(existing.iter().filter(|f| field_matches(d, f)))
            .find(|f| f.key() == d.key)
            .cloned()
            .unwrap_or_else(|| default_of(d));
        if d.required && v.is_null() {
            missing.push(d.label.as_str());
        }
        out.push(v);
    }
    if !missing.is_empty() {
        return Err(ApiError::bad_request(format!(
            "Missing required custom fields: \"{}\"",
            missing.join("\", \"")
        )));
    }
    Ok(out)
}

fn check_key(what: &str, key: &str, max: usize) -> Result<(), ApiError> {
    check_text(&format!("{what} key"), key, max)?;
    if !key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return Err(ApiError::bad_request(format!(
            "Key must be lower case, a-z, 0-9, '_', and '-' are allowed ({key})"
        )));
    }
    Ok(())
}

/// Checks custom field definitions: ≤10, keys valid and unique, labels 1..50, defaults typed.
pub fn check_custom_field_definitions(defs: &[CustomFieldDefinition]) -> Result<(), ApiError> {
    if defs.len() > MAX_CUSTOM_FIELDS_PER_CASE {
        return Err(too_many("customFields", MAX_CUSTOM_FIELDS_PER_CASE));
    }
    for (i, d) in defs.iter().enumerate() {
        check_key("custom field", &d.key, MAX_CUSTOM_FIELD_KEY_LENGTH)?;
        check_text("label", &d.label, MAX_CUSTOM_FIELD_LABEL_LENGTH)?;
        if defs[..i].iter().any(|o| o.key == d.key) {
            return Err(ApiError::bad_request(format!(
                "Invalid duplicated custom field keys in request: {}",
                d.key
            )));
        }
        let ok = match (&d.default_value, d.kind) {
            (None | Some(Value::Null), _) => true,
            (Some(Value::String(s)), CustomFieldType::Text) => {
                check_text("defaultValue", s, MAX_CUSTOM_FIELD_TEXT_VALUE_LENGTH)?;
                true
            }
            (Some(Value::Bool(_)), CustomFieldType::Toggle) => true,
            (Some(Value::Number(n)), CustomFieldType::Number) => {
                n.as_i64().is_some_and(|n| n.abs() <= MAX_SAFE_INTEGER)
            }
            _ => false,
        };
        if !ok {
            return Err(ApiError::bad_request(format!(
                "Invalid default value for custom field \"{}\" of type {}",
                d.label,
                d.kind.as_str()
            )));
        }
    }
    Ok(())
}

/// Checks templates: ≤10, keys valid and unique, names, descriptions and tags within limits,
/// and their case fields valid against the custom field definitions.
pub fn check_templates(
    templates: &[Template],
    defs: &[CustomFieldDefinition],
) -> Result<(), ApiError> {
    if templates.len() > MAX_TEMPLATES_LENGTH {
        return Err(too_many("templates", MAX_TEMPLATES_LENGTH));
    }
    for (i, t) in templates.iter().enumerate() {
        check_key("template", &t.key, MAX_TEMPLATE_KEY_LENGTH)?;
        check_text("name", &t.name, MAX_TEMPLATE_NAME_LENGTH)?;
        if templates[..i].iter().any(|o| o.key == t.key) {
            return Err(ApiError::bad_request(format!(
                "Invalid duplicated templates keys in request: {}",
                t.key
            )));
        }
        if let Some(d) = &t.description
            && d.chars().count() > MAX_TEMPLATE_DESCRIPTION_LENGTH
        {
            return Err(too_long("description", MAX_TEMPLATE_DESCRIPTION_LENGTH));
        }
        if let Some(tags) = &t.tags {
            if tags.len() > MAX_TAGS_PER_TEMPLATE {
                return Err(too_many("tags", MAX_TAGS_PER_TEMPLATE));
            }
            for tag in tags {
                check_text("tag", tag, MAX_TEMPLATE_TAG_LENGTH)?;
            }
        }
        if let Some(cf) = &t.case_fields {
            if let Some(v) = &cf.title {
                check_title(v)?;
            }
            if let Some(v) = &cf.tags {
                check_tags(v)?;
            }
            if let Some(Some(v)) = &cf.category {
                check_category(v)?;
            }
            if let Some(v) = &cf.assignees {
                check_assignees(v)?;
            }
            if let Some(v) = &cf.custom_fields {
                check_custom_field_values(v)?;
                let unknown: Vec<&str> = v
                    .iter()
                    .map(|f| f.key())
                    .filter(|k| !defs.iter().any(|d| d.key == *k))
                    .collect();
                if !unknown.is_empty() {
                    return Err(ApiError::bad_request(format!(
                        "Invalid custom field keys: {}",
                        unknown.join(",")
                    )));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_boundaries() {
        assert_eq!(check_title("  a  ").unwrap(), "a");
        assert!(check_title(&"x".repeat(160)).is_ok());
        let e = check_title(&"x".repeat(161)).unwrap_err();
        assert_eq!(
            e.message,
            "The length of the title is too long. The maximum length is 160."
        );
        assert_eq!(
            check_title("   ").unwrap_err().message,
            "The title field cannot be an empty string."
        );
    }

    #[test]
    fn tags_boundaries() {
        let ok: Vec<String> = (0..200).map(|i| format!("t{i}")).collect();
        assert!(check_tags(&ok).is_ok());
        let mut over = ok.clone();
        over.push("x".into());
        assert!(check_tags(&over).unwrap_err().message.contains("<= 200"));
        assert!(check_tags(&["x".repeat(256)]).is_ok());
        assert!(check_tags(&["x".repeat(257)]).is_err());
        assert!(check_tags(&[" ".into()]).is_err());
    }

    #[test]
    fn assignees_deduplicate_and_cap() {
        let a = |u: &str| Assignee { uid: u.into() };
        assert_eq!(check_assignees(&[a("1"), a("1"), a("2")]).unwrap().len(), 2);
        let eleven: Vec<Assignee> = (0..11).map(|i| a(&i.to_string())).collect();
        assert!(check_assignees(&eleven).is_err());
    }

    fn def(
        key: &str,
        kind: CustomFieldType,
        required: bool,
        dv: Option<Value>,
    ) -> CustomFieldDefinition {
        CustomFieldDefinition {
            key: key.into(),
            label: key.to_uppercase(),
            kind,
            required,
            default_value: dv,
        }
    }

    #[test]
    fn custom_fields_default_and_required() {
        let defs = vec![
            def("a", CustomFieldType::Text, true, Some("dflt".into())),
            def("b", CustomFieldType::Toggle, false, None),
            def("c", CustomFieldType::Number, true, None),
        ];
        let provided = vec![CaseCustomField::Number {
            key: "c".into(),
            value: Some(3),
        }];
        let out = resolve_custom_fields(&defs, &provided, &[]).unwrap();
        assert_eq!(
            out[0],
            CaseCustomField::Text {
                key: "a".into(),
                value: Some("dflt".into())
            }
        );
        assert_eq!(
            out[1],
            CaseCustomField::Toggle {
                key: "b".into(),
                value: None
            }
        );
        let e = resolve_custom_fields(&defs, &[], &[]).unwrap_err();
        assert_eq!(e.message, "Missing required custom fields: \"C\"");
        let wrong = vec![CaseCustomField::Toggle {
            key: "c".into(),
            value: Some(true),
        }];
        assert!(
            resolve_custom_fields(&defs, &wrong, &[])
                .unwrap_err()
                .message
                .contains("wrong type")
        );
        let unknown = vec![CaseCustomField::Toggle {
            key: "zz".into(),
            value: Some(true),
        }];
        assert!(
            resolve_custom_fields(&defs, &unknown, &[])
                .unwrap_err()
                .message
                .contains("zz")
        );
    }

    #[test]
    fn definitions_are_checked() {
        assert!(
            check_custom_field_definitions(&[def("Bad Key", CustomFieldType::Text, false, None)])
                .is_err()
        );
        assert!(
            check_custom_field_definitions(&[def(
                "k",
                CustomFieldType::Toggle,
                false,
                Some("x".into())
            )])
            .is_err()
        );
        let dup = [
            def("k", CustomFieldType::Text, false, None),
            def("k", CustomFieldType::Text, false, None),
        ];
        assert!(check_custom_field_definitions(&dup).is_err());
    }
}
