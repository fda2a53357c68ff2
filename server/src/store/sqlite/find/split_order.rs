//! Checks the createdAt pages of a filter with several severities, categories or reporters,
//! built from one branch per value ([`super::branches::by_value`]), against a plain sort of
//! every matching case, on cases whose creation times disagree with their rowids.

use super::checks::{compare_pages, ids, owners_sql, seeded, severities_sql, statuses_sql};
use crate::store::CaseFilter;
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
    let mut sql = format!(
        "SELECT id FROM cases WHERE owner IN ({})",
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
    if !f.categories.is_empty() {
        sql.push_str(&format!(" AND category IN ({})", quoted(&f.categories)));
    }
    if !f.reporters.is_empty() {
        sql.push_str(&format!(" AND reporter IN ({})", quoted(&f.reporters)));
    }
    sql.push_str(&format!(" ORDER BY created_at {dir}, rowid {dir}"));
    ids(conn, &sql, [])
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
    let (_dir, store) = seeded(1_500).await;
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
                    let what = format!(
                        "{:?} {:?} {:?} {:?}",
                        f.severities, f.categories, f.reporters, f.statuses
                    );
                    let pages = [(1, 20), (2, 7), (1, 100), (9, 30)];
                    checked +=
                        compare_pages(conn, &f, (SortField::CreatedAt, order), &all, &pages, &what);
                }
            }
            Ok(checked)
        })
        .expect("checks run");
    assert!(checked > 500, "only {checked} cases were compared");
}
