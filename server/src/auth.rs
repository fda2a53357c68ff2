//! Authentication: HTTP Basic against argon2 password hashes. Verifying argon2 on every request
//! would cap the API at a few dozen requests per second, so a successful check is remembered
//! for a minute under a SHA-256 of the credentials (never the password itself).

use crate::error::AppResult;
use crate::service::authz::Principal;
use crate::store::{Store, UserRecord};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
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

/// The principal of a stored user.
pub fn principal_of(u: &UserRecord) -> Principal {
    Principal::new(u.as_user(), u.roles.clone())
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
        let p = principal_of(&user);
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
        Ok(store
            .user(username)
            .await?
            .filter(|u| u.enabled)
            .map(|u| principal_of(&u)))
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
