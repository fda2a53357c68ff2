//! A `_find` case written straight into the response. A store keeps each case's JSON document
//! with the often-changing fields (title, description, version, totals) beside it, so a page
//! splices those into the document instead of building a `Case` and serializing it again: on a
//! default page, parsing and re-writing twenty cases (dates, users, connector fields) cost more
//! than the SQL.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;

/// Top-level keys whose values come from the fields beside the document, not from it.
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

/// One case of a `_find` page as a store reads it: the stored document and the fields a store
/// keeps beside it. It serializes as the case with `comments: []` (what `serde_json::to_string`
/// of the `Case` would give, members in another order), splicing those fields into the
/// document's members straight into the response.
#[derive(Clone, Debug)]
pub struct FoundCase {
    /// Case id.
    pub id: String,
    /// Current version.
    pub version: String,
    /// Human-readable number within the space.
    pub incremental_id: Option<i64>,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// `totalComment`, `totalAlerts`, `totalEvents`.
    pub totals: [i64; 3],
    /// The case's JSON as stored; its members named in [`FROM_COLUMNS`] are ignored.
    pub doc: String,
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
