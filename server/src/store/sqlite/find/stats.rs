//! Trigger-maintained counts behind `_find`: `case_stats` (cases per owner and status),
//! `tag_stats` (tagged cases per owner, tag and status) and `facet_stats` (cases per owner,
//! status and severity or category). They give the status counts of the
//! common requests without touching `cases`, and tell the page query how selective a tag
//! filter is before it picks a plan.

use super::super::cases::{severity_code, status_code};
use super::filter::{Driver, Scope, Where, common, has_other_filters, only_tags};
use crate::store::{CaseFilter, StoreResult};
use casebook_api::metrics::StatusCounts;
use casebook_api::{Owner, Status};
use rusqlite::{Connection, params_from_iter};
use std::collections::HashMap;

/// Counts per (owner, status code).
#[derive(Default)]
pub struct Stats {
    /// Cases.
    pub cases: HashMap<(Owner, i64), i64>,
    /// Cases carrying any of the filter's tags (a sum over tags: exact for one tag, an upper
    /// bound for several).
    pub tagged: HashMap<(Owner, i64), i64>,
    /// For each severity, category, reporter or "no assignees" filter, the cases with one of
    /// its values (`facet_stats`): a branch where any of them is zero has no case to find.
    pub facets: Vec<HashMap<(Owner, i64), i64>>,
    /// Cases in other spaces.
    pub other_spaces: i64,
    /// Cases in this space of owners the filter leaves out.
    pub other_owners: i64,
}

impl Stats {
    /// Loads the counts the filter needs.
    pub fn load(conn: &Connection, space: &str, f: &CaseFilter) -> StoreResult<Self> {
        let mut out = Stats::default();
        let mut w = Where::with_args(vec![space.to_string().into()]);
        let owners: Vec<String> = f.owners.iter().map(|o| o.as_str().into()).collect();
        let l = w.list(&owners);
        let sql =
            format!("SELECT owner, status, n FROM case_stats WHERE space = ?1 AND owner IN ({l})");
        read_into(conn, &sql, &w, &mut out.cases)?;
        let sql = format!(
            "SELECT coalesce(sum(CASE WHEN space <> ?1 THEN n END), 0),
                    coalesce(sum(CASE WHEN space = ?1 AND owner NOT IN ({l}) THEN n END), 0)
             FROM case_stats"
        );
        (out.other_spaces, out.other_owners) = super::prepare(conn, &sql, &w.args)?
            .query_row(params_from_iter(w.args.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        if !f.tags.is_empty() {
            let t = w.list(&f.tags);
            let sql = format!(
                "SELECT owner, status, sum(n) FROM tag_stats WHERE space = ?1 AND owner IN ({l})
                 AND tag IN ({t}) GROUP BY owner, status"
            );
            read_into(conn, &sql, &w, &mut out.tagged)?;
        }
        for (facet, values) in facets_of(f) {
            let mut fw = Where::with_args(vec![space.to_string().into(), facet.to_string().into()]);
            let (l, v) = (fw.list(&owners), fw.list(&values));
            let sql = format!(
                "SELECT owner, status, n FROM facet_stats WHERE space = ?1 AND owner IN ({l})
                 AND facet = ?2 AND value IN ({v})"
            );
            let mut map = HashMap::new();
            read_into(conn, &sql, &fw, &mut map)?;
            out.facets.push(map);
        }
        Ok(out)
    }

    /// Whether every facet filter has cases of this owner and status (see [`Stats::facets`]).
    pub fn in_facets(&self, owner: Owner, status: Option<Status>) -> bool {
        self.facets
            .iter()
            .all(|m| Self::sum(m, Some(owner), status) > 0)
    }

    fn sum(map: &HashMap<(Owner, i64), i64>, owner: Option<Owner>, status: Option<Status>) -> i64 {
        map.iter()
            .filter(|((o, s), _)| {
                owner.is_none_or(|x| x == *o) && status.is_none_or(|x| status_code(x) == *s)
            })
            .map(|(_, n)| *n)
            .sum()
    }

    /// Cases of an owner (and status).
    pub fn cases_of(&self, owner: Option<Owner>, status: Option<Status>) -> i64 {
        Self::sum(&self.cases, owner, status)
    }

    /// Tagged cases of an owner (and status).
    pub fn tagged_of(&self, owner: Option<Owner>, status: Option<Status>) -> i64 {
        Self::sum(&self.tagged, owner, status)
    }

    /// What should drive the rows of `owner`/`status` for a page of `window` rows, given
    /// `matches` search hits (if searching): a tag or search index when its candidates are so
    /// few that walking the sorted index would visit more rows (`window × all / candidates`)
    /// than there are candidates.
    pub fn driver(
        &self,
        f: &CaseFilter,
        owner: Option<Owner>,
        status: Option<Status>,
        window: i64,
        matches: Option<i64>,
    ) -> Driver {
        let all = self.cases_of(owner, status);
        let rare = |n: i64| n.saturating_mul(n) < window.saturating_mul(all);
        let tagged = (!f.tags.is_empty()).then(|| self.tagged_of(owner, status));
        match (tagged, matches) {
            (Some(t), Some(m)) if m < t && rare(m) => Driver::Search,
            (Some(t), _) if rare(t) => Driver::Tags,
            (None, Some(m)) if rare(m) => Driver::Search,
            _ => Driver::Index,
        }
    }

    /// What should drive a count (which visits every match): the tag index unless most
    /// cases carry the tags.
    pub fn count_driver(&self, f: &CaseFilter) -> Driver {
        if !f.tags.is_empty() && self.tagged_of(None, None) * 4 < self.cases_of(None, None) {
            Driver::Tags
        } else {
            Driver::Index
        }
    }
}

fn read_into(
    conn: &Connection,
    sql: &str,
    w: &Where,
    map: &mut HashMap<(Owner, i64), i64>,
) -> StoreResult<()> {
    let mut stmt = super::prepare(conn, sql, &w.args)?;
    let mut rows = stmt.query(params_from_iter(w.args.iter()))?;
    while let Some(r) = rows.next()? {
        let owner: String = r.get(0)?;
        if let Ok(o) = owner.parse::<Owner>() {
            *map.entry((o, r.get(1)?)).or_default() += r.get::<_, i64>(2)?;
        }
    }
    Ok(())
}

/// The filter's severity, category, reporter and "no assignees" filters as `facet_stats`
/// facets and values ("no assignees" only alone: with assignees it is an OR).
fn facets_of(f: &CaseFilter) -> Vec<(&'static str, Vec<String>)> {
    let facets = [
        (!f.severities.is_empty()).then(|| {
            let codes = f.severities.iter().map(|s| severity_code(*s).to_string());
            ("sv", codes.collect())
        }),
        (!f.categories.is_empty()).then(|| ("ca", f.categories.clone())),
        (!f.reporters.is_empty()).then(|| ("rp", f.reporters.clone())),
        (f.unassigned && f.assignees.is_empty()).then(|| ("un", vec![String::new()])),
    ];
    facets.into_iter().flatten().collect()
}

/// Whether one of severities, categories, reporters or "no assignees" is the filter's only
/// filter besides owners, statuses and the search.
fn one_facet(f: &CaseFilter) -> bool {
    let rest = CaseFilter {
        severities: vec![],
        categories: vec![],
        reporters: vec![],
        unassigned: f.unassigned && !f.assignees.is_empty(),
        ..f.clone()
    };
    facets_of(f).len() == 1 && !has_other_filters(&rest)
}

fn counts_from(map: &HashMap<(Owner, i64), i64>) -> StatusCounts {
    let mut c = StatusCounts::default();
    for ((_, s), n) in map {
        match s {
            0 => c.open += n,
            1 => c.in_progress += n,
            _ => c.closed += n,
        }
    }
    c
}

/// Status counts of the cases matching `f`, ignoring its statuses and its search (Kibana's
/// `count_*_cases`).
pub fn status_counts(
    conn: &Connection,
    space: &str,
    f: &CaseFilter,
    stats: &Stats,
) -> StoreResult<StatusCounts> {
    if !has_other_filters(f) {
        return Ok(counts_from(&stats.cases));
    }
    if only_tags(f) && f.tags.len() == 1 {
        return Ok(counts_from(&stats.tagged));
    }
    // One facet alone: its `facet_stats` rows, loaded with the stats, are the counts.
    if let (true, [counts]) = (one_facet(f), stats.facets.as_slice()) {
        return Ok(counts_from(counts));
    }
    if let [a, b] = f.tags.as_slice()
        && a != b
        && only_tags(f)
    {
        return two_tags(conn, space, f, stats, (a, b));
    }
    let mut w = Where::with_args(vec![]);
    let sql = if only_tags(f) {
        // Several tags: count distinct cases on the tag index alone.
        let s = w.arg(space.to_string());
        let owners: Vec<String> = f.owners.iter().map(|o| o.as_str().into()).collect();
        let ol = w.list(&owners);
        let tl = w.list(&f.tags);
        format!(
            "SELECT t.status, count(DISTINCT t.case_rowid) FROM case_tags t
             WHERE t.space = {s} AND t.owner IN ({ol}) AND t.tag IN ({tl}) GROUP BY t.status"
        )
    } else {
        let scope = Scope {
            owners: &f.owners,
            status: None,
            fts: None,
            status_off_index: false,
        };
        let driver = stats.count_driver(f);
        common(&mut w, space, f, &scope, false, driver);
        format!(
            "SELECT c.status, count(*) FROM {} WHERE {} GROUP BY c.status",
            driver.from(f),
            w.sql
        )
    };
    let mut stmt = super::prepare(conn, &sql, &w.args)?;
    let mut rows = stmt.query(params_from_iter(w.args.iter()))?;
    let mut counts = StatusCounts::default();
    while let Some(r) = rows.next()? {
        let n: i64 = r.get(1)?;
        match r.get::<_, i64>(0)? {
            0 => counts.open = n,
            1 => counts.in_progress = n,
            _ => counts.closed = n,
        }
    }
    Ok(counts)
}

/// Status counts of the cases with either of two tags: |A ∪ B| = |A| + |B| − |A ∩ B| per
/// owner and status. `stats.tagged` already holds |A| + |B| (`tag_stats` summed over both);
/// the overlap is counted from the rarer tag's rows, each probing whether its case carries
/// the other, where a distinct count would read every row of both (1M cases, `endpoint` or
/// `ransomware`: 130 ms that way).
fn two_tags(
    conn: &Connection,
    space: &str,
    f: &CaseFilter,
    stats: &Stats,
    (a, b): (&String, &String),
) -> StoreResult<StatusCounts> {
    let owners: Vec<String> = f.owners.iter().map(|o| o.as_str().into()).collect();
    let mut w = Where::with_args(vec![space.to_string().into()]);
    let l = w.list(&owners);
    let (x, y) = (w.arg(a.clone()), w.arg(b.clone()));
    let sql = format!(
        "SELECT coalesce(sum(CASE WHEN tag = {x} THEN n END), 0),
                coalesce(sum(CASE WHEN tag = {y} THEN n END), 0)
         FROM tag_stats WHERE space = ?1 AND owner IN ({l}) AND tag IN ({x}, {y})"
    );
    let (na, nb): (i64, i64) = super::prepare(conn, &sql, &w.args)?
        .query_row(params_from_iter(w.args.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let (rare, other) = if na <= nb { (a, b) } else { (b, a) };
    let mut w = Where::with_args(vec![space.to_string().into()]);
    let l = w.list(&owners);
    let (r, o) = (w.arg(rare.clone()), w.arg(other.clone()));
    let sql = format!(
        "SELECT t.owner, t.status, count(*) FROM case_tags t
         WHERE t.space = ?1 AND t.owner IN ({l}) AND t.tag = {r}
           AND EXISTS (SELECT 1 FROM case_tags u WHERE u.case_rowid = t.case_rowid AND u.tag = {o})
         GROUP BY t.owner, t.status"
    );
    let mut both = HashMap::new();
    read_into(conn, &sql, &w, &mut both)?;
    let mut union = stats.tagged.clone();
    for (k, n) in both {
        *union.entry(k).or_default() -= n;
    }
    Ok(counts_from(&union))
}
