//! Bulk loading for `casebook seed` and the bench: the same row writers the store uses for
//! single writes (so seeded rows have exactly the shapes the API writes), exposed for a caller
//! that holds one connection and commits in large transactions. Triggers still maintain FTS and
//! `case_stats`; incremental ids are reserved in blocks from `counters`.

use super::{attachments, cases, user_actions};
use crate::store::StoreResult;
use casebook_api::Case;
use casebook_api::comment::Attachment;
use casebook_api::user_action::UserAction;
use rusqlite::{Connection, OptionalExtension};

/// Reserves `n` consecutive incremental ids in `space` and returns the first one.
pub fn reserve_incremental_ids(conn: &Connection, space: &str, n: i64) -> StoreResult<i64> {
    cases::reserve_incremental_ids(conn, space, n)
}

/// Inserts a new case with a reserved incremental id; returns its rowid. Its totals are
/// written as given, so they must agree with the attachments inserted for it.
pub fn insert_case(
    conn: &Connection,
    space: &str,
    case: &Case,
    incremental_id: i64,
) -> StoreResult<i64> {
    cases::insert_row(conn, space, case, incremental_id)
}

/// Inserts an attachment of the case with this rowid (and its alert index rows).
pub fn insert_attachment(conn: &Connection, case_rowid: i64, a: &Attachment) -> StoreResult<()> {
    attachments::insert(conn, case_rowid, a)
}

/// Inserts a user action of the case with this rowid.
pub fn insert_user_action(conn: &Connection, case_rowid: i64, ua: &UserAction) -> StoreResult<()> {
    user_actions::insert(conn, case_rowid, ua)
}

/// Number of cases in a space (from the trigger-maintained `case_stats`, so it costs no scan).
pub fn case_count(conn: &Connection, space: &str) -> StoreResult<i64> {
    Ok(conn
        .query_row(
            "SELECT sum(n) FROM case_stats WHERE space = ?1",
            [space],
            |r| r.get::<_, Option<i64>>(0),
        )
        .optional()?
        .flatten()
        .unwrap_or(0))
}

/// Ids and owners of up to `limit` cases of a space, spread over its whole history (every
/// `step`-th rowid), for benchmarks that need existing cases.
pub fn sample_cases(
    conn: &Connection,
    space: &str,
    limit: usize,
) -> StoreResult<Vec<(String, String)>> {
    let (lo, hi): (Option<i64>, Option<i64>) =
        conn.query_row("SELECT min(rowid), max(rowid) FROM cases", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let (Some(lo), Some(hi)) = (lo, hi) else {
        return Ok(vec![]);
    };
    let step = ((hi - lo) / limit.max(1) as i64).max(1);
    let mut stmt = conn.prepare_cached(
        "SELECT id, owner FROM cases WHERE rowid >= ?1 AND +space = ?2 ORDER BY rowid LIMIT 1",
    )?;
    let mut out = Vec::with_capacity(limit);
    let mut at = lo;
    while at <= hi && out.len() < limit {
        if let Some(row) = stmt
            .query_row(rusqlite::params![at, space], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
        {
            out.push(row);
        }
        at += step;
    }
    out.dedup();
    Ok(out)
}
