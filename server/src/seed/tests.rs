//! Seeded data is consistent (statuses and close fields, totals and attachments, user actions
//! for every change) and reproducible.

use super::seed_with_progress;
use crate::store::sqlite::SqliteStore;

async fn seeded(dir: &std::path::Path, n: usize) -> SqliteStore {
    let store = SqliteStore::open(&dir.join("seed.db")).expect("open");
    let report = seed_with_progress(&store, "demo", n, false)
        .await
        .expect("seed");
    assert_eq!(report.cases, n);
    assert!(report.per_owner.iter().all(|n| *n > 0), "{report:?}");
    store
}

fn one(store: &SqliteStore, sql: &str) -> i64 {
    store
        .with_bulk_connection(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
        .expect(sql)
}

#[tokio::test(flavor = "multi_thread")]
async fn seeded_cases_are_consistent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = seeded(dir.path(), 400).await;
    let zero = [
        // closed ⇔ closed_at/closed_by/duration
        "SELECT count(*) FROM cases WHERE (status = 2) <> (closed_at IS NOT NULL)",
        "SELECT count(*) FROM cases WHERE status = 2 AND (json_extract(doc, '$.closed_by') IS NULL
            OR json_extract(doc, '$.duration') <> (closed_at - created_at) / 1000)",
        "SELECT count(*) FROM cases WHERE closed_at < created_at OR updated_at < created_at",
        // totals agree with the attachments
        "SELECT count(*) FROM cases c WHERE total_comment <>
            (SELECT count(*) FROM attachments a WHERE a.case_rowid = c.rowid AND a.type = 'user')",
        "SELECT count(*) FROM cases c WHERE total_alerts <>
            (SELECT count(DISTINCT alert_id) FROM case_alerts a WHERE a.case_rowid = c.rowid)",
        // one create_case per case, one comment action per attachment, a status action per
        // non-open case
        "SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM user_actions u
            WHERE u.case_rowid = c.rowid AND u.type = 'create_case') <> 1",
        "SELECT count(*) FROM attachments a WHERE NOT EXISTS (SELECT 1 FROM user_actions u
            WHERE u.type = 'comment' AND json_extract(u.doc, '$.comment_id') = a.id)",
        "SELECT count(*) FROM cases c WHERE status > 0 AND NOT EXISTS (SELECT 1 FROM user_actions u
            WHERE u.case_rowid = c.rowid AND u.type = 'status')",
        // counters and stats follow
        "SELECT 400 - last_incremental_id FROM counters WHERE space = 'demo'",
        "SELECT 400 - sum(n) FROM case_stats WHERE space = 'demo'",
        "SELECT count(*) FROM case_tags t WHERE t.status <> (SELECT status FROM cases WHERE rowid = t.case_rowid)",
        "SELECT count(*) FROM case_tags t
            WHERE t.updated_at IS NOT (SELECT updated_at FROM cases WHERE rowid = t.case_rowid)",
    ];
    for sql in zero {
        assert_eq!(one(&store, sql), 0, "{sql}");
    }
    assert_eq!(one(&store, "SELECT count(*) FROM users"), 8);
}

#[tokio::test(flavor = "multi_thread")]
async fn seeding_is_reproducible_and_appends() {
    let (a, b) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let titles = |s: &SqliteStore| {
        s.with_bulk_connection(|c| {
            let mut stmt = c.prepare("SELECT title || description FROM cases ORDER BY rowid")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .expect("titles")
    };
    let (sa, sb) = (seeded(a.path(), 50).await, seeded(b.path(), 50).await);
    assert_eq!(titles(&sa), titles(&sb));
    seed_with_progress(&sa, "demo", 50, false)
        .await
        .expect("second seed appends");
    assert_eq!(one(&sa, "SELECT count(*) FROM cases"), 100);
}
