//! Case settings (`/api/cases/configure`): one configuration per owner (a second POST replaces
//! the first), PATCH with a version, mappings derived from the connector type, custom field
//! definitions and how cases must follow them, and the (empty) connectors list.

mod common;

use common::*;
use serde_json::{Value, json};

const NONE: &str = r#"{"id": "none", "name": "none", "type": ".none", "fields": null}"#;

fn conf_body(owner: &str, extra: Value) -> Value {
    let base = json!({"owner": owner, "closure_type": "close-by-user",
        "connector": serde_json::from_str::<Value>(NONE).unwrap()});
    merge(base, extra)
}

async fn configure(app: &TestApp, owner: &str, extra: Value) -> Value {
    let (status, conf) = app
        .post("/api/cases/configure", &conf_body(owner, extra))
        .await;
    assert_eq!(status, 200, "{conf}");
    conf
}

fn jira() -> Value {
    json!({"id": "jira-1", "name": "Jira", "type": ".jira", "fields": null})
}

#[tokio::test]
async fn post_returns_the_configuration_and_get_lists_it() {
    let app = TestApp::new().await;
    let (_, empty) = app.get("/api/cases/configure").await;

    let conf = configure(&app, "cases", json!({})).await;
    let (status, list) = app.get("/api/cases/configure?owner=cases").await;

    assert_eq!(empty, json!([]));
    assert_eq!(conf["owner"], "cases");
    assert_eq!(conf["closure_type"], "close-by-user");
    assert_eq!(
        conf["connector"],
        serde_json::from_str::<Value>(NONE).unwrap()
    );
    assert_eq!(conf["mappings"], json!([]));
    assert_eq!(
        (&conf["customFields"], &conf["templates"]),
        (&json!([]), &json!([]))
    );
    assert!(conf["error"].is_null());
    assert_eq!(conf["created_by"]["username"], "elastic");
    assert!(conf["updated_at"].is_null() && conf["updated_by"].is_null());
    assert!(conf["id"].is_string() && conf["version"].is_string());
    assert_eq!(status, 200);
    assert_eq!(list, json!([conf]));
}

#[tokio::test]
async fn a_second_post_replaces_the_owners_configuration() {
    let app = TestApp::new().await;
    configure(&app, "cases", json!({})).await;
    let second = configure(&app, "cases", json!({"closure_type": "close-by-pushing"})).await;
    let other = configure(&app, "observability", json!({})).await;

    let (_, all) = app.get("/api/cases/configure").await;
    let (_, cases) = app.get("/api/cases/configure?owner=cases").await;

    assert_eq!(all.as_array().unwrap().len(), 2, "{all}");
    assert_eq!(cases.as_array().unwrap().len(), 1, "{cases}");
    assert_eq!(cases[0]["id"], second["id"]);
    assert_eq!(cases[0]["closure_type"], "close-by-pushing");
    assert!(pluck(&all, "id").contains(&&other["id"]));
}

#[tokio::test]
async fn patch_needs_the_current_version() {
    let app = TestApp::new().await;
    let conf = configure(&app, "securitySolution", json!({})).await;
    let path = format!("/api/cases/configure/{}", s(&conf["id"]));

    let (ok, updated) = app
        .patch(
            &path,
            &json!({"version": conf["version"], "closure_type": "close-by-pushing"}),
        )
        .await;
    let (stale, e1) = app
        .patch(
            &path,
            &json!({"version": conf["version"], "closure_type": "close-by-user"}),
        )
        .await;
    let (no_version, e2) = app
        .patch(&path, &json!({"closure_type": "close-by-user"}))
        .await;
    let (owner, e3) = app
        .patch(
            &path,
            &json!({"version": updated["version"], "owner": "cases"}),
        )
        .await;
    let (ghost, e4) = app
        .patch("/api/cases/configure/ghost", &json!({"version": "v"}))
        .await;

    assert_eq!(ok, 200, "{updated}");
    assert_eq!(updated["closure_type"], "close-by-pushing");
    assert_ne!(updated["version"], conf["version"]);
    assert_eq!(updated["updated_by"]["username"], "elastic");
    assert_error(
        stale,
        &e1,
        409,
        "This configuration has been updated. Please refresh before saving additional updates.",
    );
    assert_error_contains(no_version, &e2, 400, "version");
    assert_error_contains(owner, &e3, 400, "owner");
    assert_error(
        ghost,
        &e4,
        404,
        "Saved object [cases-configure/ghost] not found",
    );
    let (_, stored) = app.get("/api/cases/configure?owner=securitySolution").await;
    assert_eq!(stored[0]["version"], updated["version"]);
}

#[tokio::test]
async fn mappings_follow_the_connector_type() {
    let app = TestApp::new().await;
    let m = |s: &str, t: &str, a: &str| json!({"source": s, "target": t, "action_type": a});

    let conf = configure(&app, "cases", json!({"connector": jira()})).await;
    let sn = json!({"id": "sn", "name": "SN", "type": ".servicenow", "fields": null});
    let (status, patched) = app
        .patch(
            &format!("/api/cases/configure/{}", s(&conf["id"])),
            &json!({"version": conf["version"], "connector": sn}),
        )
        .await;

    assert_eq!(
        conf["mappings"],
        json!([
            m("title", "summary", "overwrite"),
            m("description", "description", "overwrite"),
            m("tags", "labels", "overwrite"),
            m("comments", "comments", "append"),
        ])
    );
    assert_eq!(status, 200, "{patched}");
    assert_eq!(
        patched["mappings"],
        json!([
            m("title", "short_description", "overwrite"),
            m("description", "description", "overwrite"),
            m("comments", "work_notes", "append"),
        ])
    );
}

fn defs() -> Value {
    json!([
        {"key": "risk", "label": "Risk", "type": "text", "required": false, "defaultValue": "medium"},
        {"key": "vip", "label": "VIP", "type": "toggle", "required": false, "defaultValue": true},
        {"key": "notes", "label": "Notes", "type": "text", "required": false},
        {"key": "ticket", "label": "Ticket", "type": "text", "required": true}
    ])
}

#[tokio::test]
async fn cases_get_custom_field_defaults_and_must_fill_required_ones() {
    let app = TestApp::new().await;
    configure(&app, "cases", json!({"customFields": defs()})).await;
    let ticket = json!([{"key": "ticket", "type": "text", "value": "T-1"}]);

    let (missing, err) = app.post("/api/cases", &case_body("cases")).await;
    let case = app
        .create_case_with(merge(case_body("cases"), json!({"customFields": ticket})))
        .await;
    let (nulled, err2) = app
        .patch_case(
            &case,
            json!({"customFields": [{"key": "ticket", "type": "text", "value": null}]}),
        )
        .await;

    assert_error(
        missing,
        &err,
        400,
        "Missing required custom fields: \"Ticket\"",
    );
    assert_eq!(
        case["customFields"],
        json!([
            {"key": "risk", "type": "text", "value": "medium"},
            {"key": "vip", "type": "toggle", "value": true},
            {"key": "notes", "type": "text", "value": null},
            {"key": "ticket", "type": "text", "value": "T-1"}
        ])
    );
    assert_error(
        nulled,
        &err2,
        400,
        "Missing required custom fields: \"Ticket\"",
    );
}

#[tokio::test]
async fn unknown_keys_and_wrong_types_are_rejected_on_cases() {
    let app = TestApp::new().await;
    configure(&app, "cases", json!({"customFields": defs()})).await;
    let with = |cf: Value| merge(case_body("cases"), json!({"customFields": cf}));
    let ticket = json!({"key": "ticket", "type": "text", "value": "T-1"});

    let (s1, e1) = app
        .post(
            "/api/cases",
            &with(json!([ticket, {"key": "nope", "type": "text", "value": "x"}])),
        )
        .await;
    let (s2, e2) = app
        .post(
            "/api/cases",
            &with(json!([ticket, {"key": "vip", "type": "text", "value": "yes"}])),
        )
        .await;
    let (s3, e3) = app
        .post(
            "/api/cases",
            &with(json!([ticket, {"key": "vip", "type": "toggle", "value": "yes"}])),
        )
        .await;
    let (s4, e4) = app.post("/api/cases", &with(json!([ticket, ticket]))).await;

    assert_error(s1, &e1, 400, "Invalid custom field keys: nope");
    assert_error(
        s2,
        &e2,
        400,
        "The following custom fields have the wrong type in the request: \"VIP\"",
    );
    assert_eq!((s3, &e3["statusCode"]), (400, &json!(400)));
    assert_error(
        s4,
        &e4,
        400,
        "Invalid duplicated custom field keys in request: ticket",
    );
    assert_eq!(app.find("").await["total"], 0);
}

#[tokio::test]
async fn at_most_10_custom_field_definitions_with_valid_keys() {
    let app = TestApp::new().await;
    let many = |n: usize| -> Value {
        (0..n)
            .map(|i| json!({"key": format!("k{i}"), "label": format!("L{i}"), "type": "toggle", "required": false}))
            .collect()
    };

    let (ok, ten) = app
        .post(
            "/api/cases/configure",
            &conf_body("cases", json!({"customFields": many(10)})),
        )
        .await;
    let (over, e1) = app
        .post(
            "/api/cases/configure",
            &conf_body("cases", json!({"customFields": many(11)})),
        )
        .await;
    let bad_key = json!([{"key": "Bad Key", "label": "x", "type": "text", "required": false}]);
    let (bad, e2) = app
        .post(
            "/api/cases/configure",
            &conf_body("cases", json!({"customFields": bad_key})),
        )
        .await;
    let bad_default = json!([{"key": "k", "label": "x", "type": "toggle", "required": false, "defaultValue": "no"}]);
    let (bad_dv, e3) = app
        .post(
            "/api/cases/configure",
            &conf_body("cases", json!({"customFields": bad_default})),
        )
        .await;

    assert_eq!(ok, 200, "{ten}");
    assert_eq!(ten["customFields"].as_array().unwrap().len(), 10);
    assert_error(
        over,
        &e1,
        400,
        "The length of the field customFields is too long. Array must be of length <= 10.",
    );
    assert_error_contains(bad, &e2, 400, "Bad Key");
    assert_error_contains(bad_dv, &e3, 400, "default value");
}

#[tokio::test]
async fn strict_configuration_bodies() {
    let app = TestApp::new().await;

    let (s1, e1) = app
        .post(
            "/api/cases/configure",
            &conf_body("cases", json!({"extra": true})),
        )
        .await;
    let (s2, e2) = app
        .post(
            "/api/cases/configure",
            &conf_body("cases", json!({"closure_type": "never"})),
        )
        .await;
    let (s3, e3) = app
        .post("/api/cases/configure", &conf_body("nobody", json!({})))
        .await;

    assert_error_contains(s1, &e1, 400, "extra");
    assert_error_contains(s2, &e2, 400, "never");
    assert_error_contains(s3, &e3, 400, "nobody");
    assert_eq!(app.get("/api/cases/configure").await.1, json!([]));
}

#[tokio::test]
async fn connectors_find_is_empty() {
    let app = TestApp::new().await;

    let (status, body) = app.get("/api/cases/configure/connectors/_find").await;

    assert_eq!((status, body), (200, json!([])));
}
