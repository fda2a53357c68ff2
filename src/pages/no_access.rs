//! What a solution's pages show to a user whose role does not reach them (Kibana's "Privileges
//! required" prompt): which solution and space, and links to the solutions the user can read.
//! The server refuses the data anyway; this keeps the page from looking broken.

use crate::components::EmptyState;
use crate::context::{use_capabilities, use_case_caps, use_loc};
use crate::routes::Solution;
use casebook_api::security::CasesCapabilities;
use leptos::prelude::*;
use leptos_router::components::A;

/// Whether the capabilities have loaded and lack what `allowed` asks of the current solution's
/// cases (`|c| c.read_cases` for a list, `|c| c.create_cases` for the create form…). `false`
/// while they load, so a page never flashes the refusal.
pub fn use_denied(allowed: fn(&CasesCapabilities) -> bool) -> Signal<bool> {
    let loaded = use_capabilities();
    let caps = use_case_caps();
    Signal::derive(move || loaded.with(Option::is_some) && !caps.with(allowed))
}

/// "You do not have access to … cases", with links to the readable solutions.
#[component]
pub fn NoAccess(
    /// What the page would have done ("view cases", "create cases", "change the settings").
    #[prop(into)]
    action: String,
) -> impl IntoView {
    let loc = use_loc();
    let caps = use_capabilities();
    let readable = move || {
        caps.with(|c| {
            Solution::ALL
                .into_iter()
                .filter(|s| {
                    c.as_ref()
                        .is_some_and(|c| c.cases.get(s.owner()).is_some_and(|cc| cc.read_cases))
                })
                .collect::<Vec<_>>()
        })
    };
    let title = Signal::derive(move || {
        format!(
            "You do not have access to {} cases",
            loc.get().solution.label()
        )
    });
    let body = Signal::derive(move || {
        format!(
            "Your role does not allow you to {action} in this space. Ask an administrator for \
             the {} cases privilege.",
            loc.get().solution.label()
        )
    });
    view! {
        <section class="cb-page" data-testid="no-access">
            <EmptyState
                title
                body
                illustration=|| {
                    view! {
                        <svg viewBox="0 0 48 48" width="48" height="48">
                            <rect x="11" y="21" width="26" height="19" rx="3" fill="var(--cb-color-medium-shade)"></rect>
                            <path
                                d="M17 21v-5a7 7 0 0 1 14 0v5"
                                fill="none"
                                stroke="var(--cb-color-dark-shade)"
                                stroke-width="4"
                            ></path>
                        </svg>
                    }
                }
            >
                {move || {
                    readable()
                        .into_iter()
                        .filter(|s| *s != loc.get().solution)
                        .map(|s| {
                            view! {
                                <A
                                    href=move || loc.get().with_solution(s).list()
                                    attr:class="cb-btn cb-btn--empty"
                                    attr:data-testid=format!("no-access-go-{}", s.owner())
                                >
                                    {format!("Go to {} cases", s.label())}
                                </A>
                            }
                        })
                        .collect_view()
                }}
            </EmptyState>
        </section>
    }
}
