//! The create form's "External incident" section: the connector the case will use (the owner's
//! default connector to start with) and that connector type's case fields.

use crate::components::connector_fields::{ConnectorFieldsInputs, ConnectorSelect};
use crate::context::use_client;
use casebook_api::configure::Configuration;
use casebook_api::{CaseConnector, ConnectorFields};
use leptos::prelude::*;

/// The connector a new case starts with: the configuration's default, with the type's initial
/// fields (Kibana keeps no fields on a default connector).
pub fn default_connector(config: Option<&Configuration>) -> CaseConnector {
    match config.map(|c| &c.connector).filter(|c| !c.is_none()) {
        Some(c) => CaseConnector {
            id: c.id.clone(),
            name: c.name.clone(),
            fields: ConnectorFields::initial(c.connector_type()),
        },
        None => CaseConnector::none(),
    }
}

/// The section, editing the form's connector.
#[component]
pub(crate) fn ConnectorSection(
    /// The form's connector.
    connector: RwSignal<CaseConnector>,
) -> impl IntoView {
    let client = use_client();
    let listed = LocalResource::new(move || {
        let c = client.get();
        async move { c.case_connectors().await }
    });
    let list = Signal::derive(move || listed.get().and_then(Result::ok));
    let list_error = move || listed.get().and_then(Result::err).map(|e| e.message());
    view! {
        <fieldset class="cb-fieldset" data-testid="create-external">
            <legend class="cb-fieldset__legend">"External incident"</legend>
            <div class="cb-field">
                <label class="cb-field__label" for="cb-create-connector">"External incident management system"</label>
                <ConnectorSelect id="cb-create-connector" value=connector connectors=list test_id="create-connector"/>
                <div class="cb-field__help">
                    {move || match list_error() {
                        Some(e) => format!("The connectors could not be listed: {e}"),
                        None => "Push the case to this system from its page once it is created.".into(),
                    }}
                </div>
            </div>
            <ConnectorFieldsInputs value=connector id_prefix="cb-create-connector-field"/>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_api::ConnectorType;

    #[test]
    fn default_connector_gets_initial_fields() {
        assert!(default_connector(None).is_none());
        let cfg: Configuration = serde_json::from_value(serde_json::json!({
            "id": "c", "version": "v", "owner": "cases", "closure_type": "close-by-user",
            "connector": {"id": "h", "name": "Hive", "type": ".thehive", "fields": null},
            "customFields": [], "templates": [], "mappings": [], "error": null,
            "created_at": "2024-01-01T00:00:00Z", "created_by": {"username": "e", "full_name": null, "email": null},
            "updated_at": null, "updated_by": null
        }))
        .unwrap();
        let c = default_connector(Some(&cfg));
        assert_eq!(c.id, "h");
        assert_eq!(c.connector_type(), ConnectorType::TheHive);
        assert_eq!(c.fields.text("tlp"), "2");
    }
}
