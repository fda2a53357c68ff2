//! Browser sessions: an opaque random token in an HttpOnly, SameSite=Strict cookie. Only a
//! SHA-256 of the token is kept, with the user name and timestamps; a session ends after
//! [`IDLE_TIMEOUT`] without use or [`LIFESPAN`] after sign-in, whichever comes first.
//! Sessions live in memory, so a server restart signs everyone out.

use base64::Engine;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The session cookie's name.
pub const COOKIE: &str = "sid";
/// A session unused this long is over.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(8 * 3600);
/// A session this old is over, however active.
pub const LIFESPAN: Duration = Duration::from_secs(30 * 24 * 3600);

#[derive(Clone, Debug)]
struct Session {
    username: String,
    created: Instant,
    last_seen: Instant,
}

/// The table of live sessions.
#[derive(Clone, Default)]
pub struct Sessions {
    inner: Arc<Mutex<HashMap<[u8; 32], Session>>>,
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl Sessions {
    /// Starts a session for `username` and returns its token.
    pub fn create(&self, username: &str) -> String {
        let token =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>());
        let now = Instant::now();
        let mut map = self.inner.lock().expect("sessions poisoned");
        map.retain(|_, s| now - s.last_seen < IDLE_TIMEOUT && now - s.created < LIFESPAN);
        map.insert(
            digest(&token),
            Session {
                username: username.to_string(),
                created: now,
                last_seen: now,
            },
        );
        token
    }

    /// The user of a live session, refreshing its idle timer.
    pub fn resolve(&self, token: &str) -> Option<String> {
        let now = Instant::now();
        let mut map = self.inner.lock().expect("sessions poisoned");
        let key = digest(token);
        let s = map.get_mut(&key)?;
        if now - s.last_seen >= IDLE_TIMEOUT || now - s.created >= LIFESPAN {
            map.remove(&key);
            return None;
        }
        s.last_seen = now;
        Some(s.username.clone())
    }

    /// Ends a session.
    pub fn end(&self, token: &str) {
        self.inner
            .lock()
            .expect("sessions poisoned")
            .remove(&digest(token));
    }

    /// Ends every session of a user (after a password change or disabling).
    pub fn end_all_for(&self, username: &str) {
        self.inner
            .lock()
            .expect("sessions poisoned")
            .retain(|_, s| s.username != username);
    }
}

/// Failed sign-ins allowed per user and per client within [`FAILURE_WINDOW`].
pub const MAX_FAILURES: usize = 10;
/// How long failed sign-ins are remembered.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(300);

/// Counts failed sign-ins per user name and per client address, to slow down guessing.
#[derive(Clone, Default)]
pub struct LoginLimiter {
    failures: Arc<Mutex<HashMap<String, Vec<Instant>>>>,
}

impl LoginLimiter {
    /// Whether any of `keys` has used up its attempts.
    pub fn blocked(&self, keys: &[String]) -> bool {
        let now = Instant::now();
        let mut map = self.failures.lock().expect("limiter poisoned");
        keys.iter().any(|k| {
            map.get_mut(k).is_some_and(|v| {
                v.retain(|t| now - *t < FAILURE_WINDOW);
                v.len() >= MAX_FAILURES
            })
        })
    }

    /// Records a failure for each key.
    pub fn fail(&self, keys: &[String]) {
        let now = Instant::now();
        let mut map = self.failures.lock().expect("limiter poisoned");
        if map.len() > 100_000 {
            map.retain(|_, v| v.last().is_some_and(|t| now - *t < FAILURE_WINDOW));
        }
        for k in keys {
            map.entry(k.clone()).or_default().push(now);
        }
    }

    /// Forgets the failures of a key (after a successful sign-in).
    pub fn clear(&self, key: &str) {
        self.failures.lock().expect("limiter poisoned").remove(key);
    }
}

/// The `Set-Cookie` value that starts a session.
pub fn set_cookie(token: &str) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}",
        LIFESPAN.as_secs()
    )
}

/// The `Set-Cookie` value that clears the session cookie.
pub fn clear_cookie() -> String {
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// The session token in a `Cookie` header, if any.
pub fn token_in(cookie_header: &str) -> Option<&str> {
    cookie_header
        .split(';')
        .map(str::trim)
        .find_map(|c| c.strip_prefix(COOKIE).and_then(|r| r.strip_prefix('=')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_resolve_end() {
        let s = Sessions::default();
        let t = s.create("ann");
        assert_eq!(s.resolve(&t).as_deref(), Some("ann"));
        assert_eq!(s.resolve("forged"), None);
        s.end(&t);
        assert_eq!(s.resolve(&t), None);
    }

    #[test]
    fn limiter_blocks_after_max_failures() {
        let l = LoginLimiter::default();
        let keys = ["user:ann".to_string(), "ip:1.2.3.4".to_string()];
        for _ in 0..MAX_FAILURES - 1 {
            l.fail(&keys);
        }
        assert!(!l.blocked(&keys));
        l.fail(&keys);
        assert!(l.blocked(&["ip:1.2.3.4".to_string()]));
        l.clear("user:ann");
        assert!(!l.blocked(&["user:ann".to_string()]));
    }

    #[test]
    fn cookie_parsing() {
        assert_eq!(token_in("a=1; sid=abc; b=2"), Some("abc"));
        assert_eq!(token_in("sidx=1"), None);
        assert!(set_cookie("x").contains("HttpOnly; SameSite=Strict"));
    }
}
