//! A case row written straight into `_find`'s JSON. The stored document already is the case's
//! JSON except for the fields kept in columns (title, description, version, totals…), so a page
//! splices those in instead of building a `Case` and serializing it again: on a default page,
//! parsing and re-writing twenty cases (dates, users, connector fields) cost more than the SQL.

use rusqlite::Row;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;

/// Top-level keys whose values come from columns, not from the stored document.
const FROM_COLUMNS: [&str; 9] = [
    "id",
    "version",
    "incremental_id",
    "title",
    "description",
    "totalComment",
    "totalAlerts",
    "totalEvents",
    "comments",
];

/// A JSON object's top-level members in document order, values left unparsed.
struct Members<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(32);
                while let Some(entry) = m.next_entry::<Cow<'de, str>, &'de RawValue>()? {
                    out.push(entry);
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// One case of a `_find` page as read from its row: the stored document and the fields kept in
/// columns. It serializes as the case with `comments: []` (what `serde_json::to_string` of
/// [`super::cases::case_from_row`]'s case would give, members in another order), splicing the
/// columns into the document's members straight into the response.
#[derive(Clone, Debug)]
pub struct FoundCase {
    id: String,
    version: String,
    incremental_id: Option<i64>,
    title: String,
    description: String,
    totals: [i64; 3],
    doc: String,
}

impl serde::Serialize for FoundCase {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeMap};
        let members: Members<'_> = serde_json::from_str(&self.doc).map_err(S::Error::custom)?;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("version", &self.version)?;
        m.serialize_entry("incremental_id", &self.incremental_id)?;
        m.serialize_entry("title", &self.title)?;
        m.serialize_entry("description", &self.description)?;
        m.serialize_entry("totalComment", &self.totals[0])?;
        m.serialize_entry("totalAlerts", &self.totals[1])?;
        m.serialize_entry("totalEvents", &self.totals[2])?;
        m.serialize_entry("comments", &[(); 0])?;
        for (key, value) in &members.0 {
            if !FROM_COLUMNS.contains(&key.as_ref()) {
                m.serialize_entry(key, value)?;
            }
        }
        m.end()
    }
}

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
