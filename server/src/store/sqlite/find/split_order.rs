//! Checks the createdAt pages of a filter with several severities, categories or reporters,
//! built from one branch per value ([`super::branches::by_value`]), against a plain sort of
//! every matching case, on cases whose creation times disagree with their rowids.

use super::find;
use crate::store::sqlite::SqliteStore;
use crate::store::sqlite::cases::{severity_code, status_code};
use crate::store::{CaseFilter, Page};
use casebook_api::find::{SortField, SortOrder};
use casebook_api::{Owner, Severity, Status};
use rusqlite::Connection;

fn quoted(v: &[String]) -> String {
    let q: Vec<String> = v.iter().map(|s| format!("'{s}'")).collect();
    q.join(", ")
}

/// Every case matching `f` (owners, statuses and the three value filters), in `created_at`,
/// then rowid, order.
fn reference(conn: &Connection, f: &CaseFilter, dir: &str) -> Vec<String> {
    let owners: Vec<String> = f.owners.iter().map(|o| o.as_str().to_string()).collect();
    let mut sql = format!("SELECT id FROM cases WHERE owner IN ({})", quoted(&owners));
    if !f.statuses.is_empty() {
        let codes: Vec<String> = f
            .statuses
            .iter()
            .map(|s| status_code(*s).to_string())
            .collect();
        sql.push_str(&format!(" AND status IN ({})", codes.join(", ")));
    }
    if !f.severities.is_empty() {
        let codes: Vec<String> = f
            .severities
            .iter()
            .map(|s| severity_code(*s).to_string())
            .collect();
        sql.push_str(&format!(" AND severity IN ({})", codes.join(", ")));
    }
    if !f.categories.is_empty() {
        sql.push_str(&format!(" AND category IN ({})", quoted(&f.categories)));
    }
    if !f.reporters.is_empty() {
        sql.push_str(&format!(" AND reporter IN ({})", quoted(&f.reporters)));
    }
    sql.push_str(&format!(" ORDER BY created_at {dir}, rowid {dir}"));
    let mut stmt = conn.prepare(&sql).expect("reference prepares");
    stmt.query_map([], |r| r.get(0))
        .expect("reference runs")
        .collect::<Result<_, _>>()
        .expect("reference rows")
}

fn filters() -> Vec<CaseFilter> {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let base = CaseFilter {
        owners: Owner::ALL.to_vec(),
        ..CaseFilter::default()
    };
    vec![
        CaseFilter {
            severities: vec![Severity::High, Severity::Critical],
            ..base.clone()
        },
        CaseFilter {
            severities: vec![Severity::Low, Severity::Critical],
            statuses: vec![Status::Open, Status::Closed],
            ..base.clone()
        },
        CaseFilter {
            categories: strings(&["Malware", "Intrusion", "Nope"]),
            ..base.clone()
        },
        CaseFilter {
            reporters: strings(&["hana.sato", "george.kim"]),
            severities: vec![Severity::Medium],
            owners: vec![Owner::Observability],
            ..base.clone()
        },
        CaseFilter {
            categories: strings(&["Malware", "Vulnerability"]),
            reporters: strings(&["hana.sato", "dmitri.volkov"]),
            statuses: vec![Status::InProgress],
            ..base
        },
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_split_by_value_match_a_full_sort() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("split.db")).expect("open");
    crate::seed::seed_with_progress(&store, "default", 1_500, false)
        .await
        .expect("seed");
    let checked = store
        .with_bulk_connection(|conn| {
            // Creation times that run against the rowids and share milliseconds.
            conn.execute_batch(
                "UPDATE cases SET created_at = 1764000000000 + (rowid % 7) * 1000 - (rowid % 5)
                     WHERE rowid % 2 = 0;",
            )?;
            let mut checked = 0;
            for f in filters() {
                for (order, dir) in [(SortOrder::Desc, "DESC"), (SortOrder::Asc, "ASC")] {
                    let all = reference(conn, &f, dir);
                    for (page, per_page) in [(1, 20), (2, 7), (1, 100), (9, 30)] {
                        let p = Page { page, per_page };
                        let sort = (SortField::CreatedAt, order);
                        let got = find(conn, &super::Memo::default(), "default", &f, sort, p)
                            .expect("find runs");
                        let ids: Vec<&str> = got.cases.iter().map(|c| c.id.as_str()).collect();
                        let want: Vec<&str> = all
                            .iter()
                            .skip(p.offset())
                            .take(per_page)
                            .map(String::as_str)
                            .collect();
                        let what = format!(
                            "{:?} {:?} {:?} {:?}",
                            f.severities, f.categories, f.reporters, f.statuses
                        );
                        assert_eq!(ids, want, "{what} {dir} page {page}×{per_page}");
                        assert_eq!(got.total, all.len(), "{what}");
                        checked += ids.len();
                    }
                }
            }
            Ok(checked)
        })
        .expect("checks run");
    assert!(checked > 500, "only {checked} cases were compared");
}
