//! The connector flyout: create (pick a type, then fill in its form) or edit (a Configuration
//! tab with the prefilled form and a Test tab). A failed save keeps every input and shows the
//! server's message above the form.

use super::form::{ConnectorForm, Errors};
use super::form_view::{ConnectorInputs, FormState};
use super::spec::blurb;
use super::test_panel::TestPanel;
use crate::components::flyout::{Flyout, FlyoutBody, FlyoutFooter};
use crate::components::toaster::use_toaster;
use crate::context::use_client;
use crate::pages::settings::widgets::{Callout, Tone};
use casebook_api::actions::{ActionConnector, ConnectorTypeInfo};
use casebook_api::connector::ConnectorType;
use leptos::prelude::*;

/// The tabs of an existing connector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The form.
    Configuration,
    /// Run a test.
    Test,
}

/// What the flyout shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Panel {
    /// A new connector.
    Create,
    /// A stored connector, on a tab.
    Edit(ActionConnector, Tab),
}

/// The flyout for `panel`.
#[component]
pub fn ConnectorFlyout(
    /// What to show.
    panel: Panel,
    /// The connector types the server offers.
    types: Vec<ConnectorTypeInfo>,
    /// Called after a save with the stored connector and whether to open its Test tab.
    on_saved: Callback<(ActionConnector, bool)>,
    /// Closes the flyout.
    on_close: Callback<()>,
) -> impl IntoView {
    match panel {
        Panel::Create => view! { <CreateFlyout types on_saved on_close/> }.into_any(),
        Panel::Edit(c, tab) => view! { <EditFlyout connector=c tab on_saved on_close/> }.into_any(),
    }
}

#[component]
fn CreateFlyout(
    types: Vec<ConnectorTypeInfo>,
    on_saved: Callback<(ActionConnector, bool)>,
    on_close: Callback<()>,
) -> impl IntoView {
    let picked = RwSignal::new(None::<ConnectorType>);
    let title = Signal::derive(move || match picked.get() {
        Some(k) => format!("{} connector", k.label()),
        None => "Create connector".to_string(),
    });
    let back = Callback::new(move |()| picked.set(None));
    view! {
        <Flyout title on_close wide=true test_id="connector-flyout">
            {move || match picked.get() {
                None => view! { <TypePicker types=types.clone() picked on_close/> }.into_any(),
                Some(kind) => view! {
                    <Editor form=ConnectorForm::new(kind) id=None on_saved on_close back=Some(back)/>
                }
                .into_any(),
            }}
        </Flyout>
    }
}

/// The grid of connector types.
#[component]
fn TypePicker(
    types: Vec<ConnectorTypeInfo>,
    picked: RwSignal<Option<ConnectorType>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let cards = types
        .into_iter()
        .filter_map(|t| Some((ConnectorType::parse(&t.id)?, t)))
        .filter(|(k, _)| *k != ConnectorType::None)
        .map(|(kind, info)| {
            view! {
                <li>
                    <button
                        type="button"
                        class="cb-type-card"
                        data-testid=format!("connector-type-{}", kind.as_str())
                        disabled=!info.enabled
                        on:click=move |_| picked.set(Some(kind))
                    >
                        <span class="cb-type-card__name">{info.name.clone()}</span>
                        <span class="cb-type-card__text">{blurb(kind)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <FlyoutBody>
            <p class="cb-field__help">"Pick the external system cases will be pushed to."</p>
            <ul class="cb-type-grid" aria-label="Connector types">{cards}</ul>
        </FlyoutBody>
        <FlyoutFooter>
            <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| on_close.run(())>
                "Cancel"
            </button>
        </FlyoutFooter>
    }
}

#[component]
fn EditFlyout(
    connector: ActionConnector,
    tab: Tab,
    on_saved: Callback<(ActionConnector, bool)>,
    on_close: Callback<()>,
) -> impl IntoView {
    let tab = RwSignal::new(tab);
    let title = format!("Edit \"{}\"", connector.name);
    let id = StoredValue::new(connector.id.clone());
    let form = StoredValue::new(ConnectorForm::from_connector(&connector));
    let tab_button = move |t: Tab, label: &'static str, test_id: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                class="cb-tabs__tab"
                aria-selected=move || (tab.get() == t).to_string()
                data-testid=test_id
                on:click=move |_| tab.set(t)
            >
                {label}
            </button>
        }
    };
    view! {
        <Flyout title=title on_close wide=true test_id="connector-flyout">
            <div class="cb-tabs" role="tablist" aria-label="Connector">
                {tab_button(Tab::Configuration, "Configuration", "connector-tab-configuration")}
                {tab_button(Tab::Test, "Test", "connector-tab-test")}
            </div>
            {move || match (tab.get(), form.get_value()) {
                (Tab::Configuration, Some(form)) => view! {
                    <Editor form id=Some(id.get_value()) on_saved on_close back=None/>
                }
                .into_any(),
                (Tab::Configuration, None) => view! {
                    <FlyoutBody>
                        <Callout tone=Tone::Warning title="Casebook can't edit connectors of this type."/>
                    </FlyoutBody>
                }
                .into_any(),
                (Tab::Test, _) => view! {
                    <FlyoutBody><TestPanel connector_id=id.get_value()/></FlyoutBody>
                    <FlyoutFooter>
                        <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| on_close.run(())>"Close"</button>
                    </FlyoutFooter>
                }
                .into_any(),
            }}
        </Flyout>
    }
}

/// The form and its Save buttons. `id` is the stored connector's when editing.
#[component]
fn Editor(
    form: ConnectorForm,
    id: Option<String>,
    on_saved: Callback<(ActionConnector, bool)>,
    on_close: Callback<()>,
    back: Option<Callback<()>>,
) -> impl IntoView {
    let client = use_client();
    let toaster = use_toaster();
    let state = FormState::new(form);
    let errors = RwSignal::new(Errors::new());
    let server_error = RwSignal::new(None::<String>);
    let editing = id.is_some();
    let id = StoredValue::new(id);
    let save = Action::new_local(move |(form, then_test): &(ConnectorForm, bool)| {
        let (c, form, then_test) = (client.get_untracked(), form.clone(), *then_test);
        async move {
            let result = match id.get_value() {
                Some(id) => match form.to_update() {
                    Ok(req) => c.update_connector(&id, &req).await,
                    Err(e) => return errors.set(e),
                },
                None => match form.to_create() {
                    Ok(req) => c.create_connector(&req).await,
                    Err(e) => return errors.set(e),
                },
            };
            match result {
                Ok(saved) => {
                    let verb = if editing { "Updated" } else { "Created" };
                    toaster.success(format!("{verb} \"{}\"", saved.name));
                    on_saved.run((saved, then_test));
                }
                Err(e) => server_error.set(Some(e.message())),
            }
        }
    });
    let submit = {
        let state = state.clone();
        move |then_test: bool| {
            let form = state.snapshot();
            let e = form.check();
            server_error.set(None);
            errors.set(e.clone());
            if e.is_empty() {
                save.dispatch((form, then_test));
            }
        }
    };
    let submit_test = submit.clone();
    view! {
        <form
            class="cb-flyout__form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                submit(false);
            }
        >
            <FlyoutBody>
                {move || server_error.get().map(|m| view! {
                    <Callout tone=Tone::Danger title="The connector could not be saved." test_id="connector-save-error">{m}</Callout>
                })}
                {move || (errors.with(|e| !e.is_empty())).then(|| view! {
                    <p class="cb-field__error" role="alert">"Fix the fields marked below."</p>
                })}
                <ConnectorInputs state=state.clone() errors/>
            </FlyoutBody>
            <FlyoutFooter>
                {match back {
                    Some(b) => view! {
                        <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| b.run(())>"Back"</button>
                    }.into_any(),
                    None => view! {
                        <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| on_close.run(())>"Cancel"</button>
                    }.into_any(),
                }}
                <div class="cb-flyout__footer-end">
                    <button
                        type="button"
                        class="cb-btn cb-btn--empty"
                        data-testid="connector-save-test"
                        disabled=move || save.pending().get()
                        on:click=move |_| submit_test(true)
                    >
                        "Save & test"
                    </button>
                    <button
                        type="submit"
                        class="cb-btn cb-btn--fill"
                        data-testid="connector-save"
                        disabled=move || save.pending().get()
                    >
                        {move || if save.pending().get() { "Saving…" } else { "Save" }}
                    </button>
                </div>
            </FlyoutFooter>
        </form>
    }
}
