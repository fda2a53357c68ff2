//! Pushing to Jira against a local Jira emulator: the exact REST calls on create, on update
//! after an edit and for new comments only, and failures answered 424 with nothing recorded.

mod common;
mod emulators;

use common::{TestApp, s};
use emulators::jira::{self, JiraEmulator};
use emulators::{Failure, assert_push_fails, basic, case_with, connector, pushed};
use serde_json::{Value, json};
use std::time::Duration;

const BY: &str = "\n\nAdded by Elastic Admin.";

async fn setup(fields: Value) -> (TestApp, JiraEmulator, String, Value) {
    let emu = JiraEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(&app, ".jira", "Jira SEC", emu.config(), jira::secrets()).await;
    let case = case_with(&app, &id, "Jira SEC", ".jira", fields).await;
    (app, emu, id, case)
}

fn typed() -> Value {
    json!({"issueType": "10007", "priority": "High", "parent": null})
}

#[tokio::test]
async fn create_posts_the_issue_then_reads_it_back() {
    let (app, emu, id, case) = setup(typed()).await;

    let pushed_case = pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        ["POST /rest/api/2/issue", "GET /rest/api/2/issue/10001"]
    );
    let reqs = emu.requests();
    assert_eq!(
        reqs[0].body,
        json!({"fields": {
            "summary": "Suspicious login",
            "description": format!("Several failed logins followed by a success.{BY}"),
            "labels": ["auth", "brute-force"],
            "priority": {"name": "High"},
            "project": {"key": "SEC"},
            "issuetype": {"id": "10007"}
        }})
    );
    for r in &reqs {
        assert_eq!(
            r.header("authorization"),
            Some(basic(jira::EMAIL, jira::TOKEN).as_str())
        );
    }
    assert_eq!(reqs[0].header("content-type"), Some("application/json"));
    let ext = &pushed_case["external_service"];
    assert_eq!(ext["connector_id"], id.as_str());
    assert_eq!(ext["connector_name"], "Jira SEC");
    assert_eq!(ext["external_id"], "10001");
    assert_eq!(ext["external_title"], "SEC-1");
    assert_eq!(ext["external_url"], format!("{}/browse/SEC-1", emu.url));
    assert_eq!(ext["pushed_by"]["username"], "elastic");
    assert_eq!(emu.issue("SEC-1")["fields"]["summary"], "Suspicious login");
}

#[tokio::test]
async fn without_an_issue_type_the_projects_first_type_is_used() {
    let (app, emu, id, case) =
        setup(json!({"issueType": null, "priority": null, "parent": null})).await;

    pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            "GET /rest/api/2/issue/createmeta/SEC/issuetypes",
            "POST /rest/api/2/issue",
            "GET /rest/api/2/issue/10001"
        ]
    );
    let body = &emu.requests()[1].body;
    assert_eq!(body["fields"]["issuetype"], json!({"id": "10006"}));
    assert!(body["fields"].get("priority").is_none(), "{body}");
    assert!(body["fields"].get("parent").is_none(), "{body}");
}

#[tokio::test]
async fn parent_and_other_fields_are_sent() {
    let (app, emu, id, case) = setup(json!({"issueType": "10007", "priority": null,
        "parent": "SEC-99", "otherFields": "{\"customfield_10020\": 5}"}))
    .await;

    pushed(&app, &case["id"], &id).await;

    let f = &emu.requests()[0].body["fields"];
    assert_eq!(f["parent"], json!({"key": "SEC-99"}));
    assert_eq!(f["customfield_10020"], 5);
}

#[tokio::test]
async fn second_push_updates_the_issue_and_sends_only_new_comments() {
    let (app, emu, id, case) = setup(typed()).await;
    app.comment(&case, "First look: VPN login").await;
    pushed(&app, &case["id"], &id).await;
    assert_eq!(
        emu.lines(),
        [
            "POST /rest/api/2/issue",
            "GET /rest/api/2/issue/10001",
            "POST /rest/api/2/issue/10001/comment"
        ]
    );
    assert_eq!(
        emu.requests()[2].body,
        json!({"body": format!("First look: VPN login{BY}")})
    );
    emu.clear();

    let current = app.case(&case["id"]).await;
    app.update_case(
        &current,
        json!({"title": "Credential stuffing", "tags": ["auth"]}),
    )
    .await;
    app.comment(&case, "Blocked the source IP").await;
    let again = pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            "PUT /rest/api/2/issue/10001",
            "GET /rest/api/2/issue/10001",
            "POST /rest/api/2/issue/10001/comment"
        ]
    );
    let reqs = emu.requests();
    assert_eq!(
        reqs[0].body,
        json!({"fields": {
            "summary": "Credential stuffing",
            "description": format!("Several failed logins followed by a success.{BY}"),
            "labels": ["auth"],
            "priority": {"name": "High"},
            "issuetype": {"id": "10007"}
        }})
    );
    assert_eq!(
        reqs[2].body,
        json!({"body": format!("Blocked the source IP{BY}")})
    );
    assert_eq!(again["external_service"]["external_id"], "10001");
    let issue = emu.issue("10001");
    assert_eq!(issue["fields"]["summary"], "Credential stuffing");
    assert_eq!(issue["comments"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_push_with_nothing_new_sends_no_comments() {
    let (app, emu, id, case) = setup(typed()).await;
    app.comment(&case, "Only once").await;
    pushed(&app, &case["id"], &id).await;
    emu.clear();

    pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        ["PUT /rest/api/2/issue/10001", "GET /rest/api/2/issue/10001"]
    );
}

#[tokio::test]
async fn unpushed_alerts_add_one_total_comment() {
    let (app, emu, id, case) = setup(typed()).await;
    let (status, body) = app.attach_alerts(&case, &["a-1", "a-2"]).await;
    assert_eq!(status, 200, "{body}");

    pushed(&app, &case["id"], &id).await;
    let comments: Vec<Value> = emu
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/comment"))
        .map(|r| r.body)
        .collect();
    assert_eq!(
        comments,
        [json!({"body": "Elastic Alerts attached to the case: 2"})]
    );
    emu.clear();

    pushed(&app, &case["id"], &id).await;
    assert!(
        emu.lines().iter().all(|l| !l.ends_with("/comment")),
        "{:?}",
        emu.lines()
    );
}

#[tokio::test]
async fn failures_are_424_with_the_external_message_and_record_nothing() {
    let (app, emu, id, case) = setup(typed()).await;
    app.comment(&case, "Pending").await;
    let before = app.case(&case["id"]).await;
    let cases = [
        (
            Failure::Status(
                500,
                json!({"errorMessages": ["Internal server error"], "errors": {}}),
            ),
            "Error: status code 500 Reason: Internal server error",
        ),
        (
            Failure::Hang(Duration::from_secs(3)),
            "Error: the request timed out after 500 ms",
        ),
        (
            Failure::InvalidJson,
            "Error: the response is not valid JSON",
        ),
    ];
    for (failure, part) in cases {
        emu.fail(failure);
        assert_push_fails(&app, &case["id"], &id, part).await;
    }
    emu.heal();

    emu.require(vec![("authorization", basic(jira::EMAIL, "revoked"))]);
    let (status, body) = emulators::push(&app, &case["id"], &id).await;
    assert_eq!(status, 424, "{body}");
    assert_eq!(
        body["message"],
        "[Action][Jira]: Unable to push incident Jira SEC. Error: status code 401 Reason: You are not authenticated. Authentication required to perform this operation."
    );
    let after = app.case(&case["id"]).await;
    assert_eq!(after["version"], before["version"]);
    assert!(after["external_service"].is_null());
    let comments = emulators::attachments(&app, &case["id"]).await;
    assert_eq!(comments.len(), 1);
    assert!(comments[0]["pushed_at"].is_null(), "{}", comments[0]);
}

#[tokio::test]
async fn a_failing_comment_call_records_nothing_even_though_the_issue_exists() {
    let (app, emu, id, case) = setup(typed()).await;
    app.comment(&case, "Will fail").await;
    emu.fail_on(
        "/comment",
        Failure::Status(
            400,
            json!({"errorMessages": [], "errors": {"comment": "Comment body can not be empty!"}}),
        ),
    );

    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "Reason: comment: Comment body can not be empty!",
    )
    .await;
    assert_eq!(emu.count(), 1);

    // Nothing was recorded, so the next push creates again, like Kibana.
    emu.heal();
    let ok = pushed(&app, &case["id"], &id).await;
    assert_eq!(ok["external_service"]["external_title"], "SEC-2");
    assert_eq!(s(&ok["comments"][0]["pushed_by"]["username"]), "elastic");
}
