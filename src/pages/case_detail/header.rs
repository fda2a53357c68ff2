//! The case header: inline-editable title (also the shell's last breadcrumb), `#number`, the status menu with the
//! status date, alert syncing, refresh, and the actions menu (copy the id, delete the case).

use super::state::CaseCtx;
use super::time::When;
use crate::components::{ConfirmModal, ContextMenu, MenuItem, StatusBadge};
use crate::context::use_loc;
use crate::shell::use_breadcrumb;
use casebook_api::case::Settings;
use casebook_api::validate::check_title;
use casebook_api::{Case, Status};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};

/// Copies text to the clipboard; whether it worked.
pub(super) async fn copy_to_clipboard(text: String) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(w) = web_sys::window() else {
            return false;
        };
        let p = w.navigator().clipboard().write_text(&text);
        wasm_bindgen_futures::JsFuture::from(p).await.is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// "Opened 5 minutes ago", "In progress since <date>", "Closed on <date>" for the header:
/// the label, the moment, and whether to show it as an exact date.
fn status_date(c: &Case) -> (&'static str, chrono::DateTime<chrono::Utc>, bool) {
    match c.status {
        Status::Open => ("Opened", c.created_at, false),
        Status::InProgress => (
            "In progress since",
            c.in_progress_at.or(c.updated_at).unwrap_or(c.created_at),
            true,
        ),
        Status::Closed => (
            "Closed on",
            c.closed_at.or(c.updated_at).unwrap_or(c.created_at),
            true,
        ),
    }
}

/// The header of the case page.
#[component]
pub fn CaseHeader(
    /// The case state.
    ctx: CaseCtx,
) -> impl IntoView {
    let loc = use_loc();
    let navigate = use_navigate();
    let case = ctx.case;
    let status = Signal::derive(move || case.with(|c| c.status));
    let set_status = Action::new_local(move |s: &Status| {
        let s = *s;
        async move { ctx.patch("change the status", |p| p.status = Some(s)).await }
    });
    // A closed case reopens only with `case_reopen` (Kibana's sub-feature).
    let status_items = move || {
        let reopen = ctx.caps.with(|c| c.case_reopen);
        let closed = status.get() == Status::Closed;
        Status::ALL
            .into_iter()
            .filter(move |s| !closed || reopen || *s == Status::Closed)
            .map(|s| {
                view! {
                    <MenuItem
                        on_select=Callback::new(move |_| {
                            if s != status.get_untracked() {
                                set_status.dispatch(s);
                            }
                        })
                        checked=Signal::derive(move || status.get() == s)
                        test_id=format!("status-{}", s.as_str())
                    >
                        {s.label()}
                    </MenuItem>
                }
            })
            .collect_view()
    };
    let confirm_delete = RwSignal::new(false);
    let delete = Action::new_local(move |_: &()| {
        let client = ctx.client.get_untracked();
        let id = ctx.id();
        async move { client.delete_cases(&[id]).await }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => {
            ctx.toaster.success(format!(
                "Case \"{}\" deleted",
                case.with_untracked(|c| c.title.clone())
            ));
            navigate(&loc.get_untracked().list(), Default::default());
        }
        Some(Err(e)) => ctx.toaster.error("Could not delete the case", e.message()),
        None => {}
    });
    let copy_id = Callback::new(move |_| {
        let id = ctx.id();
        spawn_local(async move {
            if copy_to_clipboard(id).await {
                ctx.toaster.success("Case ID copied to the clipboard");
            } else {
                ctx.toaster
                    .error("Could not copy", "The browser refused clipboard access.");
            }
        });
    });
    let sync = Action::new_local(move |on: &bool| {
        let on = *on;
        let extract = case.with_untracked(|c| c.settings.extract_observables);
        async move {
            ctx.patch("change alert syncing", |p| {
                p.settings = Some(Settings {
                    sync_alerts: on,
                    extract_observables: extract,
                })
            })
            .await
        }
    });
    let refreshing = RwSignal::new(false);
    // The shell's breadcrumb ends with the case title (per path, so permalinks get it too).
    let crumb = use_breadcrumb();
    let pathname = use_location().pathname;
    Effect::new(move |_| {
        pathname.track();
        crumb.set(case.with(|c| c.title.clone()));
    });
    view! {
        <header class="cb-case-header">
            <TitleEditor ctx/>
            <div class="cb-case-header__meta">
                // Own reactive scope per menu: the shared Popover provides its close callback as context
                // in the enclosing owner, so two menus in one owner would close each other's.
                {move || if ctx.can_update() {
                    view! {
                        <ContextMenu
                            trigger=move || view! {
                                <span class="cb-visually-hidden">"Status: "</span>
                                <StatusBadge status/>
                                <span class="cb-caret" aria-hidden="true">"▾"</span>
                            }
                            test_id="status-menu"
                            trigger_class="cb-btn cb-btn--empty cb-status-button"
                        >
                            {status_items()}
                        </ContextMenu>
                    }
                    .into_any()
                } else {
                    view! {
                        <span class="cb-status-button" data-testid="status-read-only">
                            <span class="cb-visually-hidden">"Status: "</span>
                            <StatusBadge status/>
                        </span>
                    }
                    .into_any()
                }}
                <span class="cb-case-header__date cb-text-subdued" data-testid="status-date">
                    {move || {
                        let (label, at, absolute) = case.with(status_date);
                        view! { {label} " " <When at absolute/> }
                    }}
                </span>
                <span class="cb-case-header__spacer"></span>
                <label class="cb-switch cb-switch--compact">
                    <input
                        type="checkbox"
                        role="switch"
                        class="cb-switch__input"
                        data-testid="sync-alerts"
                        prop:checked=move || case.with(|c| c.settings.sync_alerts)
                        disabled=move || sync.pending().get() || !ctx.can_update()
                        on:change=move |ev| {
                            sync.dispatch(event_target_checked(&ev));
                        }
                    />
                    <span class="cb-switch__track" aria-hidden="true"></span>
                    <span class="cb-switch__label">"Sync alerts"</span>
                </label>
                <button
                    type="button"
                    class="cb-btn cb-btn--empty"
                    data-testid="refresh-case"
                    disabled=move || refreshing.get()
                    on:click=move |_| {
                        refreshing.set(true);
                        spawn_local(async move {
                            ctx.reload().await;
                            refreshing.set(false);
                        });
                    }
                >
                    "Refresh"
                </button>
                // Own scope, see above.
                {move || view! {
                    <ContextMenu
                        trigger=|| view! { <span aria-hidden="true">"⋯"</span> }
                        aria_label="Case actions"
                        test_id="case-actions"
                        trigger_class="cb-icon-btn"
                        align_right=true
                    >
                        <MenuItem on_select=copy_id test_id="copy-case-id">"Copy case ID"</MenuItem>
                        {ctx.caps.with(|c| c.delete_cases).then(|| view! {
                            <MenuItem on_select=Callback::new(move |_| confirm_delete.set(true)) danger=true test_id="delete-case">
                                "Delete case"
                            </MenuItem>
                        })}
                    </ContextMenu>
                }}
            </div>
        </header>
        <ConfirmModal
            open=confirm_delete
            title="Delete this case?"
            body="The case, its comments and its activity will be deleted. This cannot be undone."
            confirm_label="Delete"
            danger=true
            on_confirm=Callback::new(move |_| {
                delete.dispatch(());
            })
            test_id="delete-case-modal"
        />
    }
}

/// The title, editable in place (Enter saves, Escape cancels).
#[component]
fn TitleEditor(
    /// The case state.
    ctx: CaseCtx,
) -> impl IntoView {
    let case = ctx.case;
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |title: &String| {
        let title = title.clone();
        async move {
            if ctx
                .patch("rename the case", |p| p.title = Some(title))
                .await
                .is_ok()
            {
                editing.set(false);
            }
        }
    });
    let submit = move || match check_title(&draft.get_untracked()) {
        Err(e) => error.set(Some(e.message)),
        Ok(t) if t == case.with_untracked(|c| c.title.clone()) => editing.set(false),
        Ok(t) => {
            error.set(None);
            save.dispatch(t);
        }
    };
    let start = move |_| {
        draft.set(case.with_untracked(|c| c.title.clone()));
        error.set(None);
        editing.set(true);
    };
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            submit();
        }
        "Escape" => editing.set(false),
        _ => {}
    };
    view! {
        <div class="cb-case-title">
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <h1 class="cb-case-title__text" data-testid="case-title">
                        {move || case.with(|c| c.title.clone())}
                    </h1>
                    {move || case.with(|c| c.incremental_id).map(|n| view! {
                        <span class="cb-badge cb-badge--hollow" data-testid="incremental-id">{format!("#{n}")}</span>
                    })}
                    <Show when=move || ctx.can_update()>
                        <button type="button" class="cb-icon-btn" aria-label="Edit title" data-testid="edit-title" on:click=start>
                            "✎"
                        </button>
                    </Show>
                }
            >
                <div class="cb-case-title__edit">
                    <input
                        class="cb-input cb-input--large"
                        type="text"
                        aria-label="Case title"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby="cb-title-error"
                        data-testid="title-input"
                        autofocus
                        bind:value=draft
                        on:keydown=on_keydown
                    />
                    <button type="button" class="cb-btn cb-btn--fill" data-testid="title-save"
                        disabled=move || save.pending().get() on:click=move |_| submit()>
                        "Save"
                    </button>
                    <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| editing.set(false)>
                        "Cancel"
                    </button>
                </div>
                {move || error.get().map(|e| view! { <div class="cb-field__error" id="cb-title-error">{e}</div> })}
            </Show>
        </div>
    }
}
