//! The create form itself, once the owner's configuration (custom fields, templates, default
//! connector) is known: its state as signals, validation shown as the user goes, and the request.

use super::connector::{ConnectorSection, default_connector};
use super::fields::{AssigneesField, CustomFieldsSection, FormRow};
use super::form::{CreateForm, FormErrors};
use super::owner_of;
use super::template::{TemplatePicker, apply_template};
use crate::components::ConfirmModal;
use crate::components::custom_field::FieldDraft;
use crate::components::markdown_editor::MarkdownEditor;
use crate::components::toaster::use_toaster;
use crate::components::user_picker::PickedUser;
use crate::context::{use_client, use_loc};
use casebook_api::configure::{Configuration, CustomFieldDefinition, Template};
use casebook_api::{CasePostRequest, Owner, Severity};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The form itself, once the owner's configuration is known.
#[component]
pub(crate) fn CreateCaseForm(
    /// The owner's configuration (none yet, or unreadable).
    config: Option<Configuration>,
    /// Why the definitions could not be read, if they could not.
    config_error: Option<String>,
) -> impl IntoView {
    let loc = use_loc();
    let client = use_client();
    let toaster = use_toaster();
    let navigate = use_navigate();
    let owner = owner_of(loc.get_untracked().solution);

    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let tags = RwSignal::new(Vec::<String>::new());
    let category = RwSignal::new(String::new());
    let severity = RwSignal::new(Severity::Low);
    let assignees = RwSignal::new(Vec::<PickedUser>::new());
    let sync_alerts = RwSignal::new(true);
    let connector = RwSignal::new(default_connector(config.as_ref()));
    let (defs, templates): (Vec<CustomFieldDefinition>, Vec<Template>) = config
        .map(|c| (c.custom_fields, c.templates))
        .unwrap_or_default();
    let drafts: Vec<(CustomFieldDefinition, RwSignal<FieldDraft>)> = defs
        .into_iter()
        .map(|d| {
            let draft = RwSignal::new(FieldDraft::from_default(&d));
            (d, draft)
        })
        .collect();
    let drafts = StoredValue::new(drafts);

    let snapshot = move || CreateForm {
        title: title.get(),
        description: description.get(),
        tags: tags.get(),
        category: category.get(),
        severity: severity.get(),
        assignees: assignees.with(|a| a.iter().map(|u| u.uid.clone()).collect()),
        custom_fields: drafts
            .with_value(|d| d.iter().map(|(def, s)| (def.clone(), s.get())).collect()),
        sync_alerts: sync_alerts.get(),
        connector: connector.get(),
    };
    // A template writes its values into the signals; what it leaves empty stays as typed.
    let pick_template = Callback::new(move |t: Template| {
        let before = snapshot();
        let after = apply_template(&before, &t.case_fields.unwrap_or_default());
        title.set(after.title);
        description.set(after.description);
        tags.set(after.tags);
        category.set(after.category);
        severity.set(after.severity);
        sync_alerts.set(after.sync_alerts);
        connector.set(after.connector);
        drafts.with_value(|d| {
            for ((_, signal), (_, draft)) in d.iter().zip(after.custom_fields) {
                signal.set(draft);
            }
        });
    });
    let errors = Memo::new(move |_| snapshot().validate());
    let submitted = RwSignal::new(false);
    let touched = RwSignal::new(Vec::<&'static str>::new());
    let touch = move |f: &'static str| {
        touched.update(|t| {
            if !t.contains(&f) {
                t.push(f)
            }
        })
    };
    let shown = move |f: &'static str, pick: fn(&FormErrors) -> Option<String>| {
        Signal::derive(move || {
            (submitted.get() || touched.with(|t| t.contains(&f)))
                .then(|| errors.with(pick))
                .flatten()
        })
    };
    let server_error = RwSignal::new(None::<String>);

    let tag_options = LocalResource::new(move || {
        let c = client.get();
        async move { c.tags(owner).await.unwrap_or_default() }
    });
    let category_options = LocalResource::new(move || {
        let c = client.get();
        async move { c.categories(owner).await.unwrap_or_default() }
    });

    let create = Action::new_local(move |req: &CasePostRequest| {
        let c = client.get_untracked();
        let req = req.clone();
        async move { c.create_case(&req).await }
    });
    let pending = create.pending();
    {
        let navigate = navigate.clone();
        Effect::new(move |_| match create.value().get() {
            Some(Ok(case)) => {
                toaster.success(format!("Case \"{}\" created", case.title));
                navigate(&loc.get_untracked().detail(&case.id), Default::default());
            }
            Some(Err(e)) => {
                server_error.set(Some(e.message()));
                toaster.error("Could not create the case", e.message());
            }
            None => {}
        });
    }
    let submit = move || {
        submitted.set(true);
        server_error.set(None);
        match snapshot().to_request(owner) {
            Ok(req) => {
                create.dispatch(req);
            }
            Err(e) => focus_first_invalid(&e),
        }
    };

    let confirm_cancel = RwSignal::new(false);
    let leave = {
        let navigate = navigate.clone();
        Callback::new(move |_| navigate(&loc.get_untracked().list(), Default::default()))
    };
    let cancel = move |_| {
        if snapshot().has_input() {
            confirm_cancel.set(true);
        } else {
            leave.run(());
        }
    };
    let error_count = move || {
        if submitted.get() {
            errors.with(FormErrors::count)
        } else {
            0
        }
    };
    let show_sync = owner != Owner::Observability;

    view! {
        <form
            class="cb-form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
        >
            {config_error.map(|e| view! {
                <div class="cb-callout cb-callout--warning" role="status">
                    "Custom fields could not be loaded: " {e}
                </div>
            })}
            <Show when=move || { error_count() > 0 }>
                <div class="cb-callout cb-callout--danger" role="alert" data-testid="form-errors">
                    {move || match error_count() {
                        1 => "Fix the highlighted field to create the case.".to_string(),
                        n => format!("Fix the {n} highlighted fields to create the case."),
                    }}
                </div>
            </Show>
            {move || server_error.get().map(|e| view! {
                <div class="cb-callout cb-callout--danger" role="alert" data-testid="server-error">
                    <strong>"The case was not created. "</strong>
                    {e}
                </div>
            })}
            <TemplatePicker templates on_pick=pick_template/>
            <FormRow label="Name" id="cb-create-title-input" required=true error=shown("title", |e| e.title.clone())>
                <input
                    id="cb-create-title-input"
                    class="cb-input"
                    type="text"
                    autocomplete="off"
                    data-testid="create-title"
                    aria-required="true"
                    aria-invalid=move || shown("title", |e| e.title.clone()).with(Option::is_some).to_string()
                    aria-describedby="cb-create-title-input-error"
                    bind:value=title
                    on:blur=move |_| touch("title")
                />
            </FormRow>
            <div class="cb-form__grid">
                <FormRow label="Tags" id="cb-create-tags" error=shown("tags", |e| e.tags.clone())
                    help="Press Enter or comma after each tag.">
                    <crate::components::tag_input::TagInput
                        values=tags
                        id="cb-create-tags"
                        suggestions=Signal::derive(move || tag_options.get().unwrap_or_default())
                        placeholder="Add tags"
                        described_by="cb-create-tags-help"
                        test_id="create-tags"
                    />
                </FormRow>
                <FormRow label="Category" id="cb-create-category" error=shown("category", |e| e.category.clone())>
                    <input
                        id="cb-create-category"
                        class="cb-input"
                        type="text"
                        list="cb-create-category-options"
                        autocomplete="off"
                        data-testid="create-category"
                        aria-describedby="cb-create-category-error"
                        bind:value=category
                        on:blur=move |_| touch("category")
                    />
                    <datalist id="cb-create-category-options">
                        {move || category_options.get().unwrap_or_default().into_iter()
                            .map(|c| view! { <option value=c></option> }).collect_view()}
                    </datalist>
                </FormRow>
                <FormRow label="Severity" id="cb-create-severity">
                    <select
                        id="cb-create-severity"
                        class="cb-select"
                        data-testid="create-severity"
                        on:change=move |ev| {
                            if let Some(s) = Severity::parse(&event_target_value(&ev)) {
                                severity.set(s);
                            }
                        }
                    >
                        {Severity::ALL.map(|s| view! {
                            <option value=s.as_str() selected=move || severity.get() == s>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </FormRow>
            </div>
            <div class="cb-field">
                <MarkdownEditor
                    value=description
                    id="cb-create-description"
                    label="Description *"
                    rows=8
                    placeholder="What happened? Markdown is supported."
                    error=shown("description", |e| e.description.clone())
                    test_id="create-description"
                />
            </div>
            <AssigneesField owner assignees error=shown("assignees", |e| e.assignees.clone())/>
            <CustomFieldsSection drafts=drafts.get_value() errors=errors submitted/>
            {show_sync.then(|| view! {
                <div class="cb-field">
                    <label class="cb-switch">
                        <input
                            type="checkbox"
                            role="switch"
                            class="cb-switch__input"
                            data-testid="create-sync-alerts"
                            prop:checked=move || sync_alerts.get()
                            on:change=move |ev| sync_alerts.set(event_target_checked(&ev))
                        />
                        <span class="cb-switch__track" aria-hidden="true"></span>
                        <span class="cb-switch__label">"Sync alert status with case status"</span>
                    </label>
                </div>
            })}
            <ConnectorSection connector/>
            <div class="cb-form__actions">
                <button type="button" class="cb-btn cb-btn--empty" on:click=cancel data-testid="create-cancel">
                    "Cancel"
                </button>
                <button
                    type="submit"
                    class="cb-btn cb-btn--fill"
                    disabled=move || pending.get()
                    data-testid="create-submit"
                >
                    {move || if pending.get() { "Creating…" } else { "Create case" }}
                </button>
            </div>
        </form>
        <ConfirmModal
            open=confirm_cancel
            title="Discard this case?"
            body="What you typed in the form will be lost."
            confirm_label="Discard"
            cancel_label="Keep editing"
            danger=true
            on_confirm=leave
            test_id="discard-modal"
        />
    }
}

/// Moves focus to the first field with a message, so keyboard users land on it.
fn focus_first_invalid(e: &FormErrors) {
    let id = if e.title.is_some() {
        "cb-create-title-input".to_string()
    } else if e.tags.is_some() {
        "cb-create-tags".into()
    } else if e.category.is_some() {
        "cb-create-category".into()
    } else if e.description.is_some() {
        "cb-create-description".into()
    } else if let Some(k) = e.custom_fields.keys().next() {
        format!("cb-create-cf-{k}")
    } else {
        return;
    };
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}
