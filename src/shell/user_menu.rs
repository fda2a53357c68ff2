//! The user menu at the right of the header: who is signed in, the theme (Light, Dark, System),
//! the Stack Management pages (Users, Roles, Spaces for superusers; API keys for everyone) and
//! Sign out (which ends the session, then loads the login page with "You have logged out").

use super::session::{hard_navigate, logged_out_path};
use super::shortcuts::ShortcutHelp;
use crate::client::Client;
use crate::components::avatar::display_name;
use crate::components::{
    Avatar, AvatarSize, ContextMenu, MenuItem, MenuLink, MenuSeparator, MenuTitle,
};
use crate::context::{Theme, use_capabilities, use_current_user, use_theme};
use crate::routes::{AdminPage, Loc, Solution};
use casebook_api::space::DEFAULT_SPACE;
use casebook_api::user::User;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The signed-in user's menu.
#[component]
pub fn UserMenu() -> impl IntoView {
    let me = use_current_user();
    let theme = use_theme();
    let help = use_context::<ShortcutHelp>();
    let name = Signal::derive(move || {
        me.get()
            .map(|u| {
                display_name(&User {
                    full_name: u.full_name,
                    username: Some(u.username),
                    email: u.email,
                    profile_uid: None,
                })
            })
            .unwrap_or_default()
    });
    let caps = use_capabilities();
    let loc = use_context::<Memo<Loc>>();
    let admin_link = move |page: AdminPage| {
        let href = Signal::derive(move || {
            let space = loc.map_or_else(|| DEFAULT_SPACE.to_string(), |l| l.get().space);
            Loc::new(space, Solution::Management).admin(page)
        });
        let test_id = format!("menu-{}", page.label().to_lowercase().replace(' ', "-"));
        view! { <MenuLink href test_id>{page.label()}</MenuLink> }
    };
    let superuser = move || caps.with(|c| c.as_ref().is_some_and(|c| c.superuser));
    let sign_out = move |_| {
        spawn_local(async move {
            // Whatever the answer, the session is unusable afterwards: go to the login page.
            let _ = Client::new(DEFAULT_SPACE).logout().await;
            hard_navigate(&logged_out_path());
        });
    };
    let theme_item = move |t: Theme, label: &'static str| {
        view! {
            <MenuItem
                on_select=move |_| theme.set(t)
                checked=Signal::derive(move || theme.get() == t)
                test_id=format!("theme-{}", t.as_str())
            >
                {label}
            </MenuItem>
        }
    };
    view! {
        <ContextMenu
            trigger=move || view! { <Avatar name size=AvatarSize::Medium decorative=true/> }
            aria_label=Signal::derive(move || format!("User menu ({})", name.get()))
            trigger_class="cb-switcher cb-switcher--user"
            align_right=true
            test_id="user-menu"
        >
            <div class="cb-user-menu__who">
                <Avatar name size=AvatarSize::Large decorative=true/>
                <div class="cb-user-menu__names">
                    <div class="cb-user-menu__name" data-testid="user-menu-name">
                        {move || name.get()}
                    </div>
                    <div class="cb-user-menu__detail">
                        {move || me.get().map(|u| u.email.unwrap_or(u.username))}
                    </div>
                </div>
            </div>
            <MenuSeparator/>
            <MenuTitle label="Theme"/>
            {theme_item(Theme::Light, "Light")}
            {theme_item(Theme::Dark, "Dark")}
            {theme_item(Theme::System, "System")}
            <MenuSeparator/>
            <MenuTitle label="Stack Management"/>
            {move || {
                superuser()
                    .then(|| {
                        AdminPage::ALL
                            .into_iter()
                            .filter(|p| p.superuser_only())
                            .map(admin_link)
                            .collect_view()
                    })
            }}
            {admin_link(AdminPage::ApiKeys)}
            <MenuSeparator/>
            {help
                .map(|ShortcutHelp(open)| {
                    view! {
                        <MenuItem on_select=move |_| open.set(true) test_id="open-shortcuts">
                            "Keyboard shortcuts"
                        </MenuItem>
                    }
                })}
            <MenuItem on_select=sign_out test_id="sign-out">
                "Sign out"
            </MenuItem>
        </ContextMenu>
    }
}
