//! The cases `_find` query. Sorted pages are built as a UNION ALL of one branch per owner (and
//! per status when filtered), each walking its own index in order and stopping at
//! `offset + limit` rows; the outer query merges them. This keeps every page an index walk even
//! across owners, where a single `owner IN (…)` query would sort every matching row.
//!
//! Counts come from trigger-maintained tables where possible ([`stats`]): `case_stats` for
//! unfiltered counts, `tag_stats` for a tag filter. The same numbers plan the branches: a
//! branch with no matching case is skipped, and a rare tag drives its branch from the tag
//! index instead of walking the sorted index past thousands of non-matching cases.

mod branches;
#[cfg(test)]
mod checks;
#[cfg(test)]
mod created_order;
#[cfg(test)]
mod facet_counts;
mod filter;
#[cfg(test)]
mod plans;
#[cfg(test)]
mod split_order;
mod stats;
#[cfg(test)]
mod tag_order;

use super::case_json::found_case_from_row;
use super::cases::{CASE_COLUMNS, status_code};
use super::memo::{Memo, Reads};
use crate::store::{CaseFilter, CasePage, FoundCase, Page, StoreResult};
use casebook_api::Status;
use casebook_api::find::{SortField, SortOrder};
use filter::{Driver, InIndex, Scope, Where, common};
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use stats::{Stats, status_counts};

/// Prepares one of the find's statements (tests record each with its arguments to check the
/// query plans).
fn prepare<'c>(
    conn: &'c Connection,
    sql: &str,
    _args: &[rusqlite::types::Value],
) -> StoreResult<rusqlite::CachedStatement<'c>> {
    #[cfg(test)]
    plans::record(sql, _args);
    if std::env::var_os("CASEBOOK_TRACE_FIND").is_some() {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let plan: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(_args.iter()), |r| r.get(3))?
            .collect::<Result<_, _>>()?;
        eprintln!("find: {sql}\n  {}", plan.join("\n  "));
    }
    Ok(conn.prepare_cached(sql)?)
}

/// Runs a one-value statement of a search through the memo: its answer is reused until a
/// commit changes what it `reads` (the full-text counts and window bounds are the costly part
/// of a search).
fn remembered(
    conn: &Connection,
    memo: &Memo,
    reads: Reads,
    sql: &str,
    args: &[rusqlite::types::Value],
) -> StoreResult<Option<i64>> {
    memo.answer(reads, format!("{sql}\n{args:?}"), || {
        Ok(prepare(conn, sql, args)?
            .query_row(params_from_iter(args.iter()), |r| r.get::<_, i64>(0))
            .optional()?)
    })
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

/// Runs a find.
pub fn find(
    conn: &Connection,
    memo: &Memo,
    space: &str,
    f: &CaseFilter,
    sort: (SortField, SortOrder),
    page: Page,
) -> StoreResult<CasePage> {
    let stats = Stats::load(conn, space, f)?;
    let counts = status_counts(conn, space, f, &stats)?;
    let statuses: Vec<Option<Status>> = if f.statuses.is_empty() {
        vec![None]
    } else {
        f.statuses.iter().copied().map(Some).collect()
    };
    // The search and its scope as one full-text expression, when nothing else filters.
    let in_index = fts_only(f).map(|fts| {
        let space_scope = (stats.other_spaces > 0).then_some(space);
        let owner_scope: &[_] = if stats.other_owners > 0 {
            &f.owners
        } else {
            &[]
        };
        let rest = InIndex {
            statuses: &f.statuses,
            severities: &f.severities,
        };
        filter::scoped_fts(fts, space_scope, owner_scope, rest)
    });
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
    } else if let Some(fts) = &in_index {
        // Scope and search are both in the full-text index: count there, without a look-up
        // per match.
        let mut w = Where::with_args(vec![]);
        let a = w.arg(fts.clone());
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM cases_fts WHERE cases_fts MATCH {a} LIMIT {})",
            casebook_api::limits::MAX_DOCS_PER_PAGE
        );
        remembered(conn, memo, Reads::FullText, &sql, &w.args)?.unwrap_or(0)
    } else {
        let mut w = Where::with_args(vec![]);
        let scope = Scope {
            owners: &f.owners,
            status: None,
            fts: None,
            status_off_index: false,
        };
        // Counting visits every match, so the search's own index drives.
        let driver = Driver::Search;
        common(&mut w, space, f, &scope, true, driver);
        if !f.statuses.is_empty() {
            let codes: Vec<i64> = f.statuses.iter().map(|s| status_code(*s)).collect();
            let l = w.list(&codes);
            let p = if driver.from(f) == "cases c" { "" } else { "+" };
            w.and(format!("{p}c.status IN ({l})"));
        }
        // Like Elasticsearch's default `track_total_hits` (which Kibana's find inherits), a
        // search counts at most MAX_DOCS_PER_PAGE hits: exact totals of common terms would visit
        // every match, and no page beyond that window can be asked for anyway.
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM {} WHERE {} LIMIT {})",
            driver.from(f),
            w.sql,
            casebook_api::limits::MAX_DOCS_PER_PAGE
        );
        remembered(conn, memo, Reads::Everything, &sql, &w.args)?.unwrap_or(0)
    };
    let cases = if total == 0 || page.offset() >= total as usize {
        vec![]
    } else if let Some(fts) = in_index.filter(|_| sort.0 == SortField::CreatedAt) {
        by_created(conn, memo, &fts, sort.1, page)?
    } else {
        let plan = Planning {
            stats: &stats,
            statuses: &statuses,
            matches: f.search.is_some().then_some(total),
        };
        page_of(conn, memo, space, f, sort, page, &plan)?
    };
    Ok(CasePage {
        cases,
        total: total as usize,
        counts,
    })
}

/// The full-text expression when it is the whole filter besides what the index holds (space,
/// owners, statuses, severities): no other filter, no case-id or `#id` alternative, no
/// excluded terms.
fn fts_only(f: &CaseFilter) -> Option<&str> {
    let s = f.search.as_ref()?;
    let plain = !filter::beyond_the_index(f)
        && s.id.is_none()
        && s.incremental_id.is_none()
        && s.fts_not.is_none();
    s.fts.as_deref().filter(|_| plain)
}

/// The page of a search sorted by `createdAt` whose whole filter is in the full-text index
/// (`fts`): read off the index in rowid order, which is creation order to the second (schema
/// migration 7), and stopped at the page. Every match in the second of the window's last match
/// joins the candidates, so their exact order (milliseconds, then rowid) can come from the
/// cases, as for every other find.
fn by_created(
    conn: &Connection,
    memo: &Memo,
    fts: &str,
    order: SortOrder,
    page: Page,
) -> StoreResult<Vec<FoundCase>> {
    let dir = if order == SortOrder::Asc {
        "ASC"
    } else {
        "DESC"
    };
    let window = (page.offset() + page.per_page) as i64;
    let mut w = Where::with_args(vec![]);
    let (m, off) = (w.arg(fts.to_string()), w.arg(window - 1));
    let sql = format!(
        "SELECT rowid FROM cases_fts WHERE cases_fts MATCH {m} ORDER BY rowid {dir} LIMIT 1 OFFSET {off}"
    );
    let last = remembered(conn, memo, Reads::FullText, &sql, &w.args)?;
    let mut w = Where::with_args(vec![]);
    let m = w.arg(fts.to_string());
    // Without a window's worth of matches, all of them are candidates.
    let second = last.map(|k| k.div_euclid(FTS_SECOND));
    let bound = match (order, second) {
        (SortOrder::Desc, Some(s)) => Some((">=", s * FTS_SECOND)),
        (SortOrder::Asc, Some(s)) => (s + 1).checked_mul(FTS_SECOND).map(|b| ("<", b)),
        (_, None) => None,
    };
    let range = bound.map_or(String::new(), |(op, b)| {
        format!(" AND rowid {op} {}", w.arg(b))
    });
    let (lim, off) = (w.arg(page.per_page as i64), w.arg(page.offset() as i64));
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM cases c WHERE c.rowid IN \
         (SELECT {} FROM cases_fts WHERE cases_fts MATCH {m}{range}) \
         ORDER BY c.created_at {dir}, c.rowid {dir} LIMIT {lim} OFFSET {off}",
        filter::FTS_CASE_ROWID
    );
    let mut stmt = prepare(conn, &sql, &w.args)?;
    let cases = stmt
        .query_map(params_from_iter(w.args.iter()), found_case_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(cases)
}

/// One creation second in `fts_key` (schema migration 7): the key is the second times this
/// plus the case's rowid.
const FTS_SECOND: i64 = 1 << 31;

/// The search hits of one owner's branch, counted in the full-text index (whose `fts_scope`
/// knows the owner) only as far as planning needs: a term common overall can be rare for one
/// owner, whose branch must then be driven by the matches rather than walk the owner's whole
/// sorted index looking for them. `plan.matches` is the hit count of the whole search.
fn owner_matches(
    conn: &Connection,
    memo: &Memo,
    space: &str,
    f: &CaseFilter,
    plan: &Planning<'_>,
    owner: casebook_api::Owner,
    window: i64,
) -> StoreResult<Option<i64>> {
    let (stats, matches) = (plan.stats, plan.matches);
    let (Some(m), Some(_)) = (matches, f.search.as_ref().and_then(|s| s.fts.as_deref())) else {
        return Ok(matches);
    };
    // Past sqrt(window × cases) a walk is cheaper anyway (`Stats::driver`): count no further.
    let cap = ((window.max(1) * stats.cases_of(Some(owner), None)) as f64).sqrt() as i64 + 1;
    if f.owners.len() < 2 || m <= cap {
        return Ok(matches);
    }
    let mut w = Where::with_args(vec![]);
    let a = w.arg(branch_fts(f, stats, space, owner).unwrap_or_default());
    let sql = format!(
        "SELECT count(*) FROM (SELECT 1 FROM cases_fts WHERE cases_fts MATCH {a} LIMIT {cap})"
    );
    let n = remembered(conn, memo, Reads::FullText, &sql, &w.args)?.unwrap_or(0);
    Ok(Some(n.min(m)))
}

/// The search restricted to one owner (and the space, when other spaces have cases).
fn branch_fts(
    f: &CaseFilter,
    stats: &Stats,
    space: &str,
    owner: casebook_api::Owner,
) -> Option<String> {
    let fts = f.search.as_ref()?.fts.as_deref()?;
    let space_scope = (stats.other_spaces > 0).then_some(space);
    Some(filter::scoped_fts(
        fts,
        space_scope,
        &[owner],
        InIndex::default(),
    ))
}

/// What the page query is planned from.
struct Planning<'a> {
    /// The trigger-maintained counts.
    stats: &'a Stats,
    /// One branch per status (`None`: all).
    statuses: &'a [Option<Status>],
    /// Search hits within the filter, when searching.
    matches: Option<i64>,
}

fn page_of(
    conn: &Connection,
    memo: &Memo,
    space: &str,
    f: &CaseFilter,
    sort: (SortField, SortOrder),
    page: Page,
    plan: &Planning<'_>,
) -> StoreResult<Vec<FoundCase>> {
    let (stats, statuses) = (plan.stats, plan.statuses);
    let col = sort_column(sort.0);
    let dir = if sort.1 == SortOrder::Asc {
        "ASC"
    } else {
        "DESC"
    };
    let window = (page.offset() + page.per_page) as i64;
    let mut w = Where::with_args(vec![]);
    let mut branches = Vec::new();
    let parts = branches::by_value(f, col);
    for owner in &f.owners {
        let matches = owner_matches(conn, memo, space, f, plan, *owner, window)?;
        for status in statuses {
            if stats.cases_of(Some(*owner), *status) == 0
                || (!f.tags.is_empty() && stats.tagged_of(Some(*owner), *status) == 0)
                || !stats.in_facets(*owner, *status)
            {
                continue;
            }
            if let Some(walk) =
                branches::tag_walk(&mut w, space, f, *owner, *status, (col, dir), window)
            {
                branches.push(walk);
                continue;
            }
            for part in &parts {
                let driver = stats.driver(part, Some(*owner), *status, window, matches);
                let mut b = Where::with_args(std::mem::take(&mut w.args));
                let scope = Scope {
                    owners: std::slice::from_ref(owner),
                    status: *status,
                    // Driven by the matches: only this owner's, from the index.
                    fts: (driver == Driver::Search)
                        .then(|| branch_fts(part, stats, space, *owner))
                        .flatten(),
                    status_off_index: col == "created_at" && filter::has_ordered_filter(part),
                };
                common(&mut b, space, part, &scope, true, driver);
                let lim = b.arg(window);
                branches.push(format!(
                    "SELECT * FROM (SELECT c.rowid AS rid, c.{col} AS k FROM {} WHERE {} ORDER BY c.{col} {dir}, c.rowid {dir} LIMIT {lim})",
                    driver.from(part),
                    b.sql
                ));
                w.args = b.args;
            }
        }
    }
    if branches.is_empty() {
        return Ok(vec![]);
    }
    let lim = w.arg(page.per_page as i64);
    let off = w.arg(page.offset() as i64);
    // The page is cut from the branches' (rowid, key) pairs before the join: sorting after it
    // would copy every branch's whole case rows (~1 KB each) through a temporary b-tree.
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM (SELECT rid, k FROM ({}) ORDER BY k {dir}, rid {dir} LIMIT {lim} OFFSET {off}) p \
         JOIN cases c ON c.rowid = p.rid ORDER BY p.k {dir}, p.rid {dir}",
        branches.join(" UNION ALL ")
    );
    let mut stmt = prepare(conn, &sql, &w.args)?;
    let cases = stmt
        .query_map(params_from_iter(w.args.iter()), found_case_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(cases)
}
