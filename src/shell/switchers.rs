//! The header's solution switcher (same space, other solution) and space switcher (same
//! solution, other space). Both are menus of links, so they can be opened in a new tab.

use crate::client::Client;
use crate::components::{
    Avatar, AvatarKind, AvatarSize, ContextMenu, MenuLink, MenuTitle, Spinner,
};
use crate::context::{use_capabilities, use_loc};
use crate::routes::{Loc, Solution};
use casebook_api::space::{DEFAULT_SPACE, Space};
use leptos::prelude::*;

/// Picks the solution whose cases are shown, keeping the space.
#[component]
pub fn SolutionSwitcher() -> impl IntoView {
    let loc = use_loc();
    let caps = use_capabilities();
    // A solution whose cases the user cannot read is not offered (the current one always is,
    // so the trigger names where the user is). Until the capabilities load, all are listed.
    let offered = move |sol: Solution| {
        sol == loc.get().solution
            || caps.with(|c| {
                c.as_ref()
                    .is_none_or(|c| c.cases.get(sol.owner()).is_some_and(|cc| cc.read_cases))
            })
    };
    view! {
        <ContextMenu
            trigger=move || {
                view! {
                    <span class="cb-switcher__label">{move || loc.get().solution.label()}</span>
                    <Caret/>
                }
            }
            aria_label=Signal::derive(move || {
                format!("Solution: {}. Change solution", loc.get().solution.label())
            })
            trigger_class="cb-switcher cb-switcher--solution"
            test_id="solution-switcher"
        >
            <MenuTitle label="Solutions"/>
            {Solution::ALL
                .map(|sol| {
                    view! {
                        <Show when=move || offered(sol)>
                        <MenuLink
                            href=Signal::derive(move || loc.get().with_solution(sol).list())
                            current=Signal::derive(move || loc.get().solution == sol)
                            test_id=format!("solution-{}", sol.owner())
                        >
                            {sol.label()}
                        </MenuLink>
                        </Show>
                    }
                })
                .collect_view()}
        </ContextMenu>
    }
}

/// The name shown for a space id when the space list has not loaded (or lacks it).
pub fn fallback_space_name(id: &str) -> String {
    if id == DEFAULT_SPACE {
        "Default".into()
    } else {
        id.to_string()
    }
}

/// Picks the space, keeping the solution. Shows the current space's avatar and name.
#[component]
pub fn SpaceSwitcher() -> impl IntoView {
    let loc = use_loc();
    let changed = crate::context::SpacesChanged::get();
    let spaces = LocalResource::new(move || {
        changed.0.track();
        async { Client::new(DEFAULT_SPACE).spaces().await }
    });
    let current = Memo::new(move |_| {
        let id = loc.get().space;
        spaces
            .get()
            .and_then(|r| r.ok())
            .and_then(|list| list.into_iter().find(|s| s.id == id))
    });
    let name = Signal::derive(move || {
        current
            .get()
            .map(|s| s.name)
            .unwrap_or_else(|| fallback_space_name(&loc.get().space))
    });
    let initials = Signal::derive(move || current.get().and_then(|s| s.initials));
    let color = Signal::derive(move || current.get().and_then(|s| s.color));
    view! {
        <ContextMenu
            trigger=move || {
                view! {
                    <Avatar
                        name
                        initials_override=initials
                        color
                        kind=AvatarKind::Space
                        size=AvatarSize::Medium
                        decorative=true
                    />
                    <span class="cb-switcher__label cb-hide-narrow">{move || name.get()}</span>
                    <Caret/>
                }
            }
            aria_label=Signal::derive(move || format!("Space: {}. Change space", name.get()))
            trigger_class="cb-switcher cb-switcher--space"
            align_right=true
            test_id="space-switcher"
        >
            <MenuTitle label="Spaces"/>
            {move || match spaces.get() {
                None => {
                    view! {
                        <div class="cb-menu__status">
                            <Spinner/>
                            " Loading spaces…"
                        </div>
                    }
                        .into_any()
                }
                Some(Err(e)) => {
                    view! { <div class="cb-menu__status" role="alert">{e.message()}</div> }
                        .into_any()
                }
                Some(Ok(list)) => {
                    list.into_iter()
                        .map(|space| view! { <SpaceLink space/> })
                        .collect_view()
                        .into_any()
                }
            }}
        </ContextMenu>
    }
}

/// One space in the switcher.
#[component]
fn SpaceLink(
    /// The space.
    space: Space,
) -> impl IntoView {
    let loc = use_loc();
    let id = space.id.clone();
    let href = {
        let id = id.clone();
        Signal::derive(move || Loc::new(id.clone(), loc.get().solution).list())
    };
    let current = {
        let id = id.clone();
        Signal::derive(move || loc.get().space == id)
    };
    view! {
        <MenuLink href current test_id=format!("space-{id}")>
            <span class="cb-menu__space">
                <Avatar
                    name=space.name.clone()
                    initials_override=space.initials.clone()
                    color=space.color.clone()
                    kind=AvatarKind::Space
                    size=AvatarSize::Small
                    decorative=true
                />
                {space.name.clone()}
            </span>
        </MenuLink>
    }
}

/// The little ▾ of a dropdown button.
#[component]
pub fn Caret() -> impl IntoView {
    view! {
        <svg class="cb-caret" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6"/>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_names() {
        assert_eq!(fallback_space_name("default"), "Default");
        assert_eq!(fallback_space_name("team-a"), "team-a");
    }
}
