//! Typed routes: the three solutions that host Cases and the path builders for their pages.
//!
//! Rules: every in-app link is built here (no `href` string literals elsewhere), and the route
//! table in `app.rs` matches the same base paths through [`SolutionBase`], so a link and the route
//! that answers it cannot drift apart. Paths mirror Kibana's (`/app/security/cases/<id>`, ...).

use leptos_router::{PartialPathMatch, PathSegment, PossibleRouteMatch};
use std::fmt;
use std::str::FromStr;

/// A Kibana solution that hosts a Cases app. Each sees only the cases of its own owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Solution {
    /// Elastic Security (owner `securitySolution`).
    Security,
    /// Observability (owner `observability`).
    Observability,
    /// Stack Management (owner `cases`).
    Management,
}

impl Solution {
    /// All solutions, in the order they are shown.
    pub const ALL: [Solution; 3] = [
        Solution::Security,
        Solution::Observability,
        Solution::Management,
    ];

    /// The `owner` wire value of the cases this solution shows.
    pub fn owner(self) -> &'static str {
        match self {
            Solution::Security => "securitySolution",
            Solution::Observability => "observability",
            Solution::Management => "cases",
        }
    }

    /// The solution whose cases carry `owner`, if any.
    pub fn from_owner(owner: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.owner() == owner)
    }

    /// The path of the solution's case list; every other page of the solution is below it.
    pub fn base_path(self) -> &'static str {
        match self {
            Solution::Security => "/app/security/cases",
            Solution::Observability => "/app/observability/cases",
            Solution::Management => "/app/management/insightsAndAlerting/cases",
        }
    }

    /// The human name shown in the header and breadcrumbs.
    pub fn label(self) -> &'static str {
        match self {
            Solution::Security => "Security",
            Solution::Observability => "Observability",
            Solution::Management => "Stack Management",
        }
    }

    /// The solution whose Cases app contains `path`, if any.
    pub fn from_path(path: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| strip_base(path, s.base_path()).is_some())
    }
}

impl fmt::Display for Solution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for Solution {
    type Err = String;

    /// Parses an owner wire value (`securitySolution`, `observability`, `cases`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_owner(s).ok_or_else(|| format!("unknown solution owner \"{s}\""))
    }
}

/// Where a page lives: a space and a solution. Builds every in-app path, with the `/s/{space}`
/// prefix for spaces other than `default`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    /// The space id.
    pub space: String,
    /// The solution.
    pub solution: Solution,
}

impl Loc {
    /// A location.
    pub fn new(space: impl Into<String>, solution: Solution) -> Self {
        Self {
            space: space.into(),
            solution,
        }
    }
    fn wrap(&self, path: String) -> String {
        casebook_api::paths::in_space(&self.space, &path)
    }
    /// The case list.
    pub fn list(&self) -> String {
        self.wrap(case_list(self.solution))
    }
    /// The case list with a query string (`status=open&…`; empty for none).
    pub fn list_with_query(&self, query: &str) -> String {
        if query.is_empty() {
            self.list()
        } else {
            format!("{}?{query}", self.list())
        }
    }
    /// One case.
    pub fn detail(&self, id: &str) -> String {
        self.wrap(case_detail(self.solution, id))
    }
    /// A comment's permalink.
    pub fn comment(&self, id: &str, comment_id: &str) -> String {
        format!("{}/{}", self.detail(id), encode_segment(comment_id))
    }
    /// The create form.
    pub fn create(&self) -> String {
        self.wrap(create_case(self.solution))
    }
    /// The settings page.
    pub fn settings(&self) -> String {
        self.wrap(settings(self.solution))
    }
    /// The connectors page of Stack Management (in this location's space).
    pub fn connectors(&self) -> String {
        self.wrap(connectors())
    }
    /// A Stack Management admin page (users, roles, spaces, API keys) in this location's space.
    pub fn admin(&self, page: AdminPage) -> String {
        self.wrap(admin(page))
    }
    /// The same page in another solution (the solution switcher).
    pub fn with_solution(&self, solution: Solution) -> Loc {
        Loc {
            space: self.space.clone(),
            solution,
        }
    }
}

/// The space a browser path addresses: `x` for `/s/x/...`, else `default`.
pub fn space_of_path(path: &str) -> String {
    path.strip_prefix("/s/")
        .and_then(|r| r.split('/').next())
        .filter(|s| !s.is_empty())
        .unwrap_or(casebook_api::space::DEFAULT_SPACE)
        .to_string()
}

/// A path without its `/s/{space}` prefix.
pub fn strip_space(path: &str) -> &str {
    match path
        .strip_prefix("/s/")
        .and_then(|r| r.find('/').map(|i| &r[i..]))
    {
        Some(rest) => rest,
        None if path.starts_with("/s/") => "/",
        None => path,
    }
}

/// The login page, optionally with where to go after signing in.
pub fn login_path(next: Option<&str>) -> String {
    match next {
        Some(n) => format!("/login?next={}", casebook_api::query::encode(n)),
        None => "/login".into(),
    }
}

/// The path of the landing page that links to every solution.
pub fn home() -> String {
    "/".to_owned()
}

/// The path of the case list.
pub fn case_list(sol: Solution) -> String {
    sol.base_path().to_owned()
}

/// The path of one case's page. `id` is percent-encoded as a path segment.
pub fn case_detail(sol: Solution, id: &str) -> String {
    format!("{}/{}", sol.base_path(), encode_segment(id))
}

/// The path of the "Create case" page.
pub fn create_case(sol: Solution) -> String {
    format!("{}/create", sol.base_path())
}

/// The path of the Cases settings page (Kibana calls it `configure`).
pub fn settings(sol: Solution) -> String {
    format!("{}/configure", sol.base_path())
}

/// Where Kibana's Stack Management lists connectors.
pub const CONNECTORS_PATH: &str =
    "/app/management/insightsAndAlerting/triggersActionsConnectors/connectors";

/// The path of the connectors page (Stack Management › Connectors).
pub fn connectors() -> String {
    CONNECTORS_PATH.to_owned()
}

/// Where Kibana's Stack Management app lives; the admin pages are below it.
pub const MANAGEMENT_PATH: &str = "/app/management";

/// A Stack Management page for administrators (and, for API keys, everyone): Kibana's
/// Security › Users, Roles, API keys and Kibana › Spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AdminPage {
    /// Security › Users.
    Users,
    /// Security › Roles.
    Roles,
    /// Security › API keys.
    ApiKeys,
    /// Kibana › Spaces.
    Spaces,
}

impl AdminPage {
    /// Every admin page, in navigation order.
    pub const ALL: [AdminPage; 4] = [
        AdminPage::Users,
        AdminPage::Roles,
        AdminPage::ApiKeys,
        AdminPage::Spaces,
    ];

    /// The page's path below [`MANAGEMENT_PATH`] (Kibana's).
    pub fn sub_path(self) -> &'static str {
        match self {
            AdminPage::Users => "/security/users",
            AdminPage::Roles => "/security/roles",
            AdminPage::ApiKeys => "/security/api_keys",
            AdminPage::Spaces => "/kibana/spaces",
        }
    }

    /// The title of the page and its navigation entry.
    pub fn label(self) -> &'static str {
        match self {
            AdminPage::Users => "Users",
            AdminPage::Roles => "Roles",
            AdminPage::ApiKeys => "API keys",
            AdminPage::Spaces => "Spaces",
        }
    }

    /// Whether only superusers may use the page (everyone manages their own API keys).
    pub fn superuser_only(self) -> bool {
        self != AdminPage::ApiKeys
    }

    /// The admin page at `path` (with or without a `/s/{space}` prefix), if any.
    pub fn from_path(path: &str) -> Option<Self> {
        let rest = strip_base(strip_space(path), MANAGEMENT_PATH)?;
        Self::ALL
            .into_iter()
            .find(|p| strip_base(rest, p.sub_path()).is_some())
    }
}

/// The path of an admin page in the default space.
pub fn admin(page: AdminPage) -> String {
    format!("{MANAGEMENT_PATH}{}", page.sub_path())
}

/// Percent-encodes everything outside RFC 3986's unreserved set, so an id is one path segment.
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// If `path` is `base` or below it, returns the rest (empty or starting with `/`).
fn strip_base<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    let rest = path.strip_prefix(base)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

/// A route segment matching a solution's whole (multi-segment) base path.
///
/// `StaticSegment` matches one segment only; this lets the route table use
/// [`Solution::base_path`] instead of repeating its segments as literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SolutionBase(pub Solution);

impl PossibleRouteMatch for SolutionBase {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let base = self.0.base_path();
        let rest = strip_base(path, base)?;
        Some(PartialPathMatch::new(rest, vec![], &path[..base.len()]))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        path.extend(
            self.0
                .base_path()
                .split('/')
                .filter(|s| !s.is_empty())
                .map(|s| PathSegment::Static(s.into())),
        );
    }
}

/// A route match of the whole static `base` at the start of `path`.
fn match_static<'a>(path: &'a str, base: &str) -> Option<PartialPathMatch<'a>> {
    let rest = strip_base(path, base)?;
    Some(PartialPathMatch::new(rest, vec![], &path[..base.len()]))
}

/// The static segments of `base`, for generating paths.
fn static_segments(base: &str, path: &mut Vec<PathSegment>) {
    path.extend(
        base.split('/')
            .filter(|s| !s.is_empty())
            .map(|s| PathSegment::Static(s.to_owned().into())),
    );
}

/// A route segment matching [`MANAGEMENT_PATH`]: the parent of the admin pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ManagementBase;

impl PossibleRouteMatch for ManagementBase {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        match_static(path, MANAGEMENT_PATH)
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        static_segments(MANAGEMENT_PATH, path);
    }
}

/// A route segment matching an admin page's path below [`ManagementBase`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdminSegment(pub AdminPage);

impl PossibleRouteMatch for AdminSegment {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        match_static(path, self.0.sub_path())
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        static_segments(self.0.sub_path(), path);
    }
}

/// A route segment matching the whole connectors path ([`CONNECTORS_PATH`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectorsBase;

impl PossibleRouteMatch for ConnectorsBase {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let rest = strip_base(path, CONNECTORS_PATH)?;
        Some(PartialPathMatch::new(
            rest,
            vec![],
            &path[..CONNECTORS_PATH.len()],
        ))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        path.extend(
            CONNECTORS_PATH
                .split('/')
                .filter(|s| !s.is_empty())
                .map(|s| PathSegment::Static(s.into())),
        );
    }
}

#[cfg(test)]
#[path = "routes_tests.rs"]
mod tests;
