//! The sidebar's "External incident" block: which connector the case uses and its case fields
//! (edited in place, saved through `CaseCtx::patch`), and pushing the case to that system.
//!
//! Rules: the push state ("Not pushed yet", "Up to date", "Needs update") is what
//! `GET /internal/cases/{id}/_connectors` says for the case's connector and is read again after
//! every write of this page; a push answers the case, which replaces the page's copy (the feed
//! then shows the "pushed" action). A failed push (424 from the external system, 409 for a
//! closed case) is shown under the button, not as a conflict: the case itself did not change.
//! Without `push_cases` the button is not shown, without `update_cases` the pencil is not: a
//! short line says why.

use super::sidebar::SideBlock;
use super::state::CaseCtx;
use super::time::When;
use crate::components::connector_fields::{ConnectorFieldsInputs, ConnectorSelect};
use crate::components::{Badge, BadgeColor};
use casebook_api::actions::CaseConnectorState;
use casebook_api::case::ExternalService;
use casebook_api::{CaseConnector, Status};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The push states by connector id: `None` until first read, `Some(None)` when unreadable.
type States = RwSignal<Option<Option<BTreeMap<String, CaseConnectorState>>>>;

/// Where the case stands with its connector's external system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PushState {
    /// The state is being read.
    Loading,
    /// Never pushed to this connector.
    NotPushed,
    /// Pushed, nothing changed since.
    UpToDate,
    /// Pushed, then changed.
    NeedsUpdate,
}

impl PushState {
    fn of(state: Option<&CaseConnectorState>) -> Self {
        match state {
            None => PushState::NotPushed,
            Some(s) if !s.push.has_been_pushed => PushState::NotPushed,
            Some(s) if s.push.needs_to_be_pushed => PushState::NeedsUpdate,
            Some(_) => PushState::UpToDate,
        }
    }
    fn label(self) -> &'static str {
        match self {
            PushState::Loading => "Checking…",
            PushState::NotPushed => "Not pushed yet",
            PushState::UpToDate => "Up to date",
            PushState::NeedsUpdate => "Needs update",
        }
    }
    fn color(self) -> BadgeColor {
        match self {
            PushState::Loading | PushState::NotPushed => BadgeColor::Hollow,
            PushState::UpToDate => BadgeColor::Success,
            PushState::NeedsUpdate => BadgeColor::Warning,
        }
    }
}

/// Kibana's button text: "Push as X incident" before the first push, "Update X incident" after.
fn push_label(name: &str, pushed: bool) -> String {
    if pushed {
        format!("Update {name} incident")
    } else {
        format!("Push as {name} incident")
    }
}

/// The block, mounted by the sidebar.
#[component]
pub fn ExternalIncidentBlock(
    /// The case state.
    ctx: CaseCtx,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let connectors = LocalResource::new(move || {
        let c = ctx.client.get();
        async move { c.case_connectors().await }
    });
    let listed = Signal::derive(move || connectors.get().and_then(Result::ok));
    // Read again after every write and reload of this page. An effect, not a resource read
    // through memos: it must run even while nothing re-reads the state (the button stays put).
    let states: States = RwSignal::new(None);
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        ctx.writes.track();
        ctx.reloads.track();
        let c = ctx.client.get();
        let id = ctx.id();
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        leptos::task::spawn_local(async move {
            let answer = c.case_connector_states(&id).await.ok();
            // An older answer arriving late must not replace a newer one.
            if asked.get_value() == mine {
                states.set(Some(answer));
            }
        });
    });
    let current = Memo::new(move |_| ctx.case.with(|c| c.connector.clone()));
    let can_update = move || ctx.can_update();
    let start = move || editing.set(true);
    view! {
        <SideBlock title="External incident" test_id="sidebar-external"
            actions=std::sync::Arc::new(move || view! {
                <Show when=move || !editing.get() && can_update()>
                    <button type="button" class="cb-icon-btn cb-icon-btn--small" aria-label="Edit the connector"
                        data-testid="external-edit" on:click=move |_| start()>"✎"</button>
                </Show>
            }.into_any())>
            <Show
                when=move || editing.get()
                fallback=move || view! { <ConnectorSummary ctx current states/> }
            >
                <ConnectorEditor ctx editing connectors=listed
                    list_error=Signal::derive(move || connectors.get().and_then(|r| r.err()).map(|e| e.message()))/>
            </Show>
            <Show when=move || !can_update()>
                <p class="cb-external__note" data-testid="external-no-update">
                    "You can't change the connector: your role may not edit cases."
                </p>
            </Show>
        </SideBlock>
    }
}

/// The connector picker and its fields, saved as the case's `connector`.
#[component]
fn ConnectorEditor(
    ctx: CaseCtx,
    editing: RwSignal<bool>,
    connectors: Signal<Option<Vec<casebook_api::configure::FindConnector>>>,
    list_error: Signal<Option<String>>,
) -> impl IntoView {
    let draft = RwSignal::new(ctx.case.with_untracked(|c| c.connector.clone()));
    let save = Action::new_local(move |c: &CaseConnector| {
        let c = c.clone();
        async move {
            if ctx
                .patch("change the connector", |p| p.connector = Some(c))
                .await
                .is_ok()
            {
                editing.set(false);
            }
        }
    });
    let on_save = move |_| {
        let d = draft.get_untracked();
        if ctx.case.with_untracked(|c| c.connector == d) {
            editing.set(false);
        } else {
            save.dispatch(d);
        }
    };
    view! {
        <div class="cb-external__editor" data-testid="external-editor">
            {move || list_error.get().map(|e| view! {
                <div class="cb-callout cb-callout--warning" role="status">"The connectors could not be listed: " {e}</div>
            })}
            <div class="cb-field">
                <label class="cb-field__label" for="cb-external-connector">"Connector"</label>
                <ConnectorSelect id="cb-external-connector" value=draft connectors
                    disabled=save.pending() test_id="external-connector-select"/>
            </div>
            <ConnectorFieldsInputs value=draft id_prefix="cb-external-field" disabled=save.pending()/>
            <div class="cb-editor-actions cb-editor-actions--compact">
                <button type="button" class="cb-btn cb-btn--empty cb-btn--small" on:click=move |_| editing.set(false)>
                    "Cancel"
                </button>
                <button type="button" class="cb-btn cb-btn--fill cb-btn--small" data-testid="external-save"
                    disabled=move || save.pending().get() on:click=on_save>
                    "Save"
                </button>
            </div>
        </div>
    }
}

/// The connector, its fields, the push state, the link and the push button.
#[component]
fn ConnectorSummary(ctx: CaseCtx, current: Memo<CaseConnector>, states: States) -> impl IntoView {
    let state = Memo::new(move |_| {
        let id = current.with(|c| c.id.clone());
        match states.get() {
            None => PushState::Loading,
            Some(map) => PushState::of(map.as_ref().and_then(|m| m.get(&id))),
        }
    });
    // The latest push to this connector: from the push states, or the case's own record.
    let external = Memo::new(move |_| {
        let id = current.with(|c| c.id.clone());
        let from_states = states.get().flatten().and_then(|m| {
            m.get(&id)
                .and_then(|s| s.push.details.as_ref())
                .map(|d| d.external_service.clone())
        });
        from_states.or_else(|| {
            ctx.case.with(|c| {
                c.external_service
                    .clone()
                    .filter(|e: &ExternalService| e.connector_id == id)
            })
        })
    });
    view! {
        {move || {
            let c = current.get();
            if c.is_none() {
                return view! {
                    <p class="cb-text-subdued cb-side-block__empty" data-testid="external-connector-name">
                        "No connector selected"
                    </p>
                }
                .into_any();
            }
            let fields = c.fields.summary();
            view! {
                <div class="cb-external__connector">
                    <span class="cb-external__name" data-testid="external-connector-name">{c.name.clone()}</span>
                    <span class="cb-external__type">{c.connector_type().label()}</span>
                </div>
                {(!fields.is_empty()).then(|| view! {
                    <dl class="cb-external__fields" data-testid="external-fields">
                        {fields.into_iter().map(|(l, v)| view! { <dt>{l}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                })}
                <PushPanel ctx connector=c state external/>
            }
            .into_any()
        }}
    }
}

/// State badge, link to the external incident, the push button and its error or reason.
#[component]
fn PushPanel(
    ctx: CaseCtx,
    connector: CaseConnector,
    state: Memo<PushState>,
    external: Memo<Option<ExternalService>>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let connector_id = connector.id.clone();
    let push = Action::new_local(move |_: &()| {
        let client = ctx.client.get_untracked();
        let (case_id, connector_id) = (ctx.id(), connector_id.clone());
        async move {
            match client.push_case(&case_id, &connector_id).await {
                Ok(case) => {
                    error.set(None);
                    // The answer is the case with its new external service: it replaces the
                    // page's copy and bumps the write counter (feed and push state re-read).
                    let _ = ctx.apply(Ok(case), "push the case");
                }
                Err(e) => error.set(Some(e.message())),
            }
        }
    });
    let can_push = move || ctx.caps.with(|c| c.push_cases);
    let closed = move || ctx.case.with(|c| c.status == Status::Closed);
    let pushed = move || {
        external.with(Option::is_some)
            || state.get() != PushState::NotPushed && state.get() != PushState::Loading
    };
    let name = StoredValue::new(connector.name.clone());
    let label = move || name.with_value(|n| push_label(n, pushed()));
    let disabled = move || {
        push.pending().get()
            || closed()
            || matches!(state.get(), PushState::UpToDate | PushState::Loading)
    };
    let reason = move || {
        if !can_push() {
            Some("You can't push this case: your role may not push cases.")
        } else if closed() {
            Some("Closed cases can't be pushed. Reopen the case to push it.")
        } else if state.get() == PushState::UpToDate {
            Some("The incident is up to date: no update is required.")
        } else {
            None
        }
    };
    view! {
        <div class="cb-external__status">
            {move || {
                let s = state.get();
                view! { <Badge color=s.color() test_id="push-state">{s.label()}</Badge> }
            }}
            {move || external.get().map(|e| view! {
                <span class="cb-external__pushed">"Pushed " <When at=e.pushed_at/></span>
            })}
        </div>
        {move || external.get().map(|e| view! {
            <a class="cb-external__link" href=e.external_url.clone() target="_blank" rel="noopener noreferrer"
                data-testid="external-link">
                {format!("View incident {}", e.external_title)}
                <span class="cb-external__arrow" aria-hidden="true">"\u{a0}↗"</span>
                <span class="cb-visually-hidden">" (opens in a new tab)"</span>
            </a>
        })}
        <Show when=can_push>
            <button type="button" class="cb-btn cb-btn--block cb-external__push" data-testid="push-button"
                disabled=disabled on:click=move |_| { push.dispatch(()); }>
                <span>{move || if push.pending().get() { "Pushing…".to_string() } else { label() }}</span>
                <span aria-hidden="true">"⇪"</span>
            </button>
        </Show>
        {move || reason().map(|r| view! { <p class="cb-external__note" data-testid="push-reason">{r}</p> })}
        {move || error.get().map(|e| view! {
            <div class="cb-callout cb-callout--danger cb-external__error" role="alert" data-testid="push-error">
                <strong>"The case was not pushed. "</strong>{e}
            </div>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_api::actions::PushInfo;

    fn state(has: bool, needs: bool) -> CaseConnectorState {
        CaseConnectorState {
            id: "c".into(),
            name: "Hook".into(),
            kind: ".cases-webhook".into(),
            fields: serde_json::Value::Null,
            push: PushInfo {
                needs_to_be_pushed: needs,
                has_been_pushed: has,
                details: None,
            },
        }
    }

    #[test]
    fn push_states() {
        assert_eq!(PushState::of(None), PushState::NotPushed);
        assert_eq!(
            PushState::of(Some(&state(false, true))),
            PushState::NotPushed
        );
        assert_eq!(
            PushState::of(Some(&state(true, true))),
            PushState::NeedsUpdate
        );
        assert_eq!(
            PushState::of(Some(&state(true, false))),
            PushState::UpToDate
        );
        assert_eq!(PushState::UpToDate.label(), "Up to date");
    }

    #[test]
    fn button_text_follows_kibana() {
        assert_eq!(push_label("Hook", false), "Push as Hook incident");
        assert_eq!(push_label("Hook", true), "Update Hook incident");
    }
}
