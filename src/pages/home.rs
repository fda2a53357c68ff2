//! The landing page at `/`: links to each solution's Cases app.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::{Solution, case_list};

/// Lists the solutions that host Cases.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <main class="cb-main">
            <section class="cb-page">
                <h1 class="cb-page__title">"Casebook"</h1>
                <p class="cb-text-subdued">"Open the Cases app of a solution."</p>
                <ul class="cb-solution-list">
                    {Solution::ALL
                        .map(|sol| {
                            view! {
                                <li>
                                    <A href=case_list(sol)>{sol.label()}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </main>
    }
}
