//! The "Connector to external incident management systems" section: the default connector new
//! cases start with (none or one of the space's case connectors), and a link to manage them.

use super::draft::{SettingsDraft, default_connector};
use super::widgets::{Callout, DescribedSection, FormRow, Tone};
use crate::context::use_loc;
use casebook_api::configure::FindConnector;
use casebook_api::connector::fields::connector_label;
use leptos::prelude::*;
use leptos_router::components::A;

/// The section, editing `draft.connector`.
#[component]
pub fn DefaultConnectorSection(
    /// The page's draft.
    draft: RwSignal<SettingsDraft>,
    /// The space's case connectors.
    connectors: Vec<FindConnector>,
    /// Why the connectors could not be listed, if they could not.
    load_error: Option<String>,
) -> impl IntoView {
    let loc = use_loc();
    let list = StoredValue::new(connectors);
    let current = move || draft.with(|d| d.connector.clone());
    let missing = move || {
        let c = current();
        (!c.is_none() && list.with_value(|l| !l.iter().any(|x| x.id == c.id))).then_some(c)
    };
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        let picked = list.with_value(|l| {
            l.iter()
                .find(|c| c.id == id)
                .map(|c| default_connector(Some((&c.id, &c.name, &c.action_type_id))))
        });
        // The missing connector stays selectable as itself.
        let next = match (picked, missing()) {
            (Some(c), _) => c,
            (None, Some(m)) if m.id == id => m,
            _ => default_connector(None),
        };
        draft.update(|d| d.connector = next);
    };
    view! {
        <DescribedSection
            id="cb-settings-connector"
            title="Connector to external incident management systems"
            description="Cases can be pushed to an external system such as Jira or ServiceNow. \
                         The default connector is pre-selected when someone creates a case."
        >
            {load_error.map(|m| view! {
                <Callout tone=Tone::Warning title="The connectors could not be listed.">{m}</Callout>
            })}
            {move || missing().map(|_| view! {
                <Callout
                    tone=Tone::Warning
                    title="The default connector no longer exists."
                    test_id="missing-connector"
                >
                    "Pick another connector or \"No connector\", then save."
                </Callout>
            })}
            <FormRow
                label="Default connector"
                id="cb-settings-connector-select"
                help="Only connectors that can receive cases are listed."
            >
                <select
                    id="cb-settings-connector-select"
                    class="cb-select"
                    data-testid="default-connector"
                    aria-describedby="cb-settings-connector-select-help"
                    on:change=on_change
                >
                    <option value="none" selected=move || current().is_none()>"No connector"</option>
                    {list
                        .get_value()
                        .into_iter()
                        .map(|c| {
                            let id = c.id.clone();
                            view! {
                                <option value=c.id.clone() selected=move || current().id == id>
                                    {connector_label(&c.name, &c.action_type_id)}
                                </option>
                            }
                        })
                        .collect_view()}
                    {move || missing().map(|m| view! {
                        <option value=m.id.clone() selected=true>{format!("{} (deleted)", m.name)}</option>
                    })}
                </select>
            </FormRow>
            <A href=move || loc.get().connectors() attr:class="cb-link" attr:data-testid="manage-connectors">
                "Manage connectors"
            </A>
        </DescribedSection>
    }
}
