//! Checks the search page read off the full-text index in creation order ([`super::by_created`])
//! against a plain sort of every match, on cases whose creation times disagree with their
//! rowids and share seconds (the key only orders by the second).

use super::filter::FTS_CASE_ROWID;
use super::find;
use crate::service::search;
use crate::store::sqlite::SqliteStore;
use crate::store::{CaseFilter, Page};
use casebook_api::Owner;
use casebook_api::find::{SearchOperator, SortField, SortOrder};
use rusqlite::Connection;

/// Every match's id in `created_at`, then rowid, order: what any page must be cut from.
fn reference(conn: &Connection, fts: &str, dir: &str) -> Vec<String> {
    let sql = format!(
        "SELECT id FROM cases WHERE rowid IN \
         (SELECT {FTS_CASE_ROWID} FROM cases_fts WHERE cases_fts MATCH ?1) \
         ORDER BY created_at {dir}, rowid {dir}"
    );
    let mut stmt = conn.prepare(&sql).expect("reference prepares");
    stmt.query_map([fts], |r| r.get(0))
        .expect("reference runs")
        .collect::<Result<_, _>>()
        .expect("reference rows")
}

#[tokio::test(flavor = "multi_thread")]
async fn search_pages_by_creation_match_a_full_sort() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("order.db")).expect("open");
    crate::seed::seed_with_progress(&store, "default", 1_500, false)
        .await
        .expect("seed");
    let checked = store
        .with_bulk_connection(|conn| {
            // A third of the cases move into a few shared seconds, with milliseconds that run
            // against their rowids; some go back before older cases.
            conn.execute_batch(
                "UPDATE cases SET created_at = 1764000000000 + (rowid % 5) * 1000 + 999 - (rowid % 997)
                     WHERE rowid % 3 = 0;
                 UPDATE cases SET created_at = created_at - 86400000 * (rowid % 11)
                     WHERE rowid % 3 = 1;",
            )?;
            let mut checked = 0;
            for text in ["ransomware", "certificate", "latency", "admin", "zzz-no-match"] {
                let expr = search::build(text, &[], SearchOperator::Or);
                let fts = expr.fts.clone().expect("an fts expression");
                for owners in [Owner::ALL.to_vec(), vec![Owner::Observability]] {
                    let f = CaseFilter {
                        owners: owners.clone(),
                        search: Some(expr.clone()),
                        ..CaseFilter::default()
                    };
                    let scoped = super::filter::scoped_fts(&fts, None, &owners);
                    for (order, dir) in [(SortOrder::Desc, "DESC"), (SortOrder::Asc, "ASC")] {
                        let all = reference(conn, &scoped, dir);
                        for (page, per_page) in [(1, 20), (2, 20), (3, 7), (1, 100), (40, 25)] {
                            let p = Page { page, per_page };
                            let got = find(conn, "default", &f, (SortField::CreatedAt, order), p)
                                .expect("find runs");
                            let ids: Vec<&str> = got.cases.iter().map(|c| c.id.as_str()).collect();
                            let want: Vec<&str> = all
                                .iter()
                                .skip(p.offset())
                                .take(per_page)
                                .map(String::as_str)
                                .collect();
                            assert_eq!(ids, want, "{text} {owners:?} {dir} page {page}×{per_page}");
                            assert_eq!(got.total, all.len(), "{text} {owners:?}");
                            checked += ids.len();
                        }
                    }
                }
            }
            Ok(checked)
        })
        .expect("checks run");
    assert!(checked > 1_000, "only {checked} cases were compared");
}
