//! Checks the one-tag pages sorted by updatedAt that walk the tag rows ([`super::tag_walk`])
//! against a plain sort of the cases' own `updated_at` (many of them still unset), per status
//! and across owners, in both orders: the tag rows' copy of `updated_at` must follow the cases.
//! Also the status counts of two tags, taken from `tag_stats` less their overlap.

use super::find;
use crate::store::sqlite::SqliteStore;
use crate::store::sqlite::cases::status_code;
use crate::store::{CaseFilter, Page};
use casebook_api::find::{SortField, SortOrder};
use casebook_api::{Owner, Status};
use rusqlite::Connection;

/// Every case of `owners` with `tag` and one of `statuses`, in `updated_at`, then rowid, order.
fn reference(conn: &Connection, tag: &str, f: &CaseFilter, dir: &str) -> Vec<String> {
    let owners: Vec<String> = f
        .owners
        .iter()
        .map(|o| format!("'{}'", o.as_str()))
        .collect();
    let statuses: Vec<String> = f
        .statuses
        .iter()
        .map(|s| status_code(*s).to_string())
        .collect();
    let sql = format!(
        "SELECT id FROM cases WHERE owner IN ({}) AND status IN ({}) AND rowid IN \
         (SELECT case_rowid FROM case_tags WHERE tag = ?1) ORDER BY updated_at {dir}, rowid {dir}",
        owners.join(", "),
        statuses.join(", ")
    );
    let mut stmt = conn.prepare(&sql).expect("reference prepares");
    stmt.query_map([tag], |r| r.get(0))
        .expect("reference runs")
        .collect::<Result<_, _>>()
        .expect("reference rows")
}

#[tokio::test(flavor = "multi_thread")]
async fn tag_pages_by_update_match_a_full_sort() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("tags.db")).expect("open");
    crate::seed::seed_with_progress(&store, "default", 1_500, false)
        .await
        .expect("seed");
    let checked = store
        .with_bulk_connection(|conn| {
            let mut checked = 0;
            let status_sets = [
                vec![Status::Open],
                vec![Status::InProgress],
                vec![Status::Open, Status::InProgress],
                vec![Status::Closed],
            ];
            let owner_sets = [Owner::ALL.to_vec(), vec![Owner::Observability]];
            for tag in ["endpoint", "ransomware", "latency", "no-such-tag"] {
                for (statuses, owners) in status_sets
                    .iter()
                    .flat_map(|s| owner_sets.iter().map(move |o| (s, o)))
                {
                    let f = CaseFilter {
                        owners: owners.clone(),
                        statuses: statuses.clone(),
                        tags: vec![tag.to_string()],
                        ..CaseFilter::default()
                    };
                    for (order, dir) in [(SortOrder::Desc, "DESC"), (SortOrder::Asc, "ASC")] {
                        let all = reference(conn, tag, &f, dir);
                        for (page, per_page) in [(1, 20), (2, 7), (1, 100)] {
                            let p = Page { page, per_page };
                            let sort = (SortField::UpdatedAt, order);
                            let got = find(conn, &super::Memo::default(), "default", &f, sort, p)
                                .expect("find runs");
                            let ids: Vec<&str> = got.cases.iter().map(|c| c.id.as_str()).collect();
                            let want: Vec<&str> = all
                                .iter()
                                .skip(p.offset())
                                .take(per_page)
                                .map(String::as_str)
                                .collect();
                            assert_eq!(
                                ids, want,
                                "{tag} {owners:?} {statuses:?} {dir} page {page}×{per_page}"
                            );
                            assert_eq!(got.total, all.len(), "{tag} {owners:?} {statuses:?}");
                            checked += ids.len();
                        }
                    }
                }
            }
            Ok(checked)
        })
        .expect("checks run");
    assert!(checked > 500, "only {checked} cases were compared");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_tag_counts_match_a_count_of_the_cases() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("two.db")).expect("open");
    crate::seed::seed_with_progress(&store, "default", 1_500, false)
        .await
        .expect("seed");
    let pairs = [
        ("endpoint", "ransomware"),
        ("latency", "endpoint"),
        ("endpoint", "no-such-tag"),
    ];
    store
        .with_bulk_connection(|conn| {
            for (a, b) in pairs {
                for owners in [Owner::ALL.to_vec(), vec![Owner::SecuritySolution]] {
                    let l: Vec<String> =
                        owners.iter().map(|o| format!("'{}'", o.as_str())).collect();
                    let sql = format!(
                        "SELECT status, count(*) FROM cases WHERE owner IN ({}) AND rowid IN \
                         (SELECT case_rowid FROM case_tags WHERE tag IN (?1, ?2)) GROUP BY status",
                        l.join(", ")
                    );
                    let mut want = [0_usize; 3];
                    let mut stmt = conn.prepare(&sql)?;
                    let mut rows = stmt.query([a, b])?;
                    while let Some(r) = rows.next()? {
                        want[r.get::<_, usize>(0)?] = r.get(1)?;
                    }
                    let f = CaseFilter {
                        owners: owners.clone(),
                        statuses: vec![Status::Open, Status::Closed],
                        tags: vec![a.to_string(), b.to_string()],
                        ..CaseFilter::default()
                    };
                    let sort = (SortField::CreatedAt, SortOrder::Desc);
                    let p = Page {
                        page: 1,
                        per_page: 5,
                    };
                    let got = find(conn, &super::Memo::default(), "default", &f, sort, p)
                        .expect("find runs");
                    let c = got.counts;
                    let what = format!("{a} or {b} {owners:?}");
                    assert_eq!(
                        [c.open, c.in_progress, c.closed].map(|n| n as usize),
                        want,
                        "{what}"
                    );
                    assert_eq!(got.total, want[0] + want[2], "{what}");
                    assert!(want.iter().sum::<usize>() > 0, "{what}: a weak check");
                }
            }
            Ok(())
        })
        .expect("checks run");
}
