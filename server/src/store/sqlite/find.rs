//! The cases `_find` query. Sorted pages are built as a UNION ALL of one branch per owner (and
//! per status when filtered), each walking its own index in order and stopping at
//! `offset + limit` rows; the outer query merges them. This keeps every page an index walk even
//! across owners, where a single `owner IN (…)` query would sort every matching row.
//! Unfiltered totals and status counts come from `case_stats` (kept by triggers).

use super::cases::{CASE_COLUMNS, case_from_row, severity_code, status_code};
use crate::store::{CaseFilter, CasePage, Page, StoreResult};
use casebook_api::find::{SortField, SortOrder};
use casebook_api::metrics::StatusCounts;
use casebook_api::{Owner, Status};
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

/// A WHERE clause and its parameters.
struct Where {
    sql: String,
    args: Vec<Value>,
}

impl Where {
    fn new() -> Self {
        Self {
            sql: String::new(),
            args: Vec::new(),
        }
    }
    fn arg(&mut self, v: impl Into<Value>) -> String {
        self.args.push(v.into());
        format!("?{}", self.args.len())
    }
    fn list<T: Into<Value> + Clone>(&mut self, vs: &[T]) -> String {
        vs.iter()
            .map(|v| self.arg(v.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    }
    fn and(&mut self, clause: String) {
        self.sql.push_str(" AND ");
        self.sql.push_str(&clause);
    }
}

/// Adds every filter except owners, statuses and (unless `with_search`) the search.
fn common(w: &mut Where, space: &str, f: &CaseFilter, with_search: bool) {
    let s = w.arg(space.to_string());
    w.sql.push_str(&format!("c.space = {s}"));
    if !f.severities.is_empty() {
        let codes: Vec<i64> = f.severities.iter().map(|s| severity_code(*s)).collect();
        let l = w.list(&codes);
        w.and(format!("c.severity IN ({l})"));
    }
    if !f.tags.is_empty() {
        let l = w.list(&f.tags);
        w.and(format!(
            "EXISTS (SELECT 1 FROM case_tags t WHERE t.case_rowid = c.rowid AND t.tag IN ({l}))"
        ));
    }
    if !f.assignees.is_empty() || f.unassigned {
        let mut parts = Vec::new();
        if !f.assignees.is_empty() {
            let l = w.list(&f.assignees);
            parts.push(format!(
                "EXISTS (SELECT 1 FROM case_assignees a WHERE a.case_rowid = c.rowid AND a.uid IN ({l}))"
            ));
        }
        if f.unassigned {
            parts.push("c.assignee_count = 0".into());
        }
        w.and(format!("({})", parts.join(" OR ")));
    }
    if !f.reporters.is_empty() {
        let l = w.list(&f.reporters);
        w.and(format!("c.reporter IN ({l})"));
    }
    if !f.categories.is_empty() {
        let l = w.list(&f.categories);
        w.and(format!("c.category IN ({l})"));
    }
    if let Some(t) = f.created_from {
        let a = w.arg(t.timestamp_millis());
        w.and(format!("c.created_at >= {a}"));
    }
    if let Some(t) = f.created_to {
        let a = w.arg(t.timestamp_millis());
        w.and(format!("c.created_at <= {a}"));
    }
    if let Some(s) = f.search.as_ref().filter(|_| with_search) {
        let mut any = Vec::new();
        if let Some(fts) = &s.fts {
            let a = w.arg(fts.clone());
            any.push(format!(
                "c.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH {a})"
            ));
        }
        if let Some(id) = &s.id {
            let a = w.arg(id.clone());
            any.push(format!("c.id = {a}"));
        }
        if let Some(n) = s.incremental_id {
            let a = w.arg(n);
            any.push(format!("c.incremental_id = {a}"));
        }
        if !any.is_empty() {
            w.and(format!("({})", any.join(" OR ")));
        }
        if let Some(not) = &s.fts_not {
            let a = w.arg(not.clone());
            w.and(format!(
                "c.rowid NOT IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH {a})"
            ));
        }
    }
}

fn has_other_filters(f: &CaseFilter) -> bool {
    !f.severities.is_empty()
        || !f.tags.is_empty()
        || !f.assignees.is_empty()
        || f.unassigned
        || !f.reporters.is_empty()
        || !f.categories.is_empty()
        || f.created_from.is_some()
        || f.created_to.is_some()
}

fn sort_column(s: SortField) -> &'static str {
    match s {
        SortField::CreatedAt => "created_at",
        SortField::UpdatedAt => "updated_at",
        SortField::ClosedAt => "closed_at",
        SortField::Title => "title",
        SortField::Category => "category",
        SortField::Status => "status",
        SortField::Severity => "severity",
    }
}

/// Status counts of cases matching `f` ignoring its statuses and search.
fn status_counts(conn: &Connection, space: &str, f: &CaseFilter) -> StoreResult<StatusCounts> {
    let mut w = Where::new();
    let (sql, args) = if has_other_filters(f) {
        common(&mut w, space, f, false);
        let owners: Vec<String> = f.owners.iter().map(|o| o.as_str().to_string()).collect();
        let l = w.list(&owners);
        w.and(format!("c.owner IN ({l})"));
        (
            format!(
                "SELECT c.status, count(*) FROM cases c WHERE {} GROUP BY c.status",
                w.sql
            ),
            w.args,
        )
    } else {
        let s = w.arg(space.to_string());
        let owners: Vec<String> = f.owners.iter().map(|o| o.as_str().to_string()).collect();
        let l = w.list(&owners);
        (
            format!(
                "SELECT status, sum(n) FROM case_stats WHERE space = {s} AND owner IN ({l}) GROUP BY status"
            ),
            w.args,
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut counts = StatusCounts::default();
    while let Some(r) = rows.next()? {
        let n: i64 = r.get(1)?;
        match r.get::<_, i64>(0)? {
            0 => counts.open = n,
            1 => counts.in_progress = n,
            _ => counts.closed = n,
        }
    }
    Ok(counts)
}

/// Runs a find.
pub fn find(
    conn: &Connection,
    space: &str,
    f: &CaseFilter,
    sort: (SortField, SortOrder),
    page: Page,
) -> StoreResult<CasePage> {
    let counts = status_counts(conn, space, f)?;
    let statuses: Vec<Option<Status>> = if f.statuses.is_empty() {
        vec![None]
    } else {
        f.statuses.iter().copied().map(Some).collect()
    };
    let total = if f.search.is_none() {
        let pick = |s: Status| match s {
            Status::Open => counts.open,
            Status::InProgress => counts.in_progress,
            Status::Closed => counts.closed,
        };
        if f.statuses.is_empty() {
            counts.open + counts.in_progress + counts.closed
        } else {
            f.statuses.iter().map(|s| pick(*s)).sum()
        }
    } else {
        let mut w = Where::new();
        common(&mut w, space, f, true);
        let owners: Vec<String> = f.owners.iter().map(|o| o.as_str().to_string()).collect();
        let l = w.list(&owners);
        w.and(format!("c.owner IN ({l})"));
        if !f.statuses.is_empty() {
            let codes: Vec<i64> = f.statuses.iter().map(|s| status_code(*s)).collect();
            let l = w.list(&codes);
            w.and(format!("c.status IN ({l})"));
        }
        conn.prepare_cached(&format!("SELECT count(*) FROM cases c WHERE {}", w.sql))?
            .query_row(params_from_iter(w.args.iter()), |r| r.get::<_, i64>(0))?
    };
    let col = sort_column(sort.0);
    let dir = if sort.1 == SortOrder::Asc {
        "ASC"
    } else {
        "DESC"
    };
    let window = (page.offset() + page.per_page) as i64;
    let mut w = Where::new();
    let mut branches = Vec::new();
    for owner in &f.owners {
        for status in &statuses {
            let mut b = Where {
                sql: String::new(),
                args: std::mem::take(&mut w.args),
            };
            common(&mut b, space, f, true);
            let o = b.arg(Owner::as_str(*owner).to_string());
            b.and(format!("c.owner = {o}"));
            if let Some(s) = status {
                let a = b.arg(status_code(*s));
                b.and(format!("c.status = {a}"));
            }
            let lim = b.arg(window);
            branches.push(format!(
                "SELECT * FROM (SELECT c.rowid AS rid, c.{col} AS k FROM cases c WHERE {} ORDER BY c.{col} {dir}, c.rowid {dir} LIMIT {lim})",
                b.sql
            ));
            w.args = b.args;
        }
    }
    let lim = w.arg(page.per_page as i64);
    let off = w.arg(page.offset() as i64);
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM ({}) p JOIN cases c ON c.rowid = p.rid ORDER BY p.k {dir}, p.rid {dir} LIMIT {lim} OFFSET {off}",
        branches.join(" UNION ALL ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let cases = stmt
        .query_map(params_from_iter(w.args.iter()), case_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CasePage {
        cases,
        total: total as usize,
        counts,
    })
}
