//! [`EmptyState`]: what a panel shows when there is nothing in it (no cases, no results, no
//! comments) — a title, a sentence and optional actions, centred.

use leptos::prelude::*;

/// A centred title, explanation and actions for an empty panel.
#[component]
pub fn EmptyState(
    /// The title ("No cases to display").
    #[prop(into)]
    title: Signal<String>,
    /// One or two sentences under the title.
    #[prop(optional, into)]
    body: Option<Signal<String>>,
    /// An icon or emoji above the title (decorative).
    #[prop(optional, into)]
    icon: Option<String>,
    /// `data-testid` (default `empty-state`).
    #[prop(optional, into)]
    test_id: Option<String>,
    /// Actions (buttons, links) under the text.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="cb-empty" data-testid=test_id.unwrap_or_else(|| "empty-state".into())>
            {icon.map(|i| view! { <div class="cb-empty__icon" aria-hidden="true">{i}</div> })}
            <h2 class="cb-empty__title">{move || title.get()}</h2>
            {body.map(|b| view! { <p class="cb-empty__body">{move || b.get()}</p> })}
            {children.map(|c| view! { <div class="cb-empty__actions">{c()}</div> })}
        </div>
    }
}
