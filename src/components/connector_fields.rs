//! A case's external connector: the picker ("No connector selected" or one of the space's case
//! connectors) and the chosen type's case fields. Used by the create form and the case page's
//! sidebar; both edit a `RwSignal<CaseConnector>` draft and decide themselves when to save.
//!
//! The field list and Kibana's fixed choices come from `casebook_api::connector::fields`, so
//! the two places can never disagree about what a type asks for.

use casebook_api::configure::FindConnector;
use casebook_api::connector::fields::{
    CaseFieldKind, CaseFieldSpec, case_field_specs, connector_label,
};
use casebook_api::{CaseConnector, ConnectorFields, ConnectorType};
use leptos::prelude::*;

/// The connector a picked list entry stands for, with the type's initial fields.
pub fn connector_from(found: &FindConnector) -> CaseConnector {
    let t = ConnectorType::parse(&found.action_type_id).unwrap_or(ConnectorType::None);
    if t == ConnectorType::None {
        return CaseConnector::none();
    }
    CaseConnector {
        id: found.id.clone(),
        name: found.name.clone(),
        fields: ConnectorFields::initial(t),
    }
}

/// The `<select>` of connectors.
#[component]
pub fn ConnectorSelect(
    /// The control's id (a label elsewhere names it).
    #[prop(into)]
    id: String,
    /// The chosen connector; picking another one resets the fields.
    value: RwSignal<CaseConnector>,
    /// The space's case connectors; `None` while loading or when they could not be listed.
    #[prop(into)]
    connectors: Signal<Option<Vec<FindConnector>>>,
    /// Turns the control off.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// `data-testid`.
    #[prop(into)]
    test_id: String,
) -> impl IntoView {
    let list = move || connectors.get().unwrap_or_default();
    // A connector the list does not hold (deleted, or the list is unreadable) stays selectable.
    let missing = move || {
        let c = value.get();
        let listed =
            connectors.with(|l| l.as_ref().is_some_and(|l| l.iter().any(|x| x.id == c.id)));
        (!c.is_none() && !listed).then(|| {
            let deleted = connectors.with(Option::is_some);
            let label = connector_label(&c.name, c.connector_type().as_str());
            (
                c.id,
                if deleted {
                    format!("{label} (deleted)")
                } else {
                    label
                },
            )
        })
    };
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        if value.with_untracked(|c| c.id == id) {
            return;
        }
        let next = if id == "none" {
            CaseConnector::none()
        } else {
            connectors
                .with_untracked(|l| {
                    l.as_ref()
                        .and_then(|l| l.iter().find(|c| c.id == id).map(connector_from))
                })
                .unwrap_or_else(CaseConnector::none)
        };
        value.set(next);
    };
    view! {
        <select id=id class="cb-select" data-testid=test_id disabled=move || disabled.get() on:change=on_change>
            <option value="none" selected=move || value.with(CaseConnector::is_none)>"No connector selected"</option>
            {move || list().into_iter().map(|c| {
                let id = c.id.clone();
                view! {
                    <option value=c.id.clone() selected=move || value.with(|v| v.id == id)>
                        {connector_label(&c.name, &c.action_type_id)}
                    </option>
                }
            }).collect_view()}
            {move || missing().map(|(id, label)| view! { <option value=id selected=true>{label}</option> })}
        </select>
    }
}

/// The chosen connector type's case fields (nothing for webhooks and "no connector").
#[component]
pub fn ConnectorFieldsInputs(
    /// The connector whose fields are edited.
    value: RwSignal<CaseConnector>,
    /// Prefix of the inputs' ids (`{prefix}-{key}`).
    #[prop(into)]
    id_prefix: String,
    /// Turns the inputs off.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    // Rebuilt only when the type changes: values follow the draft reactively.
    let kind = Memo::new(move |_| value.with(CaseConnector::connector_type));
    let prefix = StoredValue::new(id_prefix);
    move || {
        let specs = case_field_specs(kind.get());
        (!specs.is_empty()).then(|| {
            let rows = specs
                .iter()
                .map(|s| field_input(*s, value, format!("{}-{}", prefix.get_value(), s.key), disabled))
                .collect_view();
            view! { <div class="cb-connector-fields" data-testid="connector-case-fields">{rows}</div> }
        })
    }
}

/// One field's input, writing into the draft.
fn field_input(
    spec: CaseFieldSpec,
    value: RwSignal<CaseConnector>,
    id: String,
    disabled: Signal<bool>,
) -> impl IntoView {
    let text = move || value.with(|c| c.fields.text(spec.key));
    let set = move |t: String| {
        value.update(|c| {
            // The specs only hold keys of the type being edited, so this cannot fail; a failure
            // would leave the old value, which is what the input then shows again.
            if let Ok(f) = c.fields.with_text(&spec, &t) {
                c.fields = f;
            }
        })
    };
    let test_id = format!("connector-field-{}", spec.key);
    let help_id = format!("{id}-help");
    let help = (!spec.help.is_empty())
        .then(|| view! { <div class="cb-field__help" id=help_id.clone()>{spec.help}</div> });
    let described = (!spec.help.is_empty()).then_some(help_id);
    let control = match spec.kind {
        CaseFieldKind::Toggle => {
            return view! {
                <label class="cb-switch cb-switch--compact">
                    <input type="checkbox" role="switch" class="cb-switch__input" id=id data-testid=test_id
                        disabled=move || disabled.get()
                        prop:checked=move || text() == "true"
                        on:change=move |ev| set(event_target_checked(&ev).to_string())/>
                    <span class="cb-switch__track" aria-hidden="true"></span>
                    <span class="cb-switch__label">{spec.label}</span>
                </label>
            }
            .into_any();
        }
        CaseFieldKind::Select(choices) | CaseFieldKind::NumberSelect(choices) => view! {
            <select class="cb-select" id=id.clone() data-testid=test_id aria-describedby=described
                disabled=move || disabled.get()
                on:change=move |ev| set(event_target_value(&ev))>
                <option value="" selected=move || text().is_empty()>"Not set"</option>
                {choices.iter().map(|(v, l)| view! {
                    <option value=*v selected=move || text() == *v>{*l}</option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        CaseFieldKind::Text | CaseFieldKind::List => view! {
            <input class="cb-input" type="text" autocomplete="off" id=id.clone() data-testid=test_id
                aria-describedby=described
                disabled=move || disabled.get()
                prop:value=text
                on:change=move |ev| set(event_target_value(&ev))/>
        }
        .into_any(),
    };
    view! {
        <div class="cb-field">
            <label class="cb-field__label" for=id>{spec.label}</label>
            {control}
            {help}
        </div>
    }
    .into_any()
}
