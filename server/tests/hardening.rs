//! Hardening: argon2id password hashes; the sign-in rate limit (login form and Basic
//! credentials alike); sessions (a new cookie per sign-in, HttpOnly and SameSite=Strict, ended
//! by logout, by disabling and by a password change); same-site sign-in redirects; the kbn-xsrf
//! check on every mutation; and security headers. Data leaks and the audit log are in
//! `hardening_data.rs`.

mod authz_common;
mod common;

use authz_common::{PW, World, login, raw, row_counts, with_cookie};
use axum::body::Body;
use axum::http::{Request, header};
use common::{TestApp, assert_error, basic, json_body, s};
use serde_json::{Value, json};

#[tokio::test]
async fn passwords_are_argon2id_hashes() {
    let w = World::new().await;
    let db = rusqlite::Connection::open(w.app.dir.path().join("casebook.db")).unwrap();
    let mut st = db
        .prepare("SELECT username, password_hash FROM users")
        .unwrap();
    let rows: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(rows.len() > 10);
    for (user, hash) in &rows {
        assert!(hash.starts_with("$argon2id$"), "{user}: {hash}");
        assert!(!hash.contains(PW) && !hash.contains(common::PASSWORD));
    }
    // Two users with the same password get different salts.
    let a = &rows.iter().find(|r| r.0 == "sec_all").unwrap().1;
    let b = &rows.iter().find(|r| r.0 == "sec_read").unwrap().1;
    assert_ne!(a, b);
}

#[tokio::test]
async fn the_eleventh_failed_sign_in_is_429_even_with_the_right_password() {
    let w = World::new().await;
    for i in 0..10 {
        let (st, cookie, _) = login(&w.app, "sec_all", &format!("wrong-{i}")).await;
        assert_eq!((st, cookie), (401, None), "attempt {i}");
    }
    let (st, cookie, _) = login(&w.app, "sec_all", PW).await;
    assert_eq!((st, cookie), (429, None));
    let (st, _, _) = login(&w.app, "sec_all", "wrong").await;
    assert_eq!(st, 429);
    // Basic credentials for the same user are held back too...
    let (st, e) = w.call("sec_all", "GET", "/api/cases/_find", None).await;
    assert_error(
        st,
        &e,
        429,
        "Too many failed sign-in attempts. Try again in a few minutes.",
    );
    // ...while other users are unaffected.
    let (st, cookie, _) = login(&w.app, "sec_read", PW).await;
    assert_eq!(st, 200);
    assert!(cookie.is_some());
    // The audit log has the failures and the blocked attempts.
    let (_, log) = w
        .call(
            "elastic",
            "GET",
            "/internal/casebook/audit?action=login&user=sec_all",
            None,
        )
        .await;
    let outcomes: Vec<&str> = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| s(&e["outcome"]))
        .collect();
    assert_eq!(outcomes.iter().filter(|o| **o == "failure").count(), 10);
    assert_eq!(outcomes.iter().filter(|o| **o == "blocked").count(), 2);
}

#[tokio::test]
async fn basic_credentials_cannot_be_guessed_faster_than_the_login_form() {
    let w = World::new().await;
    for _ in 0..10 {
        let (st, _) =
            common::TestApp::call_as(&w.app, "obs_all", "guess", "GET", "/api/cases/_find", None)
                .await;
        assert_eq!(st, 401);
    }
    let (st, e) = w.call("obs_all", "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 429, "{e}");
    let (st, _, _) = login(&w.app, "obs_all", PW).await;
    assert_eq!(st, 429);
    let (st, _) = w.call("obs_read", "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 200);
}

#[tokio::test]
async fn sessions_rotate_and_end() {
    let w = World::new().await;
    let (st, first, set) = login(&w.app, "sec_all", PW).await;
    assert_eq!(st, 200);
    for attr in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(set.contains(attr), "cookie lacks {attr}: {set}");
    }
    let first = first.expect("cookie");
    let (_, second, _) = login(&w.app, "sec_all", PW).await;
    let second = second.expect("cookie");
    assert_ne!(first, second, "each sign-in gets a new session id");
    let (st, _, me) = with_cookie(&w.app, &first, "GET", "/internal/security/me", None).await;
    assert_eq!((st, &me["username"]), (200, &json!("sec_all")));
    // A forged or stale cookie is nobody.
    let (st, _, _) = with_cookie(&w.app, "sid=forged", "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 401);

    // Logout ends that session (and clears the cookie), not the other one.
    let (st, h, _) = with_cookie(&w.app, &first, "POST", "/api/security/logout", None).await;
    assert_eq!(st, 204);
    let cleared = h.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(
        cleared.starts_with("sid=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let (st, _, _) = with_cookie(&w.app, &first, "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 401);
    let (st, _, _) = with_cookie(&w.app, &second, "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 200);

    // Changing one's own password ends the other sessions and hands this one a new cookie.
    let (_, third, _) = login(&w.app, "sec_all", PW).await;
    let third = third.expect("cookie");
    let (st, h, e) = with_cookie(
        &w.app,
        &second,
        "POST",
        "/internal/security/users/sec_all/password",
        Some(&json!({"password": PW, "newPassword": "brand-new-pw"})),
    )
    .await;
    assert_eq!(st, 204, "{e}");
    let renewed = h
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("a new session cookie")
        .to_string();
    for old in [&second, &third] {
        let (st, _, _) = with_cookie(&w.app, old, "GET", "/api/cases/_find", None).await;
        assert_eq!(st, 401);
    }
    let (st, _, _) = with_cookie(&w.app, &renewed, "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 200);

    // A password set by an admin ends them all; so does disabling the user.
    let (_, s1, _) = login(&w.app, "obs_all", PW).await;
    let (st, _) = w
        .call(
            "elastic",
            "POST",
            "/internal/security/users/obs_all/password",
            Some(&json!({"newPassword": "reset-by-admin"})),
        )
        .await;
    assert_eq!(st, 204);
    let (st, _, _) = with_cookie(&w.app, &s1.unwrap(), "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 401);
    let (_, s2, _) = login(&w.app, "gen_all", PW).await;
    let (st, _) = w
        .call(
            "elastic",
            "POST",
            "/internal/security/users/gen_all",
            Some(&json!({"roles": ["gen_all_role"], "enabled": false})),
        )
        .await;
    assert_eq!(st, 200);
    let (st, _, _) = with_cookie(&w.app, &s2.unwrap(), "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 401);
    let (st, _, _) = login(&w.app, "gen_all", PW).await;
    assert_eq!(st, 401);
}

#[tokio::test]
async fn every_mutation_needs_kbn_xsrf() {
    let w = World::new().await;
    let case = w
        .case_as("elastic", "", "securitySolution", json!({}))
        .await;
    let id = s(&case["id"]);
    let before = row_counts(&w.app);
    let any = json!({});
    let samples: Vec<(&str, String, Value)> = vec![
        (
            "POST",
            "/api/cases".into(),
            common::case_body("securitySolution"),
        ),
        (
            "PATCH",
            "/api/cases".into(),
            json!({"cases": [{"id": id, "version": case["version"], "title": "x"}]}),
        ),
        ("DELETE", format!("/api/cases?ids={id}"), any.clone()),
        (
            "POST",
            format!("/api/cases/{id}/comments"),
            json!({"type": "user", "comment": "c", "owner": "securitySolution"}),
        ),
        ("DELETE", format!("/api/cases/{id}/comments"), any.clone()),
        (
            "POST",
            "/api/cases/configure".into(),
            json!({"owner": "securitySolution", "closure_type": "close-by-user",
            "connector": {"id": "none", "name": "none", "type": ".none", "fields": null}}),
        ),
        (
            "POST",
            "/api/actions/connector".into(),
            json!({"name": "j", "connector_type_id": ".jira",
            "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "A"}, "secrets": {"email": "a@b.c", "apiToken": "t"}}),
        ),
        (
            "PUT",
            "/api/security/role/sneaky".into(),
            json!({"kibana": [{"base": ["all"], "spaces": ["*"]}]}),
        ),
        (
            "POST",
            "/internal/security/users/sneaky".into(),
            json!({"password": "sneaky-pw", "roles": ["superuser"]}),
        ),
        (
            "POST",
            "/internal/security/users/sec_all/password".into(),
            json!({"newPassword": "sneaky-pw"}),
        ),
        (
            "DELETE",
            "/internal/security/users/sec_all".into(),
            any.clone(),
        ),
        (
            "POST",
            "/internal/security/api_key".into(),
            json!({"name": "k"}),
        ),
        (
            "POST",
            "/api/spaces/space".into(),
            json!({"id": "sneaky", "name": "S"}),
        ),
        ("DELETE", "/api/spaces/space/space1".into(), any.clone()),
        (
            "POST",
            "/s/space1/api/cases".into(),
            common::case_body("securitySolution"),
        ),
        (
            "POST",
            "/internal/security/login".into(),
            json!({"providerType": "basic", "providerName": "basic",
            "currentURL": "/", "params": {"username": "elastic", "password": common::PASSWORD}}),
        ),
        ("POST", "/api/security/logout".into(), any.clone()),
    ];
    for (method, path, body) in &samples {
        let req = Request::builder()
            .method(*method)
            .uri(path.as_str())
            .header(header::AUTHORIZATION, basic("elastic", common::PASSWORD))
            .header(header::CONTENT_TYPE, "application/json")
            .body(json_body(body))
            .unwrap();
        let (st, h, e) = raw(&w.app, req).await;
        assert_error(st, &e, 400, "Request must contain a kbn-xsrf header.");
        assert!(h.get(header::SET_COOKIE).is_none(), "{method} {path}");
    }
    assert_eq!(
        row_counts(&w.app),
        before,
        "a request without kbn-xsrf changed data"
    );
    // Reads need no header; `kbn-version` stands in for it, as in Kibana.
    let req = Request::builder()
        .uri("/api/cases/_find")
        .header(header::AUTHORIZATION, basic("elastic", common::PASSWORD))
        .body(Body::empty())
        .unwrap();
    assert_eq!(raw(&w.app, req).await.0, 200);
    let req = Request::builder()
        .method("POST")
        .uri("/api/cases")
        .header(header::AUTHORIZATION, basic("elastic", common::PASSWORD))
        .header("kbn-version", "9.1.0")
        .header(header::CONTENT_TYPE, "application/json")
        .body(json_body(&common::case_body("securitySolution")))
        .unwrap();
    assert_eq!(raw(&w.app, req).await.0, 200);
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let app = TestApp::with_index(
        "<!doctype html><html><head><script type=\"module\">import init from '/app.js'; init();</script></head><body></body></html>",
    )
    .await;
    let (st, _) = app
        .post(
            "/api/spaces/space",
            &json!({"id": "space1", "name": "Space 1"}),
        )
        .await;
    assert_eq!(st, 200);
    let get = |path: &str, auth: bool| {
        let b = Request::builder().uri(path);
        let b = if auth {
            b.header(header::AUTHORIZATION, basic("elastic", common::PASSWORD))
        } else {
            b
        };
        b.body(Body::empty()).unwrap()
    };
    for (req, status) in [
        (get("/api/cases/_find", true), 200),
        (get("/api/cases/_find", false), 401),
        (get("/api/cases/nope", true), 404),
        (get("/app/security/cases", false), 200),
        (get("/login", false), 200),
        (get("/s/nope/api/cases/_find", true), 404),
        (get("/s/space1/api/cases/_find", true), 200),
        (get("/s/space1/internal/casebook/capabilities", true), 200),
    ] {
        let path = req.uri().to_string();
        let (st, h, _) = raw(&app, req).await;
        assert_eq!(st, status, "{path}");
        let csp = h
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("{path}: no CSP"));
        let script = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .expect("script-src");
        assert!(
            !script.contains("'unsafe-inline'") && !script.contains("'unsafe-eval'"),
            "{script}"
        );
        assert!(
            script.contains("'sha256-"),
            "the inline loader is allowed by hash: {script}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("object-src 'none'"), "{csp}");
        assert_eq!(
            h.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
            "nosniff",
            "{path}"
        );
        assert_eq!(h.get(header::X_FRAME_OPTIONS).unwrap(), "DENY", "{path}");
        assert!(h.get(header::REFERRER_POLICY).is_some(), "{path}");
        if path.contains("/api/") || path.contains("/internal/") {
            assert_eq!(h.get(header::CACHE_CONTROL).unwrap(), "no-store", "{path}");
        }
    }
}

#[tokio::test]
async fn sign_in_redirects_stay_on_this_site() {
    let app = TestApp::new().await;
    let location = |next: &'static str| {
        let app = &app;
        async move {
            let body = json!({"providerType": "basic", "providerName": "basic",
                              "currentURL": format!("/login?next={next}"),
                              "params": {"username": "elastic", "password": common::PASSWORD}});
            let req = Request::builder()
                .method("POST")
                .uri("/internal/security/login")
                .header("kbn-xsrf", "true")
                .header(header::CONTENT_TYPE, "application/json")
                .body(json_body(&body))
                .unwrap();
            let (st, _, body) = raw(app, req).await;
            assert_eq!(st, 200, "{body}");
            s(&body["location"]).to_string()
        }
    };
    assert_eq!(
        location("%2Fapp%2Fsecurity%2Fcases%2Fabc%3FtabId%3Dactivity").await,
        "/app/security/cases/abc?tabId=activity"
    );
    for evil in [
        "https%3A%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
        "%2F%09%2Fevil.example",
        "%2F%0A%2Fevil.example",
        "javascript%3Aalert(1)",
    ] {
        assert_eq!(location(evil).await, "/app/security/cases", "{evil}");
    }
}
