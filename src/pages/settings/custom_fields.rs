//! The "Custom fields" section: the owner's definitions, and a flyout to add or edit one.
//! Changes go into the page's draft; nothing is sent until the page is saved.

use super::draft::SettingsDraft;
use super::field_form::{FIELD_TYPES, FieldErrors, FieldForm, type_label};
use super::widgets::{Checkbox, DescribedSection, FormRow};
use crate::components::ConfirmModal;
use crate::components::flyout::{Flyout, FlyoutBody, FlyoutFooter};
use casebook_api::configure::{CustomFieldDefinition, CustomFieldType};
use casebook_api::limits::MAX_CUSTOM_FIELDS_PER_CASE;
use leptos::prelude::*;

/// The section, editing `draft.custom_fields`.
#[component]
pub fn CustomFieldsSection(
    /// The page's draft.
    draft: RwSignal<SettingsDraft>,
) -> impl IntoView {
    let editing = RwSignal::new(None::<FieldForm>);
    let deleting = RwSignal::new(None::<CustomFieldDefinition>);
    let confirm_open = RwSignal::new(false);
    let full = move || draft.with(|d| d.custom_fields.len() >= MAX_CUSTOM_FIELDS_PER_CASE);
    let save = Callback::new(move |def: CustomFieldDefinition| {
        draft.update(|d| d.upsert_custom_field(def));
        editing.set(None);
    });
    let close = Callback::new(move |()| editing.set(None));
    view! {
        <DescribedSection
            id="cb-settings-custom-fields"
            title="Custom fields"
            description="Add more optional and required fields for customized case collaboration. \
                         They appear on every case of this solution, new and existing."
        >
            <ul class="cb-settings-list" data-testid="custom-fields-list">
                <For
                    each=move || draft.get().custom_fields
                    key=|d| (d.key.clone(), d.label.clone(), d.required, d.default_value.clone())
                    let:def
                >
                    <FieldRow def editing deleting confirm_open/>
                </For>
            </ul>
            <Show when=move || draft.with(|d| d.custom_fields.is_empty())>
                <p class="cb-settings-empty">"No custom fields yet."</p>
            </Show>
            <div class="cb-settings-add">
                <button
                    type="button"
                    class="cb-btn"
                    data-testid="add-custom-field"
                    disabled=full
                    aria-describedby="cb-custom-fields-limit"
                    on:click=move |_| editing.set(Some(FieldForm::blank()))
                >
                    "+ Add field"
                </button>
                <span class="cb-settings-add__hint" id="cb-custom-fields-limit">
                    {move || {
                        if full() {
                            format!(
                                "You have reached the limit of {MAX_CUSTOM_FIELDS_PER_CASE} custom fields.",
                            )
                        } else {
                            format!("Up to {MAX_CUSTOM_FIELDS_PER_CASE} custom fields.")
                        }
                    }}
                </span>
            </div>
        </DescribedSection>
        {move || editing.get().map(|form| view! { <FieldEditor form on_save=save on_close=close/> })}
        <ConfirmModal
            open=confirm_open
            title="Delete custom field?"
            body="The field disappears from every case of this solution and from the templates. \
                  The change applies when you save the settings."
            confirm_label="Delete"
            danger=true
            test_id="settings-delete"
            on_confirm=Callback::new(move |()| {
                if let Some(def) = deleting.get_untracked() {
                    draft.update(|d| d.remove_custom_field(&def.key));
                }
            })
        />
    }
}

/// One definition in the list.
#[component]
fn FieldRow(
    def: CustomFieldDefinition,
    editing: RwSignal<Option<FieldForm>>,
    deleting: RwSignal<Option<CustomFieldDefinition>>,
    confirm_open: RwSignal<bool>,
) -> impl IntoView {
    let form = FieldForm::from_def(&def);
    let label = def.label.clone();
    let to_delete = def.clone();
    view! {
        <li class="cb-settings-item" data-testid="custom-field-item">
            <div class="cb-settings-item__main">
                <span class="cb-settings-item__name">{def.label.clone()}</span>
                <span class="cb-badge cb-badge--hollow">{type_label(def.kind)}</span>
                {def.required.then(|| view! { <span class="cb-badge cb-badge--accent">"Required"</span> })}
            </div>
            <div class="cb-settings-item__actions">
                <button
                    type="button"
                    class="cb-btn cb-btn--small cb-btn--empty"
                    aria-label=format!("Edit custom field {label}")
                    on:click=move |_| editing.set(Some(form.clone()))
                >
                    "Edit"
                </button>
                <button
                    type="button"
                    class="cb-btn cb-btn--small cb-btn--empty cb-btn--danger"
                    aria-label=format!("Delete custom field {}", def.label)
                    on:click=move |_| {
                        deleting.set(Some(to_delete.clone()));
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
fn FieldEditor(
    form: FieldForm,
    on_save: Callback<CustomFieldDefinition>,
    on_close: Callback<()>,
) -> impl IntoView {
    let is_edit = form.is_edit();
    let key = form.key.clone();
    let label = RwSignal::new(form.label);
    let kind = RwSignal::new(form.kind);
    let required = RwSignal::new(form.required);
    let default_text = RwSignal::new(form.default_text);
    let default_toggle = RwSignal::new(form.default_toggle);
    let errors = RwSignal::new(FieldErrors::default());
    let submit = move || {
        let f = FieldForm {
            key: key.clone(),
            label: label.get_untracked(),
            kind: kind.get_untracked(),
            required: required.get_untracked(),
            default_text: default_text.get_untracked(),
            default_toggle: default_toggle.get_untracked(),
        };
        match f.to_def() {
            Ok(def) => on_save.run(def),
            Err(e) => errors.set(e),
        }
    };
    let title = if is_edit { "Edit field" } else { "Add field" };
    view! {
        <Flyout title=title.to_string() on_close test_id="custom-field-flyout">
            <form
                class="cb-flyout__form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <FlyoutBody>
                    <FormRow
                        label="Field label"
                        id="cb-cf-label"
                        required=true
                        help="Up to 50 characters. Shown on cases and in the cases list."
                        error=Signal::derive(move || errors.get().label)
                    >
                        <input
                            id="cb-cf-label"
                            class="cb-input"
                            type="text"
                            data-testid="custom-field-label"
                            aria-describedby="cb-cf-label-help cb-cf-label-error"
                            bind:value=label
                        />
                    </FormRow>
                    <FormRow
                        label="Type"
                        id="cb-cf-type"
                        help=if is_edit {
                            "The type can't be changed once the field exists."
                        } else {
                            "Text (up to 160 characters), toggle (on/off) or number (whole number)."
                        }
                    >
                        <select
                            id="cb-cf-type"
                            class="cb-select"
                            data-testid="custom-field-type"
                            disabled=is_edit
                            aria-describedby="cb-cf-type-help"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(t) = FIELD_TYPES.into_iter().find(|t| t.as_str() == v) {
                                    kind.set(t);
                                }
                            }
                        >
                            {FIELD_TYPES
                                .map(|t| {
                                    view! {
                                        <option value=t.as_str() selected=move || kind.get() == t>
                                            {type_label(t)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </FormRow>
                    <Checkbox
                        checked=required
                        id="cb-cf-required"
                        label="Make this field required"
                        test_id="custom-field-required"
                    />
                    <DefaultValueInput kind default_text default_toggle errors/>
                </FlyoutBody>
                <FlyoutFooter>
                    <button
                        type="button"
                        class="cb-btn cb-btn--empty"
                        on:click=move |_| on_close.run(())
                    >
                        "Cancel"
                    </button>
                    <button type="submit" class="cb-btn cb-btn--fill" data-testid="custom-field-save">
                        {if is_edit { "Update field" } else { "Add field" }}
                    </button>
                </FlyoutFooter>
            </form>
        </Flyout>
    }
}

/// The default value input, typed by the field's type.
#[component]
fn DefaultValueInput(
    kind: RwSignal<CustomFieldType>,
    default_text: RwSignal<String>,
    default_toggle: RwSignal<bool>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let error = Signal::derive(move || errors.get().default_value);
    move || match kind.get() {
        CustomFieldType::Toggle => view! {
            <FormRow label="Default value" id="cb-cf-default" optional=true>
                <label class="cb-switch">
                    <input
                        id="cb-cf-default"
                        type="checkbox"
                        role="switch"
                        class="cb-switch__input"
                        data-testid="custom-field-default"
                        prop:checked=move || default_toggle.get()
                        on:change=move |ev| default_toggle.set(event_target_checked(&ev))
                    />
                    <span class="cb-switch__track" aria-hidden="true"></span>
                    <span class="cb-switch__label">
                        {move || if default_toggle.get() { "On" } else { "Off" }}
                    </span>
                </label>
            </FormRow>
        }
        .into_any(),
        k => {
            let number = k == CustomFieldType::Number;
            view! {
                <FormRow
                    label="Default value"
                    id="cb-cf-default"
                    optional=true
                    help="Cases created without a value get this one."
                    error
                >
                    <input
                        id="cb-cf-default"
                        class="cb-input"
                        type=if number { "number" } else { "text" }
                        step=number.then_some("1")
                        inputmode=number.then_some("numeric")
                        data-testid="custom-field-default"
                        aria-describedby="cb-cf-default-help cb-cf-default-error"
                        bind:value=default_text
                    />
                </FormRow>
            }
            .into_any()
        }
    }
}
