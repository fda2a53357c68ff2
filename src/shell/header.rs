//! The top bar. [`Header`] inside a solution: logo, solution switcher, then at the right the
//! shortcuts button, space switcher and user menu. [`BareHeader`] (logo only) frames pages
//! outside a solution (not found). On narrow screens text labels hide and avatars stay.

use super::shortcuts::ShortcutHelp;
use super::switchers::{SolutionSwitcher, SpaceSwitcher};
use super::user_menu::UserMenu;
use crate::routes::home;
use leptos::prelude::*;

/// Casebook's mark: a case (briefcase) in the primary colour.
#[component]
pub fn Logo(
    /// Width and height in pixels.
    #[prop(default = 24)]
    size: u32,
) -> impl IntoView {
    view! {
        <svg class="cb-logo" viewBox="0 0 32 32" width=size height=size aria-hidden="true">
            <rect x="3" y="7" width="26" height="20" rx="3" fill="var(--cb-color-primary)"></rect>
            <path
                d="M11 7V5.5A1.5 1.5 0 0 1 12.5 4h7A1.5 1.5 0 0 1 21 5.5V7"
                fill="none"
                stroke="var(--cb-color-primary)"
                stroke-width="2"
            ></path>
            <path d="M3 15h26" stroke="var(--cb-color-empty-shade)" stroke-width="2"></path>
            <rect x="13" y="13" width="6" height="4" rx="1" fill="var(--cb-color-empty-shade)"></rect>
        </svg>
    }
}

/// A question mark in a circle.
#[component]
fn HelpIcon() -> impl IntoView {
    view! {
        <svg class="cb-help-icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
            <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"></circle>
            <path
                d="M6.2 6.3a1.9 1.9 0 0 1 3.7.5c0 1.3-1.9 1.6-1.9 2.7"
                fill="none"
                stroke="currentColor"
                stroke-width="1.3"
                stroke-linecap="round"
            ></path>
            <circle cx="8" cy="11.6" r="0.8" fill="currentColor"></circle>
        </svg>
    }
}

/// The logo and name, linking home.
#[component]
fn Brand() -> impl IntoView {
    view! {
        <a class="cb-header__brand" href=home() aria-label="Casebook home">
            <Logo/>
            <span class="cb-header__brand-text cb-hide-narrow">"Casebook"</span>
        </a>
    }
}

/// The header of a solution's pages.
#[component]
pub fn Header() -> impl IntoView {
    let help = use_context::<ShortcutHelp>();
    view! {
        <header class="cb-header" data-testid="header">
            <Brand/>
            <span class="cb-header__divider" aria-hidden="true"></span>
            <SolutionSwitcher/>
            <div class="cb-header__spacer"></div>
            {help
                .map(|ShortcutHelp(open)| {
                    view! {
                        <button
                            type="button"
                            class="cb-switcher cb-switcher--icon cb-hide-narrow"
                            aria-label="Keyboard shortcuts"
                            title="Keyboard shortcuts (?)"
                            data-testid="shortcuts-button"
                            on:click=move |_| open.set(true)
                        >
                            <HelpIcon/>
                        </button>
                    }
                })}
            <SpaceSwitcher/>
            <UserMenu/>
        </header>
    }
}

/// A header with only the logo, for pages outside a solution.
#[component]
pub fn BareHeader() -> impl IntoView {
    view! {
        <header class="cb-header" data-testid="header">
            <Brand/>
        </header>
    }
}
