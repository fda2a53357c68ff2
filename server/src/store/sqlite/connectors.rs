//! Connector rows. Secrets arrive sealed and are stored as an opaque blob; this module never
//! sees them in plain text.

use super::{from_ms, ms};
use crate::store::{StoreError, StoreResult, StoredConnector};
use rusqlite::{Connection, OptionalExtension, params};

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredConnector> {
    let config: String = r.get(3)?;
    Ok(StoredConnector {
        id: r.get(0)?,
        kind: r.get(1)?,
        name: r.get(2)?,
        config: serde_json::from_str(&config).unwrap_or_default(),
        secrets: r.get(4)?,
        created_at: from_ms(r.get(5)?),
        updated_at: r.get::<_, Option<i64>>(6)?.map(from_ms),
    })
}

const COLUMNS: &str = "id, type, name, config, secrets, created_at, updated_at";

/// Connectors of a space, by name.
pub fn list(conn: &Connection, space: &str) -> StoreResult<Vec<StoredConnector>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM connectors WHERE space = ?1 ORDER BY name, id"
    ))?;
    Ok(stmt.query_map([space], row)?.collect::<Result<_, _>>()?)
}

/// One connector.
pub fn get(conn: &Connection, space: &str, id: &str) -> StoreResult<Option<StoredConnector>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM connectors WHERE space = ?1 AND id = ?2"
        ))?
        .query_row(params![space, id], row)
        .optional()?)
}

/// Creates (`create`) or replaces a connector.
pub fn put(conn: &Connection, space: &str, c: &StoredConnector, create: bool) -> StoreResult<()> {
    let exists = get(conn, space, &c.id)?.is_some();
    match (create, exists) {
        (true, true) => return Err(StoreError::AlreadyExists(c.id.clone())),
        (false, false) => return Err(StoreError::NotFound(c.id.clone())),
        _ => {}
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO connectors (space, id, type, name, config, secrets, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        space,
        c.id,
        c.kind,
        c.name,
        serde_json::to_string(&c.config)?,
        c.secrets,
        ms(c.created_at),
        c.updated_at.map(ms)
    ])?;
    Ok(())
}

/// Deletes a connector.
pub fn delete(conn: &Connection, space: &str, id: &str) -> StoreResult<()> {
    if conn.execute(
        "DELETE FROM connectors WHERE space = ?1 AND id = ?2",
        params![space, id],
    )? == 0
    {
        return Err(StoreError::NotFound(id.to_string()));
    }
    Ok(())
}

/// Cases of the space that use the connector: how many, and the first `limit` (id, title).
pub fn usage(
    conn: &Connection,
    space: &str,
    id: &str,
    limit: usize,
) -> StoreResult<(i64, Vec<(String, String)>)> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM cases WHERE space = ?1 AND json_extract(doc, '$.connector.id') = ?2")?
        .query_row(params![space, id], |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, title FROM cases WHERE space = ?1 AND json_extract(doc, '$.connector.id') = ?2 ORDER BY created_at DESC LIMIT ?3",
    )?;
    let cases = stmt
        .query_map(params![space, id, limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok((n, cases))
}
