//! The case list of the current solution (placeholder until the list is built).

use leptos::prelude::*;

use crate::routes::Solution;

/// The case list page; expects the [`Solution`] context from the solution's parent route.
#[component]
pub fn CaseListPage() -> impl IntoView {
    let solution = expect_context::<Solution>();
    view! {
        <section class="cb-page">
            <p class="cb-page__eyebrow">{solution.label()}</p>
            <h1 class="cb-page__title">"Cases"</h1>
            <p class="cb-text-subdued">
                {format!("Cases owned by \"{}\" will be listed here.", solution.owner())}
            </p>
        </section>
    }
}
