//! Personas and fixtures of the authorization tests, set up through the roles, users, spaces and
//! API key APIs as `elastic`, and a table-driven runner: each [`Spec`] is called as every
//! persona; allowed personas get the success status, the others Kibana's 403, and a forbidden
//! call must change nothing (the data is re-read as the superuser before and after).
//!
//! Every test file is its own crate and uses a subset of these helpers.
#![allow(dead_code)]

use crate::common::{PASSWORD, TestApp, basic, json_body, s};
use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use tower::ServiceExt;

/// The password of every persona.
pub const PW: &str = "persona-password";

/// Every persona, in the order the runner calls them.
pub const PERSONAS: [&str; 19] = [
    "elastic",
    "sec_all",
    "sec_read",
    "obs_all",
    "obs_read",
    "gen_all",
    "gen_read",
    "sec_space1",
    "sub_delete",
    "sub_settings",
    "sub_comment",
    "sub_reopen",
    "sub_assign",
    "minimal_all",
    "sec_pusher",
    "connector_admin",
    "connector_reader",
    "nobody",
    "key_gen_read",
];

/// Personas with anything in the default space (the others are refused by every cases API
/// there).
pub const IN_DEFAULT: [&str; 17] = [
    "elastic",
    "sec_all",
    "sec_read",
    "obs_all",
    "obs_read",
    "gen_all",
    "gen_read",
    "sub_delete",
    "sub_settings",
    "sub_comment",
    "sub_reopen",
    "sub_assign",
    "minimal_all",
    "sec_pusher",
    "connector_admin",
    "connector_reader",
    "key_gen_read",
];

/// Personas with every case privilege on securitySolution in every space.
pub const SEC_ALL: [&str; 3] = ["elastic", "sec_all", "sec_pusher"];
/// Personas who may read securitySolution cases in the default space.
pub const SEC_READERS: [&str; 10] = [
    "elastic",
    "sec_all",
    "sec_read",
    "sub_delete",
    "sub_settings",
    "sub_comment",
    "sub_reopen",
    "sub_assign",
    "minimal_all",
    "sec_pusher",
];

/// The Kibana privileges of each persona's role (`nobody` has a role granting nothing;
/// `key_gen_read` is an API key of `elastic`, not a user).
fn privileges(name: &str) -> Value {
    let everywhere = |feature: Value| json!([{ "feature": feature, "spaces": ["*"] }]);
    let sec = |p: &[&str]| everywhere(json!({ "securitySolutionCasesV3": p }));
    match name {
        "sec_all" => sec(&["all"]),
        "sec_read" => sec(&["read"]),
        "obs_all" => everywhere(json!({ "observabilityCasesV3": ["all"] })),
        "obs_read" => everywhere(json!({ "observabilityCasesV3": ["read"] })),
        "gen_all" => everywhere(json!({ "generalCasesV3": ["all"] })),
        "gen_read" => everywhere(json!({ "generalCasesV3": ["read"] })),
        "sec_space1" => {
            json!([{ "feature": { "securitySolutionCasesV3": ["all"] }, "spaces": ["space1"] }])
        }
        "sub_delete" => sec(&["minimal_read", "cases_delete"]),
        "sub_settings" => sec(&["minimal_read", "cases_settings"]),
        "sub_comment" => sec(&["minimal_read", "create_comment"]),
        "sub_reopen" => sec(&["minimal_read", "case_reopen"]),
        "sub_assign" => sec(&["minimal_read", "cases_assign"]),
        "minimal_all" => sec(&["minimal_all"]),
        "sec_pusher" => {
            everywhere(json!({ "securitySolutionCasesV3": ["all"], "actions": ["read"] }))
        }
        "connector_admin" => everywhere(json!({ "actions": ["all"] })),
        "connector_reader" => everywhere(json!({ "actions": ["read"] })),
        "nobody" => json!([]),
        other => panic!("no persona {other}"),
    }
}

/// Sends a request with an `Authorization` header value (Basic or ApiKey) and `kbn-xsrf`.
pub async fn call_auth(
    app: &TestApp,
    auth: &str,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let b = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, auth)
        .header("kbn-xsrf", "true");
    let req = match body {
        Some(v) => b
            .header(header::CONTENT_TYPE, "application/json")
            .body(json_body(v)),
        None => b.body(Body::empty()),
    };
    app.send(req.expect("request")).await
}

/// A response's status, headers and JSON body.
pub async fn raw(app: &TestApp, req: Request<Body>) -> (u16, axum::http::HeaderMap, Value) {
    let res = app.router().oneshot(req).await.expect("infallible");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, headers, body)
}

/// `POST /internal/security/login`; returns the status and the session cookie (`sid=…`).
pub async fn login(app: &TestApp, user: &str, password: &str) -> (u16, Option<String>, String) {
    let body = json!({"providerType": "basic", "providerName": "basic", "currentURL": "/login",
                      "params": {"username": user, "password": password}});
    let req = Request::builder()
        .method("POST")
        .uri("/internal/security/login")
        .header("kbn-xsrf", "true")
        .header(header::CONTENT_TYPE, "application/json")
        .body(json_body(&body))
        .unwrap();
    let (st, h, _) = raw(app, req).await;
    let set = h
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let cookie = set
        .split(';')
        .next()
        .filter(|c| c.starts_with("sid=") && c.len() > 4)
        .map(str::to_string);
    (st, cookie, set)
}

/// A request with a session cookie (and kbn-xsrf).
pub async fn with_cookie(
    app: &TestApp,
    cookie: &str,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> (u16, axum::http::HeaderMap, Value) {
    let b = Request::builder()
        .method(method)
        .uri(path)
        .header(header::COOKIE, cookie)
        .header("kbn-xsrf", "true");
    let req = match body {
        Some(v) => b
            .header(header::CONTENT_TYPE, "application/json")
            .body(json_body(v)),
        None => b.body(Body::empty()),
    }
    .unwrap();
    raw(app, req).await
}

/// The personas of one server.
pub struct World {
    /// The server.
    pub app: TestApp,
    /// Persona → `Authorization` header value.
    pub auth: BTreeMap<&'static str, String>,
    /// Persona → profile uid (users only).
    pub uid: BTreeMap<&'static str, String>,
}

impl World {
    /// A server with `space1`, one role and user per persona, and `elastic`'s read-only
    /// generalCases API key.
    pub async fn new() -> Self {
        Self::on(TestApp::new().await).await
    }

    /// The personas on an existing server.
    pub async fn on(app: TestApp) -> Self {
        let (st, body) = app
            .post(
                "/api/spaces/space",
                &json!({"id": "space1", "name": "Space 1"}),
            )
            .await;
        assert_eq!(st, 200, "space1: {body}");
        let mut auth = BTreeMap::new();
        let mut uid = BTreeMap::new();
        auth.insert("elastic", basic("elastic", PASSWORD));
        for name in PERSONAS {
            if name == "elastic" || name == "key_gen_read" {
                continue;
            }
            let role = format!("{name}_role");
            let (st, body) = app
                .call(
                    "PUT",
                    &format!("/api/security/role/{role}"),
                    Some(&json!({
                        "elasticsearch": {"cluster": [], "indices": [], "run_as": []},
                        "kibana": privileges(name),
                    })),
                )
                .await;
            assert_eq!(st, 204, "role {role}: {body}");
            let (st, user) = app
                .post(
                    &format!("/internal/security/users/{name}"),
                    &json!({"password": PW, "roles": [role], "full_name": format!("Persona {name}"),
                            "email": format!("{name}@example.com")}),
                )
                .await;
            assert_eq!(st, 200, "user {name}: {user}");
            auth.insert(name, basic(name, PW));
            uid.insert(name, s(&user["profile_uid"]).to_string());
        }
        let (st, key) = app
            .post(
                "/internal/security/api_key",
                &json!({"name": "gen-reader", "role_descriptors": {"gen_reader": {"kibana": [
                    {"feature": {"generalCasesV3": ["read"]}, "spaces": ["*"]}]}}}),
            )
            .await;
        assert_eq!(st, 200, "api key: {key}");
        auth.insert("key_gen_read", format!("ApiKey {}", s(&key["encoded"])));
        Self { app, auth, uid }
    }

    /// A request as a persona.
    pub async fn call(
        &self,
        who: &str,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> (u16, Value) {
        let auth = self
            .auth
            .get(who)
            .unwrap_or_else(|| panic!("no persona {who}"));
        call_auth(&self.app, auth, method, path, body).await
    }

    /// `GET` as a persona, asserting 200.
    pub async fn get_ok(&self, who: &str, path: &str) -> Value {
        let (st, body) = self.call(who, "GET", path, None).await;
        assert_eq!(st, 200, "{who} GET {path}: {body}");
        body
    }

    /// Creates a case as `who` in `space` (`""`: default) with `overrides` on the default
    /// body for `owner`.
    pub async fn case_as(&self, who: &str, space: &str, owner: &str, overrides: Value) -> Value {
        let body = crate::common::merge(crate::common::case_body(owner), overrides);
        let (st, case) = self
            .call(who, "POST", &in_space(space, "/api/cases"), Some(&body))
            .await;
        assert_eq!(st, 200, "{who} creates a case: {case}");
        case
    }

    /// The data a forbidden call must leave alone, read as `elastic`: every case of both spaces
    /// (with versions and counters), the configurations and connectors, `case`'s comments and
    /// user actions, roles, users, API keys and spaces, and the row counts of the database.
    pub async fn snapshot(&self, case: Option<(&str, &str)>) -> Value {
        let mut out = json!({});
        for space in ["", "space1"] {
            let at = |p: &str| in_space(space, p);
            let key = if space.is_empty() { "default" } else { space };
            out[key] = json!({
                "cases": self.get_ok("elastic", &at("/api/cases/_find?perPage=100&sortField=createdAt&sortOrder=asc")).await,
                "configure": self.get_ok("elastic", &at("/api/cases/configure")).await,
                "connectors": self.get_ok("elastic", &at("/api/actions/connectors")).await,
            });
        }
        if let Some((space, id)) = case {
            let at = |p: String| in_space(space, &p);
            out["case"] = json!({
                "comments": self.get_ok("elastic", &at(format!("/api/cases/{id}/comments/_find?perPage=100"))).await,
                "actions": self.get_ok("elastic", &at(format!("/api/cases/{id}/user_actions/_find?perPage=100"))).await,
                "alerts": self.get_ok("elastic", &at(format!("/api/cases/{id}/alerts"))).await,
            });
        }
        out["roles"] = self.get_ok("elastic", "/api/security/role").await;
        out["users"] = self.get_ok("elastic", "/internal/security/users").await;
        out["keys"] = self
            .get_ok("elastic", "/internal/security/api_key?isAdmin=true")
            .await;
        out["spaces"] = self.get_ok("elastic", "/api/spaces/space").await;
        out["rows"] = row_counts(&self.app);
        out
    }

    /// Whether a persona has nothing at all in `space` (the cases APIs answer 403 up front).
    pub fn shut_out(who: &str, space: &str) -> bool {
        who == "nobody" || (who == "sec_space1" && space.is_empty())
    }

    /// Runs a [`Spec`] as every persona (see the module docs).
    pub async fn run(&self, spec: &Spec) {
        let mut fix = fixture(self, spec).await;
        for who in PERSONAS {
            if spec.skip.contains(&who) {
                continue;
            }
            let path = fill(spec.path, &fix);
            let body = spec
                .body
                .map(|b| serde_json::from_str::<Value>(&fill(b, &fix)).expect("body template"));
            let full = in_space(spec.space, &path);
            if spec.allowed.contains(&who) {
                let (st, out) = self.call(who, spec.method, &full, body.as_ref()).await;
                assert_eq!(
                    st, spec.ok,
                    "{}: {who} should be allowed ({} {full}): {out}",
                    spec.name, spec.method
                );
                if spec.mutates {
                    fix = fixture(self, spec).await;
                }
                continue;
            }
            let case = fix.get("case").map(|c| (spec.space, c.as_str()));
            let before = self.snapshot(case).await;
            let (st, out) = self.call(who, spec.method, &full, body.as_ref()).await;
            assert_eq!(
                st, 403,
                "{}: {who} should be refused ({} {full}): {out}",
                spec.name, spec.method
            );
            let cases_api = path.starts_with("/api/cases") || path.starts_with("/internal/cases");
            let space = if spec.space.is_empty() {
                "default"
            } else {
                spec.space
            };
            let expected = if cases_api && Self::shut_out(who, spec.space) {
                format!("Unauthorized to access space [{space}]")
            } else {
                let m = spec
                    .except
                    .iter()
                    .find(|(p, _)| *p == who)
                    .map_or(spec.denied, |(_, m)| m);
                fill(m, &fix)
            };
            if !expected.is_empty() {
                assert_eq!(
                    out["message"], expected,
                    "{}: {who}'s 403 message: {out}",
                    spec.name
                );
            }
            assert_eq!(out["statusCode"], 403, "{out}");
            assert_eq!(out["error"], "Forbidden", "{out}");
            let after = self.snapshot(case).await;
            if before != after {
                panic!(
                    "{}: {who}'s refused call changed data:\nbefore {before}\nafter  {after}",
                    spec.name
                );
            }
        }
    }
}

/// The database's row counts per table (a stray write anywhere shows here).
pub fn row_counts(app: &TestApp) -> Value {
    let db = rusqlite::Connection::open(app.dir.path().join("casebook.db")).expect("open db");
    let mut out = json!({});
    for t in [
        "spaces",
        "users",
        "cases",
        "attachments",
        "case_alerts",
        "user_actions",
        "configurations",
        "connectors",
        "roles",
        "api_keys",
    ] {
        let n: i64 = db
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .expect("count");
        out[t] = json!(n);
    }
    // Password hashes, roles and the enabled flag are not in any API answer.
    let mut st = db
        .prepare("SELECT username, password_hash, roles, enabled FROM users ORDER BY username")
        .expect("users");
    let users: Vec<Value> = st
        .query_map([], |r| {
            Ok(json!([
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?
            ]))
        })
        .expect("users")
        .map(|r| r.expect("user row"))
        .collect();
    out["user_rows"] = json!(users);
    out
}

/// `path` under `/s/{space}` unless `space` is empty.
pub fn in_space(space: &str, path: &str) -> String {
    if space.is_empty() {
        path.to_string()
    } else {
        format!("/s/{space}{path}")
    }
}

/// What a [`Spec`] acts on, created fresh (as `elastic`) before the first persona and after
/// every allowed mutation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixture {
    /// Nothing.
    None,
    /// An open securitySolution case with a user comment and an alert (`case`, `version`,
    /// `comment`, `comment_version`).
    SecCase,
    /// A closed securitySolution case.
    ClosedSecCase,
    /// An observability case (`case`, `version`).
    ObsCase,
    /// A generalCases case (`case`, `version`).
    GenCase,
    /// A securitySolution case and an observability case (`case`, `version`, `obs`,
    /// `obs_version`).
    SecAndObsCases,
    /// The securitySolution configuration (`config`, `config_version`).
    SecConfiguration,
    /// A Jira connector (`connector`) pointing nowhere.
    Connector,
    /// A custom role (`role`).
    Role,
    /// A user with `sec_read_role` (`user`).
    User,
    /// A space (`space`).
    Space,
}

/// One endpoint of the matrix.
pub struct Spec {
    /// What the failure messages call it.
    pub name: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path template (`{case}`, `{comment}`… from the fixture).
    pub path: &'static str,
    /// JSON body template.
    pub body: Option<&'static str>,
    /// Space (`""`: default).
    pub space: &'static str,
    /// The fixture.
    pub fixture: Fixture,
    /// Whether an allowed call changes the fixture (a fresh one is made after it).
    pub mutates: bool,
    /// The status of an allowed call.
    pub ok: u16,
    /// Who may.
    pub allowed: &'static [&'static str],
    /// The 403 message for the others (template; `""`: any message).
    pub denied: &'static str,
    /// Personas refused with another message.
    pub except: &'static [(&'static str, &'static str)],
    /// Personas not called.
    pub skip: &'static [&'static str],
}

impl Spec {
    /// A read of the default space with `fixture`, allowed to `allowed`.
    pub const fn read(
        name: &'static str,
        path: &'static str,
        fixture: Fixture,
        allowed: &'static [&'static str],
        denied: &'static str,
    ) -> Self {
        Spec {
            name,
            method: "GET",
            path,
            body: None,
            space: "",
            fixture,
            mutates: false,
            ok: 200,
            allowed,
            denied,
            except: &[],
            skip: &[],
        }
    }

    /// A write of the default space.
    #[allow(clippy::too_many_arguments)]
    pub const fn write(
        name: &'static str,
        method: &'static str,
        path: &'static str,
        body: Option<&'static str>,
        fixture: Fixture,
        ok: u16,
        allowed: &'static [&'static str],
        denied: &'static str,
    ) -> Self {
        Spec {
            name,
            method,
            path,
            body,
            space: "",
            fixture,
            mutates: true,
            ok,
            allowed,
            denied,
            except: &[],
            skip: &[],
        }
    }

    /// The same with other 403 messages for some personas.
    pub const fn except(mut self, except: &'static [(&'static str, &'static str)]) -> Self {
        self.except = except;
        self
    }

    /// The same without calling some personas.
    pub const fn skip(mut self, skip: &'static [&'static str]) -> Self {
        self.skip = skip;
        self
    }

    /// The same in another space.
    pub const fn in_space(mut self, space: &'static str) -> Self {
        self.space = space;
        self
    }
}

/// Replaces `{name}` with the fixture's values.
pub fn fill(template: &str, fix: &BTreeMap<String, String>) -> String {
    let mut out = template.to_string();
    for (k, v) in fix {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Creates a spec's fixture as `elastic`.
pub async fn fixture(w: &World, spec: &Spec) -> BTreeMap<String, String> {
    let app = &w.app;
    let mut f = BTreeMap::new();
    let n = uuid_like();
    for (k, v) in &w.uid {
        f.insert(format!("uid_{k}"), v.clone());
    }
    let sec_case = |space: &'static str| async move {
        let case = w
            .case_as(
                "elastic",
                space,
                "securitySolution",
                json!({"tags": ["sec-tag"]}),
            )
            .await;
        let id = s(&case["id"]).to_string();
        let (st, c) = w
            .call(
                "elastic",
                "POST",
                &in_space(space, &format!("/api/cases/{id}/comments")),
                Some(&json!({"type": "user", "comment": "first", "owner": "securitySolution"})),
            )
            .await;
        assert_eq!(st, 200, "{c}");
        let (st, c) = w
            .call(
                "elastic",
                "POST",
                &in_space(space, &format!("/api/cases/{id}/comments")),
                Some(
                    &json!({"type": "alert", "alertId": "alert-1", "index": ".alerts-security",
                        "rule": {"id": "r1", "name": "Rule"}, "owner": "securitySolution"}),
                ),
            )
            .await;
        assert_eq!(st, 200, "{c}");
        c
    };
    match spec.fixture {
        Fixture::None => {}
        Fixture::SecCase | Fixture::ClosedSecCase | Fixture::SecAndObsCases => {
            let mut case = sec_case(spec.space).await;
            let comment = case["comments"][0].clone();
            if spec.fixture == Fixture::ClosedSecCase {
                let (st, c) = w
                    .call(
                        "elastic",
                        "PATCH",
                        &in_space(spec.space, "/api/cases"),
                        Some(&json!({"cases": [{"id": case["id"], "version": case["version"], "status": "closed"}]})),
                    )
                    .await;
                assert_eq!(st, 200, "{c}");
                case = c[0].clone();
            }
            f.insert("case".into(), s(&case["id"]).into());
            f.insert("version".into(), s(&case["version"]).into());
            f.insert("comment".into(), s(&comment["id"]).into());
            f.insert("comment_version".into(), s(&comment["version"]).into());
            if spec.fixture == Fixture::SecAndObsCases {
                let obs = w
                    .case_as("elastic", spec.space, "observability", json!({}))
                    .await;
                f.insert("obs".into(), s(&obs["id"]).into());
                f.insert("obs_version".into(), s(&obs["version"]).into());
            }
        }
        Fixture::ObsCase | Fixture::GenCase => {
            let owner = if spec.fixture == Fixture::ObsCase {
                "observability"
            } else {
                "cases"
            };
            let case = w.case_as("elastic", spec.space, owner, json!({})).await;
            f.insert("case".into(), s(&case["id"]).into());
            f.insert("version".into(), s(&case["version"]).into());
        }
        Fixture::SecConfiguration => {
            let path = in_space(spec.space, "/api/cases/configure");
            let (_, list) = w.call("elastic", "GET", &path, None).await;
            let existing = list
                .as_array()
                .and_then(|l| l.iter().find(|c| c["owner"] == "securitySolution"))
                .cloned();
            let conf = match existing {
                Some(c) => c,
                None => {
                    let (st, c) = w
                        .call(
                            "elastic",
                            "POST",
                            &path,
                            Some(&json!({"owner": "securitySolution", "closure_type": "close-by-user",
                                    "connector": {"id": "none", "name": "none", "type": ".none", "fields": null}})),
                        )
                        .await;
                    assert_eq!(st, 200, "{c}");
                    c
                }
            };
            f.insert("config".into(), s(&conf["id"]).into());
            f.insert("config_version".into(), s(&conf["version"]).into());
        }
        Fixture::Connector => {
            let (st, c) = w
                .call(
                    "elastic",
                    "POST",
                    &in_space(spec.space, "/api/actions/connector"),
                    Some(
                        &json!({"name": format!("Jira {n}"), "connector_type_id": ".jira",
                            "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "SEC"},
                            "secrets": {"email": "robot@example.com", "apiToken": "tok"}}),
                    ),
                )
                .await;
            assert_eq!(st, 200, "{c}");
            f.insert("connector".into(), s(&c["id"]).into());
        }
        Fixture::Role => {
            let role = format!("custom_{n}");
            let (st, b) = app
                .call(
                    "PUT",
                    &format!("/api/security/role/{role}"),
                    Some(&json!({"kibana": [{"base": ["read"], "spaces": ["*"]}]})),
                )
                .await;
            assert_eq!(st, 204, "{b}");
            f.insert("role".into(), role);
        }
        Fixture::User => {
            let user = format!("user_{n}");
            let (st, b) = app
                .post(
                    &format!("/internal/security/users/{user}"),
                    &json!({"password": PW, "roles": ["sec_read_role"]}),
                )
                .await;
            assert_eq!(st, 200, "{b}");
            f.insert("user".into(), user);
        }
        Fixture::Space => {
            let space = format!("sp-{n}");
            let (st, b) = app
                .post(
                    "/api/spaces/space",
                    &json!({"id": space, "name": format!("Space {n}")}),
                )
                .await;
            assert_eq!(st, 200, "{b}");
            f.insert("space".into(), space);
        }
    }
    f.insert("n".into(), n);
    f
}

/// A short unique suffix.
fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(1);
    format!("{}", N.fetch_add(1, Ordering::Relaxed))
}
