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
    /// A character above the title (decorative). Emoji render as empty boxes where no emoji
    /// font is installed (headless Chromium, many Linux desktops): prefer `illustration`.
    #[prop(optional, into)]
    icon: Option<String>,
    /// An inline SVG above the title (decorative); shown instead of `icon`.
    #[prop(optional, into)]
    illustration: Option<ViewFn>,
    /// `data-testid` (default `empty-state`).
    #[prop(optional, into)]
    test_id: Option<String>,
    /// Actions (buttons, links) under the text.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="cb-empty" data-testid=test_id.unwrap_or_else(|| "empty-state".into())>
            {match (illustration, icon) {
                (Some(i), _) => Some(view! { <div class="cb-empty__icon" aria-hidden="true">{i.run()}</div> }.into_any()),
                (None, Some(i)) => Some(view! { <div class="cb-empty__icon" aria-hidden="true">{i}</div> }.into_any()),
                (None, None) => None,
            }}
            <h2 class="cb-empty__title">{move || title.get()}</h2>
            {body.map(|b| view! { <p class="cb-empty__body">{move || b.get()}</p> })}
            {children.map(|c| view! { <div class="cb-empty__actions">{c()}</div> })}
        </div>
    }
}
