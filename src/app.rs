//! The application: context providers and the one route table.
//!
//! Every route is declared here. Each solution's pages sit under a parent route matching the
//! solution's base path, with and without the `/s/{space}` prefix; the parent renders the shell,
//! which provides the current location (space + solution) to the pages.
//! The transparent route components end in `.into_any_nested_route()`: the SPA is built in
//! Leptos's erased mode (`.cargo/config.toml`), whose component macro expects erased routes.

use crate::components::Toasts;
use crate::context::provide_app_context;
use crate::pages::{
    ApiKeysRoute, CaseDetailRoute, CaseListPage, ConnectorsRoute, CreateCaseRoute, HomePage,
    LoginRoute, NotFoundPage, RolesRoute, SettingsRoute, SpacesRoute, UsersRoute,
};
use crate::routes::{
    AdminPage, AdminSegment, ConnectorsBase, ManagementBase, Solution, SolutionBase,
};
use crate::shell::SolutionShell;
use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, ParamSegment, StaticSegment, path};

/// The root component mounted on `<body>`.
#[component]
pub fn App() -> impl IntoView {
    provide_app_context();
    // On a case list, its first page is asked for now, while the router builds the page.
    crate::pages::prefetch_case_list();
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage/>
                <Route path=path!("/login") view={Lazy::<LoginRoute>::new()}/>
                <SolutionRoutes solution=Solution::Security/>
                <SolutionRoutes solution=Solution::Observability/>
                <SolutionRoutes solution=Solution::Management/>
                <SpaceSolutionRoutes solution=Solution::Security/>
                <SpaceSolutionRoutes solution=Solution::Observability/>
                <SpaceSolutionRoutes solution=Solution::Management/>
                <ConnectorsRoutes/>
                <AdminRoutes/>
            </Routes>
        </Router>
        <Toasts/>
    }
}

/// The pages of a solution's Cases app (relative to its base path).
#[component(transparent)]
fn SolutionPages() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("") view=CaseListPage/>
        <Route path=path!("create") view={Lazy::<CreateCaseRoute>::new()}/>
        <Route path=path!("configure") view={Lazy::<SettingsRoute>::new()}/>
        <Route path=path!(":case_id") view={Lazy::<CaseDetailRoute>::new()}/>
        <Route path=path!(":case_id/:comment_id") view={Lazy::<CaseDetailRoute>::new()}/>
    }
    .into_inner()
    .into_any_nested_route()
}

/// A solution's Cases app in the default space.
#[component(transparent)]
fn SolutionRoutes(
    /// The solution.
    solution: Solution,
) -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=SolutionBase(solution) view=move || view! { <SolutionShell solution/> }>
            <SolutionPages/>
        </ParentRoute>
    }
    .into_inner()
    .into_any_nested_route()
}

/// A solution's Cases app in another space (`/s/{space}/app/…`).
#[component(transparent)]
fn SpaceSolutionRoutes(
    /// The solution.
    solution: Solution,
) -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute
            path=(StaticSegment("s"), ParamSegment("space"), SolutionBase(solution))
            view=move || view! { <SolutionShell solution/> }
        >
            <SolutionPages/>
        </ParentRoute>
    }
    .into_inner()
    .into_any_nested_route()
}

/// Stack Management › Connectors, in the default space and in other spaces. It sits in the
/// Management shell (Kibana lists connectors there), outside any solution's Cases app.
#[component(transparent)]
fn ConnectorsRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    let shell = || view! { <SolutionShell solution=Solution::Management/> };
    view! {
        <ParentRoute path=ConnectorsBase view=shell>
            <Route path=path!("") view={Lazy::<ConnectorsRoute>::new()}/>
        </ParentRoute>
        <ParentRoute path=(StaticSegment("s"), ParamSegment("space"), ConnectorsBase) view=shell>
            <Route path=path!("") view={Lazy::<ConnectorsRoute>::new()}/>
        </ParentRoute>
    }
    .into_inner()
    .into_any_nested_route()
}

/// The Stack Management admin pages (users, roles, API keys, spaces) below `/app/management`,
/// in the default space and in other spaces, in the Management shell. One parent per prefix,
/// so moving between these pages keeps the shell.
#[component(transparent)]
fn AdminRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    let shell = || view! { <SolutionShell solution=Solution::Management/> };
    view! {
        <ParentRoute path=ManagementBase view=shell>
            <AdminPages/>
        </ParentRoute>
        <ParentRoute path=(StaticSegment("s"), ParamSegment("space"), ManagementBase) view=shell>
            <AdminPages/>
        </ParentRoute>
    }
    .into_inner()
    .into_any_nested_route()
}

/// One route per admin page (relative to [`ManagementBase`]).
#[component(transparent)]
fn AdminPages() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=AdminSegment(AdminPage::Users) view={Lazy::<UsersRoute>::new()}/>
        <Route path=AdminSegment(AdminPage::Roles) view={Lazy::<RolesRoute>::new()}/>
        <Route path=AdminSegment(AdminPage::ApiKeys) view={Lazy::<ApiKeysRoute>::new()}/>
        <Route path=AdminSegment(AdminPage::Spaces) view={Lazy::<SpacesRoute>::new()}/>
    }
    .into_inner()
    .into_any_nested_route()
}
