//! The space flyout: create (name, URL identifier, description) or edit (name and description;
//! the identifier is fixed once created, like Kibana's).
//!
//! Rules: a new space's identifier follows its name (Kibana's rule: lowercase, anything else
//! becomes `-`) until the user edits it. Saving an edit sends the stored avatar and disabled
//! features back unchanged (the API's PUT replaces the whole space). A refused save shows the
//! server's message above the form and keeps the inputs.

use super::footer::{SaveFooter, save_label};
use crate::client::Client;
use crate::components::flyout::{Flyout, FlyoutBody};
use crate::components::toaster::use_toaster;
use crate::pages::settings::widgets::{Callout, FormRow, Tone};
use casebook_api::space::{DEFAULT_SPACE, Space, SpaceRequest, validate_space_id};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The URL identifier Kibana proposes for a space name ("Blue Team!" → "blue-team-").
pub fn space_id_from_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            c
        } else {
            '-'
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out
}

/// What is wrong with a space form: field key → message.
pub fn check_space(
    id: &str,
    name: &str,
    creating: bool,
    taken: &[String],
) -> BTreeMap<&'static str, String> {
    let mut e = BTreeMap::new();
    if name.trim().is_empty() {
        e.insert("name", "Space name is required.".to_string());
    }
    if creating {
        if id.is_empty() {
            e.insert("id", "URL identifier is required.".to_string());
        } else if validate_space_id(id).is_err() {
            e.insert(
                "id",
                "Use lowercase letters a-z, digits 0-9, '_' and '-'.".to_string(),
            );
        } else if taken.iter().any(|t| t == id) {
            e.insert(
                "id",
                format!("A space with the identifier {id} already exists."),
            );
        }
    }
    e
}

/// The flyout for a new space (`space: None`) or a stored one.
#[component]
pub fn SpaceFlyout(
    /// The stored space, if editing.
    space: Option<Space>,
    /// Identifiers already used.
    taken: Vec<String>,
    /// Called after a save.
    on_saved: Callback<()>,
    /// Closes the flyout.
    on_close: Callback<()>,
) -> impl IntoView {
    let toaster = use_toaster();
    let creating = space.is_none();
    let stored = StoredValue::new(space.clone());
    let id = RwSignal::new(space.as_ref().map(|s| s.id.clone()).unwrap_or_default());
    let id_edited = RwSignal::new(!creating);
    let name = RwSignal::new(space.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let description = RwSignal::new(
        space
            .as_ref()
            .and_then(|s| s.description.clone())
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(BTreeMap::<&'static str, String>::new());
    let server_error = RwSignal::new(None::<String>);
    let taken = StoredValue::new(taken);
    let save = Action::new_local(move |req: &SpaceRequest| {
        let req = req.clone();
        async move {
            let c = Client::new(DEFAULT_SPACE);
            let result = if creating {
                c.create_space(&req).await
            } else {
                c.update_space(&req).await
            };
            match result {
                Ok(s) => {
                    let verb = if creating { "Created" } else { "Updated" };
                    toaster.success(format!("{verb} space {}", s.name));
                    on_saved.run(());
                }
                Err(e) => server_error.set(Some(e.message())),
            }
        }
    });
    let submit = move || {
        server_error.set(None);
        let (i, n) = (id.get_untracked(), name.get_untracked());
        let e = taken.with_value(|t| check_space(&i, &n, creating, t));
        let ok = e.is_empty();
        errors.set(e);
        if !ok {
            return;
        }
        let d = description.get_untracked().trim().to_string();
        let base = stored.get_value();
        save.dispatch(SpaceRequest {
            id: i,
            name: n.trim().to_string(),
            description: Some(d).filter(|d| !d.is_empty()),
            color: base.as_ref().and_then(|s| s.color.clone()),
            initials: base.as_ref().and_then(|s| s.initials.clone()),
            disabled_features: base.map(|s| s.disabled_features).unwrap_or_default(),
            image_url: None,
            solution: None,
        });
    };
    let on_name = move |v: String| {
        if !id_edited.get_untracked() {
            id.set(space_id_from_name(&v));
        }
        name.set(v);
    };
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    let title = match &space {
        None => "Create space".to_string(),
        Some(s) => format!("Edit space {}", s.name),
    };
    view! {
        <Flyout title on_close test_id="space-flyout" title_id="cb-space-flyout-title">
            <form class="cb-flyout__form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <FlyoutBody>
                    {move || server_error.get().map(|m| view! {
                        <Callout tone=Tone::Danger title="The space could not be saved." test_id="space-save-error">{m}</Callout>
                    })}
                    <FormRow label="Name" id="cb-space-name" required=true error=err("name")>
                        <input id="cb-space-name" class="cb-input" type="text" autocomplete="off" data-testid="space-name"
                            prop:value=move || name.get() on:input=move |ev| on_name(event_target_value(&ev))/>
                    </FormRow>
                    <FormRow label="URL identifier" id="cb-space-id" required=creating error=err("id")
                        help=if creating { "Part of the space's URLs (/s/<identifier>/app/…). It can't be changed later." } else { "Fixed once the space exists." }>
                        <input id="cb-space-id" class="cb-input" type="text" autocomplete="off" spellcheck="false"
                            autocapitalize="none" data-testid="space-id" disabled=!creating
                            prop:value=move || id.get()
                            on:input=move |ev| { id_edited.set(true); id.set(event_target_value(&ev)); }/>
                    </FormRow>
                    <FormRow label="Description" id="cb-space-description" optional=true>
                        <textarea id="cb-space-description" class="cb-textarea" rows="3" data-testid="space-description"
                            bind:value=description></textarea>
                    </FormRow>
                </FlyoutBody>
                <SaveFooter on_close test_id="space-save" pending=save.pending() label=save_label(creating, "Create space")/>
            </form>
        </Flyout>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_names_like_kibana() {
        assert_eq!(space_id_from_name("Blue Team"), "blue-team");
        assert_eq!(space_id_from_name("  SOC / Tier 2! "), "soc-tier-2-");
        assert_eq!(space_id_from_name("ops_eu"), "ops_eu");
    }

    #[test]
    fn forms_are_checked_before_sending() {
        let taken = vec!["default".to_string()];
        let e = check_space("", "", true, &taken);
        assert!(e.contains_key("name") && e.contains_key("id"));
        assert!(check_space("Bad Id", "x", true, &taken)["id"].contains("lowercase"));
        assert!(check_space("default", "x", true, &taken)["id"].contains("already exists"));
        assert!(check_space("team", "Team", true, &taken).is_empty());
        // Editing never checks the fixed identifier.
        assert!(check_space("default", "Default", false, &taken).is_empty());
    }
}
