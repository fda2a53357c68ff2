//! Stack Management › Security › Roles (`/app/management/security/roles`): built-in roles
//! (marked, read-only) and custom ones with a one-line summary of what they grant; create,
//! edit and delete custom roles. Superusers only.

use super::frame::{AdminHeader, AdminLayout};
use super::role_flyout::RoleFlyout;
use super::role_model::{is_reserved, summary};
use super::table::{AdminTable, CreateButton, LoadedList, Panel, loaded_keys, refetched};
use crate::client::Client;
use crate::components::toaster::use_toaster;
use crate::components::{Badge, BadgeColor, ConfirmModal};
use crate::routes::AdminPage;
use casebook_api::security::Role;
use casebook_api::space::DEFAULT_SPACE;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The roles page.
#[component]
pub fn RolesPage() -> impl IntoView {
    view! {
        <AdminLayout page=AdminPage::Roles>
            <RolesContent/>
        </AdminLayout>
    }
}

#[component]
fn RolesContent() -> impl IntoView {
    let toaster = use_toaster();
    let (roles, refresh) = refetched(|| async { Client::new(DEFAULT_SPACE).roles().await });
    let spaces = LocalResource::new(|| async { Client::new(DEFAULT_SPACE).spaces().await });
    let panel = RwSignal::new(None::<Panel<Role>>);
    let deleting = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);

    let on_delete = Callback::new(move |()| {
        let Some(name) = deleting.get_untracked() else {
            return;
        };
        deleting.set(None);
        spawn_local(async move {
            match Client::new(DEFAULT_SPACE).delete_role(&name).await {
                Ok(()) => {
                    toaster.success(format!("Deleted role {name}"));
                    refresh();
                }
                Err(e) => toaster.error(format!("Role {name} could not be deleted"), e.message()),
            }
        });
    });
    let row = move |r: Role| {
        let reserved = is_reserved(&r);
        let (open, open_name, name) = (r.clone(), r.clone(), r.name.clone());
        view! {
            <tr class="cb-table__row" data-testid="role-row" data-role=r.name.clone()>
                <td class="cb-table__cell" data-label="Role">
                    <span class="cb-admin-user">
                    <button type="button" class="cb-btn cb-btn--link cb-table__name"
                        on:click=move |_| panel.set(Some(Panel::Edit(open_name.clone())))>
                        {r.name.clone()}
                    </button>
                    {reserved.then(|| view! {
                        <Badge color=BadgeColor::Hollow title="Built in: can't be changed or deleted" test_id="role-reserved-badge">"Built-in"</Badge>
                    })}
                    </span>
                </td>
                <td class="cb-table__cell cb-admin-wrap" data-label="Description">{r.description.clone().unwrap_or_default()}</td>
                <td class="cb-table__cell cb-admin-wrap cb-text-subdued" data-label="Privileges" data-testid="role-summary">{summary(&r)}</td>
                <td class="cb-table__cell cb-table__cell--actions" data-label="Actions">
                    <button type="button" class="cb-btn cb-btn--small cb-btn--empty"
                        aria-label=format!("{} {}", if reserved { "View" } else { "Edit" }, r.name)
                        data-testid="role-edit"
                        on:click=move |_| panel.set(Some(Panel::Edit(open.clone())))>
                        {if reserved { "View" } else { "Edit" }}
                    </button>
                    {(!reserved).then(|| view! {
                        <button type="button" class="cb-btn cb-btn--small cb-btn--empty cb-btn--danger"
                            aria-label=format!("Delete {name}") data-testid="role-delete"
                            on:click={
                                let name = name.clone();
                                move |_| { deleting.set(Some(name.clone())); confirm_open.set(true); }
                            }>
                            "Delete"
                        </button>
                    })}
                </td>
            </tr>
        }
    };
    let table = move |list: Vec<Role>| {
        view! {
            <AdminTable test_id="roles-table" columns=&["Role", "Description", "Privileges"]>
                {list.into_iter().map(row).collect_view()}
            </AdminTable>
        }
    };
    let on_saved = Callback::new(move |()| {
        panel.set(None);
        refresh();
    });
    view! {
        <AdminHeader page=AdminPage::Roles description="A role grants privileges on Kibana features in some spaces. Give roles to users on the Users page.">
            <CreateButton test_id="create-role" label="Create role" on_click=Callback::new(move |()| panel.set(Some(Panel::Create)))/>
        </AdminHeader>
        <LoadedList resource=roles what="roles" rows=5 columns=3 show=move |list| table(list).into_any()/>
        {move || panel.get().map(|p| {
            let taken = loaded_keys(roles, |r| r.name);
            let spaces = Signal::derive(move || spaces.get().and_then(Result::ok).unwrap_or_default());
            let role = p.stored();
            view! { <RoleFlyout role spaces taken on_saved on_close=Callback::new(move |()| panel.set(None))/> }
        })}
        <ConfirmModal
            open=confirm_open
            title=Signal::derive(move || format!("Delete role {}?", deleting.get().unwrap_or_default()))
            body="Users with this role lose what it grants. This can't be undone."
            confirm_label="Delete role"
            danger=true
            on_confirm=on_delete
            on_cancel=Callback::new(move |()| deleting.set(None))
            test_id="role-confirm"
        />
    }
}
