//! The case settings page (`…/cases/configure`) of the current solution: default connector,
//! closure option, custom fields and templates of the solution's owner.
//!
//! Rules: every change goes into one draft ([`draft::SettingsDraft`]) and is sent when the user
//! saves — `POST` when the owner has no configuration yet (checked again just before, since a
//! `POST` replaces), else `PATCH` with the version last read and only the changed parts. The
//! draft is validated with the API's own functions first.
//! A 409 keeps the draft and offers Reload, which replays the user's edits onto the newer
//! configuration. A failed save keeps everything typed.

mod closure;
mod custom_fields;
mod default_connector;
pub(crate) mod draft;
mod field_form;
mod template_form;
mod templates;
pub(crate) mod widgets;

use crate::client::{Client, ClientError};
use crate::components::toaster::use_toaster;
use crate::context::{use_client, use_loc};
use casebook_api::Owner;
use casebook_api::configure::{Configuration, FindConnector};
use closure::ClosureSection;
use custom_fields::CustomFieldsSection;
use default_connector::DefaultConnectorSection;
use draft::SettingsDraft;
use leptos::prelude::*;
use templates::TemplatesSection;
use widgets::{Callout, Tone};

/// What the page needs before it can show the form.
type Loaded = (
    Result<Option<Configuration>, ClientError>,
    Result<Vec<FindConnector>, ClientError>,
);

async fn load(client: Client, owner: Owner) -> Loaded {
    let config = client.configuration(owner).await;
    let connectors = client.case_connectors().await;
    (config, connectors)
}

/// The settings page of the current solution.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let loc = use_loc();
    let client = use_client();
    let owner = Memo::new(move |_| loc.get().solution.owner().parse().unwrap_or(Owner::Cases));
    let data = LocalResource::new(move || load(client.get(), owner.get()));
    // The settings need the `cases_settings` sub-feature (the server refuses the rest).
    let denied = crate::pages::use_denied(|c| c.cases_settings);
    view! {
        <Show when=move || denied.get()>
            <crate::pages::NoAccess action="change the case settings"/>
        </Show>
        <section class="cb-page cb-settings" aria-labelledby="cb-settings-title" style:display=move || denied.get().then_some("none")>
            <p class="cb-page__eyebrow">{move || format!("{} · Cases", loc.get().solution.label())}</p>
            <h1 class="cb-page__title" id="cb-settings-title">"Settings"</h1>
            <p class="cb-settings__intro">
                "These settings apply to every case of this solution in this space."
            </p>
            <Suspense fallback=|| view! { <SettingsSkeleton/> }>
                {move || {
                    data.get()
                        .map(|(config, connectors)| match config {
                            Err(e) => view! {
                                <Callout tone=Tone::Danger title="The settings could not be loaded.">
                                    {e.message()}
                                </Callout>
                            }
                            .into_any(),
                            Ok(initial) => {
                                let (connectors, load_error) = match connectors {
                                    Ok(l) => (l, None),
                                    Err(e) => (Vec::new(), Some(e.message())),
                                };
                                view! {
                                    <SettingsForm initial connectors load_error owner=owner.get_untracked()/>
                                }
                                .into_any()
                            }
                        })
                }}
            </Suspense>
        </section>
    }
}

/// Grey blocks where the sections will be.
#[component]
fn SettingsSkeleton() -> impl IntoView {
    view! {
        <div class="cb-settings__loading" aria-busy="true" aria-label="Loading the settings">
            <div class="cb-skeleton cb-skeleton--input"></div>
            <div class="cb-skeleton cb-skeleton--input"></div>
            <div class="cb-skeleton cb-skeleton--area"></div>
        </div>
    }
}

/// The sections and the save bar, once the configuration is known.
#[component]
fn SettingsForm(
    /// The owner's configuration, if it has one.
    initial: Option<Configuration>,
    /// The space's case connectors.
    connectors: Vec<FindConnector>,
    /// Why the connectors could not be listed.
    load_error: Option<String>,
    /// Whose settings.
    owner: Owner,
) -> impl IntoView {
    let client = use_client();
    let toaster = use_toaster();
    let draft = RwSignal::new(SettingsDraft::from_config(initial.as_ref()));
    // The configuration as last read from the server: its version and what "unchanged" means.
    let base = RwSignal::new(initial);
    let original = Memo::new(move |_| base.with(|b| SettingsDraft::from_config(b.as_ref())));
    let dirty = Memo::new(move |_| draft.with(|d| original.with(|o| d != o)));
    let problem = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(false);

    let save = Action::new_local(move |_: &()| {
        let (c, b, d) = (
            client.get_untracked(),
            base.get_untracked(),
            draft.get_untracked(),
        );
        async move {
            let result = match &b {
                Some(b) => c.update_configuration(&b.id, &d.to_patch(b)).await,
                // A POST replaces whatever exists (like Kibana's), so someone else's first
                // configuration would be lost silently: treat it as the conflict it is.
                None => match c.configuration(owner).await {
                    Ok(Some(_)) => return conflict.set(true),
                    _ => c.create_configuration(&d.to_request(owner)).await,
                },
            };
            match result {
                Ok(saved) => {
                    draft.set(SettingsDraft::from_config(Some(&saved)));
                    base.set(Some(saved));
                    toaster.success("Settings saved");
                }
                Err(e) if e.is_conflict() => conflict.set(true),
                Err(e) => problem.set(Some(e.message())),
            }
        }
    });
    let reload = Action::new_local(move |_: &()| {
        let c = client.get_untracked();
        async move {
            match c.configuration(owner).await {
                Ok(latest) => {
                    let mine = draft.get_untracked();
                    let merged = mine.rebase(
                        &original.get_untracked(),
                        &SettingsDraft::from_config(latest.as_ref()),
                    );
                    base.set(latest);
                    draft.set(merged);
                    conflict.set(false);
                    problem.set(None);
                    toaster.success("Loaded the latest settings; your changes are kept");
                }
                Err(e) => problem.set(Some(e.message())),
            }
        }
    });
    let on_save = move |_| {
        problem.set(None);
        match draft.with_untracked(SettingsDraft::validate) {
            Ok(()) => {
                save.dispatch(());
            }
            Err(m) => problem.set(Some(m)),
        }
    };
    let busy = move || save.pending().get() || reload.pending().get();
    view! {
        <div class="cb-settings__sections">
            <DefaultConnectorSection draft connectors load_error/>
            <ClosureSection draft/>
            <CustomFieldsSection draft/>
            <TemplatesSection draft/>
        </div>
        <Show when=move || dirty.get() || conflict.get()>
            <div class="cb-savebar" role="region" aria-label="Unsaved settings" data-testid="settings-savebar">
                <Show when=move || conflict.get()>
                    <Callout
                        tone=Tone::Danger
                        title="These settings were changed by someone else"
                        test_id="settings-conflict"
                    >
                        <p>"Reload to get their changes. Your edits are kept and applied on top."</p>
                        <button
                            type="button"
                            class="cb-btn cb-btn--fill"
                            data-testid="settings-reload"
                            disabled=busy
                            on:click=move |_| {
                                reload.dispatch(());
                            }
                        >
                            "Reload"
                        </button>
                    </Callout>
                </Show>
                <div class="cb-savebar__row">
                    <span class="cb-savebar__text">
                        {move || match problem.get() {
                            Some(m) => view! { <span class="cb-savebar__error" role="alert" data-testid="settings-error">{m}</span> }.into_any(),
                            None => view! { <span>"You have unsaved changes."</span> }.into_any(),
                        }}
                    </span>
                    <div class="cb-savebar__actions">
                        <button
                            type="button"
                            class="cb-btn cb-btn--empty"
                            data-testid="settings-discard"
                            disabled=busy
                            on:click=move |_| {
                                draft.set(original.get_untracked());
                                problem.set(None);
                            }
                        >
                            "Discard changes"
                        </button>
                        <button
                            type="button"
                            class="cb-btn cb-btn--fill"
                            data-testid="settings-save"
                            disabled=move || busy() || conflict.get()
                            on:click=on_save
                        >
                            {move || if save.pending().get() { "Saving…" } else { "Save changes" }}
                        </button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
