//! The application shell: context providers and the one route table.
//!
//! Rules: every route is declared here; each solution's pages sit under a [`SolutionRoutes`]
//! parent that provides the current [`Solution`] as context, so pages never parse it from the URL.

use leptos::prelude::*;
use leptos_router::components::{A, Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{MatchNestedRoutes, path};

use crate::pages::{CaseListPage, HomePage, NotFoundPage};
use crate::routes::{Solution, SolutionBase, case_list};

/// The root component mounted on `<body>`.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage/>
                <SolutionRoutes solution=Solution::Security/>
                <SolutionRoutes solution=Solution::Observability/>
                <SolutionRoutes solution=Solution::Management/>
            </Routes>
        </Router>
    }
}

/// The routes of one solution's Cases app, all below [`Solution::base_path`].
#[component(transparent)]
fn SolutionRoutes(
    /// The solution whose pages these are.
    solution: Solution,
) -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute
            path=SolutionBase(solution)
            view=move || view! { <SolutionShell solution/> }
        >
            <Route path=path!("") view=CaseListPage/>
        </ParentRoute>
    }
    .into_inner()
}

/// Header and navigation around a solution's pages; provides the [`Solution`] context.
#[component]
fn SolutionShell(
    /// The solution shown in the outlet.
    solution: Solution,
) -> impl IntoView {
    provide_context(solution);
    view! {
        <header class="cb-header">
            <span class="cb-header__brand">"Casebook"</span>
            <nav class="cb-header__nav" aria-label="Solutions">
                {Solution::ALL
                    .map(|sol| view! { <A href=case_list(sol)>{sol.label()}</A> })
                    .collect_view()}
            </nav>
        </header>
        <main class="cb-main">
            <Outlet/>
        </main>
    }
}
