//! The frame around a solution's pages: the header (solution switcher, space switcher, user
//! menu), breadcrumbs, keyboard shortcuts and their `?` overlay.
//!
//! The shell provides to the pages below it: the [`crate::routes::Loc`] (space + solution),
//! the trailing breadcrumb ([`use_breadcrumb`]) and table key presses ([`use_table_keys`]).
//! Header layout collapses on narrow screens (labels hide, avatars stay).

pub mod breadcrumbs;
pub mod header;
pub mod session;
pub mod shortcuts;
pub mod switchers;
pub mod user_menu;

pub use breadcrumbs::{PageCrumb, use_breadcrumb};
pub use header::{BareHeader, Header};
pub use shortcuts::{TableKey, TableKeyPress, is_typing_target, use_table_keys};

use crate::context::{provide_capabilities, provide_loc};
use crate::routes::Solution;
use breadcrumbs::Breadcrumbs;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_navigate;
use shortcuts::{Action, ShortcutHelp, ShortcutHelpModal, TableKeys};

/// Header, breadcrumbs and shortcuts around a solution's pages.
#[component]
pub fn SolutionShell(
    /// The solution shown in the outlet.
    solution: Solution,
) -> impl IntoView {
    let loc = provide_loc(solution);
    provide_capabilities(loc);
    provide_context(solution);
    provide_context(PageCrumb::from_router());
    let help = RwSignal::new(false);
    provide_context(ShortcutHelp(help));
    let table_keys = RwSignal::new(None::<TableKeyPress>);
    provide_context(TableKeys(table_keys));

    let navigate = use_navigate();
    shortcuts::listen(move |action| match action {
        Action::ToggleHelp => help.update(|h| *h = !*h),
        Action::FocusSearch => shortcuts::focus_search(),
        Action::CreateCase => navigate(&loc.get_untracked().create(), Default::default()),
        Action::GoTo(sol) => navigate(
            &loc.get_untracked().with_solution(sol).list(),
            Default::default(),
        ),
        Action::Table(key) => table_keys.update(|k| {
            let seq = k.map_or(1, |p| p.seq + 1);
            *k = Some(TableKeyPress { key, seq });
        }),
    });

    view! {
        <Header/>
        <div class="cb-subheader">
            <Breadcrumbs/>
        </div>
        <main class="cb-main" id="cb-main" tabindex="-1">
            <Outlet/>
        </main>
        <ShortcutHelpModal/>
    }
}
