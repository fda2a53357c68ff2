//! The sign-in page (`/login`): a Kibana-like card with username and password.
//!
//! - `?msg=LOGGED_OUT` / `SESSION_EXPIRED` shows why the user is here.
//! - `?next=<path>` is where the user was: the page sends `window.location.href` as the login
//!   API's `currentURL`, the server answers with the `location` to load.
//! - Wrong credentials keep the username, clear the password and say so.
//! - A user who is already signed in goes straight on (to `next`, else the Security cases).
//!
//! After signing in the next page is loaded in full, so nothing of a previous session stays.

use crate::client::Client;
use crate::components::{Spinner, SpinnerSize};
use crate::context::use_current_user;
use crate::shell::header::Logo;
use crate::shell::session::{LoginMessage, after_login, current_href, hard_navigate};
use casebook_api::space::DEFAULT_SPACE;
use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// What the page says after a 401 from the login API.
pub const WRONG_CREDENTIALS: &str = "Username or password is incorrect. Please try again.";

/// The sign-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let message = move || {
        query
            .with(|q| q.get("msg"))
            .and_then(|m| LoginMessage::parse(&m))
    };
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submitted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let show_password = RwSignal::new(false);
    let username_ref = NodeRef::<Input>::new();
    let password_ref = NodeRef::<Input>::new();

    // Already signed in: nothing to do here.
    let me = use_current_user();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if me.get().is_some() && !busy.get_untracked() {
            let next = query.with_untracked(|q| q.get("next"));
            navigate(
                &after_login(next.as_deref()),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    Effect::new(move |_| {
        if let Some(i) = username_ref.get() {
            let _ = i.focus();
        }
    });

    let username_error = move || {
        (submitted.get() && username.get().trim().is_empty()).then_some("Username is required.")
    };
    let password_error =
        move || (submitted.get() && password.get().is_empty()).then_some("Password is required.");

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        submitted.set(true);
        error.set(None);
        let (u, p) = (username.get_untracked(), password.get_untracked());
        if u.trim().is_empty() || p.is_empty() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = Client::new(DEFAULT_SPACE)
                .login(u.trim(), &p, &current_href())
                .await;
            match result {
                Ok(location) => hard_navigate(&after_login(Some(&location))),
                Err(e) => {
                    busy.set(false);
                    if e.status() == Some(401) {
                        error.set(Some(WRONG_CREDENTIALS.into()));
                        password.set(String::new());
                        submitted.set(false);
                        if let Some(i) = password_ref.get_untracked() {
                            let _ = i.focus();
                        }
                    } else {
                        error.set(Some(e.message()));
                    }
                }
            }
        });
    };

    view! {
        <main class="cb-login">
            <div class="cb-login__header">
                <Logo size=48/>
                <h1 class="cb-login__title">"Welcome to Casebook"</h1>
                <p class="cb-login__subtitle">"Sign in to work on your cases."</p>
            </div>
            <div class="cb-login__card">
                {move || {
                    message()
                        .filter(|_| error.get().is_none())
                        .map(|m| {
                            view! {
                                <div class="cb-callout" role="status" data-testid="login-message">
                                    {m.text()}
                                </div>
                            }
                        })
                }}
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <div
                                    class="cb-callout cb-callout--danger"
                                    role="alert"
                                    data-testid="login-error"
                                >
                                    {e}
                                </div>
                            }
                        })
                }}
                <form class="cb-login__form" novalidate on:submit=on_submit>
                    <div class="cb-field" class:cb-field--invalid=move || username_error().is_some()>
                        <label class="cb-field__label" for="cb-login-username">"Username"</label>
                        <input
                            id="cb-login-username"
                            class="cb-input"
                            name="username"
                            autocomplete="username"
                            autocapitalize="none"
                            spellcheck="false"
                            aria-invalid=move || username_error().is_some().to_string()
                            node_ref=username_ref
                            prop:value=move || username.get()
                            on:input=move |ev| username.set(event_target_value(&ev))
                        />
                        {move || username_error().map(|e| view! { <div class="cb-field__error">{e}</div> })}
                    </div>
                    <div class="cb-field" class:cb-field--invalid=move || password_error().is_some()>
                        <label class="cb-field__label" for="cb-login-password">"Password"</label>
                        <div class="cb-login__password">
                            <input
                                id="cb-login-password"
                                class="cb-input"
                                name="password"
                                type=move || if show_password.get() { "text" } else { "password" }
                                autocomplete="current-password"
                                aria-invalid=move || password_error().is_some().to_string()
                                node_ref=password_ref
                                prop:value=move || password.get()
                                on:input=move |ev| password.set(event_target_value(&ev))
                            />
                            <button
                                type="button"
                                class="cb-btn cb-btn--empty cb-btn--small cb-login__reveal"
                                aria-pressed=move || show_password.get().to_string()
                                on:click=move |_| show_password.update(|s| *s = !*s)
                            >
                                {move || if show_password.get() { "Hide" } else { "Show" }}
                            </button>
                        </div>
                        {move || password_error().map(|e| view! { <div class="cb-field__error">{e}</div> })}
                    </div>
                    <button
                        type="submit"
                        class="cb-btn cb-btn--fill cb-login__submit"
                        aria-disabled=move || busy.get().to_string()
                        data-testid="login-submit"
                    >
                        {move || {
                            if busy.get() {
                                view! {
                                    <Spinner size=SpinnerSize::Small label="Logging in"/>
                                    "Logging in…"
                                }
                                    .into_any()
                            } else {
                                "Log in".into_any()
                            }
                        }}
                    </button>
                </form>
            </div>
        </main>
    }
}
