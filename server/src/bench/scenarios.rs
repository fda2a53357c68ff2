//! The measured requests. Reads rotate through fixed lists of filters and search terms (from
//! the seed's vocabulary, common and rare), so a run covers more than one cached plan; writes
//! give each worker its own cases so concurrent comments never conflict on a case version.

use super::client::Call;
use hyper::Method;
use serde_json::json;

/// A named request generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scenario {
    /// `GET _find` with the defaults (all owners, createdAt desc, 20 per page).
    FindDefault,
    /// `GET _find` with `status`, `tags` and `sortField=updatedAt`.
    FindFiltered,
    /// `GET _find` with a `search` term.
    FindSearch,
    /// `GET /api/cases/{id}`.
    GetCase,
    /// `POST /api/cases`.
    CreateCase,
    /// `POST /api/cases/{id}/comments`.
    AddComment,
}

impl Scenario {
    /// Every scenario, in run order (reads first, so writes don't change what reads see).
    pub const ALL: [Scenario; 6] = [
        Scenario::FindDefault,
        Scenario::FindFiltered,
        Scenario::FindSearch,
        Scenario::GetCase,
        Scenario::CreateCase,
        Scenario::AddComment,
    ];

    /// Short name (for `--only`).
    pub fn name(self) -> &'static str {
        match self {
            Scenario::FindDefault => "find",
            Scenario::FindFiltered => "find-filtered",
            Scenario::FindSearch => "find-search",
            Scenario::GetCase => "get",
            Scenario::CreateCase => "create",
            Scenario::AddComment => "comment",
        }
    }

    /// What it sends, for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Scenario::FindDefault => "_find default page (all owners, createdAt desc)",
            Scenario::FindFiltered => "_find status + tags + sortField=updatedAt",
            Scenario::FindSearch => "_find search=<term>",
            Scenario::GetCase => "GET case by id",
            Scenario::CreateCase => "POST case (durable, + user action)",
            Scenario::AddComment => "POST comment (durable, + user action)",
        }
    }

    /// Whether it writes.
    pub fn writes(self) -> bool {
        matches!(self, Scenario::CreateCase | Scenario::AddComment)
    }
}

/// Tag filters, from common to rare in the seeded data.
pub const FILTER_TAGS: &[&str] = &[
    "endpoint",
    "latency",
    "compliance",
    "ransomware",
    "kafka",
    "mitre:T1486",
];
/// Status filters.
pub const FILTER_STATUSES: &[&str] = &["open", "in-progress", "open&status=in-progress"];
/// Search terms: common words, rarer words, a host name and a person.
pub const SEARCH_TERMS: &[&str] = &[
    "ransomware",
    "Mimikatz",
    "db-prod-017",
    "checkout latency",
    "hana.sato",
    "certificate",
];

/// What the request generators need: the API prefix (`/s/{space}` or nothing) and existing
/// cases (id, owner).
pub struct Fixtures {
    /// Path prefix of the space.
    pub prefix: String,
    /// Existing cases to read and comment on.
    pub cases: Vec<(String, String)>,
    /// Number of workers (to split the cases between them).
    pub workers: usize,
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Fixtures {
    /// The `n`-th request of worker `w` in a scenario.
    pub fn call(&self, s: Scenario, w: usize, n: usize) -> Call {
        let p = &self.prefix;
        let i = n * self.workers + w;
        let get = |path: String| Call {
            method: Method::GET,
            path,
            body: None,
        };
        match s {
            Scenario::FindDefault => get(format!("{p}/api/cases/_find")),
            Scenario::FindFiltered => get(format!(
                "{p}/api/cases/_find?status={}&tags={}&sortField=updatedAt",
                FILTER_STATUSES[i % FILTER_STATUSES.len()],
                encode(FILTER_TAGS[i % FILTER_TAGS.len()])
            )),
            Scenario::FindSearch => get(format!(
                "{p}/api/cases/_find?search={}",
                encode(SEARCH_TERMS[i % SEARCH_TERMS.len()])
            )),
            Scenario::GetCase => {
                let (id, _) = &self.cases[i % self.cases.len()];
                get(format!("{p}/api/cases/{id}"))
            }
            Scenario::CreateCase => {
                let owner = ["securitySolution", "observability", "cases"][i % 3];
                let body = json!({
                    "title": format!("Bench case {i}: suspicious login burst"),
                    "description": "Created by `casebook bench`.\n\n- host: bench-01\n- user: bench",
                    "tags": ["bench", "load-test"],
                    "owner": owner,
                    "severity": "medium",
                    "settings": {"syncAlerts": false},
                    "connector": {"id": "none", "name": "none", "type": ".none", "fields": null},
                });
                Call {
                    method: Method::POST,
                    path: format!("{p}/api/cases"),
                    body: Some(body.to_string()),
                }
            }
            Scenario::AddComment => {
                // Worker w only touches cases w, w + workers, … so no two workers race on one
                // case's version.
                let per = (self.cases.len() / self.workers).max(1);
                let k = (w + self.workers * (n % per)) % self.cases.len();
                let (id, owner) = &self.cases[k];
                let body = json!({
                    "type": "user",
                    "owner": owner,
                    "comment": format!("Bench comment {n} from worker {w}: checked the host, nothing new."),
                });
                Call {
                    method: Method::POST,
                    path: format!("{p}/api/cases/{id}/comments"),
                    body: Some(body.to_string()),
                }
            }
        }
    }
}
