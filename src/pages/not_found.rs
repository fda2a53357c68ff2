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
                    illustration=|| {
                        view! {
                            <svg viewBox="0 0 48 48" width="48" height="48">
                                <circle
                                    cx="21"
                                    cy="21"
                                    r="13"
                                    fill="none"
                                    stroke="var(--cb-color-medium-shade)"
                                    stroke-width="4"
                                ></circle>
                                <path
                                    d="M31 31l10 10"
                                    stroke="var(--cb-color-dark-shade)"
                                    stroke-width="5"
                                    stroke-linecap="round"
                                ></path>
                            </svg>
                        }
                    }
                >
                    <a class="cb-btn cb-btn--fill" href=case_list(Solution::Security)>
                        "Go to cases"
                    </a>
                </EmptyState>
            </section>
        </main>
    }
}
