//! Stack Management › Security › API keys (`/app/management/security/api_keys`): the signed-in
//! user's keys (any user, not only superusers); create one, see its secret once, invalidate.
//!
//! Rules: the created key's `encoded` value is only in this page's memory: it shows in a
//! callout with a copy button until dismissed or the page is left, and is never fetched again.
//! Invalidated and expired keys stay listed, marked, without actions.

use super::api_key_flyout::ApiKeyFlyout;
use super::frame::{AdminHeader, AdminLayout, format_ms};
use super::table::{AdminTable, CreateButton, LoadedList, refetched};
use crate::client::Client;
use crate::components::toaster::use_toaster;
use crate::components::{Badge, BadgeColor, ConfirmModal, EmptyState};
use crate::routes::AdminPage;
use casebook_api::security::{ApiKeyInfo, ApiKeyList, ApiKeyRef, CreateApiKeyResponse};
use casebook_api::space::DEFAULT_SPACE;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Whether a key still works, has expired or was invalidated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyState {
    /// Usable.
    Active,
    /// Past its expiry.
    Expired,
    /// Invalidated.
    Invalidated,
}

/// The state of `key` at `now_ms`.
pub fn key_state(key: &ApiKeyInfo, now_ms: i64) -> KeyState {
    if key.invalidated {
        KeyState::Invalidated
    } else if key.expiration.is_some_and(|e| e <= now_ms) {
        KeyState::Expired
    } else {
        KeyState::Active
    }
}

fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        chrono::Utc::now().timestamp_millis()
    }
}

/// Copies text to the clipboard; whether it worked.
async fn copy_text(text: String) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(w) = web_sys::window() else {
            return false;
        };
        wasm_bindgen_futures::JsFuture::from(w.navigator().clipboard().write_text(&text))
            .await
            .is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// The API keys page.
#[component]
pub fn ApiKeysPage() -> impl IntoView {
    view! {
        <AdminLayout page=AdminPage::ApiKeys>
            <ApiKeysContent/>
        </AdminLayout>
    }
}

#[component]
fn ApiKeysContent() -> impl IntoView {
    let toaster = use_toaster();
    let (keys, refresh) = refetched(|| async { Client::new(DEFAULT_SPACE).api_keys().await });
    let creating = RwSignal::new(false);
    let created = RwSignal::new(None::<CreateApiKeyResponse>);
    let invalidating = RwSignal::new(None::<ApiKeyInfo>);
    let confirm_open = RwSignal::new(false);
    let on_created = Callback::new(move |k: CreateApiKeyResponse| {
        creating.set(false);
        toaster.success(format!("Created API key {}", k.name));
        created.set(Some(k));
        refresh();
    });
    let on_invalidate = Callback::new(move |()| {
        let Some(k) = invalidating.get_untracked() else {
            return;
        };
        invalidating.set(None);
        spawn_local(async move {
            let key = ApiKeyRef {
                id: k.id.clone(),
                name: k.name.clone(),
            };
            match Client::new(DEFAULT_SPACE).invalidate_api_key(key).await {
                Ok(r) if !r.items_invalidated.is_empty() => {
                    toaster.success(format!("Invalidated API key {}", k.name));
                    refresh();
                }
                Ok(_) => toaster.error(
                    format!("API key {} could not be invalidated", k.name),
                    "It was not found.",
                ),
                Err(e) => toaster.error(
                    format!("API key {} could not be invalidated", k.name),
                    e.message(),
                ),
            }
        });
    });
    let row = move |k: ApiKeyInfo, now: i64| {
        let state = key_state(&k, now);
        let badge = match state {
            KeyState::Active => {
                view! { <Badge color=BadgeColor::Success>"Active"</Badge> }.into_any()
            }
            KeyState::Expired => {
                view! { <Badge color=BadgeColor::Warning>"Expired"</Badge> }.into_any()
            }
            KeyState::Invalidated => {
                view! { <Badge color=BadgeColor::Default>"Invalidated"</Badge> }.into_any()
            }
        };
        let target = k.clone();
        view! {
            <tr class="cb-table__row" data-testid="api-key-row" data-key=k.name.clone()>
                <td class="cb-table__cell" data-label="Name"><span class="cb-table__name">{k.name.clone()}</span></td>
                <td class="cb-table__cell" data-label="Created">{format_ms(k.creation)}</td>
                <td class="cb-table__cell" data-label="Expires">
                    {k.expiration.map(format_ms).unwrap_or_else(|| "Never".into())}
                </td>
                <td class="cb-table__cell" data-label="Status" data-testid="api-key-status">{badge}</td>
                <td class="cb-table__cell cb-table__cell--actions" data-label="Actions">
                    {(state == KeyState::Active).then(|| view! {
                        <button type="button" class="cb-btn cb-btn--small cb-btn--empty cb-btn--danger"
                            aria-label=format!("Invalidate {}", k.name) data-testid="api-key-invalidate"
                            on:click=move |_| { invalidating.set(Some(target.clone())); confirm_open.set(true); }>
                            "Invalidate"
                        </button>
                    })}
                </td>
            </tr>
        }
    };
    let table = move |mut list: Vec<ApiKeyInfo>| {
        list.sort_by_key(|k| std::cmp::Reverse(k.creation));
        if list.is_empty() {
            return view! {
                <EmptyState title="No API keys yet" test_id="api-keys-empty"
                    body="An API key lets a script or another system call Casebook's API as you, without your password."/>
            }
            .into_any();
        }
        let now = now_ms();
        view! {
            <AdminTable test_id="api-keys-table" columns=&["Name", "Created", "Expires", "Status"]>
                {list.into_iter().map(|k| row(k, now)).collect_view()}
            </AdminTable>
        }
        .into_any()
    };
    view! {
        <AdminHeader page=AdminPage::ApiKeys description="Your API keys. Send one as the header Authorization: ApiKey <key> to call the API as you.">
            <CreateButton test_id="create-api-key" label="Create API key" on_click=Callback::new(move |()| creating.set(true))/>
        </AdminHeader>
        {move || created.get().map(|k| view! { <CreatedKey key=k on_dismiss=Callback::new(move |()| created.set(None))/> })}
        <LoadedList resource=keys what="API keys" rows=3 columns=4 show=move |list: ApiKeyList| table(list.api_keys)/>
        <Show when=move || creating.get()>
            <ApiKeyFlyout on_created on_close=Callback::new(move |()| creating.set(false))/>
        </Show>
        <ConfirmModal
            open=confirm_open
            title=Signal::derive(move || format!("Invalidate API key {}?", invalidating.get().map(|k| k.name).unwrap_or_default()))
            body="Anything using it gets 401 Unauthorized from now on. This can't be undone."
            confirm_label="Invalidate"
            danger=true
            on_confirm=on_invalidate
            on_cancel=Callback::new(move |()| invalidating.set(None))
            test_id="api-key-confirm"
        />
    }
}

/// The new key, shown once, with a copy button.
#[component]
fn CreatedKey(key: CreateApiKeyResponse, on_dismiss: Callback<()>) -> impl IntoView {
    let toaster = use_toaster();
    let encoded = StoredValue::new(key.encoded.clone());
    let copy = move |_| {
        spawn_local(async move {
            if copy_text(encoded.get_value()).await {
                toaster.success("API key copied to the clipboard");
            } else {
                toaster.error(
                    "Could not copy",
                    "The browser refused clipboard access: select the key and copy it.",
                );
            }
        })
    };
    view! {
        <div class="cb-callout cb-callout--success cb-admin-created" role="status" data-testid="api-key-created">
            <div class="cb-admin-created__head">
                <p class="cb-callout__title">{format!("Created API key {}", key.name)}</p>
                <button type="button" class="cb-btn cb-btn--small cb-btn--empty" data-testid="api-key-dismiss" on:click=move |_| on_dismiss.run(())>
                    "Dismiss"
                </button>
            </div>
            <p>"Copy this key now. It will not be shown again."</p>
            <div class="cb-admin-secret">
                <code class="cb-code cb-admin-secret__value" data-testid="api-key-encoded">{key.encoded.clone()}</code>
                <button type="button" class="cb-btn cb-btn--small cb-btn--fill" data-testid="api-key-copy" on:click=copy>"Copy"</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(invalidated: bool, expiration: Option<i64>) -> ApiKeyInfo {
        ApiKeyInfo {
            id: "1".into(),
            name: "ci".into(),
            creation: 0,
            expiration,
            invalidated,
            username: "elastic".into(),
            realm: "casebook".into(),
        }
    }

    #[test]
    fn states_follow_invalidation_then_expiry() {
        assert_eq!(key_state(&key(false, None), 10), KeyState::Active);
        assert_eq!(key_state(&key(false, Some(20)), 10), KeyState::Active);
        assert_eq!(key_state(&key(false, Some(5)), 10), KeyState::Expired);
        assert_eq!(key_state(&key(true, Some(20)), 10), KeyState::Invalidated);
    }
}
