//! Templates on the create form: the picker at the top, and [`apply_template`], which fills the
//! form from a template's `caseFields`.
//!
//! Rule: a template overwrites only what it sets. Fields it leaves empty keep what the user
//! typed, and its tags are added to the typed ones rather than replacing them, so picking a
//! template (or another one) never throws away work.

use super::form::CreateForm;
use crate::components::custom_field::FieldDraft;
use casebook_api::configure::{Template, TemplateCaseFields};
use leptos::prelude::*;

/// The form after picking a template with these case fields.
pub fn apply_template(form: &CreateForm, t: &TemplateCaseFields) -> CreateForm {
    let mut out = form.clone();
    let given = |s: &Option<String>| s.as_ref().filter(|s| !s.trim().is_empty()).cloned();
    if let Some(title) = given(&t.title) {
        out.title = title;
    }
    if let Some(d) = given(&t.description) {
        out.description = d;
    }
    for tag in t.tags.iter().flatten() {
        if !out.tags.contains(tag) {
            out.tags.push(tag.clone());
        }
    }
    if let Some(Some(c)) = &t.category
        && !c.trim().is_empty()
    {
        out.category = c.clone();
    }
    if let Some(s) = t.severity {
        out.severity = s;
    }
    if let Some(s) = &t.settings {
        out.sync_alerts = s.sync_alerts;
    }
    if let Some(c) = t.connector.as_ref().filter(|c| !c.is_none()) {
        out.connector = c.clone();
    }
    for value in t.custom_fields.iter().flatten() {
        if value.is_null() {
            continue;
        }
        if let Some((def, draft)) = out
            .custom_fields
            .iter_mut()
            .find(|(d, _)| d.key == value.key())
        {
            *draft = FieldDraft::from_value(def, Some(value));
        }
    }
    out
}

/// The template picker; `on_pick` receives the chosen template.
#[component]
pub(crate) fn TemplatePicker(
    /// The owner's templates.
    templates: Vec<Template>,
    /// Called with the picked template.
    on_pick: Callback<Template>,
) -> impl IntoView {
    if templates.is_empty() {
        return ().into_any();
    }
    let list = StoredValue::new(templates);
    let chosen = RwSignal::new(String::new());
    let description = move || {
        let key = chosen.get();
        list.with_value(|l| {
            l.iter()
                .find(|t| t.key == key)
                .and_then(|t| t.description.clone())
        })
        .filter(|d| !d.is_empty())
    };
    let on_change = move |ev| {
        let key = event_target_value(&ev);
        chosen.set(key.clone());
        if let Some(t) = list.with_value(|l| l.iter().find(|t| t.key == key).cloned()) {
            on_pick.run(t);
        }
    };
    view! {
        <div class="cb-field cb-create__template">
            <label class="cb-field__label" for="cb-create-template">"Template"</label>
            <select id="cb-create-template" class="cb-select" data-testid="create-template"
                aria-describedby="cb-create-template-help" on:change=on_change>
                <option value="" selected=move || chosen.get().is_empty()>"No template selected"</option>
                {list.get_value().into_iter().map(|t| view! { <option value=t.key.clone()>{t.name.clone()}</option> }).collect_view()}
            </select>
            <div class="cb-field__help" id="cb-create-template-help">
                {move || description().unwrap_or_else(|| "Fills the form with the template's values; you can change them.".into())}
            </div>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_api::case::{CaseCustomField, Settings};
    use casebook_api::configure::{CustomFieldDefinition, CustomFieldType};
    use casebook_api::{CaseConnector, ConnectorFields, ConnectorType, Severity};

    fn def(key: &str) -> CustomFieldDefinition {
        CustomFieldDefinition {
            key: key.into(),
            label: key.into(),
            kind: CustomFieldType::Text,
            required: false,
            default_value: None,
        }
    }

    fn typed() -> CreateForm {
        CreateForm {
            title: "Typed title".into(),
            description: "Typed text".into(),
            tags: vec!["mine".into()],
            category: "Typed".into(),
            custom_fields: vec![
                (def("ticket"), FieldDraft::Text("T-1".into())),
                (def("team"), FieldDraft::Text(String::new())),
            ],
            sync_alerts: true,
            ..Default::default()
        }
    }

    #[test]
    fn template_values_fill_and_empty_ones_keep_what_was_typed() {
        let hook = CaseConnector {
            id: "hook".into(),
            name: "Hook".into(),
            fields: ConnectorFields::empty(ConnectorType::CasesWebhook),
        };
        let t = TemplateCaseFields {
            title: Some(String::new()),
            description: Some("From the template".into()),
            tags: Some(vec!["phishing".into(), "mine".into()]),
            severity: Some(Severity::High),
            settings: Some(Settings {
                sync_alerts: false,
                extract_observables: None,
            }),
            connector: Some(hook.clone()),
            custom_fields: Some(vec![
                serde_json::from_value::<CaseCustomField>(
                    serde_json::json!({"key":"team","type":"text","value":"SOC"}),
                )
                .unwrap(),
                serde_json::from_value::<CaseCustomField>(
                    serde_json::json!({"key":"ticket","type":"text","value":null}),
                )
                .unwrap(),
            ]),
            ..Default::default()
        };
        let f = apply_template(&typed(), &t);
        assert_eq!(
            f.title, "Typed title",
            "an empty template title keeps the typed one"
        );
        assert_eq!(f.description, "From the template");
        assert_eq!(f.tags, ["mine", "phishing"]);
        assert_eq!(f.category, "Typed");
        assert_eq!(f.severity, Severity::High);
        assert!(!f.sync_alerts);
        assert_eq!(f.connector, hook);
        assert_eq!(f.custom_fields[0].1, FieldDraft::Text("T-1".into()));
        assert_eq!(f.custom_fields[1].1, FieldDraft::Text("SOC".into()));
        let r = f.to_request(casebook_api::Owner::Cases).unwrap();
        assert_eq!(r.connector.id, "hook");
    }

    #[test]
    fn a_none_connector_in_a_template_keeps_the_chosen_one() {
        let mut form = typed();
        form.connector = CaseConnector {
            id: "j".into(),
            name: "Jira".into(),
            fields: ConnectorFields::empty(ConnectorType::Jira),
        };
        let t = TemplateCaseFields {
            connector: Some(CaseConnector::none()),
            category: Some(None),
            ..Default::default()
        };
        let f = apply_template(&form, &t);
        assert_eq!(f.connector.id, "j");
        assert_eq!(f.category, "Typed");
    }
}
