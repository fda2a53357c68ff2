//! The frame of the Stack Management admin pages: Kibana's management side navigation
//! (Cases, Connectors, Users, Roles, API keys, Spaces), the page panel with its header, and the
//! superuser gate that shows an explanation instead of a page the server would refuse.
//!
//! Rules: entries for superuser-only pages show only once the capabilities say so (the current
//! page's entry always shows); the gated content is only built when allowed, so no request is
//! sent that would be refused.

use crate::components::{EmptyState, SkeletonRows};
use crate::context::{use_capabilities, use_loc};
use crate::routes::{AdminPage, Loc, Solution};
use crate::shell::PageCrumb;
use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;

/// One entry of the side navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavEntry {
    /// Stack Management › Cases.
    Cases,
    /// Stack Management › Connectors.
    Connectors,
    /// An admin page.
    Admin(AdminPage),
}

impl NavEntry {
    /// The navigation groups, Kibana's order: group title and entries.
    pub const GROUPS: [(&'static str, &'static [NavEntry]); 3] = [
        (
            "Insights and Alerting",
            &[NavEntry::Cases, NavEntry::Connectors],
        ),
        (
            "Security",
            &[
                NavEntry::Admin(AdminPage::Users),
                NavEntry::Admin(AdminPage::Roles),
                NavEntry::Admin(AdminPage::ApiKeys),
            ],
        ),
        ("Kibana", &[NavEntry::Admin(AdminPage::Spaces)]),
    ];

    /// The entry's label.
    pub fn label(self) -> &'static str {
        match self {
            NavEntry::Cases => "Cases",
            NavEntry::Connectors => "Connectors",
            NavEntry::Admin(p) => p.label(),
        }
    }

    /// Where the entry goes, in `loc`'s space.
    pub fn href(self, loc: &Loc) -> String {
        match self {
            NavEntry::Cases => loc.with_solution(Solution::Management).list(),
            NavEntry::Connectors => loc.connectors(),
            NavEntry::Admin(p) => loc.admin(p),
        }
    }

    /// Whether the entry is offered to a user who is (or is not) a superuser.
    pub fn offered(self, superuser: bool) -> bool {
        match self {
            NavEntry::Admin(p) => superuser || !p.superuser_only(),
            _ => true,
        }
    }

    /// `data-testid` of the link.
    pub fn test_id(self) -> String {
        let key = match self {
            NavEntry::Cases => "cases",
            NavEntry::Connectors => "connectors",
            NavEntry::Admin(AdminPage::Users) => "users",
            NavEntry::Admin(AdminPage::Roles) => "roles",
            NavEntry::Admin(AdminPage::ApiKeys) => "api_keys",
            NavEntry::Admin(AdminPage::Spaces) => "spaces",
        };
        format!("mgmt-nav-{key}")
    }
}

/// What a non-superuser reads on a superuser-only page.
pub fn forbidden_title(page: AdminPage) -> String {
    format!(
        "You need the superuser role to manage {}",
        page.label().to_lowercase()
    )
}

/// A moment in the viewer's time zone: "Nov 23, 2026 @ 20:10".
pub fn format_ms(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .map(|d| {
            d.with_timezone(&Local)
                .format("%b %-d, %Y @ %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// The side navigation of Stack Management.
#[component]
pub fn ManagementNav(
    /// The page shown.
    current: AdminPage,
) -> impl IntoView {
    let loc = use_loc();
    let caps = use_capabilities();
    let superuser = move || caps.with(|c| c.as_ref().is_some_and(|c| c.superuser));
    let groups = NavEntry::GROUPS
        .iter()
        .map(|(title, entries)| {
            let links = entries
                .iter()
                .map(|&entry| {
                    let is_current = entry == NavEntry::Admin(current);
                    view! {
                        <Show when=move || is_current || entry.offered(superuser())>
                            <li>
                                <a
                                    class="cb-mgmt-nav__link"
                                    class:cb-mgmt-nav__link--current=is_current
                                    href=move || entry.href(&loc.get())
                                    aria-current=is_current.then_some("page")
                                    data-testid=entry.test_id()
                                >
                                    {entry.label()}
                                </a>
                            </li>
                        </Show>
                    }
                })
                .collect_view();
            // A group with nothing offered (Kibana › Spaces for non-superusers) is left out.
            let shown = move || {
                entries
                    .iter()
                    .any(|&e| e == NavEntry::Admin(current) || e.offered(superuser()))
            };
            view! {
                <div class="cb-mgmt-nav__group" class:cb-mgmt-nav__group--empty=move || !shown()>
                    <h2 class="cb-mgmt-nav__title">{*title}</h2>
                    <ul class="cb-mgmt-nav__list">{links}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <nav class="cb-mgmt-nav" aria-label="Stack Management" data-testid="management-nav">
            {groups}
        </nav>
    }
}

/// An admin page: the navigation beside a panel whose content is built only for users allowed
/// to see it. The content renders its own [`AdminHeader`].
#[component]
pub fn AdminLayout(
    /// Which page.
    page: AdminPage,
    /// The page's content (built once allowed).
    children: ChildrenFn,
) -> impl IntoView {
    if let Some(crumb) = use_context::<PageCrumb>() {
        crumb.set(page.label());
    }
    let caps = use_capabilities();
    let children = StoredValue::new(children);
    let body = move || {
        if !page.superuser_only() {
            return children.with_value(|c| c()).into_any();
        }
        match caps.with(|c| c.as_ref().map(|c| c.superuser)) {
            None => view! { <SkeletonRows rows=4 columns=4/> }.into_any(),
            Some(true) => children.with_value(|c| c()).into_any(),
            Some(false) => view! {
                <AdminHeader page description="Ask an administrator if you need access."/>
                <EmptyState
                    title=forbidden_title(page)
                    body=format!(
                        "Only superusers can manage {} in Stack Management. You can still manage your own API keys.",
                        page.label().to_lowercase()
                    )
                    test_id="admin-forbidden"
                />
            }
            .into_any(),
        }
    };
    view! {
        <div class="cb-mgmt">
            <ManagementNav current=page/>
            <section class="cb-page cb-mgmt__page" aria-labelledby="cb-admin-title" data-testid=format!("admin-page-{}", page.label().to_lowercase().replace(' ', "-"))>
                {body}
            </section>
        </div>
    }
}

/// The page header: eyebrow, title, description and the primary action on the right.
#[component]
pub fn AdminHeader(
    /// Which page (its label is the title).
    page: AdminPage,
    /// One sentence under the title.
    #[prop(into)]
    description: String,
    /// The primary action (a "Create …" button).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let group = match page {
        AdminPage::Spaces => "Stack Management › Kibana",
        _ => "Stack Management › Security",
    };
    view! {
        <p class="cb-page__eyebrow">{group}</p>
        <div class="cb-mgmt__header">
            <div>
                <h1 class="cb-page__title" id="cb-admin-title">{page.label()}</h1>
                <p class="cb-text-subdued">{description}</p>
            </div>
            {children.map(|c| view! { <div class="cb-mgmt__actions">{c()}</div> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nav_entries_follow_the_routes() {
        let loc = Loc::new("ops", Solution::Security);
        assert_eq!(
            NavEntry::Cases.href(&loc),
            "/s/ops/app/management/insightsAndAlerting/cases"
        );
        assert_eq!(NavEntry::Connectors.href(&loc), loc.connectors());
        assert_eq!(
            NavEntry::Admin(AdminPage::Roles).href(&loc),
            "/s/ops/app/management/security/roles"
        );
        let all: Vec<_> = NavEntry::GROUPS
            .iter()
            .flat_map(|(_, e)| e.iter().copied())
            .collect();
        assert_eq!(all.len(), 6);
    }

    #[test]
    fn only_api_keys_are_offered_to_everyone() {
        let offered: Vec<_> = NavEntry::GROUPS
            .iter()
            .flat_map(|(_, e)| e.iter().copied())
            .filter(|e| e.offered(false))
            .map(NavEntry::label)
            .collect();
        assert_eq!(offered, ["Cases", "Connectors", "API keys"]);
        assert_eq!(
            forbidden_title(AdminPage::Users),
            "You need the superuser role to manage users"
        );
    }

    #[test]
    fn dates_read_like_kibanas() {
        assert!(format_ms(0).contains("1970") || format_ms(0).contains("1969"));
        assert!(format_ms(0).contains(" @ "));
    }
}
