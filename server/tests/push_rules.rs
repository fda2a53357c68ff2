//! Kibana's push rules, checked with a Jira emulator: what a push records (external service,
//! `pushed` user action, pushed_at/by on attachments), close-by-pushing, closed cases, unknown
//! connectors, "Added by" with the updater's name, pushes to a second connector, and the
//! `needsToBePushed` state of `/internal/cases/{id}/_connectors`.

mod common;
mod emulators;

use common::{TestApp, USER_PASSWORD, assert_error, s};
use emulators::jira::{self, JiraEmulator};
use emulators::{case_with, connector, push, pushed};
use serde_json::{Value, json};

async fn setup() -> (TestApp, JiraEmulator, String, Value) {
    let emu = JiraEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(&app, ".jira", "Jira SEC", emu.config(), jira::secrets()).await;
    let fields = json!({"issueType": "10007", "priority": null, "parent": null});
    let case = case_with(&app, &id, "Jira SEC", ".jira", fields).await;
    (app, emu, id, case)
}

async fn state(app: &TestApp, case: &Value) -> Value {
    let (status, body) = app
        .get(&format!("/internal/cases/{}/_connectors", s(&case["id"])))
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn needs_push(app: &TestApp, case: &Value, id: &str) -> bool {
    state(app, case).await[id]["push"]["needsToBePushed"]
        .as_bool()
        .expect("a bool")
}

#[tokio::test]
async fn a_push_records_the_external_service_a_user_action_and_pushed_comments() {
    let (app, _emu, id, case) = setup().await;
    app.comment(&case, "One").await;
    app.attach_alerts(&case, &["a-1"]).await;
    let before = app.case(&case["id"]).await;

    let out = pushed(&app, &case["id"], &id).await;

    let ext = &out["external_service"];
    assert_eq!(ext["connector_id"], id.as_str());
    assert_eq!(ext["pushed_by"]["username"], "elastic");
    assert!(ext["pushed_at"].is_string());
    assert_ne!(out["version"], before["version"]);
    assert_eq!(out["updated_by"]["username"], "elastic");
    assert_eq!(out["updated_at"], ext["pushed_at"]);
    assert_eq!(out["comments"].as_array().unwrap().len(), 2);
    for c in out["comments"].as_array().unwrap() {
        assert_eq!(c["pushed_at"], ext["pushed_at"], "{c}");
        assert_eq!(c["pushed_by"]["username"], "elastic", "{c}");
    }
    let mut without_comments = out.clone();
    without_comments.as_object_mut().unwrap().remove("comments");
    assert_eq!(app.case(&case["id"]).await, without_comments);
    let user_comments: Vec<Value> = out["comments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "user")
        .cloned()
        .collect();
    assert_eq!(
        emulators::attachments(&app, &case["id"]).await,
        user_comments
    );
    let actions = app.user_actions(&case["id"]).await;
    let last = actions.last().unwrap();
    assert_eq!(last["type"], "pushed");
    assert_eq!(last["action"], "push_to_service");
    assert_eq!(last["payload"]["externalService"], *ext);
    assert_eq!(out["status"], "open");
}

#[tokio::test]
async fn close_by_pushing_closes_the_case_and_then_it_cannot_be_pushed() {
    let (app, emu, id, case) = setup().await;
    let (status, conf) = app
        .post(
            "/api/cases/configure",
            &json!({"owner": "securitySolution", "closure_type": "close-by-pushing",
                    "connector": {"id": "none", "name": "none", "type": ".none", "fields": null}}),
        )
        .await;
    assert_eq!(status, 200, "{conf}");

    let out = pushed(&app, &case["id"], &id).await;

    assert_eq!(out["status"], "closed");
    assert_eq!(out["closed_at"], out["external_service"]["pushed_at"]);
    assert_eq!(out["closed_by"]["username"], "elastic");
    assert!(out["duration"].is_i64(), "{out}");
    let actions = app.user_actions(&case["id"]).await;
    let kinds: Vec<&Value> = actions.iter().rev().take(2).map(|a| &a["type"]).collect();
    assert_eq!(kinds, ["status", "pushed"]);
    assert_eq!(
        actions.last().unwrap()["payload"],
        json!({"status": "closed"})
    );

    emu.clear();
    let (status, body) = push(&app, &case["id"], &id).await;
    assert_error(
        status,
        &body,
        409,
        "This case Suspicious login is closed. You can not push if the case is closed.",
    );
    assert!(emu.lines().is_empty());
}

#[tokio::test]
async fn by_default_a_push_leaves_the_case_open_and_a_closed_case_is_409() {
    let (app, emu, id, case) = setup().await;
    assert_eq!(pushed(&app, &case["id"], &id).await["status"], "open");
    let current = app.case(&case["id"]).await;
    app.update_case(&current, json!({"status": "closed"})).await;
    emu.clear();

    let (status, body) = push(&app, &case["id"], &id).await;

    assert_error(
        status,
        &body,
        409,
        "This case Suspicious login is closed. You can not push if the case is closed.",
    );
    assert!(emu.lines().is_empty());
}

#[tokio::test]
async fn unknown_connectors_and_cases_are_404_and_bodies_must_be_empty() {
    let (app, emu, id, case) = setup().await;

    let (status, body) = push(&app, &case["id"], "nope").await;
    assert_error(status, &body, 404, "Saved object [action/nope] not found");
    let (status, body) = push(&app, &json!("missing-case"), &id).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = app
        .post(
            &format!("/api/cases/{}/connector/{id}/_push", s(&case["id"])),
            &json!({"force": true}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(emu.lines().is_empty());
    assert!(app.case(&case["id"]).await["external_service"].is_null());
}

#[tokio::test]
async fn added_by_names_the_user_who_last_changed_the_case_or_comment() {
    let (app, emu, id, case) = setup().await;
    app.add_user("ada", "Ada Analyst").await;
    let current = app.case(&case["id"]).await;
    let (status, _) = app
        .call_as(
            "ada",
            USER_PASSWORD,
            "PATCH",
            "/api/cases",
            Some(&json!({"cases": [{"id": case["id"], "version": current["version"], "tags": ["x"]}]})),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .call_as(
            "ada",
            USER_PASSWORD,
            "POST",
            &format!("/api/cases/{}/comments", s(&case["id"])),
            Some(&json!({"type": "user", "comment": "Mine", "owner": "securitySolution"})),
        )
        .await;
    assert_eq!(status, 200);

    pushed(&app, &case["id"], &id).await;

    let reqs = emu.requests();
    assert_eq!(
        reqs[0].body["fields"]["description"],
        "Several failed logins followed by a success.\n\nAdded by Ada Analyst."
    );
    assert_eq!(reqs[2].body["body"], "Mine\n\nAdded by Ada Analyst.");
}

#[tokio::test]
async fn a_second_connector_gets_a_new_incident_and_every_comment() {
    let (app, _emu, id, case) = setup().await;
    let other = JiraEmulator::start().await;
    let id2 = connector(&app, ".jira", "Jira 2", other.config(), jira::secrets()).await;
    app.comment(&case, "Old").await;
    pushed(&app, &case["id"], &id).await;
    app.comment(&case, "New").await;

    let out = pushed(&app, &case["id"], &id2).await;

    assert_eq!(
        other.lines(),
        [
            "GET /rest/api/2/issue/createmeta/SEC/issuetypes",
            "POST /rest/api/2/issue",
            "GET /rest/api/2/issue/10001",
            "POST /rest/api/2/issue/10001/comment",
            "POST /rest/api/2/issue/10001/comment"
        ]
    );
    assert_eq!(out["external_service"]["connector_id"], id2.as_str());
    let st = state(&app, &case).await;
    assert_eq!(st[&id]["push"]["hasBeenPushed"], true);
    assert_eq!(st[&id]["push"]["needsToBePushed"], true);
    assert_eq!(st[&id2]["push"]["needsToBePushed"], false);
    assert_eq!(st[&id2]["name"], "Jira 2");
}

#[tokio::test]
async fn the_alerts_comment_counts_every_alert_when_new_ones_arrive() {
    let (app, emu, id, case) = setup().await;
    app.attach_alerts(&case, &["a-1", "a-2"]).await;
    pushed(&app, &case["id"], &id).await;
    app.attach_alerts(&case, &["a-3"]).await;
    emu.clear();

    pushed(&app, &case["id"], &id).await;

    let last = emu.requests().pop().unwrap();
    assert_eq!(last.line(), "POST /rest/api/2/issue/10001/comment");
    assert_eq!(
        last.body,
        json!({"body": "Elastic Alerts attached to the case: 3"})
    );
}

#[tokio::test]
async fn needs_to_be_pushed_follows_edits_and_comments() {
    let (app, _emu, id, case) = setup().await;
    let st = state(&app, &case).await;
    assert_eq!(
        st[&id],
        json!({"id": id, "name": "Jira SEC", "type": ".jira",
               "fields": {"issueType": "10007", "priority": null, "parent": null},
               "push": {"needsToBePushed": true, "hasBeenPushed": false}})
    );

    let out = pushed(&app, &case["id"], &id).await;
    let st = state(&app, &case).await;
    assert_eq!(st[&id]["push"]["needsToBePushed"], false);
    assert_eq!(st[&id]["push"]["hasBeenPushed"], true);
    assert_eq!(
        st[&id]["push"]["details"]["externalService"],
        out["external_service"]
    );

    app.update_case(&out, json!({"title": "Renamed"})).await;
    assert!(needs_push(&app, &case, &id).await);
    pushed(&app, &case["id"], &id).await;
    assert!(!needs_push(&app, &case, &id).await);

    app.comment(&case, "Another finding").await;
    assert!(needs_push(&app, &case, &id).await);
    pushed(&app, &case["id"], &id).await;
    assert!(!needs_push(&app, &case, &id).await);

    // Editing a comment counts too; changing the severity does not.
    let comment = &emulators::attachments(&app, &case["id"]).await[0];
    let (status, body) = app
        .patch(
            &format!("/api/cases/{}/comments", s(&case["id"])),
            &json!({"id": comment["id"], "version": comment["version"], "type": "user",
                    "comment": "Edited finding", "owner": "securitySolution"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(needs_push(&app, &case, &id).await);
    let pushed_again = pushed(&app, &case["id"], &id).await;
    let lowered = app
        .update_case(&pushed_again, json!({"severity": "low"}))
        .await;
    assert!(!needs_push(&app, &case, &id).await);

    // New fields for the connector need a push.
    let fields = json!({"issueType": "10007", "priority": "Low", "parent": null});
    app.update_case(
        &lowered,
        json!({"connector": {"id": id, "name": "Jira SEC", "type": ".jira", "fields": fields}}),
    )
    .await;
    assert!(needs_push(&app, &case, &id).await);
}

#[tokio::test]
async fn endpoint_action_comments_are_worded_like_kibana() {
    let (app, emu, id, case) = setup().await;
    let action = |kind: &str, hosts: &[&str]| {
        let targets: Vec<Value> = hosts
            .iter()
            .map(|h| json!({"hostname": h, "endpointId": format!("ep-{h}")}))
            .collect();
        json!({"type": "actions", "comment": "Contain it", "owner": "securitySolution",
               "actions": {"type": kind, "targets": targets}})
    };
    let path = format!("/api/cases/{}/comments", s(&case["id"]));
    for body in [
        action("isolate", &["web-1", "web-2", "db-1"]),
        action("unisolate", &["web-1"]),
    ] {
        let (status, answer) = app.post(&path, &body).await;
        assert_eq!(status, 200, "{answer}");
    }

    pushed(&app, &case["id"], &id).await;

    let comments: Vec<Value> = emu
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/comment"))
        .map(|r| r.body["body"].clone())
        .collect();
    assert_eq!(
        comments,
        [
            "Isolated host web-1 and 2 more with comment: Contain it\n\nAdded by Elastic Admin.",
            "Released host web-1 with comment: Contain it\n\nAdded by Elastic Admin."
        ]
    );
}

#[tokio::test]
async fn connectors_belong_to_their_space() {
    let (app, emu, id, _case) = setup().await;
    let (status, space) = app
        .post("/api/spaces/space", &json!({"id": "red", "name": "Red"}))
        .await;
    assert_eq!(status, 200, "{space}");
    let mut body = common::case_body("securitySolution");
    body["title"] = json!("In another space");
    let other = app.create_case_in("red", body).await;

    let (status, answer) = app
        .post(
            &format!("/s/red/api/cases/{}/connector/{id}/_push", s(&other["id"])),
            &json!({}),
        )
        .await;

    assert_error(
        status,
        &answer,
        404,
        &format!("Saved object [action/{id}] not found"),
    );
    assert!(emu.lines().is_empty());
}

#[tokio::test]
async fn a_deleted_connector_cannot_be_pushed_and_leaves_the_connectors_state() {
    let (app, emu, id, case) = setup().await;
    pushed(&app, &case["id"], &id).await;
    let (status, _) = app.delete(&format!("/api/actions/connector/{id}")).await;
    assert_eq!(status, 204);
    emu.clear();

    let (status, body) = push(&app, &case["id"], &id).await;

    assert_error(
        status,
        &body,
        404,
        &format!("Saved object [action/{id}] not found"),
    );
    assert!(emu.lines().is_empty());
    assert_eq!(state(&app, &case).await, json!({}));
    assert_eq!(
        app.case(&case["id"]).await["external_service"]["connector_id"],
        id.as_str()
    );
}
