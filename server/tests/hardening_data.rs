//! Hardening of the data: no leak of another owner's or space's data through ids, errors,
//! search, counts, tags or attachments reached through one's own case; and the audit log (what
//! it records, and that only superusers read it).

mod authz_common;
mod common;

use authz_common::{PW, World, login, row_counts};
use common::{assert_error, s};
use serde_json::json;

#[tokio::test]
async fn nothing_leaks_across_owners_or_spaces() {
    let w = World::new().await;
    let secret = "Quarterly merger plans";
    let obs = w
        .case_as(
            "obs_all",
            "",
            "observability",
            json!({"title": secret, "description": "confidential-description",
                   "tags": ["confidential-tag"], "category": "confidential-cat"}),
        )
        .await;
    let obs_id = s(&obs["id"]).to_string();
    let (st, c) = w
        .call(
            "obs_all",
            "POST",
            &format!("/api/cases/{obs_id}/comments"),
            Some(&json!({"type": "user", "comment": "confidential-comment", "owner": "observability"})),
        )
        .await;
    assert_eq!(st, 200);
    let comment_id = s(&c["comments"][0]["id"]).to_string();
    let other_space = w
        .case_as(
            "elastic",
            "space1",
            "securitySolution",
            json!({"title": "space1 only"}),
        )
        .await;
    let other_id = s(&other_space["id"]).to_string();
    let missing = "00000000-0000-0000-0000-000000000000";

    // A forbidden owner's case: 403 with Kibana's shape, naming the owner and nothing else.
    let forbidden = r#"Unauthorized to access case with owners: "observability""#;
    let comments_forbidden = r#"Unauthorized to access comments with owners: "observability""#;
    for (path, msg) in [
        (format!("/api/cases/{obs_id}"), forbidden),
        (
            format!("/api/cases/{obs_id}/comments/{comment_id}"),
            comments_forbidden,
        ),
        (
            format!("/api/cases/{obs_id}/comments/_find"),
            comments_forbidden,
        ),
        (
            format!("/internal/cases/metrics/{obs_id}?features=lifespan"),
            forbidden,
        ),
        (format!("/internal/cases/{obs_id}/_users"), forbidden),
    ] {
        let (st, e) = w.call("sec_all", "GET", &path, None).await;
        assert_error(st, &e, 403, msg);
        let text = e.to_string();
        assert!(
            !text.contains("confidential") && !text.contains(secret),
            "{path}: {text}"
        );
    }
    // An unknown id and another space's id look the same: 404 naming only the id asked for.
    for id in [missing, other_id.as_str()] {
        let (st, e) = w
            .call("sec_all", "GET", &format!("/api/cases/{id}"), None)
            .await;
        assert_error(st, &e, 404, &format!("Saved object [cases/{id}] not found"));
        let (st, e) = w
            .call(
                "elastic",
                "GET",
                &format!("/api/cases/{id}/comments/_find"),
                None,
            )
            .await;
        assert_eq!(st, 404, "{e}");
        let (st, e) = w
            .call(
                "elastic",
                "PATCH",
                "/api/cases",
                Some(&json!({"cases": [{"id": id, "version": "x", "title": "t"}]})),
            )
            .await;
        assert_error(
            st,
            &e,
            404,
            &format!("These cases {id} do not exist. Please check you have the correct ids."),
        );
    }
    assert!(
        !w.get_ok("elastic", "/api/cases/_find?perPage=100")
            .await
            .to_string()
            .contains("space1 only")
    );

    // Search, counts, tags, reporters and categories never mention the forbidden case.
    for q in [
        format!("search={}", common::enc(secret)),
        format!("search={obs_id}"),
        "search=confidential-description".to_string(),
        "tags=confidential-tag".to_string(),
        "owner=observability".to_string(),
    ] {
        let find = w.get_ok("sec_all", &format!("/api/cases/_find?{q}")).await;
        assert_eq!(find["total"], 0, "{q}: {find}");
        assert_eq!(
            (
                find["count_open_cases"].as_u64(),
                find["count_closed_cases"].as_u64(),
                find["count_in_progress_cases"].as_u64()
            ),
            (Some(0), Some(0), Some(0)),
            "{q}"
        );
    }
    for path in [
        "/api/cases/tags",
        "/api/cases/reporters",
        "/internal/cases/categories",
        "/internal/cases/metrics?features=status",
    ] {
        let body = w.get_ok("sec_all", path).await.to_string();
        assert!(
            !body.contains("confidential") && !body.contains("obs_all"),
            "{path}: {body}"
        );
    }
    let m = w
        .get_ok("sec_all", "/internal/cases/metrics?features=status")
        .await;
    assert_eq!(
        m["status"],
        json!({"open": 0, "inProgress": 0, "closed": 0})
    );

    // A forbidden comment cannot be reached through a case the persona may use.
    let mine = w
        .case_as("sec_all", "", "securitySolution", json!({}))
        .await;
    let mine_id = s(&mine["id"]).to_string();
    let before = row_counts(&w.app);
    let via = format!("/api/cases/{mine_id}/comments/{comment_id}");
    let not_found = format!("Saved object [cases-comments/{comment_id}] not found");
    let (st, e) = w.call("sec_all", "GET", &via, None).await;
    assert_error(st, &e, 404, &not_found);
    let (st, e) = w.call("sec_all", "DELETE", &via, None).await;
    assert_error(st, &e, 404, &not_found);
    let (st, e) = w
        .call(
            "sec_all",
            "PATCH",
            &format!("/api/cases/{mine_id}/comments"),
            Some(
                &json!({"id": comment_id, "version": c["comments"][0]["version"], "type": "user",
                         "comment": "overwritten", "owner": "securitySolution"}),
            ),
        )
        .await;
    assert_eq!(st, 404, "{e}");
    let (st, e) = w
        .call(
            "sec_all",
            "PATCH",
            &format!("/api/cases/{mine_id}/comments"),
            Some(
                &json!({"id": comment_id, "version": c["comments"][0]["version"], "type": "user",
                         "comment": "overwritten", "owner": "observability"}),
            ),
        )
        .await;
    assert!(st == 404 || st == 400, "{st} {e}");
    assert_eq!(row_counts(&w.app), before);
    let still = w
        .get_ok(
            "elastic",
            &format!("/api/cases/{obs_id}/comments/{comment_id}"),
        )
        .await;
    assert_eq!(still["comment"], "confidential-comment");

    // Writes with a forbidden case id are refused with the same shape and change nothing.
    let before = row_counts(&w.app);
    let (st, e) = w
        .call(
            "sec_all",
            "PATCH",
            "/api/cases",
            Some(&json!({"cases": [{"id": obs_id, "version": obs["version"], "title": "mine"}]})),
        )
        .await;
    assert_error(
        st,
        &e,
        403,
        r#"Unauthorized to update case with owners: "observability""#,
    );
    let (st, e) = w
        .call(
            "sec_all",
            "DELETE",
            &format!("/api/cases/{obs_id}/comments/{comment_id}"),
            None,
        )
        .await;
    assert_error(
        st,
        &e,
        403,
        r#"Unauthorized to delete comments with owners: "observability""#,
    );
    assert_eq!(row_counts(&w.app), before);
}

#[tokio::test]
async fn the_audit_log_records_security_events_for_superusers_only() {
    let w = World::new().await;
    let app = &w.app;
    let (st, _, _) = login(app, "sec_all", PW).await;
    assert_eq!(st, 200);
    let (st, _, _) = login(app, "sec_all", "wrong").await;
    assert_eq!(st, 401);
    let case = w
        .case_as("sec_all", "space1", "securitySolution", json!({}))
        .await;
    let (st, _) = w
        .call(
            "sec_all",
            "DELETE",
            &format!("/s/space1/api/cases?ids={}", s(&case["id"])),
            None,
        )
        .await;
    assert_eq!(st, 204);
    let (st, conn) = w
        .call("connector_admin", "POST", "/api/actions/connector", Some(&json!({"name": "j", "connector_type_id": ".jira",
            "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "A"}, "secrets": {"email": "a@b.c", "apiToken": "t"}})))
        .await;
    assert_eq!(st, 200, "{conn}");
    let cid = s(&conn["id"]).to_string();
    let (st, _) = w
        .call("connector_admin", "PUT", &format!("/api/actions/connector/{cid}"), Some(&json!({"name": "k",
            "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "B"}, "secrets": {"email": "a@b.c", "apiToken": "t"}})))
        .await;
    assert_eq!(st, 200);
    let (st, _) = w
        .call(
            "connector_admin",
            "DELETE",
            &format!("/api/actions/connector/{cid}"),
            None,
        )
        .await;
    assert_eq!(st, 204);
    let (st, _) = app
        .call(
            "PUT",
            "/api/security/role/auditors",
            Some(&json!({"kibana": [{"base": ["read"], "spaces": ["*"]}]})),
        )
        .await;
    assert_eq!(st, 204);
    let (st, _) = app
        .post(
            "/internal/security/users/auditor",
            &json!({"password": "auditor-pw", "roles": ["auditors"]}),
        )
        .await;
    assert_eq!(st, 200);
    let (st, _) = app
        .post(
            "/internal/security/users/auditor/password",
            &json!({"newPassword": "auditor-pw-2"}),
        )
        .await;
    assert_eq!(st, 204);
    let (st, _) = app.delete("/internal/security/users/auditor").await;
    assert_eq!(st, 204);
    let (st, _) = app.delete("/api/security/role/auditors").await;
    assert_eq!(st, 204);

    let (st, log) = app.get("/internal/casebook/audit?size=1000").await;
    assert_eq!(st, 200, "{log}");
    let events = log["events"].as_array().expect("events");
    let has = |action: &str, outcome: &str, user: &str, object: Option<&str>| {
        events.iter().any(|e| {
            e["action"] == action
                && e["outcome"] == outcome
                && e["username"] == user
                && object.is_none_or(|o| e["object_id"] == o)
        })
    };
    assert!(has("login", "success", "sec_all", None), "{log}");
    assert!(has("login", "failure", "sec_all", None));
    assert!(has(
        "case_delete",
        "success",
        "sec_all",
        Some(s(&case["id"]))
    ));
    let deleted = events
        .iter()
        .find(|e| e["action"] == "case_delete")
        .unwrap();
    assert_eq!(deleted["space"], "space1");
    for action in ["connector_create", "connector_update", "connector_delete"] {
        assert!(
            has(action, "success", "connector_admin", Some(&cid)),
            "{action}"
        );
    }
    assert!(has("role_change", "success", "elastic", Some("auditors")));
    assert!(has("role_delete", "success", "elastic", Some("auditors")));
    assert!(has("user_change", "success", "elastic", Some("auditor")));
    assert!(has(
        "password_change",
        "success",
        "elastic",
        Some("auditor")
    ));
    assert!(has("user_delete", "success", "elastic", Some("auditor")));
    assert!(has("api_key_create", "success", "elastic", None));
    assert!(events.iter().all(|e| e["at"].is_string()), "{log}");
    // No password or key material is logged.
    let text = log.to_string();
    assert!(!text.contains("auditor-pw") && !text.contains(PW) && !text.contains("wrong"));

    // Filters.
    let (_, only) = app
        .get("/internal/casebook/audit?action=login&user=sec_all")
        .await;
    let only = only["events"].as_array().unwrap();
    assert_eq!(only.len(), 2, "{only:?}");
    assert!(
        only.iter()
            .all(|e| e["action"] == "login" && e["username"] == "sec_all")
    );

    // Nobody else reads it, not even with every case privilege or a superuser's limited key.
    for who in ["sec_all", "connector_admin", "key_gen_read", "nobody"] {
        let (st, e) = w.call(who, "GET", "/internal/casebook/audit", None).await;
        assert_error(
            st,
            &e,
            403,
            "Forbidden: this action needs the superuser role",
        );
    }
}

#[tokio::test]
async fn connector_usage_names_only_readable_cases() {
    let w = World::new().await;
    let (st, conn) = w
        .call(
            "elastic",
            "POST",
            "/api/actions/connector",
            Some(&json!({"name": "j", "connector_type_id": ".jira",
                "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "A"},
                "secrets": {"email": "a@b.c", "apiToken": "t"}})),
        )
        .await;
    assert_eq!(st, 200, "{conn}");
    let id = s(&conn["id"]);
    w.case_as(
        "elastic",
        "",
        "securitySolution",
        json!({"title": "Confidential incident",
               "connector": {"id": id, "name": "j", "type": ".jira",
                             "fields": {"issueType": null, "priority": null, "parent": null}}}),
    )
    .await;
    let path = format!("/internal/actions/connector/{id}/_usage");
    let seen = w.get_ok("sec_pusher", &path).await;
    assert!(seen.to_string().contains("Confidential incident"), "{seen}");
    let hidden = w.get_ok("connector_reader", &path).await;
    assert!(
        !hidden.to_string().contains("Confidential incident"),
        "{hidden}"
    );
}
