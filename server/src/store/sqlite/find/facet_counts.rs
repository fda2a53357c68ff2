//! Checks the status counts read from `facet_stats` (a severity, category, reporter or "no
//! assignees" filter alone) against a count of the cases themselves, after cases were edited
//! and deleted.

use super::find;
use crate::store::sqlite::cases::severity_code;
use crate::store::{CaseFilter, Page};
use casebook_api::find::{SortField, SortOrder};
use casebook_api::{Owner, Severity, Status};
use rusqlite::Connection;

/// Open, in-progress and closed cases of `owners` where `cond` holds, counted in `cases`.
fn counted(conn: &Connection, owners: &[Owner], cond: &str) -> [i64; 3] {
    let sql = format!(
        "SELECT status, count(*) FROM cases WHERE space = 'default' AND owner IN ({}) AND {cond}
         GROUP BY status",
        super::checks::owners_sql(owners)
    );
    let mut out = [0; 3];
    let mut stmt = conn.prepare(&sql).expect("count prepares");
    let mut rows = stmt.query([]).expect("count runs");
    while let Some(r) = rows.next().expect("count row") {
        out[r.get::<_, usize>(0).expect("status")] = r.get(1).expect("n");
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn severity_and_category_counts_follow_edits_and_deletes() {
    let (_dir, store) = super::checks::seeded(1_000).await;
    let compared = store
        .with_bulk_connection(|conn| {
            conn.execute_batch(
                "UPDATE cases SET status = (status + 1) % 3 WHERE rowid % 5 = 0;
                 UPDATE cases SET severity = (severity + 1) % 4 WHERE rowid % 7 = 0;
                 UPDATE cases SET category = NULL WHERE rowid % 11 = 0;
                 UPDATE cases SET category = 'Moved' WHERE rowid % 13 = 0;
                 UPDATE cases SET reporter = 'moved.user' WHERE rowid % 9 = 0;
                 UPDATE cases SET assignee_count = 1 - min(assignee_count, 1) WHERE rowid % 6 = 0;
                 DELETE FROM cases WHERE rowid % 17 = 0;",
            )?;
            let categories: Vec<String> = conn
                .prepare("SELECT DISTINCT category FROM cases WHERE category IS NOT NULL")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            assert!(categories.len() > 2, "the seed sets categories");
            let mut compared = 0;
            for owners in [Owner::ALL.to_vec(), vec![Owner::SecuritySolution]] {
                let mut filters = Vec::new();
                for sv in [Severity::Low, Severity::High, Severity::Critical] {
                    let cond = format!("severity = {}", severity_code(sv));
                    let f = CaseFilter {
                        severities: vec![sv],
                        ..CaseFilter::default()
                    };
                    filters.push((f, cond));
                }
                for c in &categories {
                    let f = CaseFilter {
                        categories: vec![c.clone()],
                        ..CaseFilter::default()
                    };
                    filters.push((f, format!("category = '{c}'")));
                }
                for r in ["alice.chen", "moved.user"] {
                    let f = CaseFilter {
                        reporters: vec![r.to_string()],
                        ..CaseFilter::default()
                    };
                    filters.push((f, format!("reporter = '{r}'")));
                }
                let none = CaseFilter {
                    unassigned: true,
                    ..CaseFilter::default()
                };
                filters.push((none, "assignee_count = 0".to_string()));
                for (f, cond) in filters {
                    let f = CaseFilter {
                        owners: owners.clone(),
                        statuses: vec![Status::Open],
                        ..f
                    };
                    let sort = (SortField::CreatedAt, SortOrder::Desc);
                    let page = Page {
                        page: 1,
                        per_page: 5,
                    };
                    let got = find(conn, &super::Memo::default(), "default", &f, sort, page)
                        .expect("find runs")
                        .counts;
                    let want = counted(conn, &owners, &cond);
                    if owners.len() == Owner::ALL.len() {
                        assert!(
                            want.iter().sum::<i64>() > 0,
                            "no case has {cond}: a weak check"
                        );
                    }
                    assert_eq!(
                        [got.open, got.in_progress, got.closed],
                        want,
                        "{cond} {owners:?}"
                    );
                    compared += 1;
                }
            }
            Ok(compared)
        })
        .expect("checks run");
    assert!(compared > 8, "only {compared} filters compared");
}
