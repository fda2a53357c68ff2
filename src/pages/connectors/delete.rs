//! Deleting a connector: a confirmation dialog that first lists the cases using it
//! (`_usage`), because those cases can no longer be pushed with it afterwards.

use crate::client::connectors::ConnectorUsage;
use crate::components::toaster::use_toaster;
use crate::components::{Modal, ModalSize};
use crate::context::use_client;
use casebook_api::actions::ActionConnector;
use leptos::prelude::*;

/// The sentence above the list of cases.
pub fn usage_summary(total: i64) -> String {
    match total {
        0 => "No case uses this connector.".into(),
        1 => "1 case uses this connector. It can no longer be pushed with it.".into(),
        n => format!("{n} cases use this connector. They can no longer be pushed with it."),
    }
}

/// The dialog for `connector`; `on_close(true)` after a deletion.
#[component]
pub fn DeleteConnectorDialog(
    /// The connector to delete.
    connector: ActionConnector,
    /// Called with whether it was deleted.
    on_close: Callback<bool>,
) -> impl IntoView {
    let client = use_client();
    let toaster = use_toaster();
    let open = RwSignal::new(true);
    let id = StoredValue::new(connector.id.clone());
    let name = connector.name.clone();
    let usage = LocalResource::new(move || {
        let c = client.get_untracked();
        async move { c.connector_usage(&id.get_value()).await }
    });
    let delete = Action::new_local(move |_: &()| {
        let c = client.get_untracked();
        let name = name.clone();
        async move {
            match c.delete_connector(&id.get_value()).await {
                Ok(()) => {
                    toaster.success(format!("Deleted \"{name}\""));
                    open.set(false);
                    on_close.run(true);
                }
                Err(e) => toaster.error("The connector could not be deleted", e.message()),
            }
        }
    });
    let footer = ViewFn::from(move || {
        view! {
            <button
                type="button"
                class="cb-btn cb-btn--empty"
                data-autofocus
                on:click=move |_| {
                    open.set(false);
                    on_close.run(false);
                }
            >
                "Cancel"
            </button>
            <button
                type="button"
                class="cb-btn cb-btn--fill cb-btn--danger"
                data-testid="delete-connector-confirm"
                disabled=move || delete.pending().get()
                on:click=move |_| {
                    delete.dispatch(());
                }
            >
                "Delete connector"
            </button>
        }
    });
    view! {
        <Modal
            open
            title=format!("Delete \"{}\"?", connector.name)
            on_close=Callback::new(move |()| on_close.run(false))
            footer
            size=ModalSize::Small
            alert=true
            test_id="delete-connector-dialog"
        >
            <Suspense fallback=|| view! { <p class="cb-text-subdued">"Checking which cases use it…"</p> }>
                {move || usage.get().map(|r| match r {
                    Ok(u) => view! { <UsageList usage=u/> }.into_any(),
                    Err(e) => view! {
                        <p class="cb-text-subdued">{format!("Its use could not be checked: {}", e.message())}</p>
                    }
                    .into_any(),
                })}
            </Suspense>
            <p>"Deleting a connector can't be undone."</p>
        </Modal>
    }
}

/// The cases using the connector.
#[component]
fn UsageList(usage: ConnectorUsage) -> impl IntoView {
    let more = usage.total - usage.cases.len() as i64;
    view! {
        <p data-testid="connector-usage">{usage_summary(usage.total)}</p>
        {(!usage.cases.is_empty()).then(|| view! {
            <ul class="cb-usage-list" data-testid="connector-usage-list">
                {usage.cases.into_iter().map(|c| view! { <li>{c.title}</li> }).collect_view()}
                {(more > 0).then(|| view! { <li class="cb-text-subdued">{format!("and {more} more")}</li> })}
            </ul>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_cases() {
        assert_eq!(usage_summary(0), "No case uses this connector.");
        assert!(usage_summary(1).starts_with("1 case uses"));
        assert!(usage_summary(3).starts_with("3 cases use"));
    }
}
