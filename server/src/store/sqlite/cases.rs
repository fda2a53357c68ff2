//! Case rows: converting between `api::Case` and the `cases` table, and applying write ops.

use super::ms;
use crate::store::{StoreError, StoreResult, WriteOp};
use casebook_api::{Case, Severity, Status};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// Column list matching [`case_from_row`].
pub const CASE_COLUMNS: &str = "c.id, c.version, c.incremental_id, c.title, c.description, \
     c.total_comment, c.total_alerts, c.total_events, c.doc";

/// Status as stored (sortable in workflow order).
pub fn status_code(s: Status) -> i64 {
    match s {
        Status::Open => 0,
        Status::InProgress => 1,
        Status::Closed => 2,
    }
}

/// Severity as stored (sortable from low to critical).
pub fn severity_code(s: Severity) -> i64 {
    match s {
        Severity::Low => 0,
        Severity::Medium => 1,
        Severity::High => 2,
        Severity::Critical => 3,
    }
}

/// Builds a case from a row selected with [`CASE_COLUMNS`].
pub fn case_from_row(r: &Row<'_>) -> rusqlite::Result<Case> {
    let doc: String = r.get(8)?;
    let mut c: Case = serde_json::from_str(&doc).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(e))
    })?;
    c.id = r.get(0)?;
    c.version = r.get(1)?;
    c.incremental_id = r.get(2)?;
    c.title = r.get(3)?;
    c.description = r.get(4)?;
    c.total_comment = r.get(5)?;
    c.total_alerts = r.get(6)?;
    c.total_events = r.get(7)?;
    Ok(c)
}

/// Reads cases by id within a space.
pub fn read_cases(conn: &Connection, space: &str, ids: &[String]) -> StoreResult<Vec<Case>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CASE_COLUMNS} FROM cases c WHERE c.id = ?1 AND c.space = ?2"
    ))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(c) = stmt
            .query_row(params![id, space], case_from_row)
            .optional()?
        {
            out.push(c);
        }
    }
    Ok(out)
}

/// The rowid of a case in a space.
pub fn case_rowid(conn: &Connection, space: &str, id: &str) -> StoreResult<i64> {
    conn.prepare_cached("SELECT rowid FROM cases WHERE id = ?1 AND space = ?2")?
        .query_row(params![id, space], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(id.to_string()))
}

fn doc_of(case: &Case) -> StoreResult<String> {
    let mut c = case.clone();
    c.title.clear();
    c.description.clear();
    c.comments = None;
    Ok(serde_json::to_string(&c)?)
}

fn write_side_tables(
    conn: &Connection,
    rowid: i64,
    space: &str,
    case: &Case,
    fresh: bool,
) -> StoreResult<()> {
    if !fresh {
        conn.prepare_cached("DELETE FROM case_tags WHERE case_rowid = ?1")?
            .execute([rowid])?;
        conn.prepare_cached("DELETE FROM case_assignees WHERE case_rowid = ?1")?
            .execute([rowid])?;
    }
    // Tag rows carry the case's status and updated_at (for `tag_stats` and tag-driven
    // finds); every change of either goes through `update_case`, which rewrites them.
    let mut tag = conn.prepare_cached(
        "INSERT OR IGNORE INTO case_tags (case_rowid, space, owner, tag, status, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for t in &case.tags {
        tag.execute(params![
            rowid,
            space,
            case.owner.as_str(),
            t,
            status_code(case.status),
            case.updated_at.map(ms)
        ])?;
    }
    let mut asg = conn
        .prepare_cached("INSERT OR IGNORE INTO case_assignees (case_rowid, uid) VALUES (?1, ?2)")?;
    for a in &case.assignees {
        asg.execute(params![rowid, a.uid])?;
    }
    Ok(())
}

fn insert_case(conn: &Connection, space: &str, case: &Case) -> StoreResult<()> {
    let exists: Option<i64> = conn
        .prepare_cached("SELECT 1 FROM cases WHERE id = ?1")?
        .query_row([&case.id], |r| r.get(0))
        .optional()?;
    if exists.is_some() {
        return Err(StoreError::AlreadyExists(case.id.clone()));
    }
    let next = reserve_incremental_ids(conn, space, 1)?;
    insert_row(conn, space, case, next)?;
    Ok(())
}

/// Reserves `n` consecutive incremental ids in a space and returns the first.
pub fn reserve_incremental_ids(conn: &Connection, space: &str, n: i64) -> StoreResult<i64> {
    let last: i64 = conn
        .prepare_cached(
            "INSERT INTO counters (space, last_incremental_id) VALUES (?1, ?2)
             ON CONFLICT (space) DO UPDATE SET last_incremental_id = last_incremental_id + ?2
             RETURNING last_incremental_id",
        )?
        .query_row(params![space, n], |r| r.get(0))?;
    Ok(last - n + 1)
}

/// Inserts a new case row (with its tags and assignees) under a given incremental id and
/// returns its rowid. The comment/alert/event totals are taken from `case`.
pub fn insert_row(
    conn: &Connection,
    space: &str,
    case: &Case,
    incremental_id: i64,
) -> StoreResult<i64> {
    conn.prepare_cached(
        "INSERT INTO cases (id, space, owner, version, incremental_id, title, description, status, severity,
            category, reporter, assignee_count, created_at, updated_at, closed_at,
            total_comment, total_alerts, total_events, doc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?
    .execute(params![
        case.id,
        space,
        case.owner.as_str(),
        case.version,
        incremental_id,
        case.title,
        case.description,
        status_code(case.status),
        severity_code(case.severity),
        case.category,
        case.created_by.username,
        case.assignees.len() as i64,
        ms(case.created_at),
        case.updated_at.map(ms),
        case.closed_at.map(ms),
        case.total_comment,
        case.total_alerts,
        case.total_events,
        doc_of(case)?,
    ])?;
    let rowid = conn.last_insert_rowid();
    write_side_tables(conn, rowid, space, case, true)?;
    Ok(rowid)
}

fn update_case(conn: &Connection, space: &str, case: &Case, expected: &str) -> StoreResult<()> {
    let row: Option<(i64, String)> = conn
        .prepare_cached("SELECT rowid, version FROM cases WHERE id = ?1 AND space = ?2")?
        .query_row(params![case.id, space], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (rowid, version) = row.ok_or_else(|| StoreError::NotFound(case.id.clone()))?;
    if version != expected {
        return Err(StoreError::Conflict(case.id.clone()));
    }
    conn.prepare_cached(
        "UPDATE cases SET version = ?2, title = ?3, description = ?4, status = ?5, severity = ?6, category = ?7,
            assignee_count = ?8, updated_at = ?9, closed_at = ?10, doc = ?11 WHERE rowid = ?1",
    )?
    .execute(params![
        rowid,
        case.version,
        case.title,
        case.description,
        status_code(case.status),
        severity_code(case.severity),
        case.category,
        case.assignees.len() as i64,
        case.updated_at.map(ms),
        case.closed_at.map(ms),
        doc_of(case)?,
    ])?;
    write_side_tables(conn, rowid, space, case, false)
}

/// Recomputes a case's comment and alert totals from its attachments.
pub fn refresh_totals(conn: &Connection, rowid: i64) -> StoreResult<()> {
    conn.prepare_cached(
        "UPDATE cases SET
            total_comment = (SELECT count(*) FROM attachments WHERE case_rowid = ?1 AND type = 'user'),
            total_alerts = (SELECT count(DISTINCT alert_id) FROM case_alerts WHERE case_rowid = ?1),
            total_events = (SELECT count(*) FROM attachments WHERE case_rowid = ?1 AND type = 'event')
         WHERE rowid = ?1",
    )?
    .execute([rowid])?;
    Ok(())
}

/// Applies one write op inside the caller's transaction.
pub fn apply(conn: &Connection, space: &str, op: &WriteOp) -> StoreResult<()> {
    match op {
        WriteOp::InsertCase(case) => insert_case(conn, space, case),
        WriteOp::UpdateCase {
            case,
            expected_version,
        } => update_case(conn, space, case, expected_version),
        WriteOp::DeleteCase { id } => {
            let rowid = case_rowid(conn, space, id)?;
            conn.prepare_cached("DELETE FROM cases WHERE rowid = ?1")?
                .execute([rowid])?;
            Ok(())
        }
        WriteOp::InsertAttachment {
            case_id,
            attachment,
        } => {
            let rowid = case_rowid(conn, space, case_id)?;
            super::attachments::insert(conn, rowid, attachment)?;
            refresh_totals(conn, rowid)
        }
        WriteOp::UpdateAttachment {
            case_id,
            attachment,
            expected_version,
        } => {
            let rowid = case_rowid(conn, space, case_id)?;
            super::attachments::update(conn, rowid, attachment, expected_version)?;
            refresh_totals(conn, rowid)
        }
        WriteOp::DeleteAttachment { case_id, id } => {
            let rowid = case_rowid(conn, space, case_id)?;
            super::attachments::delete(conn, rowid, id)?;
            refresh_totals(conn, rowid)
        }
        WriteOp::InsertUserAction { case_id, action } => {
            let rowid = case_rowid(conn, space, case_id)?;
            super::user_actions::insert(conn, rowid, action)
        }
        WriteOp::PutConfiguration {
            configuration,
            expected_version,
        } => {
            super::misc::put_configuration(conn, space, configuration, expected_version.as_deref())
        }
    }
}

/// A stored status from its code.
pub fn status_of(code: i64) -> Status {
    match code {
        1 => Status::InProgress,
        2 => Status::Closed,
        _ => Status::Open,
    }
}
