//! The "Create API key" flyout: a name, an optional lifetime ("7d") and optional role
//! descriptors (JSON) that limit the key to less than its owner may do.
//!
//! Rules: inputs are checked before sending (name required, lifetime `<number><s|m|h|d|w>`,
//! descriptors a JSON object); a refused save shows the server's message above the form and
//! keeps every input. The created key goes back to the page, which shows it once.

use super::footer::SaveFooter;
use crate::client::Client;
use crate::components::flyout::{Flyout, FlyoutBody};
use crate::pages::settings::widgets::{Callout, FormRow, Tone};
use casebook_api::security::{CreateApiKeyRequest, CreateApiKeyResponse};
use casebook_api::space::DEFAULT_SPACE;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The example shown under the descriptors box.
pub const DESCRIPTOR_EXAMPLE: &str = r#"{"read_cases": {"kibana": [{"base": [], "feature": {"securitySolutionCasesV3": ["read"]}, "spaces": ["*"]}]}}"#;

/// Whether `s` is a lifetime the server understands (`30m`, `12h`, `7d`, `1w`).
pub fn valid_lifetime(s: &str) -> bool {
    let s = s.trim();
    let Some(unit) = s.chars().last() else {
        return false;
    };
    let n = &s[..s.len() - unit.len_utf8()];
    matches!(unit, 's' | 'm' | 'h' | 'd' | 'w')
        && !n.is_empty()
        && n.chars().all(|c| c.is_ascii_digit())
        && n.parse::<u64>().is_ok_and(|n| n > 0)
}

/// Builds the request from the inputs, or says what is wrong (field key → message).
pub fn build_request(
    name: &str,
    expiration: &str,
    descriptors: &str,
) -> Result<CreateApiKeyRequest, BTreeMap<&'static str, String>> {
    let mut e = BTreeMap::new();
    if name.trim().is_empty() {
        e.insert("name", "Name is required.".to_string());
    }
    let expiration = expiration.trim();
    if !expiration.is_empty() && !valid_lifetime(expiration) {
        e.insert(
            "expiration",
            "Use a number and a unit: 30m, 12h, 7d or 4w.".to_string(),
        );
    }
    let role_descriptors = match descriptors.trim() {
        "" => None,
        text => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(v) if v.is_object() => Some(v),
            Ok(_) => {
                e.insert(
                    "descriptors",
                    "Role descriptors must be a JSON object: role name → {\"kibana\": [...]}."
                        .to_string(),
                );
                None
            }
            Err(err) => {
                e.insert("descriptors", format!("This is not valid JSON: {err}."));
                None
            }
        },
    };
    if !e.is_empty() {
        return Err(e);
    }
    Ok(CreateApiKeyRequest {
        name: name.trim().to_string(),
        expiration: Some(expiration.to_string()).filter(|x| !x.is_empty()),
        role_descriptors,
        metadata: None,
    })
}

/// The flyout.
#[component]
pub fn ApiKeyFlyout(
    /// Called with the created key.
    on_created: Callback<CreateApiKeyResponse>,
    /// Closes the flyout.
    on_close: Callback<()>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let expiration = RwSignal::new(String::new());
    let limit = RwSignal::new(false);
    let descriptors = RwSignal::new(String::new());
    let errors = RwSignal::new(BTreeMap::<&'static str, String>::new());
    let server_error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |req: &CreateApiKeyRequest| {
        let req = req.clone();
        async move {
            match Client::new(DEFAULT_SPACE).create_api_key(&req).await {
                Ok(k) => on_created.run(k),
                Err(e) => server_error.set(Some(e.message())),
            }
        }
    });
    let submit = move || {
        server_error.set(None);
        let d = if limit.get_untracked() {
            descriptors.get_untracked()
        } else {
            String::new()
        };
        match build_request(&name.get_untracked(), &expiration.get_untracked(), &d) {
            Ok(req) => {
                errors.set(BTreeMap::new());
                save.dispatch(req);
            }
            Err(e) => errors.set(e),
        }
    };
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    view! {
        <Flyout title="Create API key" on_close test_id="api-key-flyout" title_id="cb-api-key-flyout-title">
            <form class="cb-flyout__form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <FlyoutBody>
                    {move || server_error.get().map(|m| view! {
                        <Callout tone=Tone::Danger title="The API key could not be created." test_id="api-key-save-error">{m}</Callout>
                    })}
                    <FormRow label="Name" id="cb-api-key-name" required=true error=err("name")
                        help="What the key is for, e.g. the script or system that uses it.">
                        <input id="cb-api-key-name" class="cb-input" type="text" autocomplete="off" data-testid="api-key-name" bind:value=name/>
                    </FormRow>
                    <FormRow label="Expires after" id="cb-api-key-expiration" optional=true error=err("expiration")
                        help="For example 30m, 12h, 7d or 4w. Empty: the key never expires.">
                        <input id="cb-api-key-expiration" class="cb-input cb-admin-short" type="text" autocomplete="off"
                            spellcheck="false" placeholder="7d" data-testid="api-key-expiration" bind:value=expiration/>
                    </FormRow>
                    <div class="cb-field">
                        <div class="cb-check">
                            <input class="cb-check__input" type="checkbox" id="cb-api-key-limit" data-testid="api-key-limit"
                                prop:checked=move || limit.get() on:change=move |ev| limit.set(event_target_checked(&ev))/>
                            <label class="cb-check__label" for="cb-api-key-limit">
                                "Restrict privileges"
                                <span class="cb-admin-option__help">"Without this the key can do everything you can."</span>
                            </label>
                        </div>
                    </div>
                    <Show when=move || limit.get()>
                        <FormRow label="Role descriptors" id="cb-api-key-descriptors" error=err("descriptors")
                            help=format!("JSON, like a role's Kibana privileges. Example: {DESCRIPTOR_EXAMPLE}")>
                            <textarea id="cb-api-key-descriptors" class="cb-textarea cb-code" rows="8" spellcheck="false"
                                data-testid="api-key-descriptors" bind:value=descriptors></textarea>
                        </FormRow>
                    </Show>
                </FlyoutBody>
                <SaveFooter on_close test_id="api-key-save" pending=save.pending() label="Create API key" pending_label="Creating…"/>
            </form>
        </Flyout>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifetimes_are_a_number_and_a_unit() {
        for ok in ["30m", "12h", "7d", "1w", "90s", " 7d "] {
            assert!(valid_lifetime(ok), "{ok}");
        }
        for bad in ["", "d", "7", "0d", "7y", "-1d", "1.5h", "7 d"] {
            assert!(!valid_lifetime(bad), "{bad}");
        }
    }

    #[test]
    fn requests_are_built_or_explained() {
        let req = build_request(" ci ", "", "").unwrap();
        assert_eq!(req.name, "ci");
        assert_eq!(req.expiration, None);
        assert_eq!(req.role_descriptors, None);
        let req = build_request("ci", "7d", DESCRIPTOR_EXAMPLE).unwrap();
        assert_eq!(req.expiration.as_deref(), Some("7d"));
        assert!(req.role_descriptors.unwrap()["read_cases"]["kibana"].is_array());
        let e = build_request("", "soon", "[1]").unwrap_err();
        assert_eq!(e.len(), 3);
        assert!(build_request("x", "", "{").unwrap_err()["descriptors"].contains("not valid JSON"));
    }
}
