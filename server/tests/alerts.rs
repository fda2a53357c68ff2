//! Alert attachments: string or array `alertId`/`index`, shape checks, distinct alert counts,
//! the 1000-alerts-per-case limit, closed cases, and the two alert reads
//! (`/api/cases/{id}/alerts` and `/api/cases/alerts/{alertId}`).

mod common;

use common::*;
use serde_json::{Value, json};

fn alert(alert_id: Value, index: Value) -> Value {
    json!({"type": "alert", "alertId": alert_id, "index": index,
        "rule": {"id": "r1", "name": "Rule one"}, "owner": "securitySolution"})
}

async fn attach(app: &TestApp, case: &Value, body: &Value) -> (u16, Value) {
    app.post(&format!("/api/cases/{}/comments", s(&case["id"])), body)
        .await
}

#[tokio::test]
async fn alert_ids_may_be_a_string_or_an_array() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;

    let (s1, one) = attach(&app, &case, &alert(json!("a1"), json!(".idx-1"))).await;
    let (s2, many) = attach(
        &app,
        &case,
        &alert(json!(["a2", "a3"]), json!([".i", ".i"])),
    )
    .await;

    assert_eq!(s1, 200, "{one}");
    assert_eq!(one["totalAlerts"], 1);
    let a = &one["comments"][0];
    assert_eq!(a["type"], "alert");
    assert_eq!(a["rule"], json!({"id": "r1", "name": "Rule one"}));
    assert_eq!(a["owner"], "securitySolution");
    assert_eq!(s2, 200, "{many}");
    assert_eq!(many["totalAlerts"], 3);
    assert_eq!(many["totalComment"], 0);
    assert_eq!(many["comments"][1]["alertId"], json!(["a2", "a3"]));
}

#[tokio::test]
async fn ids_and_indices_must_have_the_same_shape() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    let msg = "Received an alert comment with ids and indices arrays of different lengths.";

    let (s1, e1) = attach(&app, &case, &alert(json!(["a", "b"]), json!([".i"]))).await;
    let (s2, e2) = attach(&app, &case, &alert(json!(["a", "b"]), json!(".i"))).await;
    let (s3, e3) = attach(&app, &case, &alert(json!("a"), json!([".i"]))).await;
    let (s4, e4) = attach(
        &app,
        &case,
        &json!({"type": "alert", "alertId": "a", "index": "i", "owner": "securitySolution"}),
    )
    .await;

    assert_error(s1, &e1, 400, msg);
    assert_error(s2, &e2, 400, msg);
    assert_error(s3, &e3, 400, msg);
    assert_error_contains(s4, &e4, 400, "rule");
    assert_eq!(app.case(&case["id"]).await["totalAlerts"], 0);
}

#[tokio::test]
async fn total_alerts_counts_distinct_ids_across_attachments() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;

    attach(
        &app,
        &case,
        &alert(json!(["a1", "a2"]), json!([".i", ".i"])),
    )
    .await;
    let (status, after) = attach(
        &app,
        &case,
        &alert(json!(["a2", "a3"]), json!([".i", ".i"])),
    )
    .await;

    assert_eq!(status, 200, "{after}");
    assert_eq!(after["totalAlerts"], 3);
    let (_, alerts) = app
        .get(&format!("/api/cases/{}/alerts", s(&case["id"])))
        .await;
    assert_eq!(pluck(&alerts, "id"), ["a1", "a2", "a3"]);
}

#[tokio::test]
async fn a_case_holds_at_most_1000_alerts() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    let ids: Vec<String> = (0..1000).map(|i| format!("alert-{i}")).collect();
    let index: Vec<&str> = ids.iter().map(|_| ".alerts").collect();

    let (ok, full) = attach(&app, &case, &alert(json!(ids), json!(index))).await;
    let (over, err) = attach(&app, &case, &alert(json!("one-more"), json!(".alerts"))).await;
    let (dup, same) = attach(&app, &case, &alert(json!("alert-7"), json!(".alerts"))).await;

    assert_eq!(ok, 200, "{}", full["message"]);
    assert_eq!(full["totalAlerts"], 1000);
    assert_error(
        over,
        &err,
        400,
        "Case has reached the maximum allowed number (1000) of attached alerts.",
    );
    assert_eq!(dup, 200, "an already attached alert adds nothing");
    assert_eq!(same["totalAlerts"], 1000);
    assert_eq!(app.case(&case["id"]).await["totalAlerts"], 1000);
}

#[tokio::test]
async fn more_than_1000_alerts_in_one_request_are_rejected() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    let ids: Vec<String> = (0..1001).map(|i| format!("alert-{i}")).collect();
    let index: Vec<&str> = ids.iter().map(|_| ".alerts").collect();

    let (status, err) = attach(&app, &case, &alert(json!(ids), json!(index))).await;

    assert_error_contains(status, &err, 400, "1000");
    assert_eq!(app.case(&case["id"]).await["totalAlerts"], 0);
}

#[tokio::test]
async fn alerts_cannot_be_attached_to_closed_cases_or_other_owners() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    let obs = app.create_case("observability").await;
    app.update_case(&case, json!({"status": "closed"})).await;

    let (s1, e1) = attach(&app, &case, &alert(json!("a1"), json!(".i"))).await;
    let (s2, e2) = attach(&app, &obs, &alert(json!("a1"), json!(".i"))).await;
    let closed_comment = app
        .comment(&app.case(&case["id"]).await, "still fine")
        .await;

    assert_error(s1, &e1, 400, "Alert cannot be attached to a closed case");
    assert_error(
        s2,
        &e2,
        400,
        "The owner field of the comment must match the case",
    );
    assert_eq!(closed_comment["totalComment"], 1);
    assert_eq!(closed_comment["totalAlerts"], 0);
}

#[tokio::test]
async fn case_alerts_are_listed_in_attach_order() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    for (id, index) in [
        ("z-first", ".idx-a"),
        ("m-second", ".idx-b"),
        ("a-third", ".idx-c"),
    ] {
        attach(&app, &case, &alert(json!(id), json!(index))).await;
    }

    let (status, alerts) = app
        .get(&format!("/api/cases/{}/alerts", s(&case["id"])))
        .await;

    assert_eq!(status, 200, "{alerts}");
    assert_eq!(pluck(&alerts, "id"), ["z-first", "m-second", "a-third"]);
    assert_eq!(pluck(&alerts, "index"), [".idx-a", ".idx-b", ".idx-c"]);
    assert!(alerts[0]["attached_at"].is_string());
}

#[tokio::test]
#[ignore = "store bug: case_alerts (WITHOUT ROWID) keeps no position, so alerts of one \
            attachment come back sorted by id instead of in array order"]
async fn alerts_of_one_attachment_keep_their_array_order() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    attach(
        &app,
        &case,
        &alert(json!(["z", "m", "a"]), json!([".1", ".2", ".3"])),
    )
    .await;

    let (status, alerts) = app
        .get(&format!("/api/cases/{}/alerts", s(&case["id"])))
        .await;

    assert_eq!(status, 200, "{alerts}");
    assert_eq!(pluck(&alerts, "id"), ["z", "m", "a"]);
    assert_eq!(pluck(&alerts, "index"), [".1", ".2", ".3"]);
}

#[tokio::test]
async fn cases_by_alert_lists_every_case_holding_it() {
    let app = TestApp::new().await;
    let one = app
        .create_case_with(merge(
            case_body("securitySolution"),
            json!({"title": "one"}),
        ))
        .await;
    let two = app
        .create_case_with(merge(
            case_body("securitySolution"),
            json!({"title": "two"}),
        ))
        .await;
    app.create_case("securitySolution").await;
    attach(&app, &one, &alert(json!("shared"), json!(".i"))).await;
    attach(
        &app,
        &two,
        &alert(json!(["shared", "x"]), json!([".i", ".i"])),
    )
    .await;
    app.comment(&two, "note").await;

    let (status, related) = app.get("/api/cases/alerts/shared").await;
    let (_, none) = app.get("/api/cases/alerts/unknown").await;
    let (_, obs) = app
        .get("/api/cases/alerts/shared?owner=observability")
        .await;

    assert_eq!(status, 200, "{related}");
    let mut found: Vec<&Value> = pluck(&related, "title");
    found.sort_by_key(|v| v.to_string());
    assert_eq!(found, ["one", "two"]);
    let two_entry = related
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == two["id"])
        .unwrap();
    assert_eq!(two_entry["status"], "open");
    assert_eq!(two_entry["totals"]["alerts"], 2);
    assert_eq!(two_entry["totals"]["userComments"], 1);
    assert!(two_entry["createdAt"].is_string());
    assert_eq!(none, json!([]));
    assert_eq!(obs, json!([]));
}

#[tokio::test]
async fn an_alert_attachment_can_be_patched() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    let (_, with) = attach(&app, &case, &alert(json!("a1"), json!(".i"))).await;
    let a = &with["comments"][0];
    let mut body = alert(json!(["a1", "a9"]), json!([".i", ".i"]));
    body["id"] = a["id"].clone();
    body["version"] = a["version"].clone();
    let mut to_user = json!({"type": "user", "comment": "x", "owner": "securitySolution"});
    to_user["id"] = a["id"].clone();
    to_user["version"] = a["version"].clone();

    let (s1, e1) = app
        .patch(&format!("/api/cases/{}/comments", s(&case["id"])), &to_user)
        .await;
    let (s2, updated) = app
        .patch(&format!("/api/cases/{}/comments", s(&case["id"])), &body)
        .await;

    assert_error(s1, &e1, 400, "You cannot change the type of the comment.");
    assert_eq!(s2, 200, "{updated}");
    assert_eq!(updated["comments"][0]["alertId"], json!(["a1", "a9"]));
    assert_eq!(updated["totalAlerts"], 2);
}
