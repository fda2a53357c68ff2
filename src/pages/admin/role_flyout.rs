//! The role flyout: name and description, the spaces the privileges apply to, a base privilege
//! for every feature or one choice per feature (none/read/all, sub-features for the cases
//! features), built on [`RoleForm`]. Built-in roles open read-only.
//!
//! Rules: the whole form is one signal; inputs are bound attribute by attribute so typing never
//! rebuilds the form. A refused save shows the API's message above the form and keeps it all.

use super::footer::{SaveFooter, save_label};
use super::role_model::{
    ALL_SPACES, Base, FEATURES, Feature, Level, RoleForm, SUB_FEATURES, is_reserved,
};
use crate::client::Client;
use crate::components::flyout::{Flyout, FlyoutBody};
use crate::components::toaster::use_toaster;
use crate::pages::settings::widgets::{Callout, FormRow, Tone};
use casebook_api::security::Role;
use casebook_api::space::{DEFAULT_SPACE, Space};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The flyout for a new role (`role: None`) or a stored one.
#[component]
pub fn RoleFlyout(
    /// The stored role, if editing.
    role: Option<Role>,
    /// The spaces to choose from (they may still be loading).
    spaces: Signal<Vec<Space>>,
    /// Names already used (a new role must differ: the API's PUT replaces).
    taken: Vec<String>,
    /// Called after a save.
    on_saved: Callback<()>,
    /// Closes the flyout.
    on_close: Callback<()>,
) -> impl IntoView {
    let toaster = use_toaster();
    let creating = role.is_none();
    let read_only = role.as_ref().is_some_and(is_reserved);
    let form = RwSignal::new(
        role.as_ref()
            .map_or_else(RoleForm::new, RoleForm::from_role),
    );
    let errors = RwSignal::new(BTreeMap::<&'static str, String>::new());
    let server_error = RwSignal::new(None::<String>);
    let taken = StoredValue::new(taken);
    let save = Action::new_local(move |f: &RoleForm| {
        let f = f.clone();
        async move {
            let name = f.name.trim().to_string();
            match Client::new(DEFAULT_SPACE)
                .put_role(&name, &f.to_request())
                .await
            {
                Ok(()) => {
                    let verb = if creating { "Created" } else { "Updated" };
                    toaster.success(format!("{verb} role {name}"));
                    on_saved.run(());
                }
                Err(e) => server_error.set(Some(e.message())),
            }
        }
    });
    let submit = move || {
        server_error.set(None);
        let f = form.get_untracked();
        let mut e = f.check();
        if creating && taken.with_value(|t| t.iter().any(|n| *n == f.name.trim())) {
            e.insert(
                "name",
                format!("A role named {} already exists.", f.name.trim()),
            );
        }
        let ok = e.is_empty();
        errors.set(e);
        if ok {
            save.dispatch(f);
        }
    };
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    let title = match (&role, read_only) {
        (None, _) => "Create role".to_string(),
        (Some(r), true) => format!("Role {}", r.name),
        (Some(r), false) => format!("Edit role {}", r.name),
    };
    let extra = form.with_untracked(|f| f.extra.len());
    view! {
        <Flyout title on_close wide=true test_id="role-flyout" title_id="cb-role-flyout-title">
            <form class="cb-flyout__form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <FlyoutBody>
                    {read_only.then(|| view! {
                        <Callout tone=Tone::Warning title="This role is built in." test_id="role-reserved">
                            "Built-in roles can't be changed or deleted. Create a role to grant other privileges."
                        </Callout>
                    })}
                    {move || server_error.get().map(|m| view! {
                        <Callout tone=Tone::Danger title="The role could not be saved." test_id="role-save-error">{m}</Callout>
                    })}
                    <FormRow label="Role name" id="cb-role-name" required=true error=err("name")
                        help="Letters, digits and punctuation, no spaces. It can't be changed later.">
                        <input id="cb-role-name" class="cb-input" type="text" autocomplete="off" spellcheck="false"
                            data-testid="role-name" disabled=!creating
                            prop:value=move || form.with(|f| f.name.clone())
                            on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))/>
                    </FormRow>
                    <FormRow label="Description" id="cb-role-description" optional=true>
                        <input id="cb-role-description" class="cb-input" type="text" autocomplete="off"
                            data-testid="role-description" disabled=read_only
                            prop:value=move || form.with(|f| f.description.clone())
                            on:input=move |ev| form.update(|f| f.description = event_target_value(&ev))/>
                    </FormRow>
                    <SpacesPicker form spaces read_only error=err("spaces")/>
                    <fieldset class="cb-fieldset">
                        <legend class="cb-fieldset__legend">"Kibana privileges"</legend>
                        <FormRow label="Privileges for all features" id="cb-role-base"
                            help="All or Read grant every feature, including the ones Casebook adds later. Custom chooses per feature.">
                            <select id="cb-role-base" class="cb-select cb-admin-base" data-testid="role-base" disabled=read_only
                                on:change=move |ev| form.update(|f| f.base = Base::parse(&event_target_value(&ev)))>
                                {[(Base::Custom, "Custom"), (Base::All, "All"), (Base::Read, "Read")].into_iter().map(|(b, label)| view! {
                                    <option value=b.as_str() selected=move || form.with(|f| f.base == b)>{label}</option>
                                }).collect_view()}
                            </select>
                        </FormRow>
                        <Show when=move || form.with(|f| f.base == Base::Custom)>
                            <div class="cb-admin-features" role="group" aria-label="Privileges per feature">
                                {FEATURES.iter().map(|f| view! { <FeatureRow feature=*f form read_only/> }).collect_view()}
                            </div>
                        </Show>
                    </fieldset>
                    {(extra > 0).then(|| view! {
                        <p class="cb-field__help" data-testid="role-extra">
                            {format!("This role has {extra} more privilege group(s) for other spaces; saving keeps them unchanged.")}
                        </p>
                    })}
                </FlyoutBody>
                <SaveFooter on_close test_id="role-save" pending=save.pending() label=save_label(creating, "Create role") read_only/>
            </form>
        </Flyout>
    }
}

/// "All spaces" or a choice of spaces.
#[component]
fn SpacesPicker(
    form: RwSignal<RoleForm>,
    spaces: Signal<Vec<Space>>,
    read_only: bool,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let all = move || form.with(RoleForm::all_spaces);
    let set_all = move |on: bool| {
        form.update(|f| {
            f.spaces.retain(|s| s != ALL_SPACES);
            if on {
                f.spaces = vec![ALL_SPACES.into()];
            }
        })
    };
    let options = move || {
        spaces
        .get()
        .into_iter()
        .map(|s| {
            let id = StoredValue::new(s.id.clone());
            let input_id = format!("cb-role-space-{}", s.id);
            let toggle = move |on: bool| {
                form.update(|f| {
                    f.spaces.retain(|x| *x != id.get_value());
                    if on {
                        f.spaces.push(id.get_value());
                    }
                })
            };
            view! {
                <div class="cb-check">
                    <input class="cb-check__input" type="checkbox" id=input_id.clone()
                        data-testid=format!("role-space-{}", s.id)
                        disabled=move || read_only || all()
                        prop:checked=move || all() || form.with(|f| f.spaces.contains(&id.get_value()))
                        on:change=move |ev| toggle(event_target_checked(&ev))/>
                    <label class="cb-check__label" for=input_id>
                        {s.name.clone()}
                        <span class="cb-admin-option__help">{s.id.clone()}</span>
                    </label>
                </div>
            }
        })
        .collect_view()
    };
    view! {
        <fieldset class="cb-fieldset" class:cb-field--invalid=move || error.with(Option::is_some)>
            <legend class="cb-fieldset__legend">"Spaces"</legend>
            <p class="cb-field__help">"The privileges below apply in these spaces only."</p>
            <div class="cb-check">
                <input class="cb-check__input" type="checkbox" id="cb-role-spaces-all" data-testid="role-spaces-all"
                    disabled=read_only prop:checked=all on:change=move |ev| set_all(event_target_checked(&ev))/>
                <label class="cb-check__label" for="cb-role-spaces-all">"All spaces"
                    <span class="cb-admin-option__help">"Including spaces created later."</span>
                </label>
            </div>
            <div class="cb-admin-spaces">{options}</div>
            {move || error.get().map(|e| view! { <div class="cb-field__error" data-testid="field-error">{e}</div> })}
        </fieldset>
    }
}

/// One feature: its level and, for the cases features, the sub-features.
#[component]
fn FeatureRow(feature: Feature, form: RwSignal<RoleForm>, read_only: bool) -> impl IntoView {
    let id = feature.id;
    let grant = move || form.with(|f| f.features.get(id).cloned().unwrap_or_default());
    let edit = move |g: &dyn Fn(&mut super::role_model::FeatureGrant)| {
        form.update(|f| {
            if let Some(x) = f.features.get_mut(id) {
                g(x)
            }
        })
    };
    let select_id = format!("cb-role-feature-{id}");
    let custom_id = format!("cb-role-custom-{id}");
    let subs = move || {
        SUB_FEATURES
        .iter()
        .map(|&(sub, label)| {
            let input_id = format!("cb-role-sub-{id}-{sub}");
            view! {
                <div class="cb-check">
                    <input class="cb-check__input" type="checkbox" id=input_id.clone()
                        data-testid=format!("role-sub-{id}-{sub}") disabled=read_only
                        prop:checked=move || grant().subs.contains(sub)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit(&|g| {
                                if on { g.subs.insert(sub.to_string()); } else { g.subs.remove(sub); }
                            });
                        }/>
                    <label class="cb-check__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view()
    };
    view! {
        <div class="cb-admin-feature" data-testid=format!("role-feature-row-{id}")>
            <label class="cb-admin-feature__name" for=select_id.clone()>{feature.label}</label>
            <select id=select_id class="cb-select cb-select--compact cb-admin-feature__level"
                data-testid=format!("role-feature-{id}") disabled=read_only
                on:change=move |ev| {
                    let level = Level::parse(&event_target_value(&ev));
                    edit(&|g| g.level = level);
                }>
                {[(Level::None, "None"), (Level::Read, "Read"), (Level::All, "All")].into_iter().map(|(l, label)| view! {
                    <option value=l.as_str() selected=move || grant().level == l>{label}</option>
                }).collect_view()}
            </select>
            {feature.cases.then(|| view! {
                <Show when=move || grant().level != Level::None>
                    <div class="cb-admin-feature__subs">
                        <div class="cb-check">
                            <input class="cb-check__input" type="checkbox" id=custom_id.clone()
                                data-testid=format!("role-custom-{id}") disabled=read_only
                                prop:checked=move || grant().custom
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    edit(&|g| g.set_custom(on));
                                }/>
                            <label class="cb-check__label" for=custom_id.clone()>"Customize sub-feature privileges"</label>
                        </div>
                        <Show when=move || grant().custom>
                            <div class="cb-admin-feature__sublist">{subs()}</div>
                        </Show>
                    </div>
                </Show>
            })}
        </div>
    }
}
