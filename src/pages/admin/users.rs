//! Stack Management › Security › Users (`/app/management/security/users`): every user with
//! their roles and whether they may sign in; create, edit, reset a password, disable or enable,
//! delete. Superusers only.
//!
//! Rules: the signed-in user cannot disable or delete themselves (the menu leaves it out).
//! Deleting keeps the account as a disabled user without roles, so cases keep showing who
//! did what; the list says so. Every change refetches the list.

use super::frame::{AdminHeader, AdminLayout};
use super::table::{AdminTable, CreateButton, LoadedList, Panel, loaded_keys, refetched};
use super::user_flyout::{PasswordModal, UserFlyout};
use crate::client::Client;
use crate::components::toaster::use_toaster;
use crate::components::{
    Avatar, AvatarSize, Badge, BadgeColor, ConfirmModal, ContextMenu, EmptyState, MenuItem,
    MenuSeparator,
};
use crate::context::use_current_user;
use crate::routes::AdminPage;
use casebook_api::security::{UserInfo, UserRequest};
use casebook_api::space::DEFAULT_SPACE;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A change that needs a confirmation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Risky {
    Disable,
    Delete,
}

/// The confirmation's title, body and button for `what` on `username`.
fn confirm_text(what: Risky, username: &str) -> (String, String, &'static str) {
    match what {
        Risky::Disable => (
            format!("Disable {username}?"),
            "They are signed out everywhere and can't sign in until you enable them again. Their API keys stop working.".into(),
            "Disable user",
        ),
        Risky::Delete => (
            format!("Delete {username}?"),
            "They lose their roles and can no longer sign in. Cases keep showing their name. This can't be undone.".into(),
            "Delete user",
        ),
    }
}

/// The users page.
#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <AdminLayout page=AdminPage::Users>
            <UsersContent/>
        </AdminLayout>
    }
}

#[component]
fn UsersContent() -> impl IntoView {
    let toaster = use_toaster();
    let me = use_current_user();
    let (users, refresh) = refetched(|| async { Client::new(DEFAULT_SPACE).users().await });
    let panel = RwSignal::new(None::<Panel<UserInfo>>);
    let resetting = RwSignal::new(None::<UserInfo>);
    let pending = RwSignal::new(None::<(UserInfo, Risky)>);
    let confirm_open = RwSignal::new(false);

    let set_enabled = move |u: UserInfo, enabled: bool| {
        spawn_local(async move {
            let req = UserRequest {
                roles: u.roles.clone(),
                enabled: Some(enabled),
                ..UserRequest::default()
            };
            match Client::new(DEFAULT_SPACE).put_user(&u.username, &req).await {
                Ok(_) => {
                    let verb = if enabled { "Enabled" } else { "Disabled" };
                    toaster.success(format!("{verb} {}", u.username));
                    refresh();
                }
                Err(e) => {
                    toaster.error(format!("{} could not be changed", u.username), e.message())
                }
            }
        });
    };
    let on_confirm = Callback::new(move |()| {
        let Some((u, what)) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        match what {
            Risky::Disable => set_enabled(u, false),
            Risky::Delete => spawn_local(async move {
                match Client::new(DEFAULT_SPACE).delete_user(&u.username).await {
                    Ok(()) => {
                        toaster.success(format!("Deleted {}", u.username));
                        refresh();
                    }
                    Err(e) => {
                        toaster.error(format!("{} could not be deleted", u.username), e.message())
                    }
                }
            }),
        }
    });
    let ask = move |u: UserInfo, what: Risky| {
        pending.set(Some((u, what)));
        confirm_open.set(true);
    };
    let text = move || {
        pending
            .get()
            .map(|(u, w)| confirm_text(w, &u.username))
            .unwrap_or_else(|| (String::new(), String::new(), ""))
    };

    let row = move |u: UserInfo| {
        let own = me.with(|m| m.as_ref().is_some_and(|m| m.username == u.username));
        let name = u
            .full_name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| u.username.clone());
        let (edit, edit_name, reset, toggle, delete) =
            (u.clone(), u.clone(), u.clone(), u.clone(), u.clone());
        let enabled = u.enabled;
        let roles = if u.roles.is_empty() {
            view! { <span class="cb-text-subdued">"No roles"</span> }.into_any()
        } else {
            u.roles
                .clone()
                .into_iter()
                .map(|r| view! { <Badge color=BadgeColor::Hollow>{r}</Badge> })
                .collect_view()
                .into_any()
        };
        view! {
            <tr class="cb-table__row" data-testid="user-row" data-username=u.username.clone()>
                <td class="cb-table__cell" data-label="Username">
                    <span class="cb-admin-user">
                        <Avatar name=name size=AvatarSize::Medium decorative=true/>
                        <button
                            type="button"
                            class="cb-btn cb-btn--link cb-table__name"
                            on:click=move |_| panel.set(Some(Panel::Edit(edit_name.clone())))
                        >
                            {u.username.clone()}
                        </button>
                    </span>
                </td>
                <td class="cb-table__cell cb-admin-nowrap" data-label="Full name">{u.full_name.clone().unwrap_or_default()}</td>
                <td class="cb-table__cell cb-admin-wrap" data-label="Email">{u.email.clone().unwrap_or_default()}</td>
                <td class="cb-table__cell" data-label="Roles">
                    <span class="cb-admin-badges" data-testid="user-roles">{roles}</span>
                </td>
                <td class="cb-table__cell" data-label="Status" data-testid="user-status">
                    {if enabled {
                        view! { <Badge color=BadgeColor::Success>"Enabled"</Badge> }.into_any()
                    } else {
                        view! { <Badge color=BadgeColor::Default>"Disabled"</Badge> }.into_any()
                    }}
                </td>
                <td class="cb-table__cell cb-table__cell--actions" data-label="Actions">
                    // Own reactive scope per menu: the Popover provides its close callback as
                    // context in the enclosing owner, so menus sharing one would close each other's.
                    {move || {
                    let (edit, reset, toggle, delete) = (edit.clone(), reset.clone(), toggle.clone(), delete.clone());
                    view! {
                    <ContextMenu
                        trigger=|| view! { <span aria-hidden="true">"⋯"</span> }
                        aria_label=format!("Actions for {}", edit.username)
                        trigger_class="cb-icon-btn"
                        align_right=true
                        test_id="user-actions"
                    >
                        <MenuItem on_select=Callback::new({ let e = edit.clone(); move |_| panel.set(Some(Panel::Edit(e.clone()))) }) test_id="user-edit">
                            "Edit user"
                        </MenuItem>
                        <MenuItem on_select=Callback::new({ let r = reset.clone(); move |_| resetting.set(Some(r.clone())) }) test_id="user-reset-password">
                            "Reset password"
                        </MenuItem>
                        {(!own).then(|| {
                            let (toggle, delete) = (toggle.clone(), delete.clone());
                            view! {
                                <MenuSeparator/>
                                {if enabled {
                                    view! {
                                        <MenuItem on_select=Callback::new(move |_| ask(toggle.clone(), Risky::Disable)) test_id="user-disable">
                                            "Disable user"
                                        </MenuItem>
                                    }.into_any()
                                } else {
                                    view! {
                                        <MenuItem on_select=Callback::new(move |_| set_enabled(toggle.clone(), true)) test_id="user-enable">
                                            "Enable user"
                                        </MenuItem>
                                    }.into_any()
                                }}
                                <MenuItem on_select=Callback::new(move |_| ask(delete.clone(), Risky::Delete)) danger=true test_id="user-delete">
                                    "Delete user"
                                </MenuItem>
                            }
                        })}
                    </ContextMenu>
                    }
                    }}
                </td>
            </tr>
        }
    };
    let table = move |list: Vec<UserInfo>| {
        if list.is_empty() {
            return view! { <EmptyState title="No users yet" test_id="users-empty"/> }.into_any();
        }
        view! {
            <AdminTable test_id="users-table" columns=&["Username", "Full name", "Email", "Roles", "Status"]>
                {list.into_iter().map(row).collect_view()}
            </AdminTable>
        }
        .into_any()
    };
    let on_saved = Callback::new(move |()| {
        panel.set(None);
        refresh();
    });
    view! {
        <AdminHeader page=AdminPage::Users description="People who can sign in to Casebook, and the roles that decide what they may do.">
            <CreateButton test_id="create-user" label="Create user" on_click=Callback::new(move |()| panel.set(Some(Panel::Create)))/>
        </AdminHeader>
        <LoadedList resource=users what="users" rows=4 columns=5 show=table/>
        {move || panel.get().map(|p| {
            let taken = loaded_keys(users, |u| u.username);
            view! { <UserFlyout user=p.stored() taken on_saved on_close=Callback::new(move |()| panel.set(None))/> }
        })}
        {move || resetting.get().map(|u| view! {
            <PasswordModal username=u.username on_close=Callback::new(move |()| resetting.set(None))/>
        })}
        <ConfirmModal
            open=confirm_open
            title=Signal::derive(move || text().0)
            body=Signal::derive(move || text().1)
            confirm_label=Signal::derive(move || text().2.to_string())
            danger=true
            on_confirm
            on_cancel=Callback::new(move |()| pending.set(None))
            test_id="user-confirm"
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirmations_say_what_happens() {
        let (title, body, label) = confirm_text(Risky::Disable, "ann");
        assert_eq!(title, "Disable ann?");
        assert!(body.contains("can't sign in"));
        assert_eq!(label, "Disable user");
        let (title, body, _) = confirm_text(Risky::Delete, "ann");
        assert_eq!(title, "Delete ann?");
        assert!(body.contains("can't be undone"));
    }
}
