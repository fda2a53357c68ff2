//! Checks the one-tag pages sorted by updatedAt that walk the tag rows ([`super::tag_walk`])
//! against a plain sort of the cases' own `updated_at` (many of them still unset), per status
//! and across owners, in both orders: the tag rows' copy of `updated_at` must follow the cases.
//! Also the status counts of two tags, taken from `tag_stats` less their overlap.

use super::checks::{compare_pages, ids, owners_sql, seeded, statuses_sql};
use super::find;
use crate::store::{CaseFilter, Page};
use casebook_api::find::{SortField, SortOrder};
use casebook_api::{Owner, Status};
use rusqlite::Connection;

/// Every case of `owners` with `tag` and one of `statuses`, in `updated_at`, then rowid, order.
fn reference(conn: &Connection, tag: &str, f: &CaseFilter, dir: &str) -> Vec<String> {
    let sql = format!(
        "SELECT id FROM cases WHERE owner IN ({}) AND status IN ({}) AND rowid IN \
         (SELECT case_rowid FROM case_tags WHERE tag = ?1) ORDER BY updated_at {dir}, rowid {dir}",
        owners_sql(&f.owners),
        statuses_sql(&f.statuses)
    );
    ids(conn, &sql, [tag])
}

#[tokio::test(flavor = "multi_thread")]
async fn tag_pages_by_update_match_a_full_sort() {
    let (_dir, store) = seeded(1_500).await;
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
                        let sort = (SortField::UpdatedAt, order);
                        let what = format!("{tag} {owners:?} {statuses:?}");
                        checked += compare_pages(
                            conn,
                            &f,
                            sort,
                            &all,
                            &[(1, 20), (2, 7), (1, 100)],
                            &what,
                        );
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
    let (_dir, store) = seeded(1_500).await;
    let pairs = [
        ("endpoint", "ransomware"),
        ("latency", "endpoint"),
        ("endpoint", "no-such-tag"),
    ];
    store
        .with_bulk_connection(|conn| {
            for (a, b) in pairs {
                for owners in [Owner::ALL.to_vec(), vec![Owner::SecuritySolution]] {
                    let sql = format!(
                        "SELECT status, count(*) FROM cases WHERE owner IN ({}) AND rowid IN \
                         (SELECT case_rowid FROM case_tags WHERE tag IN (?1, ?2)) GROUP BY status",
                        owners_sql(&owners)
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
