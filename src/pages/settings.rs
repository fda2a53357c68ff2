//! The case settings page (`…/cases/configure`). Placeholder until "Settings and connectors".

use leptos::prelude::*;

/// The settings page of the current solution.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! { <section class="cb-page"><h1 class="cb-page__title">"Settings"</h1></section> }
}
