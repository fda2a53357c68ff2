//! The internal activity reads: `/internal/cases/{id}/user_actions/_stats` (the counts behind
//! the All / Comments / History buttons) and `/internal/cases/{id}/_users` (participants,
//! assignees, unassigned users and the reporter).

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn stats_split_comments_from_other_actions() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;
    app.comment(&case, "one").await;
    app.comment(&case, "two").await;
    app.update_case(&app.case(&case["id"]).await, json!({"title": "Renamed"}))
        .await;

    let (status, stats) = app
        .get(&format!(
            "/internal/cases/{}/user_actions/_stats",
            s(&case["id"])
        ))
        .await;
    let (missing, err) = app.get("/internal/cases/ghost/user_actions/_stats").await;

    assert_eq!(status, 200, "{stats}");
    assert_eq!(
        stats,
        json!({"total": 4, "total_comments": 2, "total_other_actions": 2})
    );
    assert_error(missing, &err, 404, "Saved object [cases/ghost] not found");
}

#[tokio::test]
async fn users_lists_participants_assignees_unassigned_and_reporter() {
    let app = TestApp::new().await;
    let alice = app.add_user("alice", "Alice Analyst").await;
    let bob = app.add_user("bob", "Bob Builder").await;
    let case = app
        .create_case_with(merge(
            case_body("cases"),
            json!({"assignees": [{"uid": alice}, {"uid": bob}]}),
        ))
        .await;
    let comment = json!({"type": "user", "comment": "on it", "owner": "cases"});
    let (status, _) = app
        .call_as(
            "alice",
            USER_PASSWORD,
            "POST",
            &format!("/api/cases/{}/comments", s(&case["id"])),
            Some(&comment),
        )
        .await;
    assert_eq!(status, 200);
    let current = app.case(&case["id"]).await;
    app.update_case(&current, json!({"assignees": [{"uid": alice}]}))
        .await;

    let (status, users) = app
        .get(&format!("/internal/cases/{}/_users", s(&case["id"])))
        .await;

    assert_eq!(status, 200, "{users}");
    let usernames = |key: &str| -> Vec<String> {
        users[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| s(&u["user"]["username"]).to_string())
            .collect()
    };
    assert_eq!(usernames("participants"), ["elastic", "alice"]);
    assert_eq!(usernames("assignees"), ["alice"]);
    assert_eq!(usernames("unassignedUsers"), ["bob"]);
    assert_eq!(users["assignees"][0]["uid"], json!(alice));
    assert_eq!(users["unassignedUsers"][0]["uid"], json!(bob));
    assert_eq!(
        users["assignees"][0]["user"],
        json!({"email": "alice@example.com", "full_name": "Alice Analyst", "username": "alice"})
    );
    assert_eq!(users["reporter"]["user"]["username"], "elastic");
    assert_eq!(users["reporter"]["user"]["full_name"], "Elastic Admin");
}

#[tokio::test]
async fn users_of_an_unknown_case_is_404() {
    let app = TestApp::new().await;

    let (status, err) = app.get("/internal/cases/ghost/_users").await;

    assert_error(status, &err, 404, "Saved object [cases/ghost] not found");
}
