//! A case row written straight to `_find`'s JSON. The stored document already is the case's
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

fn conversion_error(e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(e))
}

/// Writes `v` as JSON onto `out` (strings escaped, numbers and null as themselves).
fn push<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) -> rusqlite::Result<()> {
    serde_json::to_writer(&mut *out, v).map_err(conversion_error)
}

/// The case of a row selected with [`super::cases::CASE_COLUMNS`] as `_find` answers it: what
/// `serde_json::to_string` of [`super::cases::case_from_row`]'s case would give with
/// `comments: []` (members in another order).
pub fn find_json_from_row(r: &Row<'_>) -> rusqlite::Result<Box<RawValue>> {
    let doc = r.get_ref(8)?.as_str()?;
    let members: Members<'_> = serde_json::from_str(doc).map_err(conversion_error)?;
    let mut out = Vec::with_capacity(doc.len() + 256);
    out.extend_from_slice(b"{\"id\":");
    push(&mut out, r.get_ref(0)?.as_str()?)?;
    out.extend_from_slice(b",\"version\":");
    push(&mut out, r.get_ref(1)?.as_str()?)?;
    out.extend_from_slice(b",\"incremental_id\":");
    push(&mut out, &r.get::<_, Option<i64>>(2)?)?;
    out.extend_from_slice(b",\"title\":");
    push(&mut out, r.get_ref(3)?.as_str()?)?;
    out.extend_from_slice(b",\"description\":");
    push(&mut out, r.get_ref(4)?.as_str()?)?;
    for (i, key) in [(5, "totalComment"), (6, "totalAlerts"), (7, "totalEvents")] {
        out.extend_from_slice(format!(",\"{key}\":{}", r.get::<_, i64>(i)?).as_bytes());
    }
    out.extend_from_slice(b",\"comments\":[]");
    for (key, value) in &members.0 {
        if FROM_COLUMNS.contains(&key.as_ref()) {
            continue;
        }
        out.push(b',');
        push(&mut out, key.as_ref())?;
        out.push(b':');
        out.extend_from_slice(value.get().as_bytes());
    }
    out.push(b'}');
    let text = String::from_utf8(out).map_err(conversion_error)?;
    RawValue::from_string(text).map_err(conversion_error)
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
                    .query_map([], find_json_from_row)?
                    .collect::<Result<_, _>>()?;
                assert_eq!(built.len(), 300);
                assert!(
                    built
                        .iter()
                        .any(|c| c.total_comment > 0 && c.total_alerts > 0)
                );
                for (mut case, raw) in built.into_iter().zip(spliced) {
                    case.comments = Some(vec![]);
                    let parsed: casebook_api::Case = serde_json::from_str(raw.get()).unwrap();
                    assert_eq!(parsed, case);
                    let members: serde_json::Map<String, serde_json::Value> =
                        serde_json::from_str(raw.get()).unwrap();
                    let again = serde_json::to_value(&case).unwrap();
                    assert_eq!(members.len(), again.as_object().unwrap().len());
                }
                let first: String =
                    conn.query_row("SELECT id FROM cases WHERE rowid = 1", [], |r| r.get(0))?;
                let raw = stmt.query_map([], find_json_from_row)?.next().unwrap()?;
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
