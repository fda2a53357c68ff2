//! Rows for custom roles, API keys and the audit log.

use super::{from_ms, ms};
use crate::store::{ApiKeyRecord, AuditEvent, StoreError, StoreResult};
use casebook_api::security::Role;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

/// Every custom role, by name.
pub fn roles(conn: &Connection) -> StoreResult<Vec<Role>> {
    let mut stmt = conn.prepare_cached("SELECT doc FROM roles ORDER BY name")?;
    let docs = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for d in docs {
        out.push(serde_json::from_str(&d?)?);
    }
    Ok(out)
}

/// Creates or replaces a role.
pub fn put_role(conn: &Connection, role: &Role) -> StoreResult<()> {
    conn.execute(
        "INSERT OR REPLACE INTO roles (name, doc) VALUES (?1, ?2)",
        params![role.name, serde_json::to_string(role)?],
    )?;
    Ok(())
}

/// Deletes a role.
pub fn delete_role(conn: &Connection, name: &str) -> StoreResult<()> {
    if conn.execute("DELETE FROM roles WHERE name = ?1", [name])? == 0 {
        return Err(StoreError::NotFound(name.to_string()));
    }
    Ok(())
}

fn key_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApiKeyRecord> {
    let descriptors: Option<String> = r.get(4)?;
    Ok(ApiKeyRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        key_hash: r.get(2)?,
        username: r.get(3)?,
        role_descriptors: descriptors.and_then(|d| serde_json::from_str(&d).ok()),
        created_at: from_ms(r.get(5)?),
        expires_at: r.get::<_, Option<i64>>(6)?.map(from_ms),
        invalidated: r.get(7)?,
    })
}

const KEY_COLUMNS: &str =
    "id, name, key_hash, username, role_descriptors, created_at, expires_at, invalidated";

/// Stores a new API key.
pub fn insert_api_key(conn: &Connection, k: &ApiKeyRecord) -> StoreResult<()> {
    conn.execute(
        &format!("INSERT INTO api_keys ({KEY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        params![
            k.id,
            k.name,
            k.key_hash,
            k.username,
            k.role_descriptors.as_ref().map(|d| d.to_string()),
            ms(k.created_at),
            k.expires_at.map(ms),
            k.invalidated
        ],
    )?;
    Ok(())
}

/// One API key.
pub fn api_key(conn: &Connection, id: &str) -> StoreResult<Option<ApiKeyRecord>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {KEY_COLUMNS} FROM api_keys WHERE id = ?1"))?
        .query_row([id], key_row)
        .optional()?)
}

/// API keys, of one user or all.
pub fn api_keys(conn: &Connection, username: Option<&str>) -> StoreResult<Vec<ApiKeyRecord>> {
    let (sql, args): (String, Vec<Value>) = match username {
        Some(u) => (
            format!(
                "SELECT {KEY_COLUMNS} FROM api_keys WHERE username = ?1 ORDER BY created_at DESC"
            ),
            vec![u.to_string().into()],
        ),
        None => (
            format!("SELECT {KEY_COLUMNS} FROM api_keys ORDER BY created_at DESC"),
            vec![],
        ),
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(stmt
        .query_map(params_from_iter(args.iter()), key_row)?
        .collect::<Result<_, _>>()?)
}

/// Marks API keys invalid; returns the ids that changed.
pub fn invalidate_api_keys(conn: &Connection, ids: &[String]) -> StoreResult<Vec<String>> {
    let mut done = Vec::new();
    for id in ids {
        if conn.execute(
            "UPDATE api_keys SET invalidated = 1 WHERE id = ?1 AND invalidated = 0",
            [id],
        )? > 0
        {
            done.push(id.clone());
        }
    }
    Ok(done)
}

/// Appends an audit event.
pub fn audit(conn: &Connection, e: &AuditEvent) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, action, outcome, username, space, object_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![ms(e.at), e.action, e.outcome, e.username, e.space, e.object_id, e.detail])?;
    Ok(())
}

/// The newest audit events, optionally of one action or user.
pub fn audit_events(
    conn: &Connection,
    action: Option<&str>,
    username: Option<&str>,
    limit: usize,
) -> StoreResult<Vec<AuditEvent>> {
    let mut sql = String::from(
        "SELECT at, action, outcome, username, space, object_id, detail FROM audit_log WHERE 1 = 1",
    );
    let mut args: Vec<Value> = Vec::new();
    if let Some(a) = action {
        args.push(a.to_string().into());
        sql.push_str(&format!(" AND action = ?{}", args.len()));
    }
    if let Some(u) = username {
        args.push(u.to_string().into());
        sql.push_str(&format!(" AND username = ?{}", args.len()));
    }
    args.push((limit as i64).into());
    sql.push_str(&format!(" ORDER BY rowid DESC LIMIT ?{}", args.len()));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
        Ok(AuditEvent {
            at: from_ms(r.get(0)?),
            action: r.get(1)?,
            outcome: r.get(2)?,
            username: r.get(3)?,
            space: r.get(4)?,
            object_id: r.get(5)?,
            detail: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
