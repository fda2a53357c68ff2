//! One case's page (`…/cases/{caseId}` and the comment permalink `…/{caseId}/{commentId}`).
//! Placeholder: being built.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The case page.
#[component]
pub fn CaseDetailPage() -> impl IntoView {
    let params = use_params_map();
    view! {
        <section class="cb-page">
            <h1 class="cb-page__title">{move || params.with(|p| p.get("case_id").unwrap_or_default())}</h1>
        </section>
    }
}
