//! The landing page at `/`: Casebook's home is the Security solution's cases, like a Kibana
//! with only Cases in it. The other solutions are one click away in the header.

use crate::routes::{Solution, case_list};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Redirect;

/// Redirects (replacing the history entry) to the Security cases.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Redirect
            path=case_list(Solution::Security)
            options=NavigateOptions { replace: true, ..Default::default() }
        />
    }
}
