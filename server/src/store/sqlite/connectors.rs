//! Connector rows. Secrets arrive sealed and are stored as an opaque blob; this module never
//! sees them in plain text.

use super::{from_ms, ms};
use crate::store::{StoreError, StoreResult, StoredConnector};
use casebook_api::Owner;
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

/// Cases of the space that use the connector (of `owners`, or all): how many, and the newest
/// `limit` as (id, title).
pub fn usage(
    conn: &Connection,
    space: &str,
    id: &str,
    owners: Option<&[Owner]>,
    limit: usize,
) -> StoreResult<(i64, Vec<(String, String)>)> {
    let mut args: Vec<rusqlite::types::Value> =
        vec![space.to_string().into(), id.to_string().into()];
    let mut owner_clause = String::new();
    if let Some(owners) = owners {
        let list: Vec<String> = owners
            .iter()
            .map(|o| {
                args.push(o.as_str().to_string().into());
                format!("?{}", args.len())
            })
            .collect();
        owner_clause = format!(" AND owner IN ({})", list.join(", "));
    }
    let filter = format!("space = ?1 AND json_extract(doc, '$.connector.id') = ?2{owner_clause}");
    let n: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM cases WHERE {filter}"))?
        .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
    args.push((limit as i64).into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, title FROM cases WHERE {filter} ORDER BY created_at DESC LIMIT ?{}",
        args.len()
    ))?;
    let cases = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok((n, cases))
}
