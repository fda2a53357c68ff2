//! Loading indicators: [`Spinner`] (a rotating ring) and the skeleton placeholders
//! ([`SkeletonRows`], [`SkeletonText`]) that keep the layout still while data loads.

use leptos::prelude::*;

/// The size of a [`Spinner`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SpinnerSize {
    /// 12px, inside buttons.
    Small,
    /// 16px (the default).
    #[default]
    Medium,
    /// 32px, for a whole panel.
    Large,
}

/// A rotating ring with an accessible label.
#[component]
pub fn Spinner(
    /// Size (default medium).
    #[prop(optional)]
    size: SpinnerSize,
    /// What is loading, for screen readers (default "Loading").
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let class = match size {
        SpinnerSize::Small => "cb-spinner cb-spinner--s",
        SpinnerSize::Medium => "cb-spinner",
        SpinnerSize::Large => "cb-spinner cb-spinner--l",
    };
    view! {
        <span
            class=class
            role="progressbar"
            aria-label=move || label.map(|l| l.get()).unwrap_or_else(|| "Loading".into())
            data-testid="spinner"
        ></span>
    }
}

/// Placeholder table rows: grey bars shaped like a dense table while it loads.
#[component]
pub fn SkeletonRows(
    /// Number of rows (default 5).
    #[prop(optional)]
    rows: Option<usize>,
    /// Number of columns (default 4); the first is widest.
    #[prop(optional)]
    columns: Option<usize>,
) -> impl IntoView {
    let rows = rows.unwrap_or(5);
    let columns = columns.unwrap_or(4).max(1);
    view! {
        <div class="cb-skeleton-rows" aria-busy="true" aria-label="Loading" data-testid="skeleton-rows">
            {(0..rows)
                .map(|_| {
                    view! {
                        <div
                            class="cb-skeleton-rows__row"
                            style=format!("grid-template-columns: 3fr repeat({}, 1fr)", columns - 1)
                        >
                            {(0..columns)
                                .map(|_| view! { <span class="cb-skeleton cb-skeleton--line"></span> })
                                .collect_view()}
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Placeholder paragraph: `lines` grey bars, the last one shorter.
#[component]
pub fn SkeletonText(
    /// Number of lines (default 3).
    #[prop(optional)]
    lines: Option<usize>,
) -> impl IntoView {
    let lines = lines.unwrap_or(3).max(1);
    view! {
        <div class="cb-skeleton-text" aria-busy="true" aria-label="Loading">
            {(0..lines)
                .map(|i| {
                    view! {
                        <span
                            class="cb-skeleton cb-skeleton--line"
                            class:cb-skeleton--short=i + 1 == lines
                        ></span>
                    }
                })
                .collect_view()}
        </div>
    }
}
