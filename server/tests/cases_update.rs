//! `PATCH /api/cases`: bulk updates of 1..100 cases that all apply or none do (stale version
//! 409, unknown id 404), no-op 406, immutable owner, status side effects, nullable fields, and
//! the response in request order with new versions.

mod common;

use common::*;
use serde_json::{Value, json};

async fn two_cases(app: &TestApp) -> (Value, Value) {
    let a = app
        .create_case_with(merge(case_body("cases"), json!({"title": "A"})))
        .await;
    let b = app
        .create_case_with(merge(case_body("cases"), json!({"title": "B"})))
        .await;
    (a, b)
}

#[tokio::test]
async fn bulk_update_answers_in_request_order_with_new_versions() {
    let app = TestApp::new().await;
    let (a, b) = two_cases(&app).await;
    let body = json!({"cases": [
        {"id": b["id"], "version": b["version"], "title": "B2", "severity": "high"},
        {"id": a["id"], "version": a["version"], "tags": ["x", "y"]},
    ]});

    let (status, updated) = app.patch("/api/cases", &body).await;

    assert_eq!(status, 200, "{updated}");
    assert_eq!(pluck(&updated, "id"), vec![&b["id"], &a["id"]]);
    assert_eq!(updated[0]["title"], "B2");
    assert_eq!(updated[0]["severity"], "high");
    assert_eq!(updated[1]["tags"], json!(["x", "y"]));
    assert_ne!(updated[0]["version"], b["version"]);
    assert_ne!(updated[1]["version"], a["version"]);
    assert_eq!(updated[0]["updated_by"]["username"], "elastic");
    assert!(updated[0]["updated_at"].is_string());
    let stored = app.case(&b["id"]).await;
    assert_eq!(stored["version"], updated[0]["version"]);
    assert_eq!(stored["title"], "B2");
}

#[tokio::test]
async fn batch_size_must_be_1_to_100() {
    let app = TestApp::new().await;
    let fake: Vec<Value> = (0..101)
        .map(|i| json!({"id": format!("c{i}"), "version": "v", "title": "t"}))
        .collect();

    let (s0, e0) = app.patch("/api/cases", &json!({"cases": []})).await;
    let (s101, e101) = app.patch("/api/cases", &json!({"cases": fake})).await;

    assert_error(
        s0,
        &e0,
        400,
        "The length of the field cases is too short. Array must be of length >= 1.",
    );
    assert_error(
        s101,
        &e101,
        400,
        "The length of the field cases is too long. Array must be of length <= 100.",
    );
}

#[tokio::test]
async fn a_batch_of_100_cases_updates_them_all() {
    let app = TestApp::new().await;
    let mut items = Vec::new();
    for _ in 0..100 {
        let c = app.create_case("observability").await;
        items.push(json!({"id": c["id"], "version": c["version"], "status": "in-progress"}));
    }

    let (status, updated) = app.patch("/api/cases", &json!({"cases": items})).await;

    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated.as_array().unwrap().len(), 100);
    let found = app.find("status=in-progress&perPage=1").await;
    assert_eq!(found["total"], 100);
}

#[tokio::test]
async fn a_stale_version_writes_nothing_in_the_whole_batch() {
    let app = TestApp::new().await;
    let (a, b) = two_cases(&app).await;
    let b_now = app.update_case(&b, json!({"title": "B moved on"})).await;
    let actions_a = app.user_actions(&a["id"]).await.len();
    let actions_b = app.user_actions(&b["id"]).await.len();
    let body = json!({"cases": [
        {"id": a["id"], "version": a["version"], "title": "A changed"},
        {"id": b["id"], "version": b["version"], "title": "B changed"},
    ]});

    let (status, err) = app.patch("/api/cases", &body).await;

    assert_error(
        status,
        &err,
        409,
        &format!(
            "These cases {} has been updated. Please refresh before saving additional updates.",
            s(&b["id"])
        ),
    );
    let a_after = app.case(&a["id"]).await;
    let b_after = app.case(&b["id"]).await;
    assert_eq!(
        (&a_after["title"], &a_after["version"]),
        (&a["title"], &a["version"])
    );
    assert_eq!(
        (&b_after["title"], &b_after["version"]),
        (&b_now["title"], &b_now["version"])
    );
    assert_eq!(app.user_actions(&a["id"]).await.len(), actions_a);
    assert_eq!(app.user_actions(&b["id"]).await.len(), actions_b);
}

#[tokio::test]
async fn an_unknown_id_is_404_and_writes_nothing() {
    let app = TestApp::new().await;
    let (a, _) = two_cases(&app).await;
    let body = json!({"cases": [
        {"id": a["id"], "version": a["version"], "title": "A changed"},
        {"id": "ghost", "version": "WzEsMV0=", "title": "boo"},
    ]});

    let (status, err) = app.patch("/api/cases", &body).await;

    assert_error(
        status,
        &err,
        404,
        "These cases ghost do not exist. Please check you have the correct ids.",
    );
    let a_after = app.case(&a["id"]).await;
    assert_eq!(a_after["version"], a["version"]);
    assert_eq!(a_after["title"], "A");
    assert_eq!(app.user_actions(&a["id"]).await.len(), 1);
}

#[tokio::test]
async fn identical_fields_are_406() {
    let app = TestApp::new().await;
    let (a, _) = two_cases(&app).await;

    let (status, err) = app
        .patch_case(
            &a,
            json!({"title": "  A  ", "severity": "low", "tags": ["auth"]}),
        )
        .await;

    assert_error(
        status,
        &err,
        406,
        "All update fields are identical to current version.",
    );
    assert_eq!(app.case(&a["id"]).await["version"], a["version"]);
}

#[tokio::test]
async fn only_the_cases_that_change_are_updated_and_returned() {
    let app = TestApp::new().await;
    let (a, b) = two_cases(&app).await;
    let body = json!({"cases": [
        {"id": a["id"], "version": a["version"], "title": "A"},
        {"id": b["id"], "version": b["version"], "title": "B2"},
    ]});

    let (status, updated) = app.patch("/api/cases", &body).await;

    assert_eq!(status, 200, "{updated}");
    assert_eq!(pluck(&updated, "id"), vec![&b["id"]]);
    assert_eq!(app.case(&a["id"]).await["version"], a["version"]);
}

#[tokio::test]
async fn owner_cannot_be_patched_and_fields_are_validated() {
    let app = TestApp::new().await;
    let (a, _) = two_cases(&app).await;

    let (s1, e1) = app.patch_case(&a, json!({"owner": "observability"})).await;
    let (s2, e2) = app.patch_case(&a, json!({"title": "x".repeat(161)})).await;
    let (s3, e3) = app.patch_case(&a, json!({"status": "done"})).await;
    let (s4, e4) = app.patch_case(&a, json!({"category": ""})).await;

    assert_error_contains(s1, &e1, 400, "owner");
    assert_error(
        s2,
        &e2,
        400,
        "The length of the title is too long. The maximum length is 160.",
    );
    assert_error_contains(s3, &e3, 400, "done");
    assert_error(
        s4,
        &e4,
        400,
        "The category field cannot be an empty string.",
    );
    assert_eq!(app.case(&a["id"]).await["version"], a["version"]);
}

#[tokio::test]
async fn closing_sets_closed_fields_and_reopening_clears_them() {
    let app = TestApp::new().await;
    let (a, _) = two_cases(&app).await;

    let closed = app.update_case(&a, json!({"status": "closed"})).await;
    let reopened = app.update_case(&closed, json!({"status": "open"})).await;
    let closed_again = app
        .update_case(&reopened, json!({"status": "closed"}))
        .await;
    let in_progress = app
        .update_case(&closed_again, json!({"status": "in-progress"}))
        .await;

    assert_eq!(closed["status"], "closed");
    assert!(closed["closed_at"].is_string(), "{closed}");
    assert_eq!(closed["closed_by"]["username"], "elastic");
    assert!(
        closed["duration"].as_i64().is_some_and(|d| d >= 0),
        "{closed}"
    );
    for c in [&reopened, &in_progress] {
        assert!(c["closed_at"].is_null(), "{c}");
        assert!(c["closed_by"].is_null(), "{c}");
        assert!(c["duration"].is_null(), "{c}");
    }
    assert_eq!(reopened["status"], "open");
    assert_eq!(in_progress["status"], "in-progress");
}

#[tokio::test]
async fn null_category_and_assignees_unset_them() {
    let app = TestApp::new().await;
    let a = app
        .create_case_with(merge(
            case_body("cases"),
            json!({"category": "Phishing", "assignees": [{"uid": "u1"}]}),
        ))
        .await;

    let untouched = app.update_case(&a, json!({"title": "renamed"})).await;
    let unset = app
        .update_case(&untouched, json!({"category": null, "assignees": null}))
        .await;

    assert_eq!(untouched["category"], "Phishing");
    assert_eq!(untouched["assignees"], json!([{"uid": "u1"}]));
    assert!(unset["category"].is_null(), "{unset}");
    assert_eq!(unset["assignees"], json!([]));
    assert!(app.case(&a["id"]).await["category"].is_null());
}

#[tokio::test]
async fn settings_and_connector_can_change() {
    let app = TestApp::new().await;
    let (a, _) = two_cases(&app).await;
    let jira = json!({"id": "jira-1", "name": "Jira", "type": ".jira",
        "fields": {"issueType": "10001", "parent": null, "priority": "High"}});

    let updated = app
        .update_case(
            &a,
            json!({"settings": {"syncAlerts": false}, "connector": jira}),
        )
        .await;
    let (bad, err) = app
        .patch_case(
            &updated,
            json!({"connector": {"id": "j", "name": "J", "type": ".jira", "fields": {"issueType": "1"}}}),
        )
        .await;

    assert_eq!(updated["settings"], json!({"syncAlerts": false}));
    assert_eq!(updated["connector"], jira);
    assert_eq!(bad, 400, "{err}");
    assert_eq!(err["statusCode"], 400);
}
