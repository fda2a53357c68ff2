//! The "Create case" page. Placeholder: being built.

use leptos::prelude::*;

/// The create form of the current solution.
#[component]
pub fn CreateCasePage() -> impl IntoView {
    view! { <section class="cb-page"><h1 class="cb-page__title">"Create case"</h1></section> }
}
