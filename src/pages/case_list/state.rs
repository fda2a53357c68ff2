//! The case list's state and its URL form. Pure functions, tested natively.
//!
//! Rules: everything the user can change about the list (search, filters, sort, page, page size)
//! lives in the URL query and is parsed and rendered through [`CasesFindParams`], so the list's
//! URL reads like the `_find` request it makes. The UI-only differences are kept here:
//! - the page size defaults to 10 (Kibana's list), not the API's 20, so `perPage` is written
//!   only when it differs from 10;
//! - `owner` never appears in the URL: the solution decides it;
//! - parsing is lenient: a hand-edited key that the API would reject is dropped instead of
//!   breaking the page, and a page beyond the 10,000-document window goes back to page 1.

use casebook_api::Owner;
use casebook_api::case::{Severity, Status};
use casebook_api::find::{CasesFindParams, SortField, SortOrder};
use casebook_api::limits::MAX_DOCS_PER_PAGE;
use casebook_api::query::{Query, decode};

pub use super::filter_button::FilterKey;

/// The page size the list starts with (Kibana's cases table).
pub const UI_DEFAULT_PER_PAGE: usize = 10;
/// The page sizes offered.
pub const PER_PAGE_OPTIONS: [usize; 4] = [10, 25, 50, 100];

/// Everything that decides which cases the list shows and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListState {
    /// The `_find` parameters, without `owner`; `per_page` already has the UI default.
    pub params: CasesFindParams,
}

impl Default for ListState {
    fn default() -> Self {
        Self {
            params: CasesFindParams {
                per_page: UI_DEFAULT_PER_PAGE,
                ..CasesFindParams::default()
            },
        }
    }
}

/// Splits a raw query into `(key, raw pair)` without decoding values.
fn raw_pairs(raw: &str) -> Vec<(String, &str)> {
    raw.trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| (decode(p.split('=').next().unwrap_or_default()), p))
        .collect()
}

fn joined<'a>(pairs: impl Iterator<Item = &'a str>) -> String {
    pairs.collect::<Vec<_>>().join("&")
}

impl ListState {
    /// Parses the list's URL query (with or without `?`), dropping what the API would reject.
    pub fn from_query(raw: &str) -> Self {
        let pairs = raw_pairs(raw);
        let mut keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        keys.dedup();
        let mut keys_kept: Vec<String> = Vec::new();
        for key in keys {
            if key == "owner" || keys_kept.iter().any(|k| k == key) {
                continue;
            }
            let group = joined(pairs.iter().filter(|(k, _)| k == key).map(|(_, p)| *p));
            if CasesFindParams::from_query(&Query::parse(&group)).is_ok() {
                keys_kept.push(key.to_string());
            }
        }
        let keep = |k: &str| keys_kept.iter().any(|x| x == k);
        let kept = joined(pairs.iter().filter(|(k, _)| keep(k)).map(|(_, p)| *p));
        let mut params = match CasesFindParams::from_query(&Query::parse(&kept)) {
            Ok(p) => p,
            // Only the page × perPage window can fail now: start from the first page.
            Err(_) => {
                let without_page = joined(
                    pairs
                        .iter()
                        .filter(|(k, _)| keep(k) && k != "page")
                        .map(|(_, p)| *p),
                );
                CasesFindParams::from_query(&Query::parse(&without_page)).unwrap_or_default()
            }
        };
        if !keep("perPage") {
            params.per_page = UI_DEFAULT_PER_PAGE;
        }
        if params.page.saturating_mul(params.per_page) > MAX_DOCS_PER_PAGE {
            params.page = 1;
        }
        Self { params }
    }

    /// Renders the non-default parts as a query string (empty for the default list).
    pub fn to_query(&self) -> String {
        let api_default = CasesFindParams::default().per_page;
        let mut p = self.params.clone();
        p.owner.clear();
        p.per_page = api_default;
        let mut out = p.to_query().to_query_string();
        if self.params.per_page != UI_DEFAULT_PER_PAGE {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(&format!("perPage={}", self.params.per_page));
        }
        out
    }

    /// The `_find` request for `owner`.
    pub fn find_params(&self, owner: Owner) -> CasesFindParams {
        CasesFindParams {
            owner: vec![owner],
            ..self.params.clone()
        }
    }

    /// The selected values of a filter, as wire strings.
    pub fn filter_values(&self, key: FilterKey) -> Vec<String> {
        let p = &self.params;
        match key {
            FilterKey::Status => p.status.iter().map(|s| s.as_str().to_string()).collect(),
            FilterKey::Severity => p.severity.iter().map(|s| s.as_str().to_string()).collect(),
            FilterKey::Tags => p.tags.clone(),
            FilterKey::Assignees => p.assignees.clone(),
            FilterKey::Reporters => p.reporters.clone(),
            FilterKey::Category => p.category.clone(),
        }
    }

    /// Replaces a filter's values (unknown status/severity strings are ignored) and goes back to
    /// the first page.
    pub fn with_filter(&self, key: FilterKey, values: Vec<String>) -> Self {
        let mut next = self.clone();
        let p = &mut next.params;
        match key {
            FilterKey::Status => {
                p.status = values.iter().filter_map(|v| Status::parse(v)).collect()
            }
            FilterKey::Severity => {
                p.severity = values.iter().filter_map(|v| Severity::parse(v)).collect()
            }
            FilterKey::Tags => p.tags = values,
            FilterKey::Assignees => p.assignees = values,
            FilterKey::Reporters => p.reporters = values,
            FilterKey::Category => p.category = values,
        }
        p.page = 1;
        next
    }

    /// Sets the free-text search (blank clears it) and goes back to the first page.
    pub fn with_search(&self, search: &str) -> Self {
        let mut next = self.clone();
        let s = search.trim();
        next.params.search = (!s.is_empty()).then(|| s.to_string());
        next.params.page = 1;
        next
    }

    /// Sets the created-date range (`None` = open end) and goes back to the first page.
    pub fn with_range(&self, from: Option<String>, to: Option<String>) -> Self {
        let mut next = self.clone();
        next.params.from = from.filter(|s| !s.trim().is_empty());
        next.params.to = to.filter(|s| !s.trim().is_empty());
        next.params.page = 1;
        next
    }

    /// Sorts by `field`: a second click on the sorted column flips the order; a new column
    /// starts newest / largest first for dates and A→Z for the others.
    pub fn with_sort(&self, field: SortField) -> Self {
        let mut next = self.clone();
        let p = &mut next.params;
        if p.sort_field == field {
            p.sort_order = match p.sort_order {
                SortOrder::Asc => SortOrder::Desc,
                SortOrder::Desc => SortOrder::Asc,
            };
        } else {
            p.sort_field = field;
            p.sort_order = default_order(field);
        }
        p.page = 1;
        next
    }

    /// Goes to `page` (clamped to 1 and to the 10,000-document window).
    pub fn with_page(&self, page: usize) -> Self {
        let mut next = self.clone();
        let last = (MAX_DOCS_PER_PAGE / next.params.per_page).max(1);
        next.params.page = page.clamp(1, last);
        next
    }

    /// Changes the page size, keeping the first row of the current page in view.
    pub fn with_per_page(&self, per_page: usize) -> Self {
        let mut next = self.clone();
        let first = (self.params.page - 1) * self.params.per_page;
        next.params.per_page = per_page.max(1);
        next.params.page = first / next.params.per_page + 1;
        next.with_page(next.params.page)
    }

    /// Clears search, filters and the date range (keeps sort and page size).
    pub fn cleared(&self) -> Self {
        let d = Self::default();
        Self {
            params: CasesFindParams {
                sort_field: self.params.sort_field,
                sort_order: self.params.sort_order,
                per_page: self.params.per_page,
                ..d.params
            },
        }
    }

    /// How many filters (including search and date range) narrow the list.
    pub fn active_filters(&self) -> usize {
        let p = &self.params;
        FilterKey::ALL
            .into_iter()
            .filter(|k| !self.filter_values(*k).is_empty())
            .count()
            + usize::from(p.search.is_some())
            + usize::from(p.from.is_some() || p.to.is_some())
    }
}

/// The order a column starts in when it becomes the sort column.
pub fn default_order(field: SortField) -> SortOrder {
    match field {
        SortField::CreatedAt | SortField::UpdatedAt | SortField::ClosedAt => SortOrder::Desc,
        _ => SortOrder::Asc,
    }
}

/// The number of pages for `total` matches, capped by the 10,000-document window.
pub fn page_count(total: usize, per_page: usize) -> usize {
    let reachable = total.min(MAX_DOCS_PER_PAGE);
    reachable.div_ceil(per_page.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_api::limits::NO_ASSIGNEES_FILTERING_KEYWORD;

    #[test]
    fn empty_query_is_the_default_list() {
        let s = ListState::from_query("");
        assert_eq!(s, ListState::default());
        assert_eq!(s.params.per_page, 10);
        assert_eq!(s.params.sort_field, SortField::CreatedAt);
        assert_eq!(s.params.sort_order, SortOrder::Desc);
        assert_eq!(s.to_query(), "");
    }

    #[test]
    fn round_trips_every_part() {
        let raw = "assignees=none&assignees=u1&category=Malware&from=now-7d&to=now&page=3\
                   &reporters=elastic&search=phish%20%2342&severity=high&severity=critical\
                   &sortField=title&sortOrder=asc&status=open&status=in-progress\
                   &tags=a%20b&tags=c&perPage=25";
        let s = ListState::from_query(raw);
        assert_eq!(s.params.status, vec![Status::Open, Status::InProgress]);
        assert_eq!(s.params.search.as_deref(), Some("phish #42"));
        assert_eq!(s.params.per_page, 25);
        assert_eq!(s.params.page, 3);
        assert!(
            s.params
                .assignees
                .iter()
                .any(|a| a == NO_ASSIGNEES_FILTERING_KEYWORD)
        );
        assert_eq!(ListState::from_query(&s.to_query()), s);
        assert_eq!(ListState::from_query(&format!("?{}", s.to_query())), s);
    }

    #[test]
    fn defaults_are_omitted() {
        let s = ListState::default()
            .with_sort(SortField::CreatedAt)
            .with_sort(SortField::CreatedAt);
        assert_eq!(s.to_query(), "");
        // The API's default page size is not the list's: 20 is written, 10 is not.
        assert_eq!(
            ListState::default().with_per_page(20).to_query(),
            "perPage=20"
        );
        assert_eq!(ListState::default().with_per_page(10).to_query(), "");
        assert_eq!(ListState::from_query("perPage=20").params.per_page, 20);
    }

    #[test]
    fn bad_keys_are_dropped_not_fatal() {
        let s =
            ListState::from_query("status=bogus&tags=x&perPage=1000&foo=1&owner=cases&from=nope");
        assert_eq!(s.params.tags, vec!["x"]);
        assert!(s.params.status.is_empty());
        assert_eq!(s.params.per_page, 10);
        assert!(s.params.owner.is_empty());
        assert!(s.params.from.is_none());
        assert_eq!(s.to_query(), "tags=x");
        // Beyond the document window: back to page 1, page size kept.
        let s = ListState::from_query("page=500&perPage=100");
        assert_eq!((s.params.page, s.params.per_page), (1, 100));
        let s = ListState::from_query("page=1001");
        assert_eq!(s.params.page, 1);
    }

    #[test]
    fn filter_changes_reset_the_page() {
        let s = ListState::default().with_page(4);
        assert_eq!(s.params.page, 4);
        let f = s.with_filter(FilterKey::Status, vec!["closed".into(), "nope".into()]);
        assert_eq!(f.params.status, vec![Status::Closed]);
        assert_eq!(f.params.page, 1);
        assert_eq!(s.with_search("  x ").params.search.as_deref(), Some("x"));
        assert_eq!(s.with_search("   ").params.search, None);
        assert_eq!(s.with_search("x").params.page, 1);
        let r = s.with_range(Some("now-7d".into()), Some(String::new()));
        assert_eq!(
            (r.params.from.as_deref(), r.params.to.as_deref()),
            (Some("now-7d"), None)
        );
        assert_eq!(
            f.filter_values(FilterKey::Status),
            vec!["closed".to_string()]
        );
    }

    #[test]
    fn sorting_toggles_and_starts_sensibly() {
        let s = ListState::default().with_sort(SortField::Title);
        assert_eq!(
            (s.params.sort_field, s.params.sort_order),
            (SortField::Title, SortOrder::Asc)
        );
        let s = s.with_sort(SortField::Title);
        assert_eq!(s.params.sort_order, SortOrder::Desc);
        let s = s.with_sort(SortField::UpdatedAt);
        assert_eq!(s.params.sort_order, SortOrder::Desc);
        assert_eq!(s.to_query(), "sortField=updatedAt");
    }

    #[test]
    fn paging_is_clamped_and_keeps_the_first_row() {
        let s = ListState::default().with_page(0);
        assert_eq!(s.params.page, 1);
        assert_eq!(ListState::default().with_page(5000).params.page, 1000);
        // Rows 41..50 on page 5 of 10 → page 2 of 25 (rows 26..50).
        let s = ListState::default().with_page(5).with_per_page(25);
        assert_eq!((s.params.page, s.params.per_page), (2, 25));
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(101, 10), 11);
        assert_eq!(page_count(100_000, 100), 100);
    }

    #[test]
    fn clearing_keeps_sort_and_page_size() {
        let s =
            ListState::from_query("tags=a&search=x&sortField=title&perPage=50&page=2&from=now-7d");
        assert_eq!(s.active_filters(), 3);
        let c = s.cleared();
        assert_eq!(c.active_filters(), 0);
        assert_eq!(c.to_query(), "sortField=title&perPage=50");
    }

    #[test]
    fn the_owner_comes_from_the_solution() {
        let p = ListState::from_query("owner=cases&tags=a").find_params(Owner::SecuritySolution);
        assert_eq!(p.owner, vec![Owner::SecuritySolution]);
        assert_eq!(p.per_page, 10);
    }
}
