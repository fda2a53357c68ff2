//! Small labels: [`Badge`] (a coloured pill) and [`Tag`] (a case tag, optionally removable or
//! clickable). Colours come from the `--cb-*` tokens in `style/main.css`, so both themes work.

use leptos::prelude::*;

/// The colour of a [`Badge`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BadgeColor {
    /// Grey fill (the default).
    #[default]
    Default,
    /// Outline only.
    Hollow,
    /// Primary (blue).
    Primary,
    /// Success (green).
    Success,
    /// Warning (yellow).
    Warning,
    /// Danger (red).
    Danger,
    /// Accent (pink).
    Accent,
}

impl BadgeColor {
    /// The modifier class (`cb-badge--primary`, ...).
    pub fn class(self) -> &'static str {
        match self {
            BadgeColor::Default => "cb-badge--default",
            BadgeColor::Hollow => "cb-badge--hollow",
            BadgeColor::Primary => "cb-badge--primary",
            BadgeColor::Success => "cb-badge--success",
            BadgeColor::Warning => "cb-badge--warning",
            BadgeColor::Danger => "cb-badge--danger",
            BadgeColor::Accent => "cb-badge--accent",
        }
    }
}

/// A small pill with text.
#[component]
pub fn Badge(
    /// Colour (default grey).
    #[prop(optional, into)]
    color: Signal<BadgeColor>,
    /// Tooltip and accessible description.
    #[prop(optional, into)]
    title: Option<Signal<String>>,
    /// `data-testid` of the badge.
    #[prop(optional, into)]
    test_id: Option<String>,
    /// The text.
    children: Children,
) -> impl IntoView {
    view! {
        <span
            class=move || format!("cb-badge {}", color.get().class())
            title=move || title.map(|t| t.get())
            data-testid=test_id
        >
            {children()}
        </span>
    }
}

/// A case tag. With `on_remove` it shows a × button; with `on_click` the label is a button
/// (e.g. "filter by this tag").
#[component]
pub fn Tag(
    /// The tag text.
    #[prop(into)]
    label: Signal<String>,
    /// Called when the label is clicked; makes the label a button.
    #[prop(optional, into)]
    on_click: Option<Callback<String>>,
    /// Called when the × is clicked; shows the × button.
    #[prop(optional, into)]
    on_remove: Option<Callback<String>>,
) -> impl IntoView {
    let text = move || label.get();
    view! {
        <span class="cb-tag" data-testid="tag">
            {match on_click {
                Some(cb) => {
                    view! {
                        <button
                            type="button"
                            class="cb-tag__label cb-tag__label--button"
                            on:click=move |_| cb.run(label.get_untracked())
                        >
                            {text}
                        </button>
                    }
                        .into_any()
                }
                None => view! { <span class="cb-tag__label">{text}</span> }.into_any(),
            }}
            {on_remove
                .map(|cb| {
                    view! {
                        <button
                            type="button"
                            class="cb-tag__remove"
                            aria-label=move || format!("Remove tag {}", label.get())
                            on:click=move |_| cb.run(label.get_untracked())
                        >
                            "×"
                        </button>
                    }
                })}
        </span>
    }
}
