//! User action rows. `comment_type` copies the attachment type of comment actions so the
//! `user`/`alert`/`attachment` pseudo types filter with an index-friendly column.

use super::{from_ms, ms};
use crate::store::StoreResult;
use casebook_api::find::SortOrder;
use casebook_api::user_action::{UserAction, UserActionFindType, UserActionStats, UserActionType};
use casebook_api::{Status, User};
use rusqlite::{Connection, params, params_from_iter};

/// Inserts a user action.
pub fn insert(conn: &Connection, case_rowid: i64, ua: &UserAction) -> StoreResult<()> {
    let comment_type = ua
        .payload
        .get("comment")
        .and_then(|c| c.get("type"))
        .and_then(|t| t.as_str());
    conn.prepare_cached(
        "INSERT INTO user_actions (id, case_rowid, type, action, comment_type, username, created_at, doc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        ua.id,
        case_rowid,
        ua.kind.as_str(),
        ua.action.as_str(),
        comment_type,
        ua.created_by.username,
        ms(ua.created_at),
        serde_json::to_string(ua)?
    ])?;
    Ok(())
}

fn type_clause(types: &[UserActionFindType], args: &mut Vec<String>) -> String {
    if types.is_empty() {
        return String::new();
    }
    let mut parts = Vec::new();
    for t in types {
        match t {
            UserActionFindType::Type(t) => {
                args.push(t.as_str().to_string());
                parts.push(format!("type = ?{}", args.len() + 1));
            }
            UserActionFindType::Action => parts.push("type <> 'comment'".into()),
            UserActionFindType::User => {
                parts.push("(type = 'comment' AND comment_type = 'user')".into())
            }
            UserActionFindType::Alert => {
                parts.push("(type = 'comment' AND comment_type = 'alert')".into())
            }
            UserActionFindType::Attachment => {
                parts.push("(type = 'comment' AND comment_type NOT IN ('user', 'alert'))".into())
            }
        }
    }
    format!("AND ({})", parts.join(" OR "))
}

/// A page of a case's user actions.
pub fn list(
    conn: &Connection,
    case_rowid: i64,
    types: &[UserActionFindType],
    order: SortOrder,
    limit: usize,
    offset: usize,
) -> StoreResult<(Vec<UserAction>, usize)> {
    let mut args = Vec::new();
    let clause = type_clause(types, &mut args);
    let mut all: Vec<rusqlite::types::Value> = vec![case_rowid.into()];
    all.extend(args.into_iter().map(Into::into));
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM user_actions WHERE case_rowid = ?1 {clause}"
        ))?
        .query_row(params_from_iter(all.iter()), |r| r.get(0))?;
    let dir = if order == SortOrder::Asc {
        "ASC"
    } else {
        "DESC"
    };
    let n = all.len();
    all.push((limit as i64).into());
    all.push((offset as i64).into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT doc FROM user_actions WHERE case_rowid = ?1 {clause} ORDER BY rowid {dir} LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    ))?;
    let docs = stmt.query_map(params_from_iter(all.iter()), |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for d in docs {
        out.push(serde_json::from_str(&d?)?);
    }
    Ok((out, total as usize))
}

/// Counts for the activity filter bar.
pub fn stats(conn: &Connection, case_rowid: i64) -> StoreResult<UserActionStats> {
    let (total, comments): (i64, i64) = conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(type = 'comment' AND comment_type = 'user' AND action = 'create'), 0)
             FROM user_actions WHERE case_rowid = ?1",
        )?
        .query_row([case_rowid], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(UserActionStats {
        total: total as usize,
        total_comments: comments as usize,
        total_other_actions: (total - comments) as usize,
    })
}

/// Distinct users who acted on a case, in order of first action.
pub fn participants(conn: &Connection, case_rowid: i64) -> StoreResult<Vec<User>> {
    let mut stmt = conn.prepare_cached(
        "SELECT doc FROM user_actions WHERE rowid IN
            (SELECT min(rowid) FROM user_actions WHERE case_rowid = ?1 GROUP BY username) ORDER BY rowid",
    )?;
    let docs = stmt.query_map([case_rowid], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for d in docs {
        let ua: UserAction = serde_json::from_str(&d?)?;
        out.push(ua.created_by);
    }
    Ok(out)
}

/// Status changes of a case (creation counts as `open`), oldest first.
pub fn status_changes(
    conn: &Connection,
    case_rowid: i64,
) -> StoreResult<Vec<(chrono::DateTime<chrono::Utc>, Status)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT created_at, type, json_extract(doc, '$.payload.status') FROM user_actions
         WHERE case_rowid = ?1 AND type IN ('create_case', 'status') ORDER BY rowid",
    )?;
    let rows = stmt.query_map([case_rowid], |r| {
        let at: i64 = r.get(0)?;
        let kind: String = r.get(1)?;
        let status: Option<String> = r.get(2)?;
        Ok((at, kind, status))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, kind, status) = row?;
        let s = if kind == UserActionType::CreateCase.as_str() {
            Status::Open
        } else {
            status
                .as_deref()
                .and_then(Status::parse)
                .unwrap_or(Status::Open)
        };
        out.push((from_ms(at), s));
    }
    Ok(out)
}
