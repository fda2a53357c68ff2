//! Stack Management › Kibana › Spaces (`/app/management/kibana/spaces`): every space with its
//! avatar, identifier and description; create, edit and delete. Superusers only.
//!
//! Rules: the default space can't be deleted (no Delete button; the server refuses too).
//! Deleting a space deletes its cases, so the confirmation says so.

use super::frame::{AdminHeader, AdminLayout};
use super::space_flyout::SpaceFlyout;
use super::table::{AdminTable, CreateButton, LoadedList, Panel, loaded_keys, refetched};
use crate::client::Client;
use crate::components::toaster::use_toaster;
use crate::components::{Avatar, AvatarKind, AvatarSize, Badge, BadgeColor, ConfirmModal};
use crate::context::use_loc;
use crate::routes::{AdminPage, Loc, Solution};
use casebook_api::space::{DEFAULT_SPACE, Space};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The spaces page.
#[component]
pub fn SpacesPage() -> impl IntoView {
    view! {
        <AdminLayout page=AdminPage::Spaces>
            <SpacesContent/>
        </AdminLayout>
    }
}

#[component]
fn SpacesContent() -> impl IntoView {
    let toaster = use_toaster();
    let loc = use_loc();
    let (spaces, refetch) = refetched(|| async { Client::new(DEFAULT_SPACE).spaces().await });
    // The header's space switcher lists spaces too.
    let changed = crate::context::SpacesChanged::get();
    let refresh = move || {
        refetch();
        changed.bump();
    };
    let panel = RwSignal::new(None::<Panel<Space>>);
    let deleting = RwSignal::new(None::<Space>);
    let confirm_open = RwSignal::new(false);
    let on_delete = Callback::new(move |()| {
        let Some(s) = deleting.get_untracked() else {
            return;
        };
        deleting.set(None);
        spawn_local(async move {
            match Client::new(DEFAULT_SPACE).delete_space(&s.id).await {
                Ok(()) => {
                    toaster.success(format!("Deleted space {}", s.name));
                    refresh();
                }
                Err(e) => toaster.error(
                    format!("Space {} could not be deleted", s.name),
                    e.message(),
                ),
            }
        });
    });
    let row = move |s: Space| {
        let is_default = s.id == DEFAULT_SPACE;
        let is_current = loc.with_untracked(|l| l.space == s.id);
        let (edit, edit_name, del) = (s.clone(), s.clone(), s.clone());
        let cases = Loc::new(s.id.clone(), Solution::Management).list();
        view! {
            <tr class="cb-table__row" data-testid="space-row" data-space=s.id.clone()>
                <td class="cb-table__cell" data-label="Space">
                    <span class="cb-admin-user">
                        <Avatar name=s.name.clone() initials_override=s.initials.clone() color=s.color.clone()
                            kind=AvatarKind::Space size=AvatarSize::Large decorative=true/>
                        <span class="cb-admin-space">
                            <button type="button" class="cb-btn cb-btn--link cb-table__name" data-testid="space-name-link"
                                on:click=move |_| panel.set(Some(Panel::Edit(edit_name.clone())))>
                                {s.name.clone()}
                            </button>
                            <span class="cb-admin-option__help">{s.description.clone().unwrap_or_default()}</span>
                        </span>
                        {is_current.then(|| view! { <Badge color=BadgeColor::Primary>"Current"</Badge> })}
                    </span>
                </td>
                <td class="cb-table__cell" data-label="Identifier"><code class="cb-code">{s.id.clone()}</code></td>
                <td class="cb-table__cell" data-label="Cases"><a href=cases>"Open cases"</a></td>
                <td class="cb-table__cell cb-table__cell--actions" data-label="Actions">
                    <button type="button" class="cb-btn cb-btn--small cb-btn--empty" aria-label=format!("Edit {}", s.name)
                        data-testid="space-edit" on:click=move |_| panel.set(Some(Panel::Edit(edit.clone())))>
                        "Edit"
                    </button>
                    {if is_default {
                        view! {
                            <span class="cb-admin-note" title="The default space is reserved and can't be deleted">"Reserved"</span>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="cb-btn cb-btn--small cb-btn--empty cb-btn--danger"
                                aria-label=format!("Delete {}", s.name) data-testid="space-delete"
                                on:click=move |_| { deleting.set(Some(del.clone())); confirm_open.set(true); }>
                                "Delete"
                            </button>
                        }.into_any()
                    }}
                </td>
            </tr>
        }
    };
    let table = move |list: Vec<Space>| {
        view! {
            <AdminTable test_id="spaces-table" columns=&["Space", "Identifier", "Cases"]>
                {list.into_iter().map(row).collect_view()}
            </AdminTable>
        }
    };
    let on_saved = Callback::new(move |()| {
        panel.set(None);
        refresh();
    });
    view! {
        <AdminHeader page=AdminPage::Spaces description="Spaces keep cases, settings and connectors apart, for example per team. Roles grant privileges per space.">
            <CreateButton test_id="create-space" label="Create space" on_click=Callback::new(move |()| panel.set(Some(Panel::Create)))/>
        </AdminHeader>
        <LoadedList resource=spaces what="spaces" rows=3 columns=3 show=move |list| table(list).into_any()/>
        {move || panel.get().map(|p| {
            let taken = loaded_keys(spaces, |s| s.id);
            let space = p.stored();
            view! { <SpaceFlyout space taken on_saved on_close=Callback::new(move |()| panel.set(None))/> }
        })}
        <ConfirmModal
            open=confirm_open
            title=Signal::derive(move || format!("Delete space {}?", deleting.get().map(|s| s.name).unwrap_or_default()))
            body="Its cases, comments, settings and connectors are deleted with it. This can't be undone."
            confirm_label="Delete space"
            danger=true
            on_confirm=on_delete
            on_cancel=Callback::new(move |()| deleting.set(None))
            test_id="space-confirm"
        />
    }
}
