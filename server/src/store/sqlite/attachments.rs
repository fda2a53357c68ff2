//! Attachment rows and the alert index (`case_alerts`, one row per attached alert id).

use super::{from_ms, ms};
use crate::store::{StoreError, StoreResult};
use casebook_api::alerts::CaseAlert;
use casebook_api::comment::{Attachment, AttachmentPayload};
use casebook_api::find::SortOrder;
use rusqlite::{Connection, OptionalExtension, params};

fn write_alerts(
    conn: &Connection,
    case_rowid: i64,
    att_rowid: i64,
    a: &Attachment,
    fresh: bool,
) -> StoreResult<()> {
    if !fresh {
        conn.prepare_cached("DELETE FROM case_alerts WHERE attachment_rowid = ?1")?
            .execute([att_rowid])?;
    }
    if let AttachmentPayload::Alert {
        alert_id, index, ..
    } = &a.payload
    {
        let ids = alert_id.to_vec();
        let idx = index.to_vec();
        let mut stmt = conn.prepare_cached(
            "INSERT OR IGNORE INTO case_alerts (case_rowid, attachment_rowid, alert_id, alert_index, attached_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, id) in ids.iter().enumerate() {
            let index = idx.get(i).or(idx.first()).cloned().unwrap_or_default();
            stmt.execute(params![case_rowid, att_rowid, id, index, ms(a.created_at)])?;
        }
    }
    Ok(())
}

/// Inserts an attachment.
pub fn insert(conn: &Connection, case_rowid: i64, a: &Attachment) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO attachments (id, case_rowid, type, version, created_at, doc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![a.id, case_rowid, a.payload.type_name(), a.version, ms(a.created_at), serde_json::to_string(a)?])?;
    write_alerts(conn, case_rowid, conn.last_insert_rowid(), a, true)
}

/// Replaces an attachment if its version matches.
pub fn update(
    conn: &Connection,
    case_rowid: i64,
    a: &Attachment,
    expected: &str,
) -> StoreResult<()> {
    let row: Option<(i64, String)> = conn
        .prepare_cached("SELECT rowid, version FROM attachments WHERE id = ?1 AND case_rowid = ?2")?
        .query_row(params![a.id, case_rowid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (rowid, version) = row.ok_or_else(|| StoreError::NotFound(a.id.clone()))?;
    if version != expected {
        return Err(StoreError::Conflict(a.id.clone()));
    }
    conn.prepare_cached(
        "UPDATE attachments SET version = ?2, type = ?3, doc = ?4 WHERE rowid = ?1",
    )?
    .execute(params![
        rowid,
        a.version,
        a.payload.type_name(),
        serde_json::to_string(a)?
    ])?;
    write_alerts(conn, case_rowid, rowid, a, false)
}

/// Deletes an attachment.
pub fn delete(conn: &Connection, case_rowid: i64, id: &str) -> StoreResult<()> {
    let n = conn
        .prepare_cached("DELETE FROM attachments WHERE id = ?1 AND case_rowid = ?2")?
        .execute(params![id, case_rowid])?;
    if n == 0 {
        return Err(StoreError::NotFound(id.to_string()));
    }
    Ok(())
}

/// A page of a case's attachments ordered by creation.
pub fn list(
    conn: &Connection,
    case_rowid: i64,
    user_only: bool,
    order: SortOrder,
    limit_offset: Option<(usize, usize)>,
) -> StoreResult<(Vec<Attachment>, usize)> {
    let type_filter = if user_only { "AND type = 'user'" } else { "" };
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM attachments WHERE case_rowid = ?1 {type_filter}"
        ))?
        .query_row([case_rowid], |r| r.get(0))?;
    let (limit, offset) = limit_offset
        .map(|(l, o)| (l as i64, o as i64))
        .unwrap_or((-1, 0));
    let dir = if order == SortOrder::Asc {
        "ASC"
    } else {
        "DESC"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT doc FROM attachments WHERE case_rowid = ?1 {type_filter}
         ORDER BY created_at {dir}, rowid {dir} LIMIT ?2 OFFSET ?3"
    ))?;
    let docs = stmt.query_map(params![case_rowid, limit, offset], |r| {
        r.get::<_, String>(0)
    })?;
    let mut out = Vec::new();
    for d in docs {
        out.push(serde_json::from_str(&d?)?);
    }
    Ok((out, total as usize))
}

/// One attachment of a case.
pub fn get(conn: &Connection, case_rowid: i64, id: &str) -> StoreResult<Option<Attachment>> {
    let doc: Option<String> = conn
        .prepare_cached("SELECT doc FROM attachments WHERE id = ?1 AND case_rowid = ?2")?
        .query_row(params![id, case_rowid], |r| r.get(0))
        .optional()?;
    Ok(doc.map(|d| serde_json::from_str(&d)).transpose()?)
}

/// Alerts of a case in attach order (first attachment of each alert id).
pub fn alerts(conn: &Connection, case_rowid: i64) -> StoreResult<Vec<CaseAlert>> {
    let mut stmt = conn.prepare_cached(
        "SELECT alert_id, alert_index, min(attached_at) AS at FROM case_alerts WHERE case_rowid = ?1
         GROUP BY alert_id ORDER BY at, min(attachment_rowid)",
    )?;
    let rows = stmt.query_map([case_rowid], |r| {
        Ok(CaseAlert {
            id: r.get(0)?,
            index: r.get(1)?,
            attached_at: from_ms(r.get(2)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
