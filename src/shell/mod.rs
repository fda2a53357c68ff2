//! The frame around a solution's pages: header (solution switcher, space switcher, user menu),
//! breadcrumbs and keyboard shortcuts. Provides the [`crate::routes::Loc`] context.

use crate::context::provide_loc;
use crate::routes::Solution;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};

/// Header and navigation around a solution's pages.
#[component]
pub fn SolutionShell(
    /// The solution shown in the outlet.
    solution: Solution,
) -> impl IntoView {
    let loc = provide_loc(solution);
    provide_context(solution);
    view! {
        <header class="cb-header">
            <span class="cb-header__brand">"Casebook"</span>
            <nav class="cb-header__nav" aria-label="Solutions">
                {Solution::ALL
                    .map(|sol| view! { <A href=move || loc.get().with_solution(sol).list()>{sol.label()}</A> })
                    .collect_view()}
            </nav>
        </header>
        <main class="cb-main">
            <Outlet/>
        </main>
    }
}
