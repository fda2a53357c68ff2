//! The pages that load on demand: each is a split point, so its code (and the code only it
//! uses) sits in its own wasm chunk that the router fetches when the page is first opened.
//!
//! The case list, the shell and everything they use stay in the main module, so the page most
//! sessions open first needs no second fetch. The login page is a chunk too: a signed-in
//! session, which is what a case list needs, never opens it. The split itself is done after
//! the build by `scripts/split-wasm.sh` (a Trunk post-build hook); without it these routes
//! could not load, which is why every build goes through that hook.
// The split points are extern imports that the splitter resolves; the macros generate them.
#![allow(unsafe_code)]

use super::{
    ApiKeysPage, CaseDetailPage, ConnectorsPage, CreateCasePage, LoginPage, RolesPage,
    SettingsPage, SpacesPage, UsersPage,
};
use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};
use std::time::Duration;

/// Declares one lazily loaded route per page: `Route => Page` gives a `Route` type for
/// `Lazy::<Route>::new()` whose view renders `<Page/>` from its own chunk.
macro_rules! lazy_pages {
    ($($(#[$doc:meta])* $route:ident => $page:ident),* $(,)?) => {$(
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    /// The sign-in page.
    LoginRoute => LoginPage,
    /// A case's detail page.
    CaseDetailRoute => CaseDetailPage,
    /// The create-case form.
    CreateCaseRoute => CreateCasePage,
    /// A solution's Cases settings.
    SettingsRoute => SettingsPage,
    /// Stack Management › Connectors.
    ConnectorsRoute => ConnectorsPage,
    /// Stack Management › Users.
    UsersRoute => UsersPage,
    /// Stack Management › Roles.
    RolesRoute => RolesPage,
    /// Stack Management › API keys.
    ApiKeysRoute => ApiKeysPage,
    /// Stack Management › Spaces.
    SpacesRoute => SpacesPage,
}

/// Runs `task` (a chunk preload) shortly after the case list's first rows have painted, so the
/// fetch and compile never compete with that paint.
pub fn after_first_rows(task: impl std::future::Future<Output = ()> + 'static) {
    set_timeout(
        move || leptos::task::spawn_local(task),
        Duration::from_millis(300),
    );
}

/// Fetches the chunks of the pages a case list leads to (a case, the create form) once the list
/// has painted, so opening a case does not wait for its code. Called when the first page of
/// rows arrives; the chunks load once per session however often this runs.
pub fn preload_case_pages() {
    after_first_rows(async {
        CaseDetailRoute::preload().await;
        CreateCaseRoute::preload().await;
    });
}
