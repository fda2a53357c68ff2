//! The WHERE clause of `_find`: every filter of the cases table UI, with the tag filter in one
//! of two shapes chosen by the caller from `tag_stats` (see [`TagMode`]).

use super::super::cases::severity_code;
use crate::store::CaseFilter;
use casebook_api::{Owner, Severity, Status};
use rusqlite::types::Value;

use super::super::cases::status_code;

/// A WHERE clause and its parameters.
pub struct Where {
    /// SQL text (without `WHERE`).
    pub sql: String,
    /// Positional parameters (`?1`…).
    pub args: Vec<Value>,
}

impl Where {
    /// An empty clause continuing after `args`.
    pub fn with_args(args: Vec<Value>) -> Self {
        Self {
            sql: String::new(),
            args,
        }
    }
    /// Adds a parameter and returns its placeholder.
    pub fn arg(&mut self, v: impl Into<Value>) -> String {
        self.args.push(v.into());
        format!("?{}", self.args.len())
    }
    /// Adds parameters and returns their comma-separated placeholders.
    pub fn list<T: Into<Value> + Clone>(&mut self, vs: &[T]) -> String {
        vs.iter()
            .map(|v| self.arg(v.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    }
    /// Appends `AND clause`.
    pub fn and(&mut self, clause: String) {
        self.sql.push_str(" AND ");
        self.sql.push_str(&clause);
    }
}

/// What drives a query over `cases`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Driver {
    /// A `cases` index on (space, owner, …) walked in order; tags and the search are probed
    /// per row (`EXISTS`, `rowid IN` a list). Best when matches are common.
    Index,
    /// The tag index: `rowid IN (cases with the tag)`. Best for rare tags.
    Tags,
    /// The full-text index: `rowid IN (matches)`. Best for rare terms.
    Search,
}

impl Driver {
    /// Whether the case columns must be kept off the indexes (`+col`) so the driver wins.
    fn drives(self, f: &CaseFilter) -> bool {
        match self {
            Driver::Index => false,
            Driver::Tags => !f.tags.is_empty(),
            Driver::Search => f
                .search
                .as_ref()
                .is_some_and(|s| s.fts.is_some() || s.id.is_some() || s.incremental_id.is_some()),
        }
    }

    /// The FROM clause: driven queries check each candidate in `cases_keys`, the narrow
    /// rowid-keyed copy of the filter columns, instead of in its wide row.
    pub fn from(self, f: &CaseFilter) -> &'static str {
        if self.drives(f) {
            "cases c INDEXED BY cases_keys"
        } else {
            "cases c"
        }
    }
}

/// Which rows a clause is for: the owners (and status) of a branch or of a count.
pub struct Scope<'a> {
    /// Owners (one for a page branch).
    pub owners: &'a [Owner],
    /// The status of a page branch.
    pub status: Option<Status>,
    /// The full-text expression to use instead of the search's own (one restricted to the
    /// branch's scope, see [`scoped_fts`], when the matches drive a branch).
    pub fts: Option<String>,
    /// Keep the status off the indexes: a createdAt page filtered by a column whose own index
    /// ends in `created_at` (severity, category, reporter, no assignees) walks that index in
    /// order, where the status index would read and sort every case of the status.
    pub status_off_index: bool,
}

/// Whether a filter with its own `(space, owner, column, created_at)` index is set (see
/// [`Scope::status_off_index`]).
pub fn has_ordered_filter(f: &CaseFilter) -> bool {
    f.severities.len() == 1
        || f.categories.len() == 1
        || f.reporters.len() == 1
        || (f.unassigned && f.assignees.is_empty())
}

/// Writes `space`, `owner`, `status` and every filter except statuses; with `with_search` also
/// the free-text search. When `driver` drives, the case columns are prefixed with `+` so no
/// case index competes with it, and the tag subquery carries the scope.
pub fn common(
    w: &mut Where,
    space: &str,
    f: &CaseFilter,
    scope: &Scope<'_>,
    with_search: bool,
    driver: Driver,
) {
    let p = if driver.drives(f) { "+" } else { "" };
    let s = w.arg(space.to_string());
    w.sql.push_str(&format!("{p}c.space = {s}"));
    let owners: Vec<String> = scope.owners.iter().map(|o| o.as_str().into()).collect();
    let l = w.list(&owners);
    w.and(format!("{p}c.owner IN ({l})"));
    if let Some(st) = scope.status {
        let a = w.arg(status_code(st));
        let q = if scope.status_off_index { "+" } else { p };
        w.and(format!("{q}c.status = {a}"));
    }
    if !f.severities.is_empty() {
        let codes: Vec<i64> = f.severities.iter().map(|s| severity_code(*s)).collect();
        let l = w.list(&codes);
        w.and(format!("{p}c.severity IN ({l})"));
    }
    if driver == Driver::Tags && !f.tags.is_empty() {
        let tl = w.list(&f.tags);
        let ol = w.list(&owners);
        let mut sub = format!(
            "SELECT t.case_rowid FROM case_tags t WHERE t.space = {s} AND t.owner IN ({ol}) AND t.tag IN ({tl})"
        );
        if let Some(st) = scope.status {
            let a = w.arg(status_code(st));
            sub.push_str(&format!(" AND t.status = {a}"));
        }
        w.and(format!("c.rowid IN ({sub})"));
    } else if !f.tags.is_empty() {
        let l = w.list(&f.tags);
        w.and(format!(
            "EXISTS (SELECT 1 FROM case_tags t WHERE t.case_rowid = c.rowid AND t.tag IN ({l}))"
        ));
    }
    if !f.assignees.is_empty() || f.unassigned {
        let mut parts = Vec::new();
        if !f.assignees.is_empty() {
            let l = w.list(&f.assignees);
            parts.push(format!(
                "EXISTS (SELECT 1 FROM case_assignees a WHERE a.case_rowid = c.rowid AND a.uid IN ({l}))"
            ));
        }
        if f.unassigned {
            parts.push(format!("{p}c.assignee_count = 0"));
        }
        w.and(format!("({})", parts.join(" OR ")));
    }
    if !f.reporters.is_empty() {
        let l = w.list(&f.reporters);
        w.and(format!("{p}c.reporter IN ({l})"));
    }
    if !f.categories.is_empty() {
        let l = w.list(&f.categories);
        w.and(format!("{p}c.category IN ({l})"));
    }
    if let Some(t) = f.created_from {
        let a = w.arg(t.timestamp_millis());
        w.and(format!("{p}c.created_at >= {a}"));
    }
    if let Some(t) = f.created_to {
        let a = w.arg(t.timestamp_millis());
        w.and(format!("{p}c.created_at <= {a}"));
    }
    if let Some(s) = f.search.as_ref().filter(|_| with_search) {
        // The alternatives are one list of rowids, so the search can drive through it: an OR
        // of `rowid IN (…)` and column tests would have SQLite scan every case instead.
        let mut any = Vec::new();
        if let Some(fts) = &s.fts {
            let a = w.arg(scope.fts.clone().unwrap_or_else(|| fts.clone()));
            any.push(format!(
                "SELECT {FTS_CASE_ROWID} FROM cases_fts WHERE cases_fts MATCH {a}"
            ));
        }
        if let Some(id) = &s.id {
            let a = w.arg(id.clone());
            any.push(format!("SELECT rowid FROM cases WHERE id = {a}"));
        }
        if let Some(n) = s.incremental_id {
            let (sp, a) = (w.arg(space.to_string()), w.arg(n));
            any.push(format!(
                "SELECT rowid FROM cases WHERE space = {sp} AND incremental_id = {a}"
            ));
        }
        if !any.is_empty() {
            // Unless the search drives, `+` keeps SQLite from driving by the matches anyway
            // (it would, and look up every match in the wide rows).
            let r = if driver == Driver::Search { "" } else { "+" };
            w.and(format!("{r}c.rowid IN ({})", any.join(" UNION ALL ")));
        }
        if let Some(not) = &s.fts_not {
            let a = w.arg(not.clone());
            w.and(format!(
                "c.rowid NOT IN (SELECT {FTS_CASE_ROWID} FROM cases_fts WHERE cases_fts MATCH {a})"
            ));
        }
    }
}

/// The case rowid of a full-text index row, whose own rowid is the case's `fts_key` (schema
/// migration 7: creation second × 2^31 + case rowid).
pub const FTS_CASE_ROWID: &str = "rowid & 2147483647";

/// The FTS5 expression `fts` restricted, through the index's `fts_scope` column (tokens
/// `sp<hex of space>`, `ow<owner>`, `st<status code>` and `sv<severity code>`, schema
/// migrations 6 and 7), to `space` and to each of the other lists that is not empty: the
/// full-text index alone then counts the matches in scope, with no look-up per match. Each
/// restriction costs a walk of a long token list, so callers leave out those that exclude no
/// case.
pub fn scoped_fts(fts: &str, space: Option<&str>, owners: &[Owner], rest: InIndex<'_>) -> String {
    let mut scope = Vec::new();
    if let Some(space) = space {
        scope.push(format!("sp{}", hex(space)));
    }
    let any = |tokens: Vec<String>| format!("({})", tokens.join(" OR "));
    if !owners.is_empty() {
        scope.push(any(owners
            .iter()
            .map(|o| format!("ow{}", o.as_str().to_lowercase()))
            .collect()));
    }
    if !rest.statuses.is_empty() {
        scope.push(any(rest
            .statuses
            .iter()
            .map(|s| format!("st{}", status_code(*s)))
            .collect()));
    }
    if !rest.severities.is_empty() {
        scope.push(any(rest
            .severities
            .iter()
            .map(|s| format!("sv{}", severity_code(*s)))
            .collect()));
    }
    if scope.is_empty() {
        fts.to_string()
    } else {
        format!("({fts}) AND fts_scope : ({})", scope.join(" AND "))
    }
}

/// The filters besides space and owner that the full-text index holds (see [`scoped_fts`]).
#[derive(Clone, Copy, Default)]
pub struct InIndex<'a> {
    /// Statuses (none: all).
    pub statuses: &'a [Status],
    /// Severities (none: all).
    pub severities: &'a [Severity],
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Whether any filter other than owners, statuses and the search is set.
pub fn has_other_filters(f: &CaseFilter) -> bool {
    !f.severities.is_empty() || beyond_the_index(f)
}

/// Whether any filter the full-text index does not hold (see [`scoped_fts`]) is set.
pub fn beyond_the_index(f: &CaseFilter) -> bool {
    !f.tags.is_empty()
        || !f.assignees.is_empty()
        || f.unassigned
        || !f.reporters.is_empty()
        || !f.categories.is_empty()
        || f.created_from.is_some()
        || f.created_to.is_some()
}

/// Whether tags are the only filter other than owners, statuses and the search.
pub fn only_tags(f: &CaseFilter) -> bool {
    !f.tags.is_empty()
        && f.severities.is_empty()
        && f.assignees.is_empty()
        && !f.unassigned
        && f.reporters.is_empty()
        && f.categories.is_empty()
        && f.created_from.is_none()
        && f.created_to.is_none()
}
