//! The sign-in page (`/login`). Placeholder: being built.

use leptos::prelude::*;

/// The sign-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    view! { <section class="cb-page"><h1 class="cb-page__title">"Sign in"</h1></section> }
}
