//! The custom field editor's form model: what the inputs hold and how it becomes a
//! [`CustomFieldDefinition`], with the API's messages attached to the input they concern.
//!
//! Rules: a new field gets a generated key; an existing field keeps its key and type (the API
//! rejects type changes, and existing cases hold values of the old type).

use super::draft::new_key;
use casebook_api::configure::{CustomFieldDefinition, CustomFieldType};
use casebook_api::limits::{MAX_CUSTOM_FIELD_LABEL_LENGTH, MAX_CUSTOM_FIELD_TEXT_VALUE_LENGTH};
use casebook_api::validate::{check_custom_field_definitions, check_text};
use serde_json::Value;

/// The custom field types, in the order the editor offers them.
pub const FIELD_TYPES: [CustomFieldType; 3] = [
    CustomFieldType::Text,
    CustomFieldType::Toggle,
    CustomFieldType::Number,
];

/// What people call a custom field type.
pub fn type_label(kind: CustomFieldType) -> &'static str {
    match kind {
        CustomFieldType::Text => "Text",
        CustomFieldType::Toggle => "Toggle",
        CustomFieldType::Number => "Number",
    }
}

/// The editor's inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldForm {
    /// The key of the field being edited (`None` while creating).
    pub key: Option<String>,
    /// Label.
    pub label: String,
    /// Type.
    pub kind: CustomFieldType,
    /// Whether cases must have a value.
    pub required: bool,
    /// Default value of a text or number field as typed (empty = none).
    pub default_text: String,
    /// Default value of a toggle.
    pub default_toggle: bool,
}

/// Messages per input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    /// About the label.
    pub label: Option<String>,
    /// About the default value.
    pub default_value: Option<String>,
}

impl FieldForm {
    /// An empty form for a new text field.
    pub fn blank() -> Self {
        Self {
            key: None,
            label: String::new(),
            kind: CustomFieldType::Text,
            required: false,
            default_text: String::new(),
            default_toggle: false,
        }
    }

    /// The form for an existing definition.
    pub fn from_def(d: &CustomFieldDefinition) -> Self {
        let dv = d.default_value.as_ref();
        Self {
            key: Some(d.key.clone()),
            label: d.label.clone(),
            kind: d.kind,
            required: d.required,
            default_text: match dv {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            },
            default_toggle: dv.and_then(Value::as_bool).unwrap_or(false),
        }
    }

    /// Whether this edits an existing field (key and type are then fixed).
    pub fn is_edit(&self) -> bool {
        self.key.is_some()
    }

    /// The definition, or the messages to show beside the inputs.
    pub fn to_def(&self) -> Result<CustomFieldDefinition, FieldErrors> {
        let mut errors = FieldErrors::default();
        let label = check_text("label", &self.label, MAX_CUSTOM_FIELD_LABEL_LENGTH)
            .map_err(|e| errors.label = Some(e.message))
            .unwrap_or_default();
        let typed = self.default_text.trim();
        let default_value = match self.kind {
            CustomFieldType::Toggle => Some(Value::Bool(self.default_toggle)),
            _ if typed.is_empty() => None,
            CustomFieldType::Text => {
                match check_text("defaultValue", typed, MAX_CUSTOM_FIELD_TEXT_VALUE_LENGTH) {
                    Ok(v) => Some(Value::String(v)),
                    Err(e) => {
                        errors.default_value = Some(e.message);
                        None
                    }
                }
            }
            CustomFieldType::Number => match typed.parse::<i64>() {
                Ok(n) => Some(Value::from(n)),
                Err(_) => {
                    errors.default_value = Some("The default value must be a whole number.".into());
                    None
                }
            },
        };
        let def = CustomFieldDefinition {
            key: self.key.clone().unwrap_or_else(new_key),
            label,
            kind: self.kind,
            required: self.required,
            default_value,
        };
        if errors == FieldErrors::default()
            && let Err(e) = check_custom_field_definitions(std::slice::from_ref(&def))
        {
            // Everything left (range of a number default) concerns the default value.
            errors.default_value = Some(e.message);
        }
        if errors == FieldErrors::default() {
            Ok(def)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_new_field_gets_a_key_and_typed_default() {
        let f = FieldForm {
            label: "  Ticket  ".into(),
            required: true,
            default_text: " INC-1 ".into(),
            ..FieldForm::blank()
        };
        let d = f.to_def().unwrap();
        assert_eq!(d.label, "Ticket");
        assert_eq!(d.default_value, Some(json!("INC-1")));
        assert_eq!(d.key.len(), 36);
        assert!(d.required);

        let n = FieldForm {
            label: "Score".into(),
            kind: CustomFieldType::Number,
            default_text: "42".into(),
            ..FieldForm::blank()
        };
        assert_eq!(n.to_def().unwrap().default_value, Some(json!(42)));

        let t = FieldForm {
            label: "Flag".into(),
            kind: CustomFieldType::Toggle,
            default_toggle: true,
            ..FieldForm::blank()
        };
        assert_eq!(t.to_def().unwrap().default_value, Some(json!(true)));
    }

    #[test]
    fn editing_keeps_the_key_and_round_trips() {
        let d = CustomFieldDefinition {
            key: "fixed-key".into(),
            label: "Score".into(),
            kind: CustomFieldType::Number,
            required: false,
            default_value: Some(json!(7)),
        };
        let f = FieldForm::from_def(&d);
        assert!(f.is_edit());
        assert_eq!(f.default_text, "7");
        assert_eq!(f.to_def().unwrap(), d);
    }

    #[test]
    fn messages_land_on_their_input() {
        let e = FieldForm::blank().to_def().unwrap_err();
        assert_eq!(
            e.label.as_deref(),
            Some("The label field cannot be an empty string.")
        );
        let long = FieldForm {
            label: "x".repeat(51),
            ..FieldForm::blank()
        };
        assert_eq!(
            long.to_def().unwrap_err().label.as_deref(),
            Some("The length of the label is too long. The maximum length is 50.")
        );
        let n = FieldForm {
            label: "N".into(),
            kind: CustomFieldType::Number,
            default_text: "1.5".into(),
            ..FieldForm::blank()
        };
        assert_eq!(
            n.to_def().unwrap_err().default_value.as_deref(),
            Some("The default value must be a whole number.")
        );
        let big = FieldForm {
            default_text: "9007199254740993".into(),
            ..n
        };
        assert!(
            big.to_def()
                .unwrap_err()
                .default_value
                .unwrap()
                .starts_with("Invalid default value for custom field \"N\"")
        );
    }
}
