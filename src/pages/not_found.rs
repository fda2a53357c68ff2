//! Shown for any path that no route matches.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::home;

/// A plain "page not found" with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="cb-main">
            <section class="cb-page">
                <h1 class="cb-page__title">"Page not found"</h1>
                <A href=home()>"Go to Casebook home"</A>
            </section>
        </main>
    }
}
