//! Pushing to ServiceNow ITSM and SecOps against a local ServiceNow emulator: the Elastic app's
//! health check and Import Set calls (or the legacy Table API), work notes per new comment, and
//! failures answered 424 with nothing recorded.

mod common;
mod emulators;

use common::TestApp;
use emulators::servicenow::{self, SnowEmulator};
use emulators::{Failure, assert_push_fails, basic, case_with, connector, pushed};
use serde_json::{Value, json};
use std::time::Duration;

const BY: &str = "\n\nAdded by Elastic Admin.";
const DESCRIPTION: &str = "Several failed logins followed by a success.\n\nAdded by Elastic Admin.";
const SYS1: &str = "00000000000000000000000000000001";

fn itsm_fields() -> Value {
    json!({"impact": "3", "severity": "1", "urgency": "2", "category": "network", "subcategory": null})
}

async fn setup(kind: &str, legacy: bool, fields: Value) -> (TestApp, SnowEmulator, String, Value) {
    let emu = SnowEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(
        &app,
        kind,
        "SNOW",
        emu.config(legacy),
        servicenow::secrets(),
    )
    .await;
    let case = case_with(&app, &id, "SNOW", kind, fields).await;
    (app, emu, id, case)
}

#[tokio::test]
async fn itsm_create_goes_through_the_import_set_api() {
    let (app, emu, id, case) = setup(".servicenow", false, itsm_fields()).await;

    let pushed_case = pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            "GET /api/x_elas2_inc_int/elastic_api/health".to_string(),
            "POST /api/now/import/x_elas2_inc_int_elastic_incident".to_string(),
            format!("GET /api/now/v2/table/incident/{SYS1}"),
        ]
    );
    let reqs = emu.requests();
    assert_eq!(
        reqs[1].body,
        json!({
            "u_short_description": "Suspicious login",
            "u_description": DESCRIPTION,
            "u_impact": "3", "u_severity": "1", "u_urgency": "2", "u_category": "network",
            "u_correlation_id": case["id"],
            "u_correlation_display": "Elastic Case",
            "u_caller_id": servicenow::USER,
            "u_opened_by": servicenow::USER
        })
    );
    let auth = basic(servicenow::USER, servicenow::PASSWORD);
    assert!(
        reqs.iter()
            .all(|r| r.header("authorization") == Some(auth.as_str()))
    );
    let ext = &pushed_case["external_service"];
    assert_eq!(ext["external_id"], SYS1);
    assert_eq!(ext["external_title"], "INC0010001");
    assert_eq!(
        ext["external_url"],
        format!("{}/nav_to.do?uri=incident.do?sys_id={SYS1}", emu.url)
    );
    assert_eq!(emu.incident(SYS1)["_table"], "incident");
}

#[tokio::test]
async fn itsm_update_sends_the_incident_id_and_one_work_note_per_new_comment() {
    let (app, emu, id, case) = setup(".servicenow", false, itsm_fields()).await;
    pushed(&app, &case["id"], &id).await;
    emu.clear();
    let current = app.case(&case["id"]).await;
    app.update_case(&current, json!({"title": "Account takeover"}))
        .await;
    app.comment(&case, "Reset the password").await;
    app.comment(&case, "Enabled MFA").await;

    pushed(&app, &case["id"], &id).await;

    let import = "POST /api/now/import/x_elas2_inc_int_elastic_incident";
    assert_eq!(
        emu.lines(),
        [
            "GET /api/x_elas2_inc_int/elastic_api/health".to_string(),
            import.into(),
            import.into(),
            import.into(),
            format!("GET /api/now/v2/table/incident/{SYS1}"),
        ]
    );
    let reqs = emu.requests();
    assert_eq!(
        reqs[1].body,
        json!({
            "u_short_description": "Account takeover",
            "u_description": DESCRIPTION,
            "u_impact": "3", "u_severity": "1", "u_urgency": "2", "u_category": "network",
            "u_correlation_id": case["id"],
            "u_correlation_display": "Elastic Case",
            "elastic_incident_id": SYS1
        })
    );
    assert_eq!(
        reqs[2].body,
        json!({"u_work_notes": format!("Reset the password{BY}"), "elastic_incident_id": SYS1})
    );
    assert_eq!(
        reqs[3].body,
        json!({"u_work_notes": format!("Enabled MFA{BY}"), "elastic_incident_id": SYS1})
    );
    let inc = emu.incident(SYS1);
    assert_eq!(inc["short_description"], "Account takeover");
    assert_eq!(inc["_work_notes"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn sir_uses_the_secops_scope_import_set_and_table() {
    let fields = json!({"category": "Denial of Service", "subcategory": "12", "priority": "1",
        "destIp": true, "sourceIp": false, "malwareHash": null, "malwareUrl": null});
    let (app, emu, id, case) = setup(".servicenow-sir", false, fields).await;
    app.comment(&case, "Traffic spike").await;

    let pushed_case = pushed(&app, &case["id"], &id).await;

    let import = "POST /api/now/import/x_elas2_sir_int_elastic_si_incident";
    assert_eq!(
        emu.lines(),
        [
            "GET /api/x_elas2_sir_int/elastic_api/health".to_string(),
            import.into(),
            import.into(),
            format!("GET /api/now/v2/table/sn_si_incident/{SYS1}"),
        ]
    );
    let body = &emu.requests()[1].body;
    assert_eq!(body["u_category"], "Denial of Service");
    assert_eq!(body["u_subcategory"], "12");
    assert_eq!(body["u_priority"], "1");
    assert_eq!(body["u_short_description"], "Suspicious login");
    assert!(body.get("u_urgency").is_none(), "{body}");
    assert_eq!(
        pushed_case["external_service"]["external_title"],
        "SIR0010001"
    );
    assert_eq!(
        pushed_case["external_service"]["external_url"],
        format!("{}/nav_to.do?uri=sn_si_incident.do?sys_id={SYS1}", emu.url)
    );
}

#[tokio::test]
async fn legacy_connectors_use_the_table_api() {
    let (app, emu, id, case) = setup(".servicenow", true, itsm_fields()).await;
    pushed(&app, &case["id"], &id).await;
    app.comment(&case, "Escalated").await;
    emu.clear();

    pushed(&app, &case["id"], &id).await;

    let one = format!("/api/now/v2/table/incident/{SYS1}");
    assert_eq!(
        emu.lines(),
        [
            format!("PATCH {one}"),
            format!("PATCH {one}"),
            format!("GET {one}")
        ]
    );
    let reqs = emu.requests();
    assert_eq!(reqs[0].body["short_description"], "Suspicious login");
    assert!(reqs[0].body.get("caller_id").is_none());
    assert_eq!(
        reqs[1].body,
        json!({"work_notes": format!("Escalated{BY}")})
    );
    let (_, list) = app.get("/api/actions/connectors").await;
    assert_eq!(list[0]["is_deprecated"], true);
}

#[tokio::test]
async fn legacy_create_posts_to_the_table() {
    let (app, emu, id, case) = setup(".servicenow", true, itsm_fields()).await;

    pushed(&app, &case["id"], &id).await;

    assert_eq!(
        emu.lines(),
        [
            "POST /api/now/v2/table/incident".to_string(),
            format!("GET /api/now/v2/table/incident/{SYS1}")
        ]
    );
    let body = &emu.requests()[0].body;
    assert_eq!(body["caller_id"], servicenow::USER);
    assert_eq!(body["correlation_display"], "Elastic Case");
}

#[tokio::test]
async fn failures_are_424_and_record_nothing() {
    let (app, emu, id, case) = setup(".servicenow", false, itsm_fields()).await;
    app.comment(&case, "Pending").await;

    emu.require(vec![("authorization", basic(servicenow::USER, "old"))]);
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "[Action][ServiceNow ITSM]: Unable to push incident SNOW. Error: status code 401 Reason: User Not Authenticated",
    )
    .await;
    emu.require(vec![(
        "authorization",
        basic(servicenow::USER, servicenow::PASSWORD),
    )]);

    emu.reject_imports("Operation against file 'incident' was aborted by Business Rule");
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "Error: the import set failed Reason: Operation against file 'incident' was aborted",
    )
    .await;

    emu.fail_on(
        "/elastic_api/health",
        Failure::Status(400, json!({"error": {"message": "Requested URI does not represent any resource", "detail": null}, "status": "failure"})),
    );
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "Reason: Requested URI does not represent any resource",
    )
    .await;

    emu.fail(Failure::Hang(Duration::from_secs(3)));
    assert_push_fails(&app, &case["id"], &id, "timed out after 500 ms").await;
    emu.fail(Failure::InvalidJson);
    assert_push_fails(&app, &case["id"], &id, "not valid JSON").await;
    emu.fail(Failure::Status(
        500,
        json!({"error": {"message": "Internal error"}}),
    ));
    assert_push_fails(
        &app,
        &case["id"],
        &id,
        "status code 500 Reason: Internal error",
    )
    .await;
}
