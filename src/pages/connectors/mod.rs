//! Stack Management › Connectors (`/app/management/insightsAndAlerting/triggersActionsConnectors/connectors`):
//! the space's connectors that cases can push to — list, create, edit, test and delete.
//!
//! Rules: admins only (the server answers 403 to others; the page then says which privilege is
//! missing). The list refetches after every change through a version signal. Forms are built
//! from each type's field spec ([`spec`]) and checked before sending ([`form`]).

mod delete;
mod flyout;
mod form;
mod form_view;
mod list;
mod spec;
mod test_panel;

use crate::context::{use_client, use_loc};
use crate::pages::settings::widgets::{Callout, Tone};
use crate::shell::PageCrumb;
use casebook_api::actions::ActionConnector;
use delete::DeleteConnectorDialog;
use flyout::{ConnectorFlyout, Panel, Tab};
use leptos::prelude::*;
use leptos_router::components::A;
use list::ConnectorsTable;

/// The connectors page.
#[component]
pub fn ConnectorsPage() -> impl IntoView {
    let loc = use_loc();
    let client = use_client();
    // The shell's trail reads "Stack Management › Cases › Connectors".
    if let Some(crumb) = use_context::<PageCrumb>() {
        crumb.set("Connectors");
    }
    let version = RwSignal::new(0u32);
    let connectors = LocalResource::new(move || {
        version.track();
        let c = client.get();
        async move { c.connectors().await }
    });
    let types = LocalResource::new(move || {
        let c = client.get();
        async move { c.connector_types().await.unwrap_or_default() }
    });
    let caps = crate::context::use_capabilities();
    let can_manage =
        Signal::derive(move || caps.with(|c| c.as_ref().is_some_and(|c| c.connectors_all)));
    let panel = RwSignal::new(None::<Panel>);
    let deleting = RwSignal::new(None::<ActionConnector>);
    let on_saved = Callback::new(move |(saved, then_test): (ActionConnector, bool)| {
        version.update(|v| *v += 1);
        panel.set(then_test.then_some(Panel::Edit(saved, Tab::Test)));
    });
    let on_close = Callback::new(move |()| panel.set(None));
    let on_deleted = Callback::new(move |done: bool| {
        deleting.set(None);
        if done {
            version.update(|v| *v += 1);
        }
    });
    let table = move |list: Vec<ActionConnector>| {
        if list.is_empty() {
            return view! {
                <div class="cb-empty" data-testid="connectors-empty">
                    <h2 class="cb-empty__title">"No connectors yet"</h2>
                    <p>"Create a connector to push cases to Jira, ServiceNow, TheHive or your own system."</p>
                </div>
            }
            .into_any();
        }
        view! {
            <ConnectorsTable
                connectors=list
                on_edit=Callback::new(move |c| panel.set(Some(Panel::Edit(c, Tab::Configuration))))
                on_test=Callback::new(move |c| panel.set(Some(Panel::Edit(c, Tab::Test))))
                on_delete=Callback::new(move |c| deleting.set(Some(c)))
                can_manage
            />
        }
        .into_any()
    };
    view! {
        <section class="cb-page cb-connectors" aria-labelledby="cb-connectors-title">
            <p class="cb-page__eyebrow">"Stack Management"</p>
            <div class="cb-connectors__header">
                <div>
                    <h1 class="cb-page__title" id="cb-connectors-title">"Connectors"</h1>
                    <p class="cb-text-subdued">
                        "Connectors send cases to external incident management systems. They belong to this space."
                    </p>
                </div>
                <button
                    type="button"
                    class="cb-btn cb-btn--fill"
                    hidden=move || !can_manage.get()
                    data-testid="create-connector"
                    on:click=move |_| panel.set(Some(Panel::Create))
                >
                    "Create connector"
                </button>
            </div>
            <Transition fallback=|| view! { <div class="cb-skeleton cb-skeleton--area" aria-busy="true"></div> }>
                {move || connectors.get().map(|r| match r {
                    Ok(list) => table(list),
                    Err(e) if e.status() == Some(403) => view! {
                        <Callout tone=Tone::Warning title="You can't manage connectors." test_id="connectors-forbidden">
                            "Managing connectors needs the All privilege on Actions and Connectors. "
                            {e.message()}
                        </Callout>
                    }
                    .into_any(),
                    Err(e) => view! {
                        <Callout tone=Tone::Danger title="The connectors could not be loaded.">{e.message()}</Callout>
                    }
                    .into_any(),
                })}
            </Transition>
            <p class="cb-connectors__back">
                <A href=move || loc.get().settings()>"Back to case settings"</A>
            </p>
        </section>
        {move || panel.get().map(|p| view! {
            <ConnectorFlyout panel=p types=types.get().unwrap_or_default() on_saved on_close/>
        })}
        {move || deleting.get().map(|c| view! { <DeleteConnectorDialog connector=c on_close=on_deleted/> })}
    }
}
