//! Shown for any path that no route matches: the bare header and a way back.

use crate::components::EmptyState;
use crate::routes::{Solution, case_list};
use crate::shell::BareHeader;
use leptos::prelude::*;

/// A plain "page not found" with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <BareHeader/>
        <main class="cb-main">
            <section class="cb-page" data-testid="not-found">
                <EmptyState
                    title="Page not found"
                    body="The page you are looking for does not exist or has moved."
                    icon="🔍"
                >
                    <a class="cb-btn cb-btn--fill" href=case_list(Solution::Security)>
                        "Go to cases"
                    </a>
                </EmptyState>
            </section>
        </main>
    }
}
