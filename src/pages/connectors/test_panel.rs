//! The "Test" tab of a connector: reads one incident from the external system
//! (`_execute` with `getIncident`) and shows what it answered — the incident as JSON, or the
//! error with the external system's own message.

use crate::context::use_client;
use crate::pages::settings::widgets::{Callout, FormRow, Tone};
use casebook_api::actions::ExecuteResponse;
use leptos::prelude::*;
use serde_json::{Value, json};

/// The `_execute` params of a test: `getIncident` for `external_id`.
pub fn test_params(external_id: &str) -> Value {
    json!({"subAction": "getIncident", "subActionParams": {"externalId": external_id.trim()}})
}

/// The test form and its result.
#[component]
pub fn TestPanel(
    /// The connector to run.
    connector_id: String,
) -> impl IntoView {
    let client = use_client();
    let external_id = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let id = StoredValue::new(connector_id);
    let run = Action::new_local(move |ext: &String| {
        let c = client.get_untracked();
        let params = test_params(ext);
        async move { c.execute_connector(&id.get_value(), params).await }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ext = external_id.get_untracked();
        if run.pending().get_untracked() {
            return;
        }
        if ext.trim().is_empty() {
            error.set(Some(
                "Enter the id of an incident in the external system.".into(),
            ));
            return;
        }
        error.set(None);
        run.dispatch(ext);
    };
    view! {
        <form class="cb-connector-test" novalidate on:submit=submit>
            <p class="cb-field__help">
                "Reads one incident from the external system with this connector's settings. \
                 Nothing is created or changed."
            </p>
            <FormRow
                label="External incident id"
                id="cb-connector-test-id"
                required=true
                help="For example a Jira issue key, or the id your webhook returns."
                error=Signal::derive(move || error.get())
            >
                <input
                    id="cb-connector-test-id"
                    class="cb-input"
                    type="text"
                    data-testid="connector-test-id"
                    aria-describedby="cb-connector-test-id-help cb-connector-test-id-error"
                    bind:value=external_id
                />
            </FormRow>
            <button
                type="submit"
                class="cb-btn cb-btn--fill"
                data-testid="connector-test-run"
                aria-busy=move || run.pending().get().to_string()
            >
                {move || if run.pending().get() { "Running…" } else { "Run" }}
            </button>
            <div class="cb-connector-test__result" aria-live="polite">
                {move || run.value().get().map(|r| match r {
                    Ok(resp) => view! { <TestResult resp/> }.into_any(),
                    Err(e) => view! {
                        <Callout tone=Tone::Danger title="The test could not run." test_id="connector-test-result">
                            {e.message()}
                        </Callout>
                    }
                    .into_any(),
                })}
            </div>
        </form>
    }
}

/// What the external system answered.
#[component]
fn TestResult(resp: ExecuteResponse) -> impl IntoView {
    if resp.status == "ok" {
        let data = resp
            .data
            .map(|d| serde_json::to_string_pretty(&d).unwrap_or_default())
            .unwrap_or_default();
        view! {
            <Callout tone=Tone::Success title="The external system answered." test_id="connector-test-result">
                <pre class="cb-code-block" data-testid="connector-test-data">{data}</pre>
            </Callout>
        }
        .into_any()
    } else {
        view! {
            <Callout
                tone=Tone::Danger
                title=resp.message.unwrap_or_else(|| "The test failed.".into())
                test_id="connector-test-result"
            >
                {resp.service_message.map(|m| view! {
                    <pre class="cb-code-block" data-testid="connector-test-service-message">{m}</pre>
                })}
            </Callout>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_ask_for_one_incident() {
        assert_eq!(
            test_params(" INC-1 "),
            json!({"subAction": "getIncident", "subActionParams": {"externalId": "INC-1"}})
        );
    }
}
