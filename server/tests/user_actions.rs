//! `GET /api/cases/{id}/user_actions/_find`: the exact `type`/`action`/`payload` of every kind
//! of change, the `types` filter (with the `user`/`alert`/`action`/`attachment` groups), the
//! default oldest-first order and paging.

mod common;

use common::*;
use serde_json::{Value, json};

/// The actions of one type, oldest first.
fn of_type<'a>(actions: &'a [Value], kind: &str) -> Vec<&'a Value> {
    actions.iter().filter(|a| a["type"] == kind).collect()
}

/// `(action, payload)` of an action.
fn ap(a: &Value) -> (&Value, &Value) {
    (&a["action"], &a["payload"])
}

#[tokio::test]
async fn create_case_records_a_full_snapshot() {
    let app = TestApp::new().await;
    let case = app
        .create_case_with(merge(
            case_body("cases"),
            json!({"severity": "high", "category": "Fraud", "assignees": [{"uid": "u1"}]}),
        ))
        .await;

    let actions = app.user_actions(&case["id"]).await;

    assert_eq!(actions.len(), 1);
    let a = &actions[0];
    assert_eq!(
        (&a["type"], &a["action"]),
        (&json!("create_case"), &json!("create"))
    );
    assert!(a["comment_id"].is_null());
    assert_eq!(a["owner"], "cases");
    assert_eq!(a["created_by"]["username"], "elastic");
    assert!(a["id"].is_string() && a["version"].is_string() && a["created_at"].is_string());
    assert_eq!(
        a["payload"],
        json!({
            "title": "Suspicious login",
            "description": "Several failed logins followed by a success.",
            "tags": ["auth"],
            "connector": {"id": "none", "name": "none", "type": ".none", "fields": null},
            "settings": {"syncAlerts": true},
            "owner": "cases",
            "severity": "high",
            "status": "open",
            "assignees": [{"uid": "u1"}],
            "category": "Fraud",
            "customFields": [],
        })
    );
}

#[tokio::test]
async fn each_field_change_records_its_own_action() {
    let app = TestApp::new().await;
    let case = app
        .create_case_with(merge(
            case_body("cases"),
            json!({"tags": ["a", "b"], "assignees": [{"uid": "u1"}]}),
        ))
        .await;
    let jira = json!({"id": "jira-1", "name": "Jira", "type": ".jira",
        "fields": {"issueType": "1", "parent": null, "priority": null}});

    app.update_case(
        &case,
        json!({
            "title": "New title", "description": "New description", "tags": ["b", "c"],
            "status": "in-progress", "severity": "critical", "assignees": [{"uid": "u2"}],
            "category": "Insider", "settings": {"syncAlerts": false}, "connector": jira,
        }),
    )
    .await;
    let actions = app.user_actions(&case["id"]).await;

    let one = |kind: &str| {
        let found = of_type(&actions, kind);
        assert_eq!(found.len(), 1, "{kind}: {actions:?}");
        ap(found[0])
    };
    let upd = json!("update");
    assert_eq!(one("title"), (&upd, &json!({"title": "New title"})));
    assert_eq!(
        one("description"),
        (&upd, &json!({"description": "New description"}))
    );
    assert_eq!(one("status"), (&upd, &json!({"status": "in-progress"})));
    assert_eq!(one("severity"), (&upd, &json!({"severity": "critical"})));
    assert_eq!(one("category"), (&upd, &json!({"category": "Insider"})));
    assert_eq!(
        one("settings"),
        (&upd, &json!({"settings": {"syncAlerts": false}}))
    );
    assert_eq!(one("connector"), (&upd, &json!({"connector": jira})));
    let tags: Vec<_> = of_type(&actions, "tags").into_iter().map(ap).collect();
    assert!(
        tags.contains(&(&json!("add"), &json!({"tags": ["c"]}))),
        "{tags:?}"
    );
    assert!(
        tags.contains(&(&json!("delete"), &json!({"tags": ["a"]}))),
        "{tags:?}"
    );
    assert_eq!(tags.len(), 2);
    let assignees: Vec<_> = of_type(&actions, "assignees").into_iter().map(ap).collect();
    assert!(assignees.contains(&(&json!("add"), &json!({"assignees": [{"uid": "u2"}]}))));
    assert!(assignees.contains(&(&json!("delete"), &json!({"assignees": [{"uid": "u1"}]}))));
    assert_eq!(assignees.len(), 2);
    assert!(actions[1..].iter().all(|a| a["comment_id"].is_null()));
}

#[tokio::test]
async fn unsetting_the_category_records_a_delete() {
    let app = TestApp::new().await;
    let case = app
        .create_case_with(merge(case_body("cases"), json!({"category": "Fraud"})))
        .await;

    app.update_case(&case, json!({"category": null})).await;
    let actions = app.user_actions(&case["id"]).await;

    let cat = of_type(&actions, "category");
    assert_eq!(cat.len(), 1);
    assert_eq!(ap(cat[0]), (&json!("delete"), &json!({"category": null})));
}

#[tokio::test]
async fn custom_field_changes_record_the_changed_field() {
    let app = TestApp::new().await;
    let (status, conf) = app
        .post(
            "/api/cases/configure",
            &json!({"owner": "cases", "closure_type": "close-by-user",
            "connector": {"id": "none", "name": "none", "type": ".none", "fields": null},
            "customFields": [
                {"key": "risk", "label": "Risk", "type": "text", "required": false},
                {"key": "vip", "label": "VIP", "type": "toggle", "required": false}
            ]}),
        )
        .await;
    assert_eq!(status, 200, "{conf}");
    let case = app.create_case("cases").await;

    app.update_case(
        &case,
        json!({"customFields": [{"key": "risk", "type": "text", "value": "high"}]}),
    )
    .await;
    let actions = app.user_actions(&case["id"]).await;

    let cf = of_type(&actions, "customFields");
    assert_eq!(cf.len(), 1, "{actions:?}");
    assert_eq!(
        ap(cf[0]),
        (
            &json!("update"),
            &json!({"customFields": [{"key": "risk", "type": "text", "value": "high"}]})
        )
    );
}

#[tokio::test]
async fn comment_create_update_delete_carry_the_comment_id() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;
    let c = app.comment(&case, "hello").await["comments"][0].clone();
    let path = format!("/api/cases/{}/comments", s(&case["id"]));
    let (status, _) = app
        .patch(
            &path,
            &json!({"id": c["id"], "version": c["version"], "type": "user",
                "comment": "hello again", "owner": "cases"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app.delete(&format!("{path}/{}", s(&c["id"]))).await;
    assert_eq!(status, 204);

    let actions = app.user_actions(&case["id"]).await;

    let comments = of_type(&actions, "comment");
    let got: Vec<_> = comments
        .iter()
        .map(|a| (&a["action"], &a["comment_id"]))
        .collect();
    assert_eq!(
        got,
        [
            (&json!("create"), &c["id"]),
            (&json!("update"), &c["id"]),
            (&json!("delete"), &c["id"])
        ]
    );
    let payload = |t: &str| json!({"comment": {"comment": t, "type": "user", "owner": "cases"}});
    assert_eq!(comments[0]["payload"], payload("hello"));
    assert_eq!(comments[1]["payload"], payload("hello again"));
}

#[tokio::test]
async fn alert_comments_record_the_alert_payload() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    app.attach_alerts(&case, &["a1", "a2"]).await;

    let actions = app.user_actions(&case["id"]).await;

    let a = of_type(&actions, "comment")[0];
    assert_eq!(a["action"], "create");
    assert!(a["comment_id"].is_string());
    assert_eq!(
        a["payload"],
        json!({"comment": {"type": "alert", "alertId": ["a1", "a2"],
            "index": [".alerts-security", ".alerts-security"],
            "rule": {"id": "rule-1", "name": "Brute force"}, "owner": "securitySolution"}})
    );
}

/// A case with: create_case, title, status, a user comment, an alert and a lens attachment.
async fn varied_case(app: &TestApp) -> Value {
    let case = app.create_case("securitySolution").await;
    let case = app.update_case(&case, json!({"title": "Renamed"})).await;
    app.update_case(&case, json!({"status": "closed"})).await;
    let case = app.case(&case["id"]).await;
    app.comment(&case, "note").await;
    app.update_case(&app.case(&case["id"]).await, json!({"status": "open"}))
        .await;
    app.attach_alerts(&case, &["a1"]).await;
    let (status, body) = app
        .post(
            &format!("/api/cases/{}/comments", s(&case["id"])),
            &json!({"type": "persistableState", "persistableStateAttachmentTypeId": ".lens",
                "persistableStateAttachmentState": {"attributes": {}}, "owner": "securitySolution"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    case
}

fn kinds(body: &Value) -> Vec<String> {
    body["userActions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| match a["payload"]["comment"]["type"].as_str() {
            Some(t) => format!("comment:{t}"),
            None => s(&a["type"]).to_string(),
        })
        .collect()
}

#[tokio::test]
async fn types_filter_real_types_and_groups() {
    let app = TestApp::new().await;
    let case = varied_case(&app).await;
    let find = |q: &str| format!("/api/cases/{}/user_actions/_find?{q}", s(&case["id"]));

    let mut got = Vec::new();
    for q in [
        "types=title",
        "types=status&types=title",
        "types[]=status",
        "types=user",
        "types=alert",
        "types=attachment",
        "types=comment",
        "types=action",
    ] {
        let (status, body) = app.get(&find(q)).await;
        assert_eq!(status, 200, "{q}: {body}");
        assert_eq!(body["total"], kinds(&body).len(), "{q}");
        got.push(kinds(&body));
    }
    let (bad, err) = app.get(&find("types=nope")).await;

    assert_eq!(got[0], ["title"]);
    assert_eq!(got[1], ["title", "status", "status"]);
    assert_eq!(got[2], ["status", "status"]);
    assert_eq!(got[3], ["comment:user"]);
    assert_eq!(got[4], ["comment:alert"]);
    assert_eq!(got[5], ["comment:persistableState"]);
    assert_eq!(
        got[6],
        ["comment:user", "comment:alert", "comment:persistableState"]
    );
    assert_eq!(got[7], ["create_case", "title", "status", "status"]);
    assert_error_contains(bad, &err, 400, "nope");
}

#[tokio::test]
async fn default_order_is_oldest_first_and_pages_split() {
    let app = TestApp::new().await;
    let case = varied_case(&app).await;
    let find = |q: &str| format!("/api/cases/{}/user_actions/_find{q}", s(&case["id"]));
    let all = [
        "create_case",
        "title",
        "status",
        "comment:user",
        "status",
        "comment:alert",
        "comment:persistableState",
    ];

    let (status, default) = app.get(&find("")).await;
    let (_, desc) = app.get(&find("?sortOrder=desc")).await;
    let (_, page2) = app.get(&find("?perPage=3&page=2")).await;
    let (bad, err) = app.get(&find("?perPage=101")).await;

    assert_eq!(status, 200);
    assert_eq!(kinds(&default), all);
    let mut reversed = all.to_vec();
    reversed.reverse();
    assert_eq!(kinds(&desc), reversed);
    assert_eq!(kinds(&page2), all[3..6]);
    assert_eq!(
        (&page2["page"], &page2["perPage"], &page2["total"]),
        (&json!(2), &json!(3), &json!(7))
    );
    assert!(
        page2.get("per_page").is_none(),
        "user actions use perPage: {page2}"
    );
    assert_error(
        bad,
        &err,
        400,
        "The provided perPage value is too high. The maximum allowed perPage value is 100.",
    );
}
