//! A `_find` row read as a [`FoundCase`] (the document and its columns, not parsed here).

use crate::store::FoundCase;
use rusqlite::Row;

/// Reads a row selected with [`super::cases::CASE_COLUMNS`].
pub fn found_case_from_row(r: &Row<'_>) -> rusqlite::Result<FoundCase> {
    Ok(FoundCase {
        id: r.get(0)?,
        version: r.get(1)?,
        incremental_id: r.get(2)?,
        title: r.get(3)?,
        description: r.get(4)?,
        totals: [r.get(5)?, r.get(6)?, r.get(7)?],
        doc: r.get(8)?,
    })
}

#[cfg(test)]
mod tests {
    use super::super::cases::{CASE_COLUMNS, case_from_row};
    use super::*;
    use crate::store::sqlite::SqliteStore;

    /// Every seeded case (comments, alerts, closed ones, custom fields, assignees…) spliced
    /// equals the case built from its row, and no member appears twice (serde rejects a
    /// duplicate; a browser would silently take the last).
    #[tokio::test(flavor = "multi_thread")]
    async fn spliced_json_is_the_case_with_empty_comments() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SqliteStore::open(&dir.path().join("json.db")).expect("open");
        crate::seed::seed_with_progress(&store, "default", 300, false)
            .await
            .expect("seed");
        // A title and description only the columns hold, with characters to escape.
        let title = "Ransomware \"lockbit\" on db-01 \\ zoë";
        store
            .with_bulk_connection(|conn| {
                conn.execute(
                    "UPDATE cases SET title = ?1, description = ?1 || char(10) WHERE rowid = 1",
                    [title],
                )?;
                let sql = format!("SELECT {CASE_COLUMNS} FROM cases c ORDER BY c.rowid");
                let mut stmt = conn.prepare(&sql)?;
                let built: Vec<_> = stmt
                    .query_map([], case_from_row)?
                    .collect::<Result<_, _>>()?;
                let spliced: Vec<_> = stmt
                    .query_map([], found_case_from_row)?
                    .collect::<Result<_, _>>()?;
                assert_eq!(built.len(), 300);
                assert!(
                    built
                        .iter()
                        .any(|c| c.total_comment > 0 && c.total_alerts > 0)
                );
                for (mut case, found) in built.into_iter().zip(spliced) {
                    case.comments = Some(vec![]);
                    let raw = serde_json::value::to_raw_value(&found).unwrap();
                    let parsed: casebook_api::Case = serde_json::from_str(raw.get()).unwrap();
                    assert_eq!(parsed, case);
                    let members: serde_json::Map<String, serde_json::Value> =
                        serde_json::from_str(raw.get()).unwrap();
                    let again = serde_json::to_value(&case).unwrap();
                    assert_eq!(members.len(), again.as_object().unwrap().len());
                }
                let first: String =
                    conn.query_row("SELECT id FROM cases WHERE rowid = 1", [], |r| r.get(0))?;
                let found = stmt.query_map([], found_case_from_row)?.next().unwrap()?;
                let raw = serde_json::value::to_raw_value(&found).unwrap();
                assert!(raw.get().contains(&first));
                assert_eq!(raw.get().matches("\"title\":").count(), 1);
                assert!(
                    raw.get()
                        .contains(r#"Ransomware \"lockbit\" on db-01 \\ zoë"#)
                );
                Ok(())
            })
            .expect("rows");
    }
}
