//! The inputs of a connector form, rendered from the type's [`spec`](super::spec): the name, one
//! fieldset per section, and the header rows of Webhook - Case Management. Each input owns a
//! signal; [`FormState::snapshot`] collects them into a [`ConnectorForm`] for checking and saving.

use super::form::{ConnectorForm, Errors, HEADERS, NAME};
use super::spec::{FieldSpec, Kind, has_headers, sections};
use crate::pages::settings::widgets::FormRow;
use casebook_api::connector::ConnectorType;
use leptos::prelude::*;
use serde_json::Value;

/// The live inputs of one connector form.
#[derive(Clone)]
pub struct FormState {
    kind: ConnectorType,
    editing: bool,
    stored: Value,
    name: RwSignal<String>,
    values: Vec<(&'static str, RwSignal<String>)>,
    headers: RwSignal<Vec<(u32, String, String)>>,
    next_header: StoredValue<u32>,
}

impl FormState {
    /// Signals holding `form`'s answers.
    pub fn new(form: ConnectorForm) -> Self {
        let headers: Vec<(u32, String, String)> = form
            .headers
            .into_iter()
            .enumerate()
            .map(|(i, (k, v))| (i as u32, k, v))
            .collect();
        Self {
            kind: form.kind,
            editing: form.editing,
            stored: form.stored,
            name: RwSignal::new(form.name),
            next_header: StoredValue::new(headers.len() as u32),
            headers: RwSignal::new(headers),
            values: form
                .values
                .into_iter()
                .map(|(k, v)| (k, RwSignal::new(v)))
                .collect(),
        }
    }

    fn signal(&self, key: &str) -> Option<RwSignal<String>> {
        self.values.iter().find(|(k, _)| *k == key).map(|(_, s)| *s)
    }

    /// The current answers (not tracked).
    pub fn snapshot(&self) -> ConnectorForm {
        ConnectorForm {
            kind: self.kind,
            name: self.name.get_untracked(),
            values: self
                .values
                .iter()
                .map(|(k, s)| (*k, s.get_untracked()))
                .collect(),
            headers: self
                .headers
                .get_untracked()
                .into_iter()
                .map(|(_, k, v)| (k, v))
                .collect(),
            editing: self.editing,
            stored: self.stored.clone(),
        }
    }

    /// The current answers, tracked (for "required" marks that depend on a checkbox).
    fn tracked(&self) -> ConnectorForm {
        for (_, s) in &self.values {
            s.track();
        }
        self.snapshot()
    }
}

/// The whole form body.
#[component]
pub fn ConnectorInputs(
    /// The inputs.
    state: FormState,
    /// Messages by key.
    errors: RwSignal<Errors>,
) -> impl IntoView {
    let err = move |key: &'static str| Signal::derive(move || errors.with(|e| e.get(key).cloned()));
    let name = state.name;
    let editing = state.editing;
    // A closure, not a view: views are not `Clone` in Leptos's erased mode, and each section
    // with a secret needs its own copy of the note.
    let secrets_note = move || {
        editing.then(|| {
            view! {
                <p class="cb-field__help cb-connector-form__note" data-testid="secrets-note">
                    "Secrets are never shown again. Leave them empty to keep the stored ones; to \
                     change them, fill in all of them."
                </p>
            }
        })
    };
    let sections_view = sections(state.kind)
        .iter()
        .map(|section| {
            let rows = section
                .fields
                .iter()
                .map(|spec| field_row(&state, spec, err(spec.key)))
                .collect_view();
            let has_secret = section.fields.iter().any(|f| f.secret);
            view! {
                <fieldset class="cb-fieldset cb-connector-form__section">
                    <legend class="cb-fieldset__legend">{section.title}</legend>
                    {has_secret.then(secrets_note)}
                    {rows}
                </fieldset>
            }
        })
        .collect_view();
    let headers = has_headers(state.kind)
        .then(|| view! { <HeadersInput state=state.clone() error=err(HEADERS)/> });
    view! {
        <FormRow label="Connector name" id="cb-connector-name" required=true error=err(NAME)>
            <input id="cb-connector-name" class="cb-input" type="text" data-testid="connector-name" bind:value=name/>
        </FormRow>
        {sections_view}
        {headers}
    }
}

/// One input with its label, help and message.
fn field_row(
    state: &FormState,
    spec: &'static FieldSpec,
    error: Signal<Option<String>>,
) -> impl IntoView + use<> {
    let Some(value) = state.signal(spec.key) else {
        return ().into_any();
    };
    let id = format!("cb-connector-{}", spec.key.replace('.', "-"));
    let test_id = format!("connector-field-{}", spec.key);
    let described = format!("{id}-help {id}-error");
    let help = match (spec.secret && state.editing, spec.help) {
        (true, "") => Some("Leave empty to keep the stored value.".to_string()),
        (_, "") => None,
        (_, h) => Some(h.to_string()),
    };
    if spec.kind == Kind::Bool {
        return view! {
            <div class="cb-field">
                <div class="cb-check">
                    <input
                        class="cb-check__input"
                        type="checkbox"
                        id=id.clone()
                        data-testid=test_id
                        aria-describedby=described
                        prop:checked=move || value.get() == "true"
                        on:change=move |ev| value.set(if event_target_checked(&ev) { "true".into() } else { String::new() })
                    />
                    <label class="cb-check__label" for=id.clone()>{spec.label}</label>
                </div>
                {help.map(|h| view! { <div class="cb-field__help" id=format!("{id}-help")>{h}</div> })}
            </div>
        }
        .into_any();
    }
    let state = state.clone();
    let required = Signal::derive(move || state.tracked().is_required(spec));
    let control = match spec.kind {
        Kind::Select(options) => view! {
            <select id=id.clone() class="cb-select" data-testid=test_id aria-describedby=described
                on:change=move |ev| value.set(event_target_value(&ev))>
                {options.iter().map(|(v, label)| view! {
                    <option value=*v selected=move || value.get() == *v>{*label}</option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        Kind::JsonTemplate => view! {
            <textarea id=id.clone() class="cb-textarea cb-code" rows="5" spellcheck="false"
                data-testid=test_id aria-describedby=described bind:value=value></textarea>
        }
        .into_any(),
        kind => view! {
            <input
                id=id.clone()
                class="cb-input"
                type=match kind { Kind::Secret => "password", Kind::Url | Kind::UrlTemplate => "url", _ => "text" }
                autocomplete=if spec.secret { "new-password" } else { "off" }
                spellcheck="false"
                data-testid=test_id
                aria-describedby=described
                aria-required=move || required.get().to_string()
                bind:value=value
            />
        }
        .into_any(),
    };
    view! {
        <div class="cb-field" class:cb-field--invalid=move || error.with(Option::is_some)>
            <div class="cb-field__label-row">
                <label class="cb-field__label" for=id.clone()>
                    {spec.label}
                    {move || required.get().then(|| view! { <span class="cb-field__required" aria-hidden="true">" *"</span> })}
                </label>
                {(!spec.required && spec.required_if.is_none()).then(|| view! { <span class="cb-field__optional">"Optional"</span> })}
            </div>
            {control}
            {help.map(|h| view! { <div class="cb-field__help" id=format!("{id}-help")>{h}</div> })}
            {move || error.get().map(|e| view! { <div class="cb-field__error" id=format!("{id}-error") data-testid="field-error">{e}</div> })}
        </div>
    }
    .into_any()
}

/// Name/value rows for HTTP headers.
#[component]
fn HeadersInput(state: FormState, error: Signal<Option<String>>) -> impl IntoView {
    let headers = state.headers;
    let next = state.next_header;
    let add = move |_| {
        let id = next.get_value();
        next.set_value(id + 1);
        headers.update(|h| h.push((id, String::new(), String::new())));
    };
    let set = move |id: u32, name: bool, v: String| {
        headers.update(|h| {
            if let Some(row) = h.iter_mut().find(|r| r.0 == id) {
                if name { row.1 = v } else { row.2 = v }
            }
        })
    };
    view! {
        <fieldset class="cb-fieldset cb-connector-form__section">
            <legend class="cb-fieldset__legend">"HTTP headers"</legend>
            <p class="cb-field__help">"Sent with every call, e.g. Content-Type or an API key header."</p>
            <For each=move || headers.get() key=|h| h.0 let:row>
                <div class="cb-header-row" data-testid="header-row">
                    <input class="cb-input" type="text" placeholder="Name" aria-label="Header name"
                        prop:value=row.1.clone() on:input=move |ev| set(row.0, true, event_target_value(&ev))/>
                    <input class="cb-input" type="text" placeholder="Value" aria-label="Header value"
                        prop:value=row.2.clone() on:input=move |ev| set(row.0, false, event_target_value(&ev))/>
                    <button type="button" class="cb-btn cb-btn--small cb-btn--empty cb-btn--danger"
                        aria-label="Remove header" on:click=move |_| headers.update(|h| h.retain(|r| r.0 != row.0))>
                        "Remove"
                    </button>
                </div>
            </For>
            {move || error.get().map(|e| view! { <div class="cb-field__error">{e}</div> })}
            <button type="button" class="cb-btn cb-btn--small cb-btn--empty" data-testid="add-header" on:click=add>
                "+ Add header"
            </button>
        </fieldset>
    }
}
