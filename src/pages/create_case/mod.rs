//! The "Create case" page (`…/cases/create`): an optional template, title, Markdown description
//! with preview, tags, category, severity, assignees, the owner's custom fields, the sync-alerts
//! switch and the external connector with its fields.
//!
//! Rules: the form shows the API's own validation messages inline (from `casebook_api::validate`)
//! before anything is sent; a server error keeps every typed value; Cancel asks before dropping
//! typed text; success opens the new case. The form waits in a `Transition` so that the user
//! search's resource refetching on each keystroke never swaps the form for its skeleton.

mod connector;
mod fields;
pub(crate) mod form;
mod page_form;
mod template;

use crate::context::{use_client, use_loc};
use crate::routes::Solution;
use casebook_api::Owner;
use leptos::prelude::*;
use page_form::CreateCaseForm;

/// The owner of the cases a solution shows.
pub(crate) fn owner_of(sol: Solution) -> Owner {
    sol.owner().parse().unwrap_or(Owner::Cases)
}

/// The create form of the current solution.
#[component]
pub fn CreateCasePage() -> impl IntoView {
    let loc = use_loc();
    let client = use_client();
    let config = LocalResource::new(move || {
        let c = client.get();
        let owner = owner_of(loc.get().solution);
        async move { c.configuration(owner).await }
    });
    // Without `create` for this owner the form would only end in a 403: say so instead.
    let denied = crate::pages::use_denied(|c| c.create_cases);
    view! {
        <Show when=move || denied.get()>
            <crate::pages::NoAccess action="create cases"/>
        </Show>
        <section class="cb-page cb-create" aria-labelledby="cb-create-title" style:display=move || denied.get().then_some("none")>
            <p class="cb-page__eyebrow">{move || format!("{} · Cases", loc.get().solution.label())}</p>
            <h1 class="cb-page__title" id="cb-create-title">"Create case"</h1>
            <Transition fallback=|| view! { <FormSkeleton/> }>
                {move || {
                    config
                        .get()
                        .map(|r| {
                            let (config, err) = match r {
                                Ok(c) => (c, None),
                                Err(e) => (None, Some(e.message())),
                            };
                            view! { <CreateCaseForm config config_error=err/> }
                        })
                }}
            </Transition>
        </section>
    }
}

/// Grey blocks where the form will be, so nothing jumps when it arrives.
#[component]
fn FormSkeleton() -> impl IntoView {
    view! {
        <div class="cb-form cb-form--loading" aria-busy="true" aria-label="Loading the form">
            <div class="cb-skeleton cb-skeleton--input"></div>
            <div class="cb-skeleton cb-skeleton--input"></div>
            <div class="cb-skeleton cb-skeleton--area"></div>
        </div>
    }
}
