//! The case sidebar: assignees (add, remove, assign yourself), severity, reporter and
//! participants, then tags, category and custom fields (see [`super::sidebar_fields`]). Every
//! change saves at once through `CaseCtx::patch` and shows up in the activity.

use super::sidebar_fields::{CategoryBlock, CustomFieldsBlock, TagsBlock};
use super::state::CaseCtx;
use crate::components::user_picker::{PickedUser, UserPicker};
use crate::components::{Avatar, AvatarSize, ContextMenu, MenuItem, SeverityBadge};
use crate::context::use_current_user;
use casebook_api::Severity;
use casebook_api::case::Assignee;
use casebook_api::limits::MAX_ASSIGNEES_PER_CASE;
use casebook_api::validate::check_assignees;
use leptos::prelude::*;

/// A titled block of the sidebar.
#[component]
pub fn SideBlock(
    /// The heading.
    #[prop(into)]
    title: String,
    /// `data-testid` of the block.
    #[prop(optional, into)]
    test_id: String,
    /// Buttons on the heading's right.
    #[prop(optional)]
    actions: Option<ChildrenFn>,
    /// The content.
    children: Children,
) -> impl IntoView {
    view! {
        <section class="cb-side-block" data-testid=test_id>
            <div class="cb-side-block__header">
                <h3 class="cb-side-block__title">{title}</h3>
                {actions.map(|a| a())}
            </div>
            {children()}
        </section>
    }
}

/// The whole sidebar.
#[component]
pub fn Sidebar(
    /// The case state.
    ctx: CaseCtx,
) -> impl IntoView {
    view! {
        <div class="cb-sidebar">
            <AssigneesBlock ctx/>
            <SeverityBlock ctx/>
            <PeopleBlocks ctx/>
            <TagsBlock ctx/>
            <CategoryBlock ctx/>
            <super::external::ExternalIncidentBlock ctx/>
            <CustomFieldsBlock ctx/>
        </div>
    }
}

/// Assignees with add, remove and "Assign yourself".
#[component]
fn AssigneesBlock(ctx: CaseCtx) -> impl IntoView {
    let me = use_current_user();
    let uids = Memo::new(move |_| {
        ctx.case.with(|c| {
            c.assignees
                .iter()
                .map(|a| a.uid.clone())
                .collect::<Vec<_>>()
        })
    });
    let known = RwSignal::new(Vec::<PickedUser>::new());
    let name_of = move |uid: &str| {
        known
            .with(|k| k.iter().find(|u| u.uid == uid).map(|u| u.name.clone()))
            .or_else(|| ctx.names().users.get(uid).cloned())
            .unwrap_or_else(|| uid.to_string())
    };
    let save = Action::new_local(move |list: &Vec<String>| {
        let list: Vec<Assignee> = list
            .iter()
            .map(|uid| Assignee { uid: uid.clone() })
            .collect();
        async move {
            match check_assignees(&list) {
                Err(e) => ctx
                    .toaster
                    .error("Could not change the assignees", e.message),
                Ok(list) => {
                    let _ = ctx
                        .patch("change the assignees", |p| p.assignees = Some(Some(list)))
                        .await;
                }
            }
        }
    });
    let add = move |u: PickedUser| {
        let mut list = uids.get_untracked();
        if !list.contains(&u.uid) {
            list.push(u.uid.clone());
            known.update(|k| k.push(u));
            save.dispatch(list);
        }
    };
    let remove = move |uid: String| {
        let list = uids
            .get_untracked()
            .into_iter()
            .filter(|u| *u != uid)
            .collect();
        save.dispatch(list);
    };
    let myself = move || {
        me.get()
            .filter(|m| !m.profile_uid.is_empty() && !uids.with(|u| u.contains(&m.profile_uid)))
            .map(|m| PickedUser {
                uid: m.profile_uid.clone(),
                name: m
                    .full_name
                    .clone()
                    .filter(|n| !n.is_empty())
                    .unwrap_or(m.username.clone()),
            })
    };
    let owner = ctx.case.with_untracked(|c| c.owner);
    let can_assign = move || ctx.caps.with(|c| c.cases_assign);
    view! {
        <SideBlock title="Assignees" test_id="sidebar-assignees">
            <ul class="cb-people" aria-label="Assignees">
                <For each=move || uids.get() key=|u| u.clone() let:uid>
                    <li class="cb-people__item" data-testid="assignee">
                        // Names arrive with the case users; until then the uid shows.
                        <Avatar name=Signal::derive({ let uid = uid.clone(); move || name_of(&uid) })
                            size=AvatarSize::Medium decorative=true/>
                        <span class="cb-people__name">{ let uid = uid.clone(); move || name_of(&uid) }</span>
                        <button
                            type="button"
                            class="cb-icon-btn cb-icon-btn--small"
                            hidden=move || !can_assign()
                            aria-label={ let uid = uid.clone(); move || format!("Unassign {}", name_of(&uid)) }
                            data-testid="unassign"
                            disabled=move || save.pending().get()
                            on:click={
                                let uid = uid.clone();
                                move |_| remove(uid.clone())
                            }
                        >
                            "×"
                        </button>
                    </li>
                </For>
            </ul>
            <Show when=move || uids.with(Vec::is_empty)>
                <p class="cb-text-subdued cb-side-block__empty">"No users are assigned."</p>
            </Show>
            {move || myself().filter(|_| can_assign()).map(|u| view! {
                <button type="button" class="cb-btn cb-btn--link" data-testid="assign-yourself"
                    disabled=move || save.pending().get()
                    on:click=move |_| add(u.clone())>
                    "Assign yourself"
                </button>
            })}
            <Show when=can_assign>
            <UserPicker
                owner
                id="cb-sidebar-assignee-search"
                label="Assign a user"
                exclude=Signal::derive(move || uids.get())
                on_pick=Callback::new(add)
                disabled=Signal::derive(move || uids.with(Vec::len) >= MAX_ASSIGNEES_PER_CASE || save.pending().get())
            />
            </Show>
        </SideBlock>
    }
}

/// Severity, changed from a menu.
#[component]
fn SeverityBlock(ctx: CaseCtx) -> impl IntoView {
    let severity = Signal::derive(move || ctx.case.with(|c| c.severity));
    let save = Action::new_local(move |s: &Severity| {
        let s = *s;
        async move {
            let _ = ctx
                .patch("change the severity", |p| p.severity = Some(s))
                .await;
        }
    });
    let items = move || {
        Severity::ALL
            .map(|s| {
                view! {
                    <MenuItem
                        on_select=Callback::new(move |_| {
                            if s != severity.get_untracked() {
                                save.dispatch(s);
                            }
                        })
                        checked=Signal::derive(move || severity.get() == s)
                        test_id=format!("severity-{}", s.as_str())
                    >
                        <SeverityBadge severity=s test_id=format!("severity-option-{}", s.as_str())/>
                    </MenuItem>
                }
            })
            .collect_view()
    };
    view! {
        <SideBlock title="Severity" test_id="sidebar-severity">
            // Own reactive scope: the shared Popover's close callback is context of the enclosing owner.
            {move || if ctx.can_update() {
                view! {
                    <ContextMenu
                        trigger=move || view! {
                            <span class="cb-visually-hidden">"Severity: "</span>
                            <SeverityBadge severity/>
                            <span class="cb-caret" aria-hidden="true">"▾"</span>
                        }
                        test_id="severity-menu"
                        trigger_class="cb-btn cb-btn--empty cb-btn--block"
                    >
                        {items()}
                    </ContextMenu>
                }
                .into_any()
            } else {
                view! { <SeverityBadge severity test_id="severity-value"/> }.into_any()
            }}
        </SideBlock>
    }
}

/// Reporter and participants.
#[component]
fn PeopleBlocks(ctx: CaseCtx) -> impl IntoView {
    let reporter = move || ctx.case.with(|c| c.created_by.display_name().to_string());
    let participants = move || {
        ctx.users
            .get()
            .flatten()
            .map(|u| {
                u.participants
                    .iter()
                    .map(|p| p.user.display_name().to_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_else(|| vec![reporter()])
    };
    view! {
        <SideBlock title="Reporter" test_id="sidebar-reporter">
            <div class="cb-people__item">
                <Avatar name=Signal::derive(reporter) size=AvatarSize::Medium decorative=true/>
                <span class="cb-people__name">{reporter}</span>
            </div>
        </SideBlock>
        <SideBlock title="Participants" test_id="sidebar-participants">
            <ul class="cb-people">
                {move || participants().into_iter().map(|name| view! {
                    <li class="cb-people__item">
                        <Avatar name=name.clone() size=AvatarSize::Medium decorative=true/>
                        <span class="cb-people__name">{name}</span>
                    </li>
                }).collect_view()}
            </ul>
        </SideBlock>
    }
}
