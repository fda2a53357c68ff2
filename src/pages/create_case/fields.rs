//! Pieces of the create form: a labelled row, the assignees field and the custom fields section.

use super::form::FormErrors;
use crate::components::custom_field::{CustomFieldInput, FieldDraft};
use crate::components::user_picker::{PickedUser, UserPicker};
use crate::context::use_current_user;
use casebook_api::Owner;
use casebook_api::configure::{CustomFieldDefinition, CustomFieldType};
use casebook_api::limits::MAX_ASSIGNEES_PER_CASE;
use leptos::prelude::*;

/// A form row: label, control, help text and the inline message.
#[component]
pub(crate) fn FormRow(
    /// The label text.
    #[prop(into)]
    label: String,
    /// The id of the control the label names.
    #[prop(into)]
    id: String,
    /// Marks the field as required.
    #[prop(optional)]
    required: bool,
    /// The inline message, if the value is invalid.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Help text under the control.
    #[prop(optional, into)]
    help: Option<String>,
    /// The control.
    children: Children,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    view! {
        <div class="cb-field" class:cb-field--invalid=move || error.with(Option::is_some)>
            <label class="cb-field__label" for=id>
                {label}
                {required.then(|| view! { <span class="cb-field__required" aria-hidden="true">" *"</span> })}
            </label>
            {children()}
            {help.map(|h| view! { <div class="cb-field__help" id=help_id>{h}</div> })}
            {move || error.get().map(|e| view! {
                <div class="cb-field__error" id=error_id.clone() data-testid="field-error">{e}</div>
            })}
        </div>
    }
}

/// Assignees: chosen users as chips, a user search and "Assign yourself".
#[component]
pub(crate) fn AssigneesField(
    /// Whose cases (limits the suggestions to users who may work on them).
    owner: Owner,
    /// The chosen users.
    assignees: RwSignal<Vec<PickedUser>>,
    /// The inline message.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let me = use_current_user();
    let add = move |u: PickedUser| {
        assignees.update(|a| {
            if !a.iter().any(|x| x.uid == u.uid) {
                a.push(u)
            }
        })
    };
    let not_me = move || {
        me.get().filter(|m| {
            !m.profile_uid.is_empty()
                && assignees.with(|a| !a.iter().any(|x| x.uid == m.profile_uid))
        })
    };
    let full = Signal::derive(move || assignees.with(Vec::len) >= MAX_ASSIGNEES_PER_CASE);
    view! {
        <FormRow label="Assignees" id="cb-create-assignees" error>
            <div class="cb-assignees">
                <ul class="cb-assignees__list" aria-label="Chosen assignees">
                    <For each=move || assignees.get() key=|u| u.uid.clone() let:u>
                        <li class="cb-chip" data-testid="assignee-chip">
                            <span class="cb-chip__text">{u.name.clone()}</span>
                            <button
                                type="button"
                                class="cb-chip__remove"
                                aria-label=format!("Remove assignee {}", u.name)
                                on:click={
                                    let uid = u.uid.clone();
                                    move |_| assignees.update(|a| a.retain(|x| x.uid != uid))
                                }
                            >
                                "×"
                            </button>
                        </li>
                    </For>
                </ul>
                <UserPicker
                    owner
                    id="cb-create-assignees"
                    label="Search users"
                    exclude=Signal::derive(move || assignees.with(|a| a.iter().map(|u| u.uid.clone()).collect()))
                    on_pick=Callback::new(add)
                    disabled=full
                />
                {move || not_me().map(|m| {
                    let picked = PickedUser {
                        uid: m.profile_uid.clone(),
                        name: m.full_name.clone().filter(|n| !n.is_empty()).unwrap_or(m.username.clone()),
                    };
                    view! {
                        <button
                            type="button"
                            class="cb-btn cb-btn--link"
                            data-testid="assign-yourself"
                            on:click=move |_| add(picked.clone())
                        >
                            "Assign yourself"
                        </button>
                    }
                })}
            </div>
        </FormRow>
    }
}

/// The owner's custom fields ("Additional fields"); nothing when none are defined.
#[component]
pub(crate) fn CustomFieldsSection(
    /// Definitions and their drafts.
    drafts: Vec<(CustomFieldDefinition, RwSignal<FieldDraft>)>,
    /// The form's messages.
    errors: Memo<FormErrors>,
    /// Whether the user tried to submit (messages show from then on).
    submitted: RwSignal<bool>,
) -> impl IntoView {
    if drafts.is_empty() {
        return ().into_any();
    }
    let rows = drafts
        .into_iter()
        .map(|(def, draft)| {
            let id = format!("cb-create-cf-{}", def.key);
            let key = def.key.clone();
            let error = Signal::derive(move || {
                submitted
                    .get()
                    .then(|| errors.with(|e| e.custom_fields.get(&key).cloned()))
                    .flatten()
            });
            if def.kind == CustomFieldType::Toggle {
                view! {
                    <div class="cb-field">
                        <CustomFieldInput def draft id error/>
                    </div>
                }
                .into_any()
            } else {
                let label = def.label.clone();
                let required = def.required;
                view! {
                    <FormRow label id=id.clone() required error>
                        <CustomFieldInput def draft id error hide_message=true/>
                    </FormRow>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <fieldset class="cb-fieldset" data-testid="custom-fields">
            <legend class="cb-fieldset__legend">"Additional fields"</legend>
            {rows}
        </fieldset>
    }
    .into_any()
}
