//! Checks the search page read off the full-text index in creation order ([`super::by_created`])
//! against a plain sort of every match filtered on the case columns, on cases whose creation
//! times disagree with their rowids and share seconds (the key only orders by the second), and
//! whose statuses and severities changed after they were indexed.

use super::checks::{compare_pages, ids, owners_sql, seeded, severities_sql, statuses_sql};
use super::filter::FTS_CASE_ROWID;
use crate::service::search;
use crate::store::{CaseFilter, SearchExpr};
use casebook_api::find::{SearchOperator, SortField, SortOrder};
use casebook_api::{Owner, Severity, Status};
use rusqlite::Connection;

/// Every match of `fts` in `f`'s owners, statuses and severities (checked on the case columns),
/// in `created_at`, then rowid, order: what any page must be cut from.
fn reference(conn: &Connection, fts: &str, f: &CaseFilter, dir: &str) -> Vec<String> {
    let mut sql = format!(
        "SELECT id FROM cases WHERE rowid IN \
         (SELECT {FTS_CASE_ROWID} FROM cases_fts WHERE cases_fts MATCH ?1) AND owner IN ({})",
        owners_sql(&f.owners)
    );
    if !f.statuses.is_empty() {
        sql.push_str(&format!(" AND status IN ({})", statuses_sql(&f.statuses)));
    }
    if !f.severities.is_empty() {
        sql.push_str(&format!(
            " AND severity IN ({})",
            severities_sql(&f.severities)
        ));
    }
    sql.push_str(&format!(" ORDER BY created_at {dir}, rowid {dir}"));
    ids(conn, &sql, [fts])
}

/// The filters each search is checked with.
fn filters(expr: &SearchExpr) -> Vec<CaseFilter> {
    let base = CaseFilter {
        owners: Owner::ALL.to_vec(),
        search: Some(expr.clone()),
        ..CaseFilter::default()
    };
    let with = |g: fn(&mut CaseFilter)| {
        let mut f = base.clone();
        g(&mut f);
        f
    };
    vec![
        base.clone(),
        with(|f| f.owners = vec![Owner::Observability]),
        with(|f| f.statuses = vec![Status::Open]),
        with(|f| f.statuses = vec![Status::InProgress, Status::Closed]),
        with(|f| f.severities = vec![Severity::High, Severity::Critical]),
        with(|f| {
            f.owners = vec![Owner::SecuritySolution, Owner::Cases];
            f.statuses = vec![Status::Closed];
            f.severities = vec![Severity::Low];
        }),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn search_pages_by_creation_match_a_full_sort() {
    let (_dir, store) = seeded(1_500).await;
    let checked = store
        .with_bulk_connection(|conn| {
            // A third of the cases move into a few shared seconds, with milliseconds that run
            // against their rowids; some go back before older cases; a quarter change status
            // and severity after they were indexed.
            conn.execute_batch(
                "UPDATE cases SET created_at = 1764000000000 + (rowid % 5) * 1000 + 999 - (rowid % 997)
                     WHERE rowid % 3 = 0;
                 UPDATE cases SET created_at = created_at - 86400000 * (rowid % 11)
                     WHERE rowid % 3 = 1;
                 UPDATE cases SET status = (status + 1) % 3, severity = (severity + rowid) % 4
                     WHERE rowid % 4 = 0;",
            )?;
            let mut checked = 0;
            for text in ["ransomware", "certificate", "latency", "admin", "zzz-no-match"] {
                let expr = search::build(text, &[], SearchOperator::Or);
                let fts = expr.fts.clone().expect("an fts expression");
                for f in filters(&expr) {
                    for (order, dir) in [(SortOrder::Desc, "DESC"), (SortOrder::Asc, "ASC")] {
                        let all = reference(conn, &fts, &f, dir);
                        let what = format!("{text} {:?} {:?} {:?}", f.owners, f.statuses, f.severities);
                        let pages = [(1, 20), (2, 20), (3, 7), (1, 100), (40, 25)];
                        let sort = (SortField::CreatedAt, order);
                        checked += compare_pages(conn, &f, sort, &all, &pages, &what);
                    }
                }
            }
            Ok(checked)
        })
        .expect("checks run");
    assert!(checked > 1_000, "only {checked} cases were compared");
}
