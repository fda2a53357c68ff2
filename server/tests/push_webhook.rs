//! Pushing through Webhook - Case Management against a local ticketing API: the URLs, methods
//! and bodies rendered from the connector's templates (JSON-encoded values), the configured
//! headers and Basic auth, updates, comments, and failures answered 424.

mod common;
mod emulators;

use common::TestApp;
use emulators::webhook::{self, WebhookEmulator};
use emulators::{Failure, assert_push_fails, basic, case_with, connector, pushed};
use serde_json::{Value, json};
use std::time::Duration;

const BY: &str = "\n\nAdded by Elastic Admin.";
const DESCRIPTION: &str = "Several failed logins followed by a success.\n\nAdded by Elastic Admin.";

async fn setup_with(
    config: impl FnOnce(&WebhookEmulator) -> Value,
) -> (TestApp, WebhookEmulator, String, Value) {
    let emu = WebhookEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(
        &app,
        ".cases-webhook",
        "Tickets",
        config(&emu),
        webhook::secrets(),
    )
    .await;
    let case = case_with(&app, &id, "Tickets", ".cases-webhook", Value::Null).await;
    (app, emu, id, case)
}

async fn setup() -> (TestApp, WebhookEmulator, String, Value) {
    setup_with(|e| e.config(true)).await
}

#[tokio::test]
async fn create_renders_the_template_and_reads_the_title_back() {
    let (app, emu, id, case) = setup().await;

    let pushed_case = pushed(&app, &case["id"], &id).await;

    assert_eq!(emu.lines(), ["POST /api/tickets", "GET /api/tickets/1001"]);
    let reqs = emu.requests();
    assert_eq!(
        reqs[0].body,
        json!({"fields": {
            "title": "Suspicious login", "description": DESCRIPTION, "tags": ["auth", "brute force"],
            "severity": "high", "status": "open", "caseId": case["id"]
        }})
    );
    let auth = basic(webhook::USER, webhook::PASSWORD);
    for r in &reqs {
        assert_eq!(r.header("authorization"), Some(auth.as_str()));
        assert_eq!(r.header("x-tenant"), Some(webhook::TENANT));
    }
    assert_eq!(reqs[1].body, Value::Null);
    let ext = &pushed_case["external_service"];
    assert_eq!(ext["external_id"], "1001");
    assert_eq!(ext["external_title"], "TKT-1");
    assert_eq!(ext["external_url"], format!("{}/browse/TKT-1", emu.url));
}

#[tokio::test]
async fn values_are_json_encoded_and_not_html_escaped() {
    let (app, emu, id, case) = setup().await;
    let title = "Say \"hi\" \\ <b>&amp;</b> {{x}}";
    let current = app.case(&case["id"]).await;
    app.update_case(&current, json!({"title": title, "tags": []}))
        .await;

    pushed(&app, &case["id"], &id).await;

    let body = &emu.requests()[0].body;
    assert_eq!(body["fields"]["title"], title);
    assert_eq!(body["fields"]["tags"], json!([]));
    assert_eq!(emu.ticket("1001")["fields"]["title"], title);
}

#[tokio::test]
async fn update_puts_then_reads_then_comments() {
    let (app, emu, id, case) = setup().await;
    pushed(&app, &case["id"], &id).await;
    emu.clear();
    let current = app.case(&case["id"]).await;
    app.update_case(
        &current,
        json!({"title": "Account takeover", "status": "in-progress"}),
    )
    .await;
    app.comment(&case, "Customer notified").await;

    let again = pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            "PUT /api/tickets/1001",
            "GET /api/tickets/1001",
            "POST /api/tickets/1001/comments"
        ]
    );
    let reqs = emu.requests();
    assert_eq!(
        reqs[0].body,
        json!({"fields": {
            "title": "Account takeover", "description": DESCRIPTION, "tags": ["auth", "brute force"],
            "severity": "high", "status": "in-progress", "caseId": case["id"]
        }})
    );
    assert_eq!(
        reqs[2].body,
        json!({"body": format!("Customer notified{BY}")})
    );
    assert_eq!(again["external_service"]["external_title"], "TKT-1");
    let ticket = emu.ticket("1001");
    assert_eq!(ticket["fields"]["title"], "Account takeover");
    assert_eq!(
        ticket["comments"],
        json!([format!("Customer notified{BY}")])
    );
}

#[tokio::test]
async fn without_a_comment_url_comments_are_skipped() {
    let (app, emu, id, case) = setup_with(|e| e.config(false)).await;
    app.comment(&case, "Stays here").await;

    let pushed_case = pushed(&app, &case["id"], &id).await;

    assert_eq!(emu.lines(), ["POST /api/tickets", "GET /api/tickets/1001"]);
    assert!(pushed_case["comments"][0]["pushed_at"].is_string());
}

#[tokio::test]
async fn a_missing_response_key_is_424_and_records_nothing() {
    let (app, _emu, id, case) = setup_with(|e| {
        let mut c = e.config(true);
        c["createIncidentResponseKey"] = json!("data.ticketId");
        c
    })
    .await;
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "[Action][Webhook - Case Management]: Unable to push incident Tickets. Error: the response has no \"data.ticketId\"",
    )
    .await;
}

#[tokio::test]
async fn a_template_rendering_invalid_json_is_424_before_any_call() {
    let (app, emu, id, case) = setup_with(|e| {
        let mut c = e.config(true);
        c["createIncidentJson"] = json!(
            r#"{"fields":{"title":"{{{case.title}}}","description":{{{case.description}}}}}"#
        );
        c
    })
    .await;
    assert_push_fails(&app, &case["id"], &id, "the rendered JSON is invalid").await;
    assert!(emu.lines().is_empty(), "{:?}", emu.lines());
}

#[tokio::test]
async fn transport_failures_are_424_and_record_nothing() {
    let (app, emu, id, case) = setup().await;
    emu.require(vec![("authorization", basic(webhook::USER, "nope"))]);
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "status code 401 Reason: bad credentials",
    )
    .await;
    emu.require(vec![(
        "authorization",
        basic(webhook::USER, webhook::PASSWORD),
    )]);
    emu.fail(Failure::Hang(Duration::from_secs(3)));
    assert_push_fails(&app, &case["id"], &id, "timed out after 500 ms").await;
    emu.fail(Failure::InvalidJson);
    assert_push_fails(&app, &case["id"], &id, "not valid JSON").await;
    emu.fail_on(
        "/api/tickets/",
        Failure::Status(500, json!({"message": "database is locked"})),
    );
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "status code 500 Reason: database is locked",
    )
    .await;
}
