//! One case's page (`…/cases/{caseId}`, and the comment permalink `…/{caseId}/{commentId}`).
//!
//! The page reads the case once per id, then keeps it in [`state::CaseCtx`]: the header, the
//! description, the activity feed and the sidebar edit it through `CaseCtx::patch`, which sends
//! the version and turns a 409 into the conflict banner. A case of another solution's owner is
//! not shown: the page says where it lives and links there.
//!
//! Layout: header, tabs (Activity / Alerts, `?tabId=`), main column and sidebar (stacked on
//! phones). Skeletons keep the page's shape while data arrives. The page waits in a `Transition`,
//! not a `Suspense`: resources read below it (users, counts) refetch after every save, and a
//! `Suspense` would take the page out of the document meanwhile (focus lost, flashes).

mod activity;
mod activity_text;
mod alerts;
mod comment;
mod description;
mod drafts;
mod entries;
mod external;
mod feed;
mod header;
mod new_comment;
mod sidebar;
mod sidebar_fields;
mod state;
mod time;
mod timeline;

use crate::client::ClientError;
use crate::components::toaster::use_toaster;
use crate::context::{use_case_caps, use_client, use_loc};
use crate::routes::Solution;
use casebook_api::Case;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use state::CaseCtx;

/// The case page.
#[component]
pub fn CaseDetailPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.with(|p| p.get("case_id").unwrap_or_default()));
    let client = use_client();
    let loaded = LocalResource::new(move || {
        let id = case_id.get();
        let c = client.get();
        async move { c.get_case(&id).await }
    });
    view! {
        <Transition fallback=|| view! { <CaseSkeleton/> }>
            {move || {
                loaded
                    .get()
                    .map(|r| match r {
                        Ok(case) => view! { <CaseLoaded case/> }.into_any(),
                        Err(error) => view! { <CaseError error/> }.into_any(),
                    })
            }}
        </Transition>
    }
}

/// The page's shape while the case loads.
#[component]
fn CaseSkeleton() -> impl IntoView {
    view! {
        <div class="cb-case" aria-busy="true" aria-label="Loading the case">
            <div class="cb-case-header">
                <div class="cb-skeleton cb-skeleton--title"></div>
                <div class="cb-skeleton cb-skeleton--line"></div>
            </div>
            <div class="cb-case__body">
                <div class="cb-case__main">
                    <div class="cb-skeleton cb-skeleton--card"></div>
                    <div class="cb-skeleton cb-skeleton--card"></div>
                </div>
                <div class="cb-case__sidebar">
                    <div class="cb-skeleton cb-skeleton--card"></div>
                </div>
            </div>
        </div>
    }
}

/// Not found, forbidden or unreachable.
#[component]
fn CaseError(
    /// What went wrong.
    error: ClientError,
) -> impl IntoView {
    let loc = use_loc();
    let (title, text) = match error.status() {
        Some(404) => (
            "Case not found",
            "It may have been deleted, or the link is wrong.".to_string(),
        ),
        Some(403) => ("You cannot see this case", error.message()),
        _ => ("The case could not be loaded", error.message()),
    };
    view! {
        <section class="cb-page cb-empty" role="alert" data-testid="case-error">
            <h1 class="cb-empty__title">{title}</h1>
            <p class="cb-text-subdued">{text}</p>
            <A href=move || loc.get().list()>"Back to cases"</A>
        </section>
    }
}

/// A case owned by another solution, opened by URL in the wrong app.
#[component]
fn WrongApp(
    /// The case id.
    id: String,
    /// The case's owner as a solution.
    owner: Option<Solution>,
) -> impl IntoView {
    let loc = use_loc();
    let body = match owner {
        Some(sol) => {
            let href = loc.get_untracked().with_solution(sol).detail(&id);
            view! {
                <p>{format!("This case belongs to {}. Open it there to see and edit it.", sol.label())}</p>
                <A href=href attr:class="cb-btn cb-btn--fill">{format!("Open in {}", sol.label())}</A>
            }
            .into_any()
        }
        None => view! { <p>"This case belongs to another application."</p> }.into_any(),
    };
    view! {
        <section class="cb-page cb-empty" data-testid="wrong-app">
            <h1 class="cb-empty__title">"This case is in another app"</h1>
            {body}
        </section>
    }
}

/// The tab shown: `?tabId=alerts` or the activity.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tab {
    Activity,
    Alerts,
}

/// The loaded case.
#[component]
fn CaseLoaded(
    /// The case as first read.
    case: Case,
) -> impl IntoView {
    let loc = use_loc();
    let here = loc.get_untracked().solution;
    if case.owner.as_str() != here.owner() {
        let owner = Solution::from_owner(case.owner.as_str());
        return view! { <WrongApp id=case.id owner/> }.into_any();
    }
    let ctx = CaseCtx::new(case, use_client(), use_toaster(), use_case_caps());
    let params = use_params_map();
    let target = Signal::derive(move || params.with(|p| p.get("comment_id")));
    let query = use_query_map();
    let tab = Memo::new(move |_| match query.with(|q| q.get("tabId")).as_deref() {
        Some("alerts") => Tab::Alerts,
        _ => Tab::Activity,
    });
    let tab_href = move |t: Tab| {
        let base = loc.get().detail(&ctx.id());
        match t {
            Tab::Activity => base,
            Tab::Alerts => format!("{base}?tabId=alerts"),
        }
    };
    view! {
        <div class="cb-case" data-testid="case-view">
            <ConflictBanner ctx/>
            <header::CaseHeader ctx/>
            <nav class="cb-tabs" aria-label="Case sections">
                // Plain links (the router still handles them): `A` would mark both tabs current,
                // as they share a path and differ only in the query.
                <a
                    href=move || tab_href(Tab::Activity)
                    class="cb-tabs__tab"
                    aria-current=move || (tab.get() == Tab::Activity).then_some("page")
                    data-testid="tab-activity"
                >
                    "Activity"
                </a>
                <a
                    href=move || tab_href(Tab::Alerts)
                    class="cb-tabs__tab"
                    aria-current=move || (tab.get() == Tab::Alerts).then_some("page")
                    data-testid="tab-alerts"
                >
                    "Alerts "
                    <span class="cb-count">{move || ctx.case.with(|c| c.total_alerts)}</span>
                </a>
            </nav>
            <div class="cb-case__body">
                <div class="cb-case__main">
                    {move || match tab.get() {
                        Tab::Activity => view! {
                            <description::Description ctx/>
                            <activity::Activity ctx target/>
                        }
                        .into_any(),
                        Tab::Alerts => view! { <alerts::AlertsTab ctx/> }.into_any(),
                    }}
                </div>
                <aside class="cb-case__sidebar" aria-label="Case details">
                    <sidebar::Sidebar ctx/>
                </aside>
            </div>
        </div>
    }
    .into_any()
}

/// The 409 banner: someone else saved the case; Reload keeps what the user typed.
#[component]
fn ConflictBanner(
    /// The case state.
    ctx: CaseCtx,
) -> impl IntoView {
    let reloading = RwSignal::new(false);
    let reload = move |_| {
        reloading.set(true);
        leptos::task::spawn_local(async move {
            ctx.reload().await;
            reloading.set(false);
        });
    };
    view! {
        <Show when=move || ctx.conflict.get()>
            <div class="cb-callout cb-callout--warning cb-conflict" role="alert" data-testid="conflict-callout">
                <div>
                    <strong>"This case was changed by someone else."</strong>
                    " Your change was not saved. Reload to get the latest version: what you typed stays in the editor, so you can save it again."
                </div>
                <button
                    type="button"
                    class="cb-btn cb-btn--fill cb-btn--small"
                    data-testid="conflict-reload"
                    disabled=move || reloading.get()
                    on:click=reload
                >
                    "Reload"
                </button>
            </div>
        </Show>
    }
}
