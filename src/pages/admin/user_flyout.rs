//! The user flyout (create: username and password too; edit: full name, email and roles) and
//! the reset-password dialog.
//!
//! Rules: inputs are checked before sending (username, password of at least 6 characters typed
//! twice alike, a new username not already taken, since the API's POST also updates); a refused
//! save shows the server's message above the form and keeps every input.

use super::footer::{SaveFooter, save_label};
use super::role_model::is_reserved;
use crate::client::Client;
use crate::components::flyout::{Flyout, FlyoutBody};
use crate::components::toaster::use_toaster;
use crate::components::{Badge, BadgeColor, Modal, ModalSize, SkeletonRows};
use crate::pages::settings::widgets::{Callout, FormRow, Tone};
use casebook_api::security::{Role, UserInfo, UserRequest};
use casebook_api::space::DEFAULT_SPACE;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The shortest password the server accepts.
pub const MIN_PASSWORD: usize = 6;

/// Checks a new password and its confirmation: field key → message.
pub fn check_password(password: &str, confirm: &str) -> BTreeMap<&'static str, String> {
    let mut e = BTreeMap::new();
    if password.chars().count() < MIN_PASSWORD {
        e.insert(
            "password",
            format!("Use at least {MIN_PASSWORD} characters."),
        );
    } else if password != confirm {
        e.insert("confirm", "The passwords don't match.".to_string());
    }
    e
}

/// Checks a new user's username against the stored ones.
pub fn check_username(username: &str, taken: &[String]) -> Option<String> {
    let u = username.trim();
    if u.is_empty() {
        Some("Username is required.".into())
    } else if taken.iter().any(|t| t == u) {
        Some(format!("A user named {u} already exists."))
    } else {
        None
    }
}

/// The flyout for a new user (`user: None`) or a stored one.
#[component]
pub fn UserFlyout(
    /// The stored user, if editing.
    user: Option<UserInfo>,
    /// The usernames already stored (a new one must differ).
    taken: Vec<String>,
    /// Called after a save.
    on_saved: Callback<()>,
    /// Closes the flyout.
    on_close: Callback<()>,
) -> impl IntoView {
    let toaster = use_toaster();
    let stored = user;
    let creating = stored.is_none();
    let username = RwSignal::new(
        stored
            .as_ref()
            .map(|u| u.username.clone())
            .unwrap_or_default(),
    );
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let full_name = RwSignal::new(
        stored
            .as_ref()
            .and_then(|u| u.full_name.clone())
            .unwrap_or_default(),
    );
    let email = RwSignal::new(
        stored
            .as_ref()
            .and_then(|u| u.email.clone())
            .unwrap_or_default(),
    );
    let chosen = RwSignal::new(stored.as_ref().map(|u| u.roles.clone()).unwrap_or_default());
    let errors = RwSignal::new(BTreeMap::<&'static str, String>::new());
    let server_error = RwSignal::new(None::<String>);
    let roles = LocalResource::new(|| async { Client::new(DEFAULT_SPACE).roles().await });
    let taken = StoredValue::new(taken);

    let save = Action::new_local(move |req: &(String, UserRequest)| {
        let (name, req) = req.clone();
        async move {
            match Client::new(DEFAULT_SPACE).put_user(&name, &req).await {
                Ok(u) => {
                    let verb = if creating { "Created" } else { "Updated" };
                    toaster.success(format!("{verb} user {}", u.username));
                    on_saved.run(());
                }
                Err(e) => server_error.set(Some(e.message())),
            }
        }
    });
    let submit = move || {
        server_error.set(None);
        let mut e = BTreeMap::new();
        if creating {
            if let Some(m) = taken.with_value(|t| check_username(&username.get_untracked(), t)) {
                e.insert("username", m);
            }
            e.extend(check_password(
                &password.get_untracked(),
                &confirm.get_untracked(),
            ));
        }
        let ok = e.is_empty();
        errors.set(e);
        if !ok {
            return;
        }
        let req = UserRequest {
            password: creating.then(|| password.get_untracked()),
            roles: chosen.get_untracked(),
            full_name: Some(full_name.get_untracked().trim().to_string()),
            email: Some(email.get_untracked().trim().to_string()),
            ..UserRequest::default()
        };
        save.dispatch((username.get_untracked().trim().to_string(), req));
    };
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    let title = if creating {
        "Create user".to_string()
    } else {
        format!("Edit user {}", username.get_untracked())
    };

    view! {
        <Flyout title on_close test_id="user-flyout" title_id="cb-user-flyout-title">
            <form class="cb-flyout__form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <FlyoutBody>
                    {move || server_error.get().map(|m| view! {
                        <Callout tone=Tone::Danger title="The user could not be saved." test_id="user-save-error">{m}</Callout>
                    })}
                    {creating.then(|| view! {
                        <FormRow label="Username" id="cb-user-username" required=true error=err("username")>
                            <input id="cb-user-username" class="cb-input" type="text" autocomplete="off" autocapitalize="none" spellcheck="false" data-testid="user-username" bind:value=username/>
                        </FormRow>
                        <FormRow label="Password" id="cb-user-password" required=true error=err("password") help=format!("At least {MIN_PASSWORD} characters.")>
                            <input id="cb-user-password" class="cb-input" type="password" autocomplete="new-password" data-testid="user-password" bind:value=password/>
                        </FormRow>
                        <FormRow label="Confirm password" id="cb-user-confirm" required=true error=err("confirm")>
                            <input id="cb-user-confirm" class="cb-input" type="password" autocomplete="new-password" data-testid="user-confirm" bind:value=confirm/>
                        </FormRow>
                    })}
                    <FormRow label="Full name" id="cb-user-full-name" optional=true>
                        <input id="cb-user-full-name" class="cb-input" type="text" autocomplete="off" data-testid="user-full-name" bind:value=full_name/>
                    </FormRow>
                    <FormRow label="Email address" id="cb-user-email" optional=true>
                        <input id="cb-user-email" class="cb-input" type="email" autocomplete="off" data-testid="user-email" bind:value=email/>
                    </FormRow>
                    <fieldset class="cb-fieldset cb-admin-roles">
                        <legend class="cb-fieldset__legend">"Roles"</legend>
                        <p class="cb-field__help">"What the user may do. Without a role they can sign in but see nothing."</p>
                        <Suspense fallback=|| view! { <SkeletonRows rows=3 columns=1/> }>
                            {move || roles.get().map(|r| match r {
                                Ok(list) => view! { <RolePicker roles=list chosen/> }.into_any(),
                                Err(e) => view! { <Callout tone=Tone::Danger title="The roles could not be loaded.">{e.message()}</Callout> }.into_any(),
                            })}
                        </Suspense>
                    </fieldset>
                </FlyoutBody>
                <SaveFooter on_close test_id="user-save" pending=save.pending() label=save_label(creating, "Create user")/>
            </form>
        </Flyout>
    }
}

/// One checkbox per role, with its description; built-in roles are marked.
#[component]
fn RolePicker(roles: Vec<Role>, chosen: RwSignal<Vec<String>>) -> impl IntoView {
    roles
        .into_iter()
        .map(|r| {
            let id = format!("cb-user-role-{}", r.name);
            let name = StoredValue::new(r.name.clone());
            let checked = move || chosen.with(|c| c.contains(&name.get_value()));
            let toggle = move |on: bool| {
                chosen.update(|c| {
                    c.retain(|x| *x != name.get_value());
                    if on {
                        c.push(name.get_value());
                    }
                })
            };
            view! {
                <div class="cb-check cb-admin-option">
                    <input class="cb-check__input" type="checkbox" id=id.clone()
                        data-testid=format!("role-option-{}", r.name)
                        prop:checked=checked
                        on:change=move |ev| toggle(event_target_checked(&ev))/>
                    <label class="cb-check__label" for=id>
                        <span class="cb-admin-option__name">{r.name.clone()}</span>
                        {is_reserved(&r).then(|| view! { <Badge color=BadgeColor::Hollow>"Built-in"</Badge> })}
                        {r.description.clone().map(|d| view! { <span class="cb-admin-option__help">{d}</span> })}
                    </label>
                </div>
            }
        })
        .collect_view()
}

/// Sets a new password for `username` (as an administrator: the current one is not asked).
#[component]
pub fn PasswordModal(
    /// Whose password.
    username: String,
    /// Called when the dialog closes (saved or not).
    on_close: Callback<()>,
) -> impl IntoView {
    let toaster = use_toaster();
    let open = RwSignal::new(true);
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(BTreeMap::<&'static str, String>::new());
    let server_error = RwSignal::new(None::<String>);
    let user = StoredValue::new(username.clone());
    let save = Action::new_local(move |p: &String| {
        let p = p.clone();
        async move {
            let name = user.get_value();
            match Client::new(DEFAULT_SPACE).reset_password(&name, &p).await {
                Ok(()) => {
                    toaster.success(format!("Password of {name} changed"));
                    open.set(false);
                    on_close.run(());
                }
                Err(e) => server_error.set(Some(e.message())),
            }
        }
    });
    let submit = move || {
        server_error.set(None);
        let e = check_password(&password.get_untracked(), &confirm.get_untracked());
        let ok = e.is_empty();
        errors.set(e);
        if ok {
            save.dispatch(password.get_untracked());
        }
    };
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    let footer = ViewFn::from(move || {
        view! {
            <button type="button" class="cb-btn cb-btn--empty" on:click=move |_| { open.set(false); on_close.run(()); }>"Cancel"</button>
            <button type="button" class="cb-btn cb-btn--fill" data-testid="password-save" disabled=move || save.pending().get() on:click=move |_| submit()>
                "Reset password"
            </button>
        }
    });
    view! {
        <Modal open title=format!("Reset password of {username}") on_close footer size=ModalSize::Small test_id="password-modal">
            <form class="cb-form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                {move || server_error.get().map(|m| view! { <p class="cb-field__error" role="alert">{m}</p> })}
                <p class="cb-text-subdued">"The user is signed out everywhere and signs in with the new password."</p>
                <FormRow label="New password" id="cb-reset-password" required=true error=err("password")>
                    <input id="cb-reset-password" class="cb-input" type="password" autocomplete="new-password" data-testid="password-new" bind:value=password/>
                </FormRow>
                <FormRow label="Confirm password" id="cb-reset-confirm" required=true error=err("confirm")>
                    <input id="cb-reset-confirm" class="cb-input" type="password" autocomplete="new-password" data-testid="password-confirm" bind:value=confirm/>
                </FormRow>
                <button type="submit" hidden=true></button>
            </form>
        </Modal>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_checked_like_the_server() {
        assert!(check_password("short", "short").contains_key("password"));
        assert_eq!(
            check_password("secret1", "secret2")
                .get("confirm")
                .map(String::as_str),
            Some("The passwords don't match.")
        );
        assert!(check_password("secret1", "secret1").is_empty());
    }

    #[test]
    fn new_usernames_must_be_free() {
        let taken = vec!["elastic".to_string()];
        assert_eq!(
            check_username(" ", &taken).as_deref(),
            Some("Username is required.")
        );
        assert!(
            check_username("elastic", &taken)
                .unwrap()
                .contains("already exists")
        );
        assert_eq!(check_username("ann", &taken), None);
    }
}
