//! Breadcrumbs under the header: `Solution › Cases › <page>`.
//!
//! Pages name their trailing crumb through [`use_breadcrumb`]: `use_breadcrumb().set(title)`
//! (call it again when the title changes, e.g. from an effect). A label is remembered together
//! with the path it was set on and is only shown while that path is current, so a page never
//! has to clear it and a stale title never shows on the next page. Without a label the create
//! and settings pages get "Create case" / "Settings" from their path ([`default_crumb`]).

use crate::context::use_loc;
use crate::routes::{Solution, strip_space};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The trailing breadcrumb of the current page (context provided by the shell).
#[derive(Clone, Copy)]
pub struct PageCrumb {
    label: RwSignal<Option<(String, String)>>,
    path: Memo<String>,
}

impl PageCrumb {
    /// A crumb store following the router's path (called by the shell).
    pub fn from_router() -> Self {
        let location = use_location();
        Self {
            label: RwSignal::new(None),
            path: Memo::new(move |_| location.pathname.get()),
        }
    }

    /// Sets the current page's crumb (a case title, "Create case").
    pub fn set(&self, label: impl Into<String>) {
        let path = self.path.get_untracked();
        self.label.set(Some((path, label.into())));
    }

    /// Removes the current page's crumb.
    pub fn clear(&self) {
        self.label.set(None);
    }

    /// The crumb to show for the current path (reactive).
    pub fn get(&self) -> Option<String> {
        let path = self.path.get();
        self.label
            .with(|l| {
                l.as_ref()
                    .filter(|(p, _)| *p == path)
                    .map(|(_, l)| l.clone())
            })
            .or_else(|| default_crumb(&path).map(str::to_owned))
    }
}

/// The trailing breadcrumb context; see the module docs.
pub fn use_breadcrumb() -> PageCrumb {
    expect_context::<PageCrumb>()
}

/// The crumb a page gets from its path alone: the create and settings pages.
pub fn default_crumb(path: &str) -> Option<&'static str> {
    let path = strip_space(path);
    let sol = Solution::from_path(path)?;
    match path[sol.base_path().len()..].trim_end_matches('/') {
        "/create" => Some("Create case"),
        "/configure" => Some("Settings"),
        _ => None,
    }
}

/// The breadcrumb trail.
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let loc = use_loc();
    let crumb = use_breadcrumb();
    let list_href = move || loc.get().list();
    // Stack Management's own pages (connectors, users, roles…) are not inside its Cases app:
    // their trail is "Stack Management › Users", without a "Cases" step.
    let pathname = use_location().pathname;
    let in_cases = Memo::new(move |_| Solution::from_path(strip_space(&pathname.get())).is_some());
    view! {
        <nav class="cb-breadcrumbs" aria-label="Breadcrumbs" data-testid="breadcrumbs">
            <ol class="cb-breadcrumbs__list">
                <li class="cb-breadcrumbs__item cb-breadcrumbs__item--solution">
                    <a href=list_href>{move || loc.get().solution.label()}</a>
                </li>
                {move || match crumb.get() {
                    Some(label) => {
                        view! {
                            <Show when=move || in_cases.get()>
                                <li class="cb-breadcrumbs__item">
                                    <a href=list_href>"Cases"</a>
                                </li>
                            </Show>
                            <li class="cb-breadcrumbs__item cb-breadcrumbs__item--last">
                                <span aria-current="page" title=label.clone()>
                                    {label.clone()}
                                </span>
                            </li>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <li class="cb-breadcrumbs__item cb-breadcrumbs__item--last">
                                <span aria-current="page">"Cases"</span>
                            </li>
                        }
                            .into_any()
                    }
                }}
            </ol>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_and_settings_have_default_crumbs() {
        assert_eq!(
            default_crumb("/app/security/cases/create"),
            Some("Create case")
        );
        assert_eq!(
            default_crumb("/s/team/app/observability/cases/configure"),
            Some("Settings")
        );
        assert_eq!(default_crumb("/app/security/cases"), None);
        assert_eq!(default_crumb("/app/security/cases/abc"), None);
        assert_eq!(default_crumb("/login"), None);
    }
}
