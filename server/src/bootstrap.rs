//! Start-up tasks shared by the commands: opening the store and creating the `elastic`
//! superuser on a new database.

use crate::auth::hash_password;
use crate::store::sqlite::SqliteStore;
use crate::store::{Store, UserRecord};
use std::path::Path;
use std::sync::Arc;

/// The env var holding the `elastic` user's password for a new database.
pub const ELASTIC_PASSWORD_ENV: &str = "CASEBOOK_ELASTIC_PASSWORD";

/// Opens the SQLite store.
pub fn open_sqlite(path: &Path) -> Result<Arc<SqliteStore>, String> {
    SqliteStore::open(path)
        .map(Arc::new)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))
}

/// A new user record with a hashed password and a fresh profile uid.
pub fn new_user(
    name: &str,
    password: &str,
    full_name: Option<String>,
    email: Option<String>,
    roles: Vec<String>,
) -> UserRecord {
    UserRecord {
        username: name.to_string(),
        profile_uid: format!("u_{}", uuid::Uuid::new_v4().simple()),
        password_hash: hash_password(password),
        full_name,
        email,
        roles,
        enabled: true,
    }
}

/// Creates `elastic` (superuser) when no user exists yet; fails with a clear message when the
/// password is not given.
pub async fn ensure_superuser(store: &dyn Store, password: Option<String>) -> Result<(), String> {
    if !store.users().await.map_err(|e| e.to_string())?.is_empty() {
        return Ok(());
    }
    let Some(password) = password.filter(|p| !p.is_empty()) else {
        return Err(format!(
            "This database has no users yet. Set {ELASTIC_PASSWORD_ENV} to the password the `elastic` superuser should get, e.g.\n  {ELASTIC_PASSWORD_ENV}=changeme casebook serve"
        ));
    };
    let user = new_user(
        "elastic",
        &password,
        Some("Elastic Admin".into()),
        None,
        vec!["superuser".into()],
    );
    store.put_user(user).await.map_err(|e| e.to_string())
}
