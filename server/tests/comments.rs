//! User comments: add (the case comes back with its comments), the length limits, owner
//! matching, PATCH with a version, get one, delete one and all, and `comments/_find`.

mod common;

use common::*;
use serde_json::{Value, json};

fn comments_path(case: &Value) -> String {
    format!("/api/cases/{}/comments", s(&case["id"]))
}

#[tokio::test]
async fn adding_a_comment_returns_the_case_with_its_comments() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;

    let (status, updated) = app
        .post(
            &comments_path(&case),
            &json!({"type": "user", "comment": "  First look  ", "owner": "cases"}),
        )
        .await;

    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["id"], case["id"]);
    assert_eq!(updated["totalComment"], 1);
    assert_ne!(updated["version"], case["version"]);
    assert_eq!(updated["updated_by"]["username"], "elastic");
    let c = &updated["comments"][0];
    assert_eq!(c["type"], "user");
    assert_eq!(c["comment"], "First look");
    assert_eq!(c["owner"], "cases");
    assert_eq!(c["created_by"]["username"], "elastic");
    assert!(c["id"].is_string() && c["version"].is_string() && c["created_at"].is_string());
    for key in ["pushed_at", "pushed_by", "updated_at", "updated_by"] {
        assert!(c[key].is_null(), "{key} in {c}");
    }
    assert_eq!(app.case(&case["id"]).await["totalComment"], 1);
}

#[tokio::test]
async fn total_comment_counts_only_user_comments() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    app.comment(&case, "one").await;
    let (status, _) = app.attach_alerts(&case, &["a1", "a2"]).await;
    assert_eq!(status, 200);

    let after = app.comment(&case, "two").await;

    assert_eq!(after["totalComment"], 2);
    assert_eq!(after["totalAlerts"], 2);
    assert_eq!(after["comments"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn comment_text_is_limited_and_must_not_be_blank() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;
    let user = |text: String| json!({"type": "user", "comment": text, "owner": "cases"});

    let (ok, body) = app
        .post(&comments_path(&case), &user("c".repeat(30_000)))
        .await;
    let (long, e1) = app
        .post(&comments_path(&case), &user("c".repeat(30_001)))
        .await;
    let (blank, e2) = app.post(&comments_path(&case), &user("   ".into())).await;

    assert_eq!(ok, 200, "{}", body["message"]);
    assert_error(
        long,
        &e1,
        400,
        "The length of the comment is too long. The maximum length is 30000.",
    );
    assert_error(
        blank,
        &e2,
        400,
        "The comment field cannot be an empty string.",
    );
    assert_eq!(app.case(&case["id"]).await["totalComment"], 1);
}

#[tokio::test]
async fn bad_comment_requests_are_rejected() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;

    let (s1, e1) = app
        .post(
            &comments_path(&case),
            &json!({"type": "user", "comment": "x", "owner": "observability"}),
        )
        .await;
    let (s2, e2) = app
        .post(
            &comments_path(&case),
            &json!({"type": "user", "comment": "x"}),
        )
        .await;
    let (s3, e3) = app
        .post(
            &comments_path(&case),
            &json!({"type": "user", "comment": "x", "owner": "cases", "extra": 1}),
        )
        .await;
    let (s4, e4) = app
        .post(
            "/api/cases/ghost/comments",
            &json!({"type": "user", "comment": "x", "owner": "cases"}),
        )
        .await;

    assert_error(
        s1,
        &e1,
        400,
        "The owner field of the comment must match the case",
    );
    assert_error_contains(s2, &e2, 400, "owner");
    assert_error_contains(s3, &e3, 400, "extra");
    assert_error(s4, &e4, 404, "Saved object [cases/ghost] not found");
    assert_eq!(app.case(&case["id"]).await["totalComment"], 0);
}

#[tokio::test]
async fn patching_a_comment_needs_its_current_version() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;
    let with = app.comment(&case, "draft").await;
    let c = with["comments"][0].clone();
    let patch = |version: &Value, text: &str| json!({"id": c["id"], "version": version, "type": "user", "comment": text, "owner": "cases"});

    let (ok, updated) = app
        .patch(&comments_path(&case), &patch(&c["version"], "final"))
        .await;
    let (stale, e1) = app
        .patch(&comments_path(&case), &patch(&c["version"], "again"))
        .await;

    assert_eq!(ok, 200, "{updated}");
    let new = &updated["comments"][0];
    assert_eq!(new["comment"], "final");
    assert_ne!(new["version"], c["version"]);
    assert_eq!(new["updated_by"]["username"], "elastic");
    assert!(new["updated_at"].is_string());
    assert_ne!(
        updated["version"], with["version"],
        "the case version moves too"
    );
    assert_error(
        stale,
        &e1,
        409,
        "This case has been updated. Please refresh before saving additional updates.",
    );
    let (_, got) = app
        .get(&format!("{}/{}", comments_path(&case), s(&c["id"])))
        .await;
    assert_eq!(got["comment"], "final");
}

#[tokio::test]
async fn patching_cannot_change_type_or_owner_or_reach_unknown_comments() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;
    let c = app.comment(&case, "draft").await["comments"][0].clone();
    let alert = json!({"id": c["id"], "version": c["version"], "type": "alert", "alertId": "a",
        "index": "i", "rule": {"id": null, "name": null}, "owner": "cases"});
    let other_owner = json!({"id": c["id"], "version": c["version"], "type": "user",
        "comment": "x", "owner": "observability"});
    let ghost = json!({"id": "ghost", "version": "v", "type": "user", "comment": "x",
        "owner": "cases"});

    let (s1, e1) = app.patch(&comments_path(&case), &alert).await;
    let (s2, e2) = app.patch(&comments_path(&case), &other_owner).await;
    let (s3, e3) = app.patch(&comments_path(&case), &ghost).await;

    assert_error(s1, &e1, 400, "You cannot change the type of the comment.");
    assert_error(s2, &e2, 400, "You cannot change the owner of the comment.");
    assert_error(
        s3,
        &e3,
        404,
        "Saved object [cases-comments/ghost] not found",
    );
}

#[tokio::test]
async fn get_and_delete_one_comment() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;
    app.comment(&case, "keep").await;
    let doomed = app.comment(&case, "drop").await["comments"][1].clone();
    let path = format!("{}/{}", comments_path(&case), s(&doomed["id"]));

    let (got_status, got) = app.get(&path).await;
    let (del_status, del_body) = app.delete(&path).await;
    let (after_status, after) = app.get(&path).await;
    let (again_status, _) = app.delete(&path).await;

    assert_eq!(got_status, 200);
    assert_eq!(got["comment"], "drop");
    assert_eq!(got["id"], doomed["id"]);
    assert_eq!((del_status, del_body), (204, Value::Null));
    assert_error(
        after_status,
        &after,
        404,
        &format!(
            "Saved object [cases-comments/{}] not found",
            s(&doomed["id"])
        ),
    );
    assert_eq!(again_status, 404);
    assert_eq!(app.case(&case["id"]).await["totalComment"], 1);
}

#[tokio::test]
async fn delete_all_removes_comments_and_alerts() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    app.comment(&case, "one").await;
    app.attach_alerts(&case, &["a1"]).await;

    let (status, body) = app.delete(&comments_path(&case)).await;

    assert_eq!((status, body), (204, Value::Null));
    let after = app.case(&case["id"]).await;
    assert_eq!(
        (&after["totalComment"], &after["totalAlerts"]),
        (&json!(0), &json!(0))
    );
    let (_, alerts) = app
        .get(&format!("/api/cases/{}/alerts", s(&case["id"])))
        .await;
    assert_eq!(alerts, json!([]));
}

#[tokio::test]
async fn find_returns_only_user_comments_paged() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    for text in ["first", "second", "third"] {
        app.comment(&case, text).await;
    }
    app.attach_alerts(&case, &["a1"]).await;
    let find = |q: &str| format!("/api/cases/{}/comments/_find{q}", s(&case["id"]));

    let (status, all) = app.get(&find("")).await;
    let (_, page2) = app.get(&find("?perPage=2&page=2&sortOrder=asc")).await;
    let (_, asc) = app.get(&find("?sortOrder=asc")).await;
    let (bad, err) = app.get(&find("?perPage=101")).await;
    let (unknown, err2) = app.get(&find("?type=alert")).await;

    assert_eq!(status, 200, "{all}");
    let keys: Vec<&String> = all.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4, "{all}");
    assert_eq!(
        (&all["total"], &all["page"], &all["per_page"]),
        (&json!(3), &json!(1), &json!(20))
    );
    assert!(
        pluck(&all["comments"], "type")
            .iter()
            .all(|t| **t == "user")
    );
    assert_eq!(
        pluck(&all["comments"], "comment"),
        ["third", "second", "first"]
    );
    assert_eq!(
        pluck(&asc["comments"], "comment"),
        ["first", "second", "third"]
    );
    assert_eq!(pluck(&page2["comments"], "comment"), ["third"]);
    assert_eq!(page2["total"], 3);
    assert_error(
        bad,
        &err,
        400,
        "The provided perPage value is too high. The maximum allowed perPage value is 100.",
    );
    assert_error_contains(unknown, &err2, 400, "type");
}
