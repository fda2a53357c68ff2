//! Spaces, users, configurations and the small aggregate reads (tags, categories, reporters,
//! metrics, cases by alert).

use super::cases::status_of;
use super::{from_ms, ms};
use crate::store::{StoreError, StoreResult, UserRecord};
use casebook_api::alerts::{RelatedCase, RelatedCaseTotals};
use casebook_api::configure::Configuration;
use casebook_api::metrics::StatusCounts;
use casebook_api::space::Space;
use casebook_api::{Owner, User};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

fn owner_args(space: &str, owners: &[Owner]) -> (String, Vec<Value>) {
    let mut args: Vec<Value> = vec![space.to_string().into()];
    let l: Vec<String> = owners
        .iter()
        .map(|o| {
            args.push(o.as_str().to_string().into());
            format!("?{}", args.len())
        })
        .collect();
    (l.join(", "), args)
}

/// All spaces, default first.
pub fn spaces(conn: &Connection) -> StoreResult<Vec<Space>> {
    let mut stmt = conn.prepare_cached("SELECT doc FROM spaces ORDER BY id <> 'default', id")?;
    let docs = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for d in docs {
        out.push(serde_json::from_str(&d?)?);
    }
    Ok(out)
}

/// Inserts or replaces a space.
pub fn put_space(conn: &Connection, space: &Space, create: bool) -> StoreResult<()> {
    let exists: Option<i64> = conn
        .query_row("SELECT 1 FROM spaces WHERE id = ?1", [&space.id], |r| {
            r.get(0)
        })
        .optional()?;
    match (create, exists.is_some()) {
        (true, true) => return Err(StoreError::AlreadyExists(space.id.clone())),
        (false, false) => return Err(StoreError::NotFound(space.id.clone())),
        _ => {}
    }
    conn.execute(
        "INSERT OR REPLACE INTO spaces (id, doc) VALUES (?1, ?2)",
        params![space.id, serde_json::to_string(space)?],
    )?;
    Ok(())
}

/// Deletes a space and all its data.
pub fn delete_space(conn: &Connection, id: &str) -> StoreResult<()> {
    if conn.execute("DELETE FROM spaces WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NotFound(id.to_string()));
    }
    conn.execute("DELETE FROM cases WHERE space = ?1", [id])?;
    conn.execute("DELETE FROM configurations WHERE space = ?1", [id])?;
    conn.execute("DELETE FROM connectors WHERE space = ?1", [id])?;
    conn.execute("DELETE FROM counters WHERE space = ?1", [id])?;
    conn.execute("DELETE FROM case_stats WHERE space = ?1", [id])?;
    conn.execute("DELETE FROM tag_stats WHERE space = ?1", [id])?;
    Ok(())
}

fn user_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UserRecord> {
    let roles: String = r.get(5)?;
    Ok(UserRecord {
        username: r.get(0)?,
        profile_uid: r.get(1)?,
        password_hash: r.get(2)?,
        full_name: r.get(3)?,
        email: r.get(4)?,
        roles: serde_json::from_str(&roles).unwrap_or_default(),
        enabled: r.get(6)?,
    })
}

const USER_COLUMNS: &str = "username, profile_uid, password_hash, full_name, email, roles, enabled";

/// A user by name.
pub fn user(conn: &Connection, username: &str) -> StoreResult<Option<UserRecord>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {USER_COLUMNS} FROM users WHERE username = ?1"
        ))?
        .query_row([username], user_from_row)
        .optional()?)
}

/// Users by profile uid.
pub fn users_by_uid(conn: &Connection, uids: &[String]) -> StoreResult<Vec<UserRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS} FROM users WHERE profile_uid = ?1"
    ))?;
    let mut out = Vec::new();
    for uid in uids {
        if let Some(u) = stmt.query_row([uid], user_from_row).optional()? {
            out.push(u);
        }
    }
    Ok(out)
}

/// Every user, by name.
pub fn users(conn: &Connection) -> StoreResult<Vec<UserRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS} FROM users ORDER BY username"
    ))?;
    Ok(stmt
        .query_map([], user_from_row)?
        .collect::<Result<_, _>>()?)
}

/// Inserts or replaces a user.
pub fn put_user(conn: &Connection, u: &UserRecord) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO users (username, profile_uid, password_hash, full_name, email, roles, enabled)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (username) DO UPDATE SET password_hash = ?3, full_name = ?4, email = ?5, roles = ?6, enabled = ?7",
        params![u.username, u.profile_uid, u.password_hash, u.full_name, u.email, serde_json::to_string(&u.roles)?, u.enabled],
    )?;
    Ok(())
}

/// Distinct tags of these owners, sorted.
pub fn tags(conn: &Connection, space: &str, owners: &[Owner]) -> StoreResult<Vec<String>> {
    let (l, args) = owner_args(space, owners);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT tag FROM tag_stats WHERE space = ?1 AND owner IN ({l}) AND n > 0 ORDER BY tag"
    ))?;
    Ok(stmt
        .query_map(params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// Distinct categories of these owners, sorted.
pub fn categories(conn: &Connection, space: &str, owners: &[Owner]) -> StoreResult<Vec<String>> {
    let (l, args) = owner_args(space, owners);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT category FROM cases WHERE space = ?1 AND owner IN ({l}) AND category IS NOT NULL ORDER BY category"
    ))?;
    Ok(stmt
        .query_map(params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// Distinct creators of these owners' cases (as stored at creation).
pub fn reporters(conn: &Connection, space: &str, owners: &[Owner]) -> StoreResult<Vec<User>> {
    let (l, args) = owner_args(space, owners);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT json_extract(doc, '$.created_by') FROM cases WHERE rowid IN (
            SELECT min(rowid) FROM cases WHERE space = ?1 AND owner IN ({l}) GROUP BY reporter) ORDER BY reporter"
    ))?;
    let docs = stmt.query_map(params_from_iter(args.iter()), |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for d in docs {
        out.push(serde_json::from_str(&d?)?);
    }
    Ok(out)
}

/// Status counts and mean seconds to close, for cases created in the window.
pub fn status_metrics(
    conn: &Connection,
    space: &str,
    owners: &[Owner],
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> StoreResult<(StatusCounts, Option<i64>)> {
    let (l, mut args) = owner_args(space, owners);
    let mut window = String::new();
    if let Some(f) = from {
        args.push(ms(f).into());
        window.push_str(&format!(" AND created_at >= ?{}", args.len()));
    }
    if let Some(t) = to {
        args.push(ms(t).into());
        window.push_str(&format!(" AND created_at <= ?{}", args.len()));
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT status, count(*), avg(CASE WHEN status = 2 THEN (closed_at - created_at) / 1000 END)
         FROM cases WHERE space = ?1 AND owner IN ({l}) {window} GROUP BY status"
    ))?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut counts = StatusCounts::default();
    let mut mttr = None;
    while let Some(r) = rows.next()? {
        let n: i64 = r.get(1)?;
        match r.get::<_, i64>(0)? {
            0 => counts.open = n,
            1 => counts.in_progress = n,
            _ => {
                counts.closed = n;
                mttr = r.get::<_, Option<f64>>(2)?.map(|v| v.round() as i64);
            }
        }
    }
    Ok((counts, mttr))
}

/// Cases of these owners with the alert attached.
pub fn cases_by_alert(
    conn: &Connection,
    space: &str,
    alert_id: &str,
    owners: &[Owner],
) -> StoreResult<Vec<RelatedCase>> {
    let (l, mut args) = owner_args(space, owners);
    args.push(alert_id.to_string().into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, title, description, status, created_at, total_alerts, total_comment, total_events FROM cases
         WHERE space = ?1 AND owner IN ({l}) AND rowid IN (SELECT case_rowid FROM case_alerts WHERE alert_id = ?{})
         ORDER BY created_at",
        args.len()
    ))?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
        Ok(RelatedCase {
            id: r.get(0)?,
            title: r.get(1)?,
            description: r.get(2)?,
            status: status_of(r.get(3)?),
            created_at: from_ms(r.get(4)?),
            totals: RelatedCaseTotals {
                alerts: r.get(5)?,
                user_comments: r.get(6)?,
                events: r.get(7)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Configurations of these owners.
pub fn configurations(
    conn: &Connection,
    space: &str,
    owners: &[Owner],
) -> StoreResult<Vec<Configuration>> {
    let (l, args) = owner_args(space, owners);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT doc FROM configurations WHERE space = ?1 AND owner IN ({l}) ORDER BY owner"
    ))?;
    let docs = stmt.query_map(params_from_iter(args.iter()), |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for d in docs {
        out.push(serde_json::from_str(&d?)?);
    }
    Ok(out)
}

/// A configuration by id.
pub fn configuration(
    conn: &Connection,
    space: &str,
    id: &str,
) -> StoreResult<Option<Configuration>> {
    let doc: Option<String> = conn
        .prepare_cached("SELECT doc FROM configurations WHERE id = ?1 AND space = ?2")?
        .query_row(params![id, space], |r| r.get(0))
        .optional()?;
    Ok(doc.map(|d| serde_json::from_str(&d)).transpose()?)
}

/// Creates or replaces the configuration of an owner (checking the version on update).
pub fn put_configuration(
    conn: &Connection,
    space: &str,
    c: &Configuration,
    expected: Option<&str>,
) -> StoreResult<()> {
    if let Some(expected) = expected {
        let version: Option<String> = conn
            .query_row(
                "SELECT version FROM configurations WHERE id = ?1 AND space = ?2",
                params![c.id, space],
                |r| r.get(0),
            )
            .optional()?;
        match version {
            None => return Err(StoreError::NotFound(c.id.clone())),
            Some(v) if v != expected => return Err(StoreError::Conflict(c.id.clone())),
            _ => {}
        }
    }
    conn.execute(
        "DELETE FROM configurations WHERE space = ?1 AND owner = ?2",
        params![space, c.owner.as_str()],
    )?;
    conn.execute(
        "INSERT INTO configurations (id, space, owner, version, doc) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            c.id,
            space,
            c.owner.as_str(),
            c.version,
            serde_json::to_string(c)?
        ],
    )?;
    Ok(())
}
