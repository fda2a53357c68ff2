//! Pushing to IBM Resilient, Swimlane and TheHive against local emulators: the exact calls on
//! create, on update after an edit with new comments, and a failure answered 424.

mod common;
mod emulators;

use common::TestApp;
use emulators::resilient::{self, ResilientEmulator};
use emulators::swimlane::{self, APP, SwimlaneEmulator};
use emulators::thehive::{self, HiveEmulator};
use emulators::{
    Failure, assert_push_fails, assert_transport_failures, basic, case_with, connector, pushed,
};
use serde_json::{Value, json};

const BY: &str = "\n\nAdded by Elastic Admin.";
const DESCRIPTION: &str = "Several failed logins followed by a success.\n\nAdded by Elastic Admin.";

async fn edit_and_comment(app: &TestApp, case: &Value, comment: &str) {
    let current = app.case(&case["id"]).await;
    app.update_case(&current, json!({"title": "Account takeover"}))
        .await;
    app.comment(case, comment).await;
}

// ---- IBM Resilient ----------------------------------------------------------------------------

async fn resilient_setup() -> (TestApp, ResilientEmulator, String, Value) {
    let emu = ResilientEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(
        &app,
        ".resilient",
        "IBM",
        emu.config(),
        resilient::secrets(),
    )
    .await;
    let fields = json!({"incidentTypes": ["17", "21"], "severityCode": "5"});
    let case = case_with(&app, &id, "IBM", ".resilient", fields).await;
    (app, emu, id, case)
}

#[tokio::test]
async fn resilient_create_posts_the_incident() {
    let (app, emu, id, case) = resilient_setup().await;
    let before = chrono::Utc::now().timestamp_millis();

    let pushed_case = pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        ["POST /rest/orgs/201/incidents?text_content_output_format=objects_convert"]
    );
    let r = &emu.requests()[0];
    assert_eq!(
        r.header("authorization"),
        Some(basic(resilient::KEY_ID, resilient::KEY_SECRET).as_str())
    );
    let discovered = r.body["discovered_date"].as_i64().expect("a number");
    assert!(discovered >= before && discovered <= chrono::Utc::now().timestamp_millis());
    assert_eq!(
        r.body,
        json!({
            "name": "Suspicious login",
            "description": {"format": "html", "content": DESCRIPTION},
            "discovered_date": discovered,
            "incident_type_ids": [{"id": 17}, {"id": 21}],
            "severity_code": {"id": 5}
        })
    );
    let ext = &pushed_case["external_service"];
    assert_eq!(ext["external_id"], "2001");
    assert_eq!(ext["external_title"], "2001");
    assert_eq!(ext["external_url"], format!("{}/#incidents/2001", emu.url));
}

#[tokio::test]
async fn resilient_update_patches_a_changes_document_then_comments() {
    let (app, emu, id, case) = resilient_setup().await;
    pushed(&app, &case["id"], &id).await;
    emu.clear();
    edit_and_comment(&app, &case, "Isolated the host").await;
    let current = app.case(&case["id"]).await;
    let fields = json!({"incidentTypes": ["21"], "severityCode": "6"});
    app.update_case(
        &current,
        json!({"connector": {"id": id, "name": "IBM", "type": ".resilient", "fields": fields}}),
    )
    .await;

    pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            "GET /rest/orgs/201/incidents/2001?text_content_output_format=objects_convert",
            "PATCH /rest/orgs/201/incidents/2001",
            "POST /rest/orgs/201/incidents/2001/comments"
        ]
    );
    let reqs = emu.requests();
    let html = json!({"format": "html", "content": DESCRIPTION});
    assert_eq!(
        reqs[1].body,
        json!({"changes": [
            {"field": {"name": "name"}, "old_value": {"text": "Suspicious login"}, "new_value": {"text": "Account takeover"}},
            {"field": {"name": "description"}, "old_value": {"textarea": html}, "new_value": {"textarea": html}},
            {"field": {"name": "incident_type_ids"}, "old_value": {"ids": [17, 21]}, "new_value": {"ids": [21]}},
            {"field": {"name": "severity_code"}, "old_value": {"id": 5}, "new_value": {"id": 6}}
        ]})
    );
    assert_eq!(
        reqs[2].body,
        json!({"text": {"format": "text", "content": format!("Isolated the host{BY}")}})
    );
    let inc = emu.incident("2001");
    assert_eq!(inc["name"], "Account takeover");
    assert_eq!(inc["incident_type_ids"], json!([21]));
    assert_eq!(inc["severity_code"], 6);
    assert_eq!(inc["comments"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn resilient_bad_credentials_are_424() {
    let (app, emu, id, case) = resilient_setup().await;
    emu.require(vec![("authorization", basic(resilient::KEY_ID, "rotated"))]);
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "[Action][IBM Resilient]: Unable to push incident IBM. Error: status code 401 Reason: Unauthorized",
    )
    .await;
    emu.require(vec![(
        "authorization",
        basic(resilient::KEY_ID, resilient::KEY_SECRET),
    )]);
    assert_transport_failures(&app, &case["id"], &id, &emu).await;
}

// ---- Swimlane ---------------------------------------------------------------------------------

async fn swimlane_setup(
    comments: bool,
    case_id: Value,
) -> (TestApp, SwimlaneEmulator, String, Value) {
    let emu = SwimlaneEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(
        &app,
        ".swimlane",
        "Swim",
        emu.config(comments),
        swimlane::secrets(),
    )
    .await;
    let case = case_with(&app, &id, "Swim", ".swimlane", json!({"caseId": case_id})).await;
    (app, emu, id, case)
}

#[tokio::test]
async fn swimlane_create_posts_mapped_values() {
    let (app, emu, id, case) = swimlane_setup(true, Value::Null).await;

    let pushed_case = pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            format!("POST /api/app/{APP}/record"),
            format!("GET /api/app/{APP}/record/aRec0001")
        ]
    );
    let r = &emu.requests()[0];
    assert_eq!(r.header("private-token"), Some(swimlane::TOKEN));
    assert_eq!(
        r.body,
        json!({"applicationId": APP, "values": {
            "a1nme": "Suspicious login", "a2dsc": DESCRIPTION, "a3cid": case["id"], "a5sev": "high"
        }})
    );
    let ext = &pushed_case["external_service"];
    assert_eq!(ext["external_id"], "aRec0001");
    assert_eq!(ext["external_title"], "SEC-1");
    assert_eq!(
        ext["external_url"],
        format!("{}/record/{APP}/aRec0001", emu.url)
    );
}

#[tokio::test]
async fn swimlane_update_patches_and_comments_on_the_mapped_field() {
    let (app, emu, id, case) = swimlane_setup(true, json!("SW-7")).await;
    pushed(&app, &case["id"], &id).await;
    emu.clear();
    edit_and_comment(&app, &case, "Disabled the account").await;

    pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            format!("PATCH /api/app/{APP}/record/aRec0001"),
            format!("POST /api/app/{APP}/record/aRec0001/a4cmt/comment"),
            format!("GET /api/app/{APP}/record/aRec0001")
        ]
    );
    let reqs = emu.requests();
    assert_eq!(
        reqs[0].body,
        json!({"applicationId": APP, "values": {
            "a1nme": "Account takeover", "a2dsc": DESCRIPTION, "a3cid": "SW-7", "a5sev": "high"
        }})
    );
    let c = &reqs[1].body;
    let created = c["createdDate"].as_str().expect("a date");
    assert!(
        chrono::DateTime::parse_from_rfc3339(created).is_ok(),
        "{created}"
    );
    assert_eq!(
        c,
        &json!({"createdDate": created, "fieldId": "a4cmt", "isRichText": true,
                "message": format!("Disabled the account{BY}")})
    );
    assert_eq!(
        emu.record("aRec0001")["values"]["a1nme"],
        "Account takeover"
    );
}

#[tokio::test]
async fn swimlane_comments_need_a_mapped_comments_field() {
    let (app, _emu, id, case) = swimlane_setup(false, Value::Null).await;
    app.comment(&case, "Nowhere to go").await;
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "no comments field is mapped in the connector",
    )
    .await;
}

#[tokio::test]
async fn swimlane_bad_token_is_424() {
    let (app, emu, id, case) = swimlane_setup(true, Value::Null).await;
    emu.require(vec![("private-token", "other".to_string())]);
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "status code 401 Reason: Invalid token",
    )
    .await;
    emu.require(vec![("private-token", swimlane::TOKEN.to_string())]);
    assert_transport_failures(&app, &case["id"], &id, &emu).await;
}

// ---- TheHive ----------------------------------------------------------------------------------

async fn hive_setup(tlp: Value) -> (TestApp, HiveEmulator, String, Value) {
    let emu = HiveEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(&app, ".thehive", "Hive", emu.config(), thehive::secrets()).await;
    let case = case_with(&app, &id, "Hive", ".thehive", json!({"tlp": tlp})).await;
    (app, emu, id, case)
}

#[tokio::test]
async fn thehive_create_posts_the_case_with_severity_and_tlp() {
    let (app, emu, id, case) = hive_setup(json!(3)).await;

    let pushed_case = pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        ["POST /api/v1/case", "GET /api/v1/case/~40001"]
    );
    let r = &emu.requests()[0];
    assert_eq!(
        r.header("authorization"),
        Some(format!("Bearer {}", thehive::KEY).as_str())
    );
    assert_eq!(r.header("x-organisation"), Some(thehive::ORG));
    assert_eq!(
        r.body,
        json!({"title": "Suspicious login", "description": DESCRIPTION,
               "tags": ["auth", "brute force"], "severity": 3, "tlp": 3})
    );
    let ext = &pushed_case["external_service"];
    assert_eq!(ext["external_id"], "~40001");
    assert_eq!(ext["external_title"], "1");
    assert_eq!(
        ext["external_url"],
        format!("{}/cases/~40001/details", emu.url)
    );
}

#[tokio::test]
async fn thehive_update_patches_then_comments_with_default_tlp() {
    let (app, emu, id, case) = hive_setup(Value::Null).await;
    pushed(&app, &case["id"], &id).await;
    emu.clear();
    let current = app.case(&case["id"]).await;
    app.update_case(&current, json!({"severity": "critical"}))
        .await;
    app.comment(&case, "Handed over to IR").await;

    pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            "PATCH /api/v1/case/~40001",
            "POST /api/v1/case/~40001/comment",
            "GET /api/v1/case/~40001"
        ]
    );
    let reqs = emu.requests();
    assert_eq!(
        reqs[0].body,
        json!({"title": "Suspicious login", "description": DESCRIPTION,
               "tags": ["auth", "brute force"], "severity": 4, "tlp": 2})
    );
    assert_eq!(
        reqs[1].body,
        json!({"message": format!("Handed over to IR{BY}")})
    );
    assert_eq!(emu.case("~40001")["severity"], 4);
}

#[tokio::test]
async fn thehive_failures_are_424() {
    let (app, emu, id, case) = hive_setup(json!(1)).await;
    emu.require(vec![("authorization", "Bearer other".to_string())]);
    assert_push_fails(&app, &case["id"], &id, "[Action][TheHive]: Unable to push incident Hive. Error: status code 401 Reason: Authentication failure").await;
    emu.require(vec![("authorization", format!("Bearer {}", thehive::KEY))]);
    assert_transport_failures(&app, &case["id"], &id, &emu).await;
    emu.fail_on("/comment", Failure::InvalidJson);
    app.comment(&case, "x").await;
    assert_push_fails(&app, &case["id"], &id, "not valid JSON").await;
}
