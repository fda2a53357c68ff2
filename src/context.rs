//! App-wide services provided as context at the top of `App`: where the user is ([`Loc`]),
//! the API client for that space, the signed-in user and the theme.

use crate::client::{Client, ClientError};
use crate::routes::{Loc, Solution, space_of_path};
use casebook_api::security::{AuthenticatedUser, Capabilities, CasesCapabilities};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The current space and solution, provided by each solution's shell.
pub fn use_loc() -> Memo<Loc> {
    expect_context::<Memo<Loc>>()
}

/// Provides the [`Loc`] of a solution's pages, following the URL's space.
pub fn provide_loc(solution: Solution) -> Memo<Loc> {
    let location = use_location();
    let loc = Memo::new(move |_| Loc::new(space_of_path(&location.pathname.get()), solution));
    provide_context(loc);
    loc
}

/// The API client of the current space (reactive: re-read when the space changes).
pub fn use_client() -> Signal<Client> {
    let loc = use_loc();
    Signal::derive(move || Client::new(loc.get().space))
}

/// The signed-in user, loaded once per page load.
#[derive(Clone, Copy)]
pub struct CurrentUser(pub LocalResource<Result<AuthenticatedUser, ClientError>>);

/// The signed-in user from context (`None` while loading or signed out).
pub fn use_current_user() -> Signal<Option<AuthenticatedUser>> {
    let CurrentUser(r) = expect_context::<CurrentUser>();
    Signal::derive(move || r.get().and_then(|r| r.ok()))
}

/// What the signed-in user may do in the current space, loaded by each solution's shell (and
/// reloaded when the space changes). The server enforces every rule; the UI only hides or
/// disables what would be refused, and says why.
#[derive(Clone, Copy)]
pub struct CurrentCapabilities(pub LocalResource<Result<Capabilities, ClientError>>);

/// Loads the capabilities of the [`Loc`]'s space and provides them (called by the shell).
pub fn provide_capabilities(loc: Memo<Loc>) {
    let caps = LocalResource::new(move || {
        let space = loc.get().space;
        async move { Client::new(space).capabilities().await }
    });
    provide_context(CurrentCapabilities(caps));
}

/// The capabilities in the current space: `None` while they load (or outside a shell).
pub fn use_capabilities() -> Signal<Option<Capabilities>> {
    let caps = use_context::<CurrentCapabilities>();
    Signal::derive(move || caps.and_then(|CurrentCapabilities(r)| r.get().and_then(|r| r.ok())))
}

/// What the user may do with the current solution's cases. Everything is `false` while the
/// capabilities load, so no action shows that would then vanish.
pub fn use_case_caps() -> Signal<CasesCapabilities> {
    let caps = use_capabilities();
    let loc = use_loc();
    Signal::derive(move || {
        let owner = loc.get().solution.owner();
        caps.with(|c| {
            c.as_ref()
                .and_then(|c| c.cases.get(owner).cloned())
                .unwrap_or_default()
        })
    })
}

/// The colour theme the user picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the operating system.
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    /// Parses a stored name (anything unknown is `System`).
    pub fn parse(s: &str) -> Self {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// Key of the theme in localStorage.
pub const THEME_KEY: &str = "casebook.theme";

/// Reads a localStorage value (None natively or when storage is unavailable).
pub fn local_get(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(key)
            .ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Writes a localStorage value (ignored natively or when storage is unavailable).
pub fn local_set(key: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(key, value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

/// Applies a theme to `<html data-theme>` and remembers it.
pub fn apply_theme(theme: Theme) {
    local_set(THEME_KEY, theme.as_str());
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            Theme::System => el.remove_attribute("data-theme"),
            t => el.set_attribute("data-theme", t.as_str()),
        };
    }
}

/// Provides the toaster, the current user and the theme.
pub fn provide_app_context() {
    provide_context(crate::components::Toaster::new());
    let me = LocalResource::new(|| async { Client::new("default").me().await });
    provide_context(CurrentUser(me));
    provide_context(SpacesChanged(RwSignal::new(0)));
    let theme = RwSignal::new(Theme::parse(&local_get(THEME_KEY).unwrap_or_default()));
    Effect::new(move |_| apply_theme(theme.get()));
    provide_context(theme);
}

/// Bumped whenever a space is created, edited or deleted, so every list of spaces (the header's
/// switcher) loads again instead of showing the list from when the app started.
#[derive(Clone, Copy)]
pub struct SpacesChanged(pub RwSignal<u64>);

impl SpacesChanged {
    /// The counter from context.
    pub fn get() -> Self {
        expect_context::<Self>()
    }

    /// Tells the space lists to load again.
    pub fn bump(self) {
        self.0.update(|v| *v += 1);
    }
}

/// The theme signal from context.
pub fn use_theme() -> RwSignal<Theme> {
    expect_context::<RwSignal<Theme>>()
}
