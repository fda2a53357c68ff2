//! What the find tests share: a seeded store, reference queries and the page-by-page
//! comparison of `find` with a reference order.

use super::find;
use crate::store::sqlite::SqliteStore;
use crate::store::sqlite::cases::{severity_code, status_code};
use crate::store::{CaseFilter, Page};
use casebook_api::find::{SortField, SortOrder};
use casebook_api::{Owner, Severity, Status};
use rusqlite::{Connection, Params};
use tempfile::TempDir;

/// A store in a temp dir, seeded with `cases` cases (the dir must outlive the store).
pub async fn seeded(cases: usize) -> (TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("find.db")).expect("open");
    crate::seed::seed_with_progress(&store, "default", cases, false)
        .await
        .expect("seed");
    (dir, store)
}

fn list<T>(items: &[T], each: impl Fn(&T) -> String) -> String {
    items.iter().map(each).collect::<Vec<_>>().join(", ")
}

/// The owners as an SQL list of strings.
pub fn owners_sql(owners: &[Owner]) -> String {
    list(owners, |o| format!("'{}'", o.as_str()))
}

/// The statuses as an SQL list of their codes.
pub fn statuses_sql(statuses: &[Status]) -> String {
    list(statuses, |s| status_code(*s).to_string())
}

/// The severities as an SQL list of their codes.
pub fn severities_sql(severities: &[Severity]) -> String {
    list(severities, |s| severity_code(*s).to_string())
}

/// The ids a reference query returns, in its order.
pub fn ids(conn: &Connection, sql: &str, params: impl Params) -> Vec<String> {
    let mut stmt = conn.prepare(sql).expect("reference prepares");
    stmt.query_map(params, |r| r.get(0))
        .expect("reference runs")
        .collect::<Result<_, _>>()
        .expect("reference rows")
}

/// Asserts that each `(page, per page)` of `f` in `sort` is that slice of `all` (every match
/// in the expected order) and that the total is `all`'s length; returns the cases compared.
pub fn compare_pages(
    conn: &Connection,
    f: &CaseFilter,
    sort: (SortField, SortOrder),
    all: &[String],
    pages: &[(usize, usize)],
    what: &str,
) -> usize {
    let mut checked = 0;
    for &(page, per_page) in pages {
        let p = Page { page, per_page };
        let got = find(conn, &super::Memo::default(), "default", f, sort, p).expect("find runs");
        let ids: Vec<&str> = got.cases.iter().map(|c| c.id.as_str()).collect();
        let want: Vec<&str> = all
            .iter()
            .skip(p.offset())
            .take(per_page)
            .map(String::as_str)
            .collect();
        assert_eq!(ids, want, "{what} {sort:?} page {page}×{per_page}");
        assert_eq!(got.total, all.len(), "{what}");
        checked += ids.len();
    }
    checked
}
