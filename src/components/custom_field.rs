//! Custom fields (text, toggle, number) as defined in the owner's case settings: the draft value
//! an input holds, its conversion to the wire value, its validation with the API's messages, and
//! the input itself. Used by the create form and the case page's sidebar.

use casebook_api::case::CaseCustomField;
use casebook_api::configure::{CustomFieldDefinition, CustomFieldType};
use casebook_api::validate::resolve_custom_fields;
use leptos::prelude::*;
use serde_json::Value;

/// What an input holds for one custom field, before conversion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldDraft {
    /// Text or number typed (empty means no value).
    Text(String),
    /// A toggle's state.
    Toggle(bool),
}

impl FieldDraft {
    /// The draft for a definition's default value (create form).
    pub fn from_default(def: &CustomFieldDefinition) -> Self {
        let dv = def.default_value.as_ref();
        match def.kind {
            CustomFieldType::Toggle => {
                FieldDraft::Toggle(dv.and_then(Value::as_bool).unwrap_or(false))
            }
            CustomFieldType::Text => {
                FieldDraft::Text(dv.and_then(Value::as_str).unwrap_or_default().to_string())
            }
            CustomFieldType::Number => FieldDraft::Text(
                dv.and_then(Value::as_i64)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
        }
    }

    /// The draft for a case's current value (editing).
    pub fn from_value(def: &CustomFieldDefinition, value: Option<&CaseCustomField>) -> Self {
        match (def.kind, value) {
            (_, Some(CaseCustomField::Toggle { value, .. })) => {
                FieldDraft::Toggle(value.unwrap_or(false))
            }
            (_, Some(CaseCustomField::Text { value, .. })) => {
                FieldDraft::Text(value.clone().unwrap_or_default())
            }
            (_, Some(CaseCustomField::Number { value, .. })) => {
                FieldDraft::Text(value.map(|n| n.to_string()).unwrap_or_default())
            }
            (CustomFieldType::Toggle, None) => FieldDraft::Toggle(false),
            (_, None) => FieldDraft::Text(String::new()),
        }
    }

    /// The typed text (empty for toggles).
    pub fn text(&self) -> String {
        match self {
            FieldDraft::Text(t) => t.clone(),
            FieldDraft::Toggle(_) => String::new(),
        }
    }
}

/// Converts a draft to the wire value and checks it against its definition, with the API's
/// messages (`Missing required custom fields: "…"`, length limits). The value is trimmed.
pub fn field_value(
    def: &CustomFieldDefinition,
    draft: &FieldDraft,
) -> Result<CaseCustomField, String> {
    let key = def.key.clone();
    let value = match (def.kind, draft) {
        (CustomFieldType::Toggle, FieldDraft::Toggle(b)) => CaseCustomField::Toggle {
            key,
            value: Some(*b),
        },
        (CustomFieldType::Text, FieldDraft::Text(t)) => {
            let t = t.trim();
            CaseCustomField::Text {
                key,
                value: (!t.is_empty()).then(|| t.to_string()),
            }
        }
        (CustomFieldType::Number, FieldDraft::Text(t)) => {
            let t = t.trim();
            let value = if t.is_empty() {
                None
            } else {
                Some(
                    t.parse::<i64>()
                        .map_err(|_| format!("{} must be a whole number.", def.label))?,
                )
            };
            CaseCustomField::Number { key, value }
        }
        _ => return Err(format!("{} has the wrong type.", def.label)),
    };
    resolve_custom_fields(std::slice::from_ref(def), std::slice::from_ref(&value), &[])
        .map_err(|e| e.message)?;
    Ok(value)
}

/// A value for reading: "—" when empty, "On"/"Off" for toggles.
pub fn display_value(value: Option<&CaseCustomField>) -> String {
    match value {
        Some(CaseCustomField::Text { value: Some(v), .. }) => v.clone(),
        Some(CaseCustomField::Number { value: Some(n), .. }) => n.to_string(),
        Some(CaseCustomField::Toggle { value: Some(b), .. }) => {
            if *b { "On" } else { "Off" }.into()
        }
        _ => "—".into(),
    }
}

/// The input for one custom field: a text box, a whole-number box or a switch.
#[component]
pub fn CustomFieldInput(
    /// The field's definition.
    def: CustomFieldDefinition,
    /// The draft value.
    draft: RwSignal<FieldDraft>,
    /// The input's id (a `<label for>` elsewhere may point at it).
    #[prop(into)]
    id: String,
    /// The message to show, if invalid.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Marks the input invalid without printing the message (a surrounding row prints it).
    #[prop(optional)]
    hide_message: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let invalid = move || error.with(Option::is_some).to_string();
    let described = error_id.clone();
    let input = match def.kind {
        CustomFieldType::Toggle => view! {
            <label class="cb-switch">
                <input
                    id=id.clone()
                    type="checkbox"
                    role="switch"
                    class="cb-switch__input"
                    data-testid=format!("custom-field-{}", def.key)
                    prop:checked=move || matches!(draft.get(), FieldDraft::Toggle(true))
                    on:change=move |ev| draft.set(FieldDraft::Toggle(event_target_checked(&ev)))
                />
                <span class="cb-switch__track" aria-hidden="true"></span>
                <span class="cb-switch__label">{def.label.clone()}</span>
            </label>
        }
        .into_any(),
        kind => view! {
            <input
                id=id.clone()
                class="cb-input"
                type=if kind == CustomFieldType::Number { "number" } else { "text" }
                step=(kind == CustomFieldType::Number).then_some("1")
                inputmode=(kind == CustomFieldType::Number).then_some("numeric")
                aria-invalid=invalid
                aria-describedby=described
                aria-required=def.required.to_string()
                data-testid=format!("custom-field-{}", def.key)
                prop:value=move || draft.with(FieldDraft::text)
                on:input=move |ev| draft.set(FieldDraft::Text(event_target_value(&ev)))
            />
        }
        .into_any(),
    };
    view! {
        {input}
        {move || {
            error
                .get()
                .filter(|_| !hide_message)
                .map(|e| view! { <div class="cb-field__error" id=error_id.clone()>{e}</div> })
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn def(kind: CustomFieldType, required: bool, dv: Option<Value>) -> CustomFieldDefinition {
        CustomFieldDefinition {
            key: "k".into(),
            label: "Score".into(),
            kind,
            required,
            default_value: dv,
        }
    }

    #[test]
    fn defaults_prefill_drafts() {
        assert_eq!(
            FieldDraft::from_default(&def(CustomFieldType::Text, false, Some(json!("x")))),
            FieldDraft::Text("x".into())
        );
        assert_eq!(
            FieldDraft::from_default(&def(CustomFieldType::Number, false, Some(json!(7)))),
            FieldDraft::Text("7".into())
        );
        assert_eq!(
            FieldDraft::from_default(&def(CustomFieldType::Toggle, false, Some(json!(true)))),
            FieldDraft::Toggle(true)
        );
    }

    #[test]
    fn required_fields_use_the_api_message() {
        let d = def(CustomFieldType::Text, true, None);
        assert_eq!(
            field_value(&d, &FieldDraft::Text("  ".into())).unwrap_err(),
            "Missing required custom fields: \"Score\""
        );
        assert_eq!(
            field_value(&d, &FieldDraft::Text(" a ".into())).unwrap(),
            CaseCustomField::Text {
                key: "k".into(),
                value: Some("a".into())
            }
        );
        let long = "x".repeat(161);
        assert!(
            field_value(&d, &FieldDraft::Text(long))
                .unwrap_err()
                .contains("maximum length is 160")
        );
    }

    #[test]
    fn numbers_parse_or_explain() {
        let d = def(CustomFieldType::Number, false, None);
        assert_eq!(
            field_value(&d, &FieldDraft::Text("".into())).unwrap(),
            CaseCustomField::Number {
                key: "k".into(),
                value: None
            }
        );
        assert_eq!(
            field_value(&d, &FieldDraft::Text("12a".into())).unwrap_err(),
            "Score must be a whole number."
        );
        assert!(field_value(&d, &FieldDraft::Text("9007199254740993".into())).is_err());
    }

    #[test]
    fn display() {
        assert_eq!(display_value(None), "—");
        assert_eq!(
            display_value(Some(&CaseCustomField::Toggle {
                key: "k".into(),
                value: Some(true)
            })),
            "On"
        );
    }
}
