//! Authentication: HTTP Basic against argon2 password hashes. Verifying argon2 on every request
//! would cap the API at a few dozen requests per second, so a successful check is remembered
//! for a minute under a SHA-256 of the credentials (never the password itself).

use crate::error::AppResult;
use crate::service::authz::Principal;
use crate::service::privileges::{Privileges, builtin_roles};
use crate::store::{Store, UserRecord};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use casebook_api::security::Role;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a verified credential is trusted without re-hashing.
const CACHE_TTL: Duration = Duration::from_secs(60);

/// Hashes a password with argon2id and a random salt.
pub fn hash_password(password: &str) -> String {
    let salt =
        SaltString::encode_b64(&rand::random::<[u8; 16]>()).expect("16 bytes make a valid salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing cannot fail with valid params")
        .to_string()
}

/// Checks a password against a stored PHC hash.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// The principal of a stored user: built-in roles plus custom roles from the store.
pub async fn principal_of(store: &Arc<dyn Store>, u: &UserRecord) -> AppResult<Principal> {
    let mut defs: Vec<Role> = builtin_roles()
        .into_iter()
        .filter(|r| u.roles.contains(&r.name))
        .collect();
    if defs.len() < u.roles.len() {
        defs.extend(
            store
                .roles()
                .await?
                .into_iter()
                .filter(|r| u.roles.contains(&r.name)),
        );
    }
    Ok(Principal::with_roles(u.as_user(), u.roles.clone(), &defs))
}

/// Parses `Authorization: ApiKey base64(id:key)`.
pub fn parse_api_key(header: &str) -> Option<(String, String)> {
    let b64 = header.strip_prefix("ApiKey ")?;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .ok()?;
    let (id, key) = std::str::from_utf8(&raw).ok()?.split_once(':')?;
    Some((id.to_string(), key.to_string()))
}

/// The SHA-256 of an API key's secret (what the store keeps).
pub fn api_key_hash(key: &str) -> Vec<u8> {
    Sha256::digest(key.as_bytes()).to_vec()
}

/// Verifies credentials, with a short-lived cache of successes.
#[derive(Clone, Default)]
pub struct Authenticator {
    cache: Arc<Mutex<CredentialCache>>,
}

/// Verified credentials by SHA-256, with the time they were verified.
type CredentialCache = HashMap<[u8; 32], (Principal, Instant)>;

impl Authenticator {
    /// Parses an `Authorization: Basic …` header value into username and password.
    pub fn parse_basic(header: &str) -> Option<(String, String)> {
        let b64 = header
            .strip_prefix("Basic ")
            .or_else(|| header.strip_prefix("basic "))?;
        let raw = base64::engine::general_purpose::STANDARD
            .decode(b64.trim())
            .ok()?;
        let text = String::from_utf8(raw).ok()?;
        let (u, p) = text.split_once(':')?;
        Some((u.to_string(), p.to_string()))
    }

    /// The principal for a username and password, or `None` if they don't match an enabled user.
    pub async fn login(
        &self,
        store: &Arc<dyn Store>,
        username: &str,
        password: &str,
    ) -> AppResult<Option<Principal>> {
        let key: [u8; 32] = Sha256::new()
            .chain_update(username)
            .chain_update([0u8])
            .chain_update(password)
            .finalize()
            .into();
        if let Some((p, at)) = self.cache.lock().expect("auth cache poisoned").get(&key)
            && at.elapsed() < CACHE_TTL
        {
            return Ok(Some(p.clone()));
        }
        let Some(user) = store.user(username).await? else {
            return Ok(None);
        };
        if !user.enabled {
            return Ok(None);
        }
        let hash = user.password_hash.clone();
        let pw = password.to_string();
        let ok = tokio::task::spawn_blocking(move || verify_password(&hash, &pw))
            .await
            .unwrap_or(false);
        if !ok {
            return Ok(None);
        }
        let p = principal_of(store, &user).await?;
        let mut cache = self.cache.lock().expect("auth cache poisoned");
        if cache.len() > 10_000 {
            cache.clear();
        }
        cache.insert(key, (p.clone(), Instant::now()));
        Ok(Some(p))
    }

    /// The principal of an enabled user by name (for session requests).
    pub async fn principal_for(
        &self,
        store: &Arc<dyn Store>,
        username: &str,
    ) -> AppResult<Option<Principal>> {
        match store.user(username).await?.filter(|u| u.enabled) {
            Some(u) => Ok(Some(principal_of(store, &u).await?)),
            None => Ok(None),
        }
    }

    /// The principal of a valid API key: its owner, limited by the key's role descriptors.
    pub async fn api_key(
        &self,
        store: &Arc<dyn Store>,
        id: &str,
        key: &str,
    ) -> AppResult<Option<Principal>> {
        let Some(k) = store.api_key(id).await? else {
            return Ok(None);
        };
        let expired = k.expires_at.is_some_and(|t| t <= chrono::Utc::now());
        if k.invalidated || expired || k.key_hash != api_key_hash(key) {
            return Ok(None);
        }
        let Some(mut p) = self.principal_for(store, &k.username).await? else {
            return Ok(None);
        };
        if let Some(d) = &k.role_descriptors {
            let roles: Vec<Role> = d
                .as_object()
                .into_iter()
                .flatten()
                .map(|(name, body)| Role {
                    // A descriptor's name is only a label: one called `superuser` must not
                    // make the key a superuser's (role names are what grant that).
                    name: format!("api_key_descriptor:{name}"),
                    description: None,
                    metadata: serde_json::json!({}),
                    elasticsearch: serde_json::json!({}),
                    kibana: serde_json::from_value(body.get("kibana").cloned().unwrap_or_default())
                        .unwrap_or_default(),
                })
                .collect();
            let limited = (*p.privileges)
                .clone()
                .limited_by(Privileges::resolve(&roles));
            p.privileges = Arc::new(limited);
        }
        Ok(Some(p))
    }

    /// Forgets every cached credential (after a password or role change).
    pub fn forget_all(&self) {
        self.cache.lock().expect("auth cache poisoned").clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_basic_parses() {
        let h = hash_password("s3cret");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "s3cret"));
        assert!(!verify_password(&h, "nope"));
        assert_eq!(
            Authenticator::parse_basic("Basic ZWxhc3RpYzpjaGFuZ2VtZQ=="),
            Some(("elastic".into(), "changeme".into()))
        );
        assert_eq!(Authenticator::parse_basic("Bearer x"), None);
    }
}
