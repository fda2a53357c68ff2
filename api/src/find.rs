//! Find parameters and responses: cases `_find`, comments `_find`, user actions `_find`. The
//! parameters parse from a [`Query`] (server) and render back to pairs (SPA), with Kibana's
//! defaults and limit messages.

use crate::case::{Case, Severity, Status};
use crate::error::ApiError;
use crate::limits::*;
use crate::owner::Owner;
use crate::query::Query;
use crate::user_action::UserActionFindType;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// Sort order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Oldest / smallest first.
    Asc,
    /// Newest / largest first.
    #[default]
    Desc,
}

impl SortOrder {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        }
    }
    fn parse(s: &str) -> Result<Self, ApiError> {
        match s {
            "asc" => Ok(Self::Asc),
            "desc" => Ok(Self::Desc),
            _ => Err(invalid(s, "sortOrder")),
        }
    }
}

/// Cases sort field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortField {
    /// Creation time (default).
    #[default]
    CreatedAt,
    /// Update time.
    UpdatedAt,
    /// Close time.
    ClosedAt,
    /// Title.
    Title,
    /// Category.
    Category,
    /// Status.
    Status,
    /// Severity.
    Severity,
}

impl SortField {
    /// Every sort field.
    pub const ALL: [SortField; 7] = [
        SortField::CreatedAt,
        SortField::UpdatedAt,
        SortField::ClosedAt,
        SortField::Title,
        SortField::Category,
        SortField::Status,
        SortField::Severity,
    ];
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SortField::CreatedAt => "createdAt",
            SortField::UpdatedAt => "updatedAt",
            SortField::ClosedAt => "closedAt",
            SortField::Title => "title",
            SortField::Category => "category",
            SortField::Status => "status",
            SortField::Severity => "severity",
        }
    }
    /// Parses a wire name (also the snake_case names Kibana accepts).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "created_at" => Some(Self::CreatedAt),
            "updated_at" => Some(Self::UpdatedAt),
            "closed_at" => Some(Self::ClosedAt),
            _ => Self::ALL.into_iter().find(|f| f.as_str() == s),
        }
    }
}

/// A field `search` looks in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SearchField {
    /// Title.
    Title,
    /// Description.
    Description,
    /// The incremental id (`incremental_id.text`).
    IncrementalId,
}

impl SearchField {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchField::Title => "title",
            SearchField::Description => "description",
            SearchField::IncrementalId => "incremental_id.text",
        }
    }
    fn parse(s: &str) -> Result<Self, ApiError> {
        match s {
            "title" => Ok(Self::Title),
            "description" => Ok(Self::Description),
            "incremental_id.text" => Ok(Self::IncrementalId),
            _ => Err(invalid(s, "searchFields")),
        }
    }
}

/// How search terms combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchOperator {
    /// Any term matches (default).
    #[default]
    Or,
    /// Every term matches.
    And,
}

fn invalid(v: &str, key: &str) -> ApiError {
    ApiError::bad_request(format!("Invalid value \"{v}\" supplied to \"{key}\""))
}

fn too_many(key: &str, max: usize) -> ApiError {
    ApiError::bad_request(format!(
        "The length of the field {key} is too long. Array must be of length <= {max}."
    ))
}

/// Checks `perPage` and the `page × perPage` window with Kibana's messages.
pub fn check_paging(page: usize, per_page: usize, max_per_page: usize) -> Result<(), ApiError> {
    if per_page > max_per_page {
        return Err(ApiError::bad_request(format!(
            "The provided perPage value is too high. The maximum allowed perPage value is {max_per_page}."
        )));
    }
    if page.saturating_mul(per_page) > MAX_DOCS_PER_PAGE {
        return Err(ApiError::bad_request(format!(
            "The number of documents is too high. Paginating through more than {MAX_DOCS_PER_PAGE} documents is not possible."
        )));
    }
    Ok(())
}

/// `GET /api/cases/_find` parameters with Kibana's defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CasesFindParams {
    /// Assignee profile uids; `none` selects unassigned cases.
    pub assignees: Vec<String>,
    /// Categories.
    pub category: Vec<String>,
    /// Term combination.
    pub default_search_operator: SearchOperator,
    /// Created on or after (date or date math, e.g. `now-7d`).
    pub from: Option<String>,
    /// Created on or before.
    pub to: Option<String>,
    /// Owners (empty: every owner the caller may read).
    pub owner: Vec<Owner>,
    /// Page, from 1.
    pub page: usize,
    /// Page size (≤100).
    pub per_page: usize,
    /// Creator usernames.
    pub reporters: Vec<String>,
    /// Simple query string.
    pub search: Option<String>,
    /// Fields searched (empty: title and description).
    pub search_fields: Vec<SearchField>,
    /// Severities.
    pub severity: Vec<Severity>,
    /// Sort field.
    pub sort_field: SortField,
    /// Sort order.
    pub sort_order: SortOrder,
    /// Statuses.
    pub status: Vec<Status>,
    /// Tags.
    pub tags: Vec<String>,
}

impl Default for CasesFindParams {
    fn default() -> Self {
        Self {
            assignees: vec![],
            category: vec![],
            default_search_operator: SearchOperator::Or,
            from: None,
            to: None,
            owner: vec![],
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            reporters: vec![],
            search: None,
            search_fields: vec![],
            severity: vec![],
            sort_field: SortField::CreatedAt,
            sort_order: SortOrder::Desc,
            status: vec![],
            tags: vec![],
        }
    }
}

const CASES_FIND_KEYS: &[&str] = &[
    "assignees",
    "category",
    "defaultSearchOperator",
    "from",
    "to",
    "owner",
    "page",
    "perPage",
    "reporters",
    "search",
    "searchFields",
    "severity",
    "sortField",
    "sortOrder",
    "status",
    "tags",
];

fn limited(q: &Query, key: &str, max: usize) -> Result<Vec<String>, ApiError> {
    let v = q.all(key);
    if v.len() > max {
        return Err(too_many(key, max));
    }
    Ok(v)
}

impl CasesFindParams {
    /// Parses and validates a query.
    pub fn from_query(q: &Query) -> Result<Self, ApiError> {
        q.only(CASES_FIND_KEYS)?;
        let page = q.number("page", 1)?;
        let per_page = q.number("perPage", DEFAULT_PER_PAGE)?;
        check_paging(page, per_page, MAX_CASES_PER_PAGE)?;
        let parse_all = |key: &str| -> Result<Vec<String>, ApiError> { Ok(q.all(key)) };
        let status = parse_all("status")?
            .iter()
            .map(|s| Status::parse(s).ok_or_else(|| invalid(s, "status")))
            .collect::<Result<_, _>>()?;
        let severity = parse_all("severity")?
            .iter()
            .map(|s| Severity::parse(s).ok_or_else(|| invalid(s, "severity")))
            .collect::<Result<_, _>>()?;
        let owner = parse_all("owner")?
            .iter()
            .map(|s| s.parse::<Owner>().map_err(ApiError::bad_request))
            .collect::<Result<_, _>>()?;
        let search_fields = parse_all("searchFields")?
            .iter()
            .map(|s| SearchField::parse(s))
            .collect::<Result<_, _>>()?;
        let sort_field = match q.one("sortField")? {
            None => SortField::CreatedAt,
            Some(s) => SortField::parse(&s).ok_or_else(|| invalid(&s, "sortField"))?,
        };
        let sort_order = match q.one("sortOrder")? {
            None => SortOrder::Desc,
            Some(s) => SortOrder::parse(&s)?,
        };
        let default_search_operator = match q.one("defaultSearchOperator")?.as_deref() {
            None | Some("OR") | Some("or") => SearchOperator::Or,
            Some("AND") | Some("and") => SearchOperator::And,
            Some(s) => return Err(invalid(s, "defaultSearchOperator")),
        };
        let category = limited(q, "category", MAX_CATEGORY_FILTER_LENGTH)?;
        if let Some(c) = category
            .iter()
            .find(|c| c.chars().count() > MAX_CATEGORY_LENGTH)
        {
            return Err(ApiError::bad_request(format!(
                "The length of the category is too long. The maximum length is {MAX_CATEGORY_LENGTH}. ({c})"
            )));
        }
        let now = Utc::now();
        let from = q.one("from")?;
        let to = q.one("to")?;
        for (key, v) in [("from", &from), ("to", &to)] {
            if let Some(v) = v
                && parse_date_math(v, now, key == "to").is_none()
            {
                return Err(invalid(v, key));
            }
        }
        Ok(Self {
            assignees: limited(q, "assignees", MAX_ASSIGNEES_FILTER_LENGTH)?,
            category,
            default_search_operator,
            from,
            to,
            owner,
            page,
            per_page,
            reporters: limited(q, "reporters", MAX_REPORTERS_FILTER_LENGTH)?,
            search: q.one("search")?.filter(|s| !s.trim().is_empty()),
            search_fields,
            severity,
            sort_field,
            sort_order,
            status,
            tags: limited(q, "tags", MAX_TAGS_FILTER_LENGTH)?,
        })
    }

    /// Renders the non-default parameters as query pairs (for the SPA and the URL).
    pub fn to_query(&self) -> Query {
        let d = Self::default();
        let mut p: Vec<(String, String)> = Vec::new();
        let mut push = |k: &str, v: String| p.push((k.to_string(), v));
        for v in &self.assignees {
            push("assignees", v.clone());
        }
        for v in &self.category {
            push("category", v.clone());
        }
        if self.default_search_operator == SearchOperator::And {
            push("defaultSearchOperator", "AND".into());
        }
        if let Some(v) = &self.from {
            push("from", v.clone());
        }
        if let Some(v) = &self.to {
            push("to", v.clone());
        }
        for v in &self.owner {
            push("owner", v.as_str().into());
        }
        if self.page != d.page {
            push("page", self.page.to_string());
        }
        if self.per_page != d.per_page {
            push("perPage", self.per_page.to_string());
        }
        for v in &self.reporters {
            push("reporters", v.clone());
        }
        if let Some(v) = &self.search {
            push("search", v.clone());
        }
        for v in &self.search_fields {
            push("searchFields", v.as_str().into());
        }
        for v in &self.severity {
            push("severity", v.as_str().into());
        }
        if self.sort_field != d.sort_field {
            push("sortField", self.sort_field.as_str().into());
        }
        if self.sort_order != d.sort_order {
            push("sortOrder", self.sort_order.as_str().into());
        }
        for v in &self.status {
            push("status", v.as_str().into());
        }
        for v in &self.tags {
            push("tags", v.clone());
        }
        Query::from_pairs(p)
    }
}

/// `GET /api/cases/_find` response. `C` is how each case is held: a [`Case`] for clients; the
/// server passes the store's ready JSON through instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CasesFindResponse<C = Case> {
    /// The page of cases (each with `comments: []`).
    pub cases: Vec<C>,
    /// Page number.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// Total matches.
    pub total: usize,
    /// Open cases matching every filter but `status` and `search`.
    pub count_open_cases: usize,
    /// In-progress cases, likewise.
    pub count_in_progress_cases: usize,
    /// Closed cases, likewise.
    pub count_closed_cases: usize,
}

/// Paging and order for comments and user actions finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageParams {
    /// Page, from 1.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// Order by creation time.
    pub sort_order: SortOrder,
}

impl PageParams {
    /// Parses `page`, `perPage`, `sortOrder` with a default order.
    pub fn from_query(
        q: &Query,
        max_per_page: usize,
        default_order: SortOrder,
    ) -> Result<Self, ApiError> {
        let page = q.number("page", 1)?;
        let per_page = q.number("perPage", DEFAULT_PER_PAGE)?;
        check_paging(page, per_page, max_per_page)?;
        let sort_order = match q.one("sortOrder")? {
            None => default_order,
            Some(s) => SortOrder::parse(&s)?,
        };
        Ok(Self {
            page,
            per_page,
            sort_order,
        })
    }
}

/// `GET /api/cases/{caseId}/comments/_find` parameters.
pub fn comments_find_params(q: &Query) -> Result<PageParams, ApiError> {
    q.only(&["page", "perPage", "sortOrder"])?;
    PageParams::from_query(q, MAX_COMMENTS_PER_PAGE, SortOrder::Desc)
}

/// `GET /api/cases/{caseId}/user_actions/_find` parameters: paging (oldest first by default)
/// and the `types` filter.
pub fn user_actions_find_params(
    q: &Query,
) -> Result<(PageParams, Vec<UserActionFindType>), ApiError> {
    q.only(&["page", "perPage", "sortOrder", "types", "types[]"])?;
    let paging = PageParams::from_query(q, MAX_USER_ACTIONS_PER_PAGE, SortOrder::Asc)?;
    let mut raw = q.all("types");
    raw.extend(q.all("types[]"));
    let types = raw
        .iter()
        .map(|t| UserActionFindType::parse(t).ok_or_else(|| invalid(t, "types")))
        .collect::<Result<_, _>>()?;
    Ok((paging, types))
}

/// Parses a KQL date or date math (`now`, `now-7d`, `now-1h/d`, `2022-03-15`,
/// `2022-03-15T10:00:00Z`). `round_up` rounds `/unit` to the end of the unit (for `to`).
pub fn parse_date_math(s: &str, now: DateTime<Utc>, round_up: bool) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("now") {
        return apply_math(now, rest, round_up);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&Utc));
    }
    if let Ok(ndt) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(Utc.from_utc_datetime(&ndt));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let start = Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?);
        return Some(if round_up {
            start + Duration::days(1) - Duration::milliseconds(1)
        } else {
            start
        });
    }
    None
}

fn apply_math(mut t: DateTime<Utc>, mut rest: &str, round_up: bool) -> Option<DateTime<Utc>> {
    while !rest.is_empty() {
        let op = rest.chars().next()?;
        rest = &rest[1..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        rest = &rest[digits.len()..];
        let unit = rest.chars().next()?;
        rest = &rest[unit.len_utf8()..];
        match op {
            '+' | '-' => {
                let n: i64 = if digits.is_empty() {
                    1
                } else {
                    digits.parse().ok()?
                };
                let n = if op == '-' { -n } else { n };
                t = match unit {
                    's' => t + Duration::seconds(n),
                    'm' => t + Duration::minutes(n),
                    'h' | 'H' => t + Duration::hours(n),
                    'd' => t + Duration::days(n),
                    'w' => t + Duration::weeks(n),
                    'M' => add_months(t, n)?,
                    'y' => add_months(t, n * 12)?,
                    _ => return None,
                };
            }
            '/' if digits.is_empty() => t = round(t, unit, round_up)?,
            _ => return None,
        }
    }
    Some(t)
}

fn add_months(t: DateTime<Utc>, n: i64) -> Option<DateTime<Utc>> {
    let months = t.year() as i64 * 12 + t.month0() as i64 + n;
    let (y, m) = (
        months.div_euclid(12) as i32,
        months.rem_euclid(12) as u32 + 1,
    );
    let day = t.day().min(28);
    let d = NaiveDate::from_ymd_opt(y, m, day)?;
    Some(Utc.from_utc_datetime(&d.and_time(t.time())))
}

fn round(t: DateTime<Utc>, unit: char, up: bool) -> Option<DateTime<Utc>> {
    let d = t.date_naive();
    let start = match unit {
        's' => t
            .timestamp()
            .checked_mul(1000)
            .and_then(DateTime::from_timestamp_millis)?,
        'm' => DateTime::from_timestamp(t.timestamp() - t.timestamp().rem_euclid(60), 0)?,
        'h' | 'H' => DateTime::from_timestamp(t.timestamp() - t.timestamp().rem_euclid(3600), 0)?,
        'd' => Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?),
        'w' => {
            let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
            Utc.from_utc_datetime(&monday.and_hms_opt(0, 0, 0)?)
        }
        'M' => Utc.from_utc_datetime(
            &NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?.and_hms_opt(0, 0, 0)?,
        ),
        'y' => {
            Utc.from_utc_datetime(&NaiveDate::from_ymd_opt(d.year(), 1, 1)?.and_hms_opt(0, 0, 0)?)
        }
        _ => return None,
    };
    if !up {
        return Some(start);
    }
    let next = match unit {
        's' => start + Duration::seconds(1),
        'm' => start + Duration::minutes(1),
        'h' | 'H' => start + Duration::hours(1),
        'd' => start + Duration::days(1),
        'w' => start + Duration::weeks(1),
        'M' => add_months(start, 1)?,
        _ => add_months(start, 12)?,
    };
    Some(next - Duration::milliseconds(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_kibana() {
        let p = CasesFindParams::from_query(&Query::parse("")).unwrap();
        assert_eq!(p, CasesFindParams::default());
        assert_eq!((p.page, p.per_page), (1, 20));
        assert_eq!(p.sort_field, SortField::CreatedAt);
        assert_eq!(p.sort_order, SortOrder::Desc);
    }

    #[test]
    fn round_trips_through_the_query_string() {
        let raw = "status=open&status=closed&tags=a%20b&severity=high&sortField=updatedAt&sortOrder=asc&page=3&perPage=50&search=foo*&owner=cases&assignees=none";
        let p = CasesFindParams::from_query(&Query::parse(raw)).unwrap();
        assert_eq!(p.status, vec![Status::Open, Status::Closed]);
        assert_eq!(p.tags, vec!["a b"]);
        let again =
            CasesFindParams::from_query(&Query::parse(&p.to_query().to_query_string())).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn paging_limits_use_kibana_messages() {
        let e = CasesFindParams::from_query(&Query::parse("perPage=101")).unwrap_err();
        assert!(e.message.contains("maximum allowed perPage value is 100"));
        assert!(CasesFindParams::from_query(&Query::parse("perPage=100&page=100")).is_ok());
        let e = CasesFindParams::from_query(&Query::parse("perPage=100&page=101")).unwrap_err();
        assert!(e.message.contains("more than 10000 documents"));
    }

    #[test]
    fn bad_values_and_keys_are_400() {
        for raw in [
            "status=bogus",
            "sortField=x",
            "foo=1",
            "from=yesterday",
            "page=0",
            "perPage=abc",
        ] {
            let e = CasesFindParams::from_query(&Query::parse(raw)).unwrap_err();
            assert_eq!(e.status, 400, "{raw}");
        }
        let tags: String = (0..101).map(|i| format!("tags=t{i}&")).collect();
        assert!(CasesFindParams::from_query(&Query::parse(&tags)).is_err());
    }

    #[test]
    fn date_math() {
        let now = Utc.with_ymd_and_hms(2024, 3, 15, 10, 30, 0).unwrap();
        assert_eq!(
            parse_date_math("now-1d", now, false),
            Some(now - Duration::days(1))
        );
        assert_eq!(
            parse_date_math("now/d", now, false),
            Some(Utc.with_ymd_and_hms(2024, 3, 15, 0, 0, 0).unwrap())
        );
        assert_eq!(
            parse_date_math("2022-03-15", now, false),
            Some(Utc.with_ymd_and_hms(2022, 3, 15, 0, 0, 0).unwrap())
        );
        assert!(parse_date_math("2022-03-15T01:02:03Z", now, false).is_some());
        assert!(parse_date_math("now-1x", now, false).is_none());
    }

    #[test]
    fn user_action_types_include_pseudo_types() {
        let (p, t) = user_actions_find_params(&Query::parse("types=user&types=tags")).unwrap();
        assert_eq!(p.sort_order, SortOrder::Asc);
        assert_eq!(t.len(), 2);
        assert!(user_actions_find_params(&Query::parse("types=nope")).is_err());
    }
}
