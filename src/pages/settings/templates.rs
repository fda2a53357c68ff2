//! The "Templates" section: the owner's case templates, and a flyout to add or edit one. The
//! create-case form offers them and pre-fills its fields from the chosen one. Changes go into the
//! page's draft; nothing is sent until the page is saved.

use super::draft::SettingsDraft;
use super::template_form::{TemplateErrors, TemplateForm};
use super::widgets::{Callout, DescribedSection, FormRow, Tone};
use crate::components::ConfirmModal;
use crate::components::custom_field::{CustomFieldInput, FieldDraft};
use crate::components::flyout::{Flyout, FlyoutBody, FlyoutFooter};
use crate::components::markdown_editor::MarkdownEditor;
use crate::components::tag_input::TagInput;
use casebook_api::Severity;
use casebook_api::configure::{CustomFieldDefinition, CustomFieldType, Template};
use casebook_api::limits::MAX_TEMPLATES_LENGTH;
use leptos::prelude::*;

/// The section, editing `draft.templates`.
#[component]
pub fn TemplatesSection(
    /// The page's draft.
    draft: RwSignal<SettingsDraft>,
) -> impl IntoView {
    let editing = RwSignal::new(None::<TemplateForm>);
    let deleting = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);
    let full = move || draft.with(|d| d.templates.len() >= MAX_TEMPLATES_LENGTH);
    let save = Callback::new(move |t: Template| {
        draft.update(|d| d.upsert_template(t));
        editing.set(None);
    });
    let close = Callback::new(move |()| editing.set(None));
    let open_new = move |_| {
        let defs = draft.with_untracked(|d| d.custom_fields.clone());
        editing.set(Some(TemplateForm::blank(&defs)));
    };
    view! {
        <DescribedSection
            id="cb-settings-templates"
            title="Templates"
            description="Create templates that automatically populate values in new cases. \
                         Editing or deleting a template doesn't change existing cases."
        >
            <ul class="cb-settings-list" data-testid="templates-list">
                <For
                    each=move || draft.get().templates
                    // The whole template is the key, so an edited one re-renders. Not its Debug text:
                    // the release build formats Debug as nothing (-Zfmt-debug=none).
                    key=|t| serde_json::to_string(t).unwrap_or_default()
                    let:t
                >
                    <TemplateRow t draft editing deleting confirm_open/>
                </For>
            </ul>
            <Show when=move || draft.with(|d| d.templates.is_empty())>
                <p class="cb-settings-empty">"No templates yet."</p>
            </Show>
            <div class="cb-settings-add">
                <button
                    type="button"
                    class="cb-btn"
                    data-testid="add-template"
                    disabled=full
                    aria-describedby="cb-templates-limit"
                    on:click=open_new
                >
                    "+ Add template"
                </button>
                <span class="cb-settings-add__hint" id="cb-templates-limit">
                    {move || {
                        if full() {
                            format!("You have reached the limit of {MAX_TEMPLATES_LENGTH} templates.")
                        } else {
                            format!("Up to {MAX_TEMPLATES_LENGTH} templates.")
                        }
                    }}
                </span>
            </div>
        </DescribedSection>
        {move || {
            editing
                .get()
                .map(|form| {
                    let defs = draft.with_untracked(|d| d.custom_fields.clone());
                    view! { <TemplateEditor form defs on_save=save on_close=close/> }
                })
        }}
        <ConfirmModal
            open=confirm_open
            title="Delete template?"
            body="New cases can no longer start from it; existing cases keep their values. \
                  The change applies when you save the settings."
            confirm_label="Delete"
            danger=true
            test_id="settings-delete"
            on_confirm=Callback::new(move |()| {
                if let Some(key) = deleting.get_untracked() {
                    draft.update(|d| d.remove_template(&key));
                }
            })
        />
    }
}

/// One template in the list.
#[component]
fn TemplateRow(
    t: Template,
    draft: RwSignal<SettingsDraft>,
    editing: RwSignal<Option<TemplateForm>>,
    deleting: RwSignal<Option<String>>,
    confirm_open: RwSignal<bool>,
) -> impl IntoView {
    let name = t.name.clone();
    let key = t.key.clone();
    let edit = t.clone();
    view! {
        <li class="cb-settings-item" data-testid="template-item">
            <div class="cb-settings-item__main">
                <span class="cb-settings-item__name">{t.name.clone()}</span>
                {t.tags
                    .clone()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|tag| view! { <span class="cb-badge cb-badge--default">{tag}</span> })
                    .collect_view()}
                {t.description
                    .clone()
                    .map(|d| view! { <span class="cb-settings-item__sub">{d}</span> })}
            </div>
            <div class="cb-settings-item__actions">
                <button
                    type="button"
                    class="cb-btn cb-btn--small cb-btn--empty"
                    aria-label=format!("Edit template {name}")
                    on:click=move |_| {
                        let defs = draft.with_untracked(|d| d.custom_fields.clone());
                        editing.set(Some(TemplateForm::from_template(&edit, &defs)));
                    }
                >
                    "Edit"
                </button>
                <button
                    type="button"
                    class="cb-btn cb-btn--small cb-btn--empty cb-btn--danger"
                    aria-label=format!("Delete template {}", t.name)
                    on:click=move |_| {
                        deleting.set(Some(key.clone()));
                        confirm_open.set(true);
                    }
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
}

/// The add/edit flyout.
#[component]
fn TemplateEditor(
    form: TemplateForm,
    defs: Vec<CustomFieldDefinition>,
    on_save: Callback<Template>,
    on_close: Callback<()>,
) -> impl IntoView {
    let is_edit = form.key.is_some();
    let key = form.key.clone();
    let name = RwSignal::new(form.name);
    let description = RwSignal::new(form.description);
    let tags = RwSignal::new(form.tags);
    let title = RwSignal::new(form.title);
    let case_description = RwSignal::new(form.case_description);
    let severity = RwSignal::new(form.severity);
    let category = RwSignal::new(form.category);
    let case_tags = RwSignal::new(form.case_tags);
    let custom: Vec<(String, RwSignal<FieldDraft>)> = form
        .custom
        .into_iter()
        .map(|(k, d)| (k, RwSignal::new(d)))
        .collect();
    let errors = RwSignal::new(TemplateErrors::default());
    let err = move |f| field_error(errors, f);
    let submit = {
        let custom = custom.clone();
        let defs = defs.clone();
        move || {
            let f = TemplateForm {
                key: key.clone(),
                name: name.get_untracked(),
                description: description.get_untracked(),
                tags: tags.get_untracked(),
                title: title.get_untracked(),
                case_description: case_description.get_untracked(),
                severity: severity.get_untracked(),
                category: category.get_untracked(),
                case_tags: case_tags.get_untracked(),
                custom: custom
                    .iter()
                    .map(|(k, s)| (k.clone(), s.get_untracked()))
                    .collect(),
            };
            match f.to_template(&defs) {
                Ok(t) => on_save.run(t),
                Err(e) => errors.set(*e),
            }
        }
    };
    let heading = if is_edit {
        "Edit template"
    } else {
        "Add template"
    };
    let cf_rows = custom_field_rows(&defs, &custom, errors);
    view! {
        <Flyout title=heading.to_string() on_close wide=true test_id="template-flyout">
            <form
                class="cb-flyout__form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <FlyoutBody>
                    {move || errors.get().other.map(|m| view! { <Callout tone=Tone::Danger title=m/> })}
                    <FormRow label="Template name" id="cb-tpl-name" required=true error=err(|e| e.name.clone())>
                        <input id="cb-tpl-name" class="cb-input" type="text" data-testid="template-name" bind:value=name/>
                    </FormRow>
                    <FormRow
                        label="Template description"
                        id="cb-tpl-description"
                        optional=true
                        error=err(|e| e.description.clone())
                    >
                        <textarea
                            id="cb-tpl-description"
                            class="cb-textarea"
                            rows="2"
                            data-testid="template-description"
                            bind:value=description
                        ></textarea>
                    </FormRow>
                    <FormRow
                        label="Template tags"
                        id="cb-tpl-tags"
                        optional=true
                        help="Help people find the template. Press Enter after each tag."
                        error=err(|e| e.tags.clone())
                    >
                        <TagInput values=tags id="cb-tpl-tags" test_id="template-tags"/>
                    </FormRow>
                    <fieldset class="cb-fieldset">
                        <legend class="cb-fieldset__legend">"Case fields"</legend>
                        <p class="cb-field__help">"Values the create form starts with. Leave a field empty to not pre-fill it."</p>
                        <CaseFields title case_description severity category case_tags errors/>
                        {cf_rows}
                    </fieldset>
                </FlyoutBody>
                <FlyoutFooter>
                    <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| on_close.run(())>
                        "Cancel"
                    </button>
                    <button type="submit" class="cb-btn cb-btn--fill" data-testid="template-save">
                        {if is_edit { "Update template" } else { "Add template" }}
                    </button>
                </FlyoutFooter>
            </form>
        </Flyout>
    }
}

/// Title, description, severity, category and tags of the template's case.
#[component]
fn CaseFields(
    title: RwSignal<String>,
    case_description: RwSignal<String>,
    severity: RwSignal<Option<Severity>>,
    category: RwSignal<String>,
    case_tags: RwSignal<Vec<String>>,
    errors: RwSignal<TemplateErrors>,
) -> impl IntoView {
    let err = move |f| field_error(errors, f);
    view! {
        <FormRow label="Case title" id="cb-tpl-title" optional=true error=err(|e| e.title.clone())>
            <input id="cb-tpl-title" class="cb-input" type="text" data-testid="template-case-title" bind:value=title/>
        </FormRow>
        <MarkdownEditor
            value=case_description
            id="cb-tpl-case-description"
            label="Case description"
            rows=4
            error=Signal::derive(move || errors.get().case_description)
            test_id="template-case-description"
        />
        <div class="cb-settings-row">
            <FormRow label="Severity" id="cb-tpl-severity" optional=true>
                <select
                    id="cb-tpl-severity"
                    class="cb-select"
                    data-testid="template-severity"
                    on:change=move |ev| severity.set(Severity::parse(&event_target_value(&ev)))
                >
                    <option value="" selected=move || severity.get().is_none()>"Not set"</option>
                    {Severity::ALL
                        .map(|s| view! {
                            <option value=s.as_str() selected=move || severity.get() == Some(s)>{s.label()}</option>
                        })
                        .collect_view()}
                </select>
            </FormRow>
            <FormRow label="Category" id="cb-tpl-category" optional=true error=err(|e| e.category.clone())>
                <input id="cb-tpl-category" class="cb-input" type="text" data-testid="template-category" bind:value=category/>
            </FormRow>
        </div>
        <FormRow label="Case tags" id="cb-tpl-case-tags" optional=true error=err(|e| e.case_tags.clone())>
            <TagInput values=case_tags id="cb-tpl-case-tags" test_id="template-case-tags"/>
        </FormRow>
    }
}

/// The message of one input, as a signal.
fn field_error(
    errors: RwSignal<TemplateErrors>,
    pick: fn(&TemplateErrors) -> Option<String>,
) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(pick))
}

/// One input per custom field definition (a toggle's switch carries its own label).
fn custom_field_rows(
    defs: &[CustomFieldDefinition],
    custom: &[(String, RwSignal<FieldDraft>)],
    errors: RwSignal<TemplateErrors>,
) -> impl IntoView + use<> {
    defs.iter()
        .filter_map(|def| {
            let draft = custom.iter().find(|(k, _)| *k == def.key)?.1;
            let id = format!("cb-tpl-cf-{}", def.key);
            let key = def.key.clone();
            let error = Signal::derive(move || errors.with(|e| e.custom_for(&key)));
            let toggle = def.kind == CustomFieldType::Toggle;
            Some(view! {
                <div class="cb-field">
                    {(!toggle).then(|| view! {
                        <label class="cb-field__label" for=id.clone()>{def.label.clone()}</label>
                    })}
                    <CustomFieldInput def=def.clone() draft id error/>
                </div>
            })
        })
        .collect_view()
}
