//! The actions API for case connectors: create/get/list/update/delete with Kibana's shapes,
//! secrets that never leave the server (nor reach the database file in plain text), updates that
//! keep the stored secrets, validation errors, `_execute` getIncident, the connector types and
//! `configure/connectors/_find`.

mod common;
mod emulators;

use casebook_server::connectors::crypto::SecretBox;
use casebook_server::connectors::http::{AllowedHosts, Http};
use casebook_server::service::ConnectorEnv;
use common::{TestApp, assert_error, assert_error_contains, s};
use emulators::all::{SECRET_VALUES, Systems, assert_no_secrets};
use emulators::jira::{self, JiraEmulator};
use emulators::{case_with, connector, push, pushed, thehive, webhook};
use serde_json::{Value, json};
use std::time::Duration;

fn connector_shape(id: &str, name: &str, kind: &str, config: &Value) -> Value {
    json!({"id": id, "name": name, "connector_type_id": kind, "config": config,
           "is_preconfigured": false, "is_deprecated": false, "is_missing_secrets": false,
           "is_system_action": false})
}

#[tokio::test]
async fn crud_with_kibanas_shapes_and_no_secrets_anywhere() {
    let sys = Systems::start().await;
    let app = emulators::app().await;
    let mut ids = Vec::new();
    for (kind, config, secrets) in sys.all() {
        let body = json!({"name": format!("{kind} one"), "connector_type_id": kind,
                          "config": config, "secrets": secrets});
        let (status, created) = app.post("/api/actions/connector", &body).await;
        assert_eq!(status, 200, "{created}");
        let id = s(&created["id"]).to_string();
        assert_eq!(
            created,
            connector_shape(&id, &format!("{kind} one"), kind, &config)
        );
        assert_no_secrets(&created);
        let (status, got) = app.get(&format!("/api/actions/connector/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(got, created);
        let (status, updated) = app
            .call(
                "PUT",
                &format!("/api/actions/connector/{id}"),
                Some(&json!({"name": "renamed", "config": config, "secrets": secrets})),
            )
            .await;
        assert_eq!(status, 200, "{updated}");
        assert_eq!(updated["name"], "renamed");
        assert_no_secrets(&updated);
        ids.push(id);
    }
    let (status, list) = app.get("/api/actions/connectors").await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 7);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|c| c["referenced_by_count"] == 0)
    );
    assert_no_secrets(&list);
    let (_, found) = app.get("/api/cases/configure/connectors/_find").await;
    assert_no_secrets(&found);

    let (status, body) = app
        .delete(&format!("/api/actions/connector/{}", ids[0]))
        .await;
    assert_eq!((status, body), (204, Value::Null));
    let (status, body) = app.get(&format!("/api/actions/connector/{}", ids[0])).await;
    assert_error(
        status,
        &body,
        404,
        &format!("Saved object [action/{}] not found", ids[0]),
    );
    let (status, body) = app
        .delete(&format!("/api/actions/connector/{}", ids[0]))
        .await;
    assert_eq!(status, 404, "{body}");
}

#[tokio::test]
async fn create_with_an_id_and_conflicts() {
    let emu = JiraEmulator::start().await;
    let app = emulators::app().await;
    let body = json!({"name": "Jira", "connector_type_id": ".jira", "config": emu.config(),
                      "secrets": jira::secrets()});
    let (status, created) = app.post("/api/actions/connector/jira-main", &body).await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["id"], "jira-main");
    let (status, again) = app.post("/api/actions/connector/jira-main", &body).await;
    assert_error(
        status,
        &again,
        409,
        "Saved object [action/jira-main] conflict",
    );
}

#[tokio::test]
async fn update_with_empty_secrets_keeps_the_stored_ones() {
    let emu = JiraEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(&app, ".jira", "Jira", emu.config(), jira::secrets()).await;
    let path = format!("/api/actions/connector/{id}");
    let (status, body) = app
        .call(
            "PUT",
            &path,
            Some(&json!({"name": "Jira A", "config": emu.config(), "secrets": {}})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call(
            "PUT",
            &path,
            Some(&json!({"name": "Jira B", "config": emu.config()})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let case = case_with(&app, &id, "Jira B", ".jira", Value::Null).await;

    let out = pushed(&app, &case["id"], &id).await;
    assert_eq!(out["external_service"]["connector_name"], "Jira B");

    let wrong = json!({"email": jira::EMAIL, "apiToken": "not-the-token"});
    let (status, _) = app
        .call(
            "PUT",
            &path,
            Some(&json!({"name": "Jira B", "config": emu.config(), "secrets": wrong})),
        )
        .await;
    assert_eq!(status, 200);
    let (status, body) = push(&app, &case["id"], &id).await;
    assert_error_contains(status, &body, 424, "status code 401");
}

#[tokio::test]
async fn invalid_configs_and_secrets_are_400() {
    let app = emulators::app().await;
    let jira_body = |config: Value, secrets: Value| json!({"name": "J", "connector_type_id": ".jira", "config": config, "secrets": secrets});
    let cases = [
        (
            jira_body(json!({"projectKey": "SEC"}), jira::secrets()),
            "error validating action type config: [apiUrl]: expected value of type [string] but got [undefined]",
        ),
        (
            jira_body(
                json!({"apiUrl": "ftp://jira.example.com", "projectKey": "SEC"}),
                jira::secrets(),
            ),
            "error validating action type config: [apiUrl]: Invalid URL \"ftp://jira.example.com\": only http and https are allowed",
        ),
        (
            jira_body(
                json!({"apiUrl": "https://jira.example.com", "projectKey": "SEC"}),
                json!({"email": "a@b.c"}),
            ),
            "error validating action type secrets: [apiToken]: expected value of type [string] but got [undefined]",
        ),
        (
            jira_body(
                json!({"apiUrl": "https://jira.example.com", "projectKey": "SEC", "x": 1}),
                jira::secrets(),
            ),
            "error validating action type config: [x]: definition for this key is missing",
        ),
        (
            json!({"name": "S", "connector_type_id": ".slack", "config": {}, "secrets": {}}),
            "Action type \".slack\" is not registered.",
        ),
        (
            json!({"name": " ", "connector_type_id": ".jira", "config": {"apiUrl": "https://j.example.com", "projectKey": "S"}, "secrets": jira::secrets()}),
            "[name]: value must not be empty",
        ),
    ];
    for (body, message) in cases {
        let (status, answer) = app.post("/api/actions/connector", &body).await;
        assert_error(status, &answer, 400, message);
    }
    let (_, list) = app.get("/api/actions/connectors").await;
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn urls_must_be_in_the_allow_list() {
    let app = TestApp::with_connector_env(ConnectorEnv {
        http: Http::new(
            Duration::from_millis(500),
            AllowedHosts::parse("allowed.example"),
        ),
        secrets: SecretBox::new([1; 32]),
    })
    .await;
    let body = |url: &str| {
        json!({"name": "J", "connector_type_id": ".jira",
               "config": {"apiUrl": url, "projectKey": "SEC"}, "secrets": jira::secrets()})
    };
    let (status, answer) = app
        .post(
            "/api/actions/connector",
            &body("https://jira.other.example"),
        )
        .await;
    assert_error(
        status,
        &answer,
        400,
        "error validating action type config: [apiUrl]: error configuring connector action: target url \"https://jira.other.example\" is not added to the Casebook config CASEBOOK_ALLOWED_HOSTS",
    );
    let (status, created) = app
        .post(
            "/api/actions/connector",
            &body("https://allowed.example/jira"),
        )
        .await;
    assert_eq!(status, 200, "{created}");

    let (status, answer) = app
        .call("PUT", &format!("/api/actions/connector/{}", s(&created["id"])),
              Some(&json!({"name": "J", "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "SEC"}})))
        .await;
    assert_error_contains(status, &answer, 400, "is not added to the Casebook config");
    let hook = webhook::WebhookEmulator::start().await;
    let (status, answer) = app
        .post(
            "/api/actions/connector",
            &json!({"name": "W", "connector_type_id": ".cases-webhook",
              "config": hook.config(true), "secrets": webhook::secrets()}),
        )
        .await;
    assert_error_contains(
        status,
        &answer,
        400,
        "[createIncidentUrl]: error configuring connector action",
    );
}

#[tokio::test]
async fn execute_get_incident_answers_ok_or_error() {
    let emu = JiraEmulator::start().await;
    let app = emulators::app().await;
    let id = connector(&app, ".jira", "Jira", emu.config(), jira::secrets()).await;
    let case = case_with(&app, &id, "Jira", ".jira", Value::Null).await;
    pushed(&app, &case["id"], &id).await;
    let path = format!("/api/actions/connector/{id}/_execute");
    let exec = |ext: &str| json!({"params": {"subAction": "getIncident", "subActionParams": {"externalId": ext}}});

    let (status, ok) = app.post(&path, &exec("10001")).await;
    assert_eq!(status, 200, "{ok}");
    assert_eq!(ok["status"], "ok");
    assert_eq!(ok["connector_id"], id.as_str());
    assert_eq!(ok["data"]["key"], "SEC-1");
    assert_eq!(ok["data"]["fields"]["summary"], "Suspicious login");
    assert_no_secrets(&ok);

    let (status, err) = app.post(&path, &exec("99999")).await;
    assert_eq!(status, 200, "{err}");
    assert_eq!(
        err,
        json!({"status": "error", "connector_id": id, "message": "error executing Jira connector: status code 404",
               "service_message": "Issue does not exist or you do not have permission to see it."})
    );

    let (status, body) = app
        .post(
            &path,
            &json!({"params": {"subAction": "pushToService", "subActionParams": {}}}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = app
        .post(
            &path,
            &json!({"params": {"subAction": "getIncident", "subActionParams": {}}}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = app
        .post("/api/actions/connector/nope/_execute", &exec("1"))
        .await;
    assert_error(status, &body, 404, "Saved object [action/nope] not found");
}

#[tokio::test]
async fn connector_types_lists_the_seven_case_types() {
    let app = emulators::app().await;
    let (status, types) = app.get("/api/actions/connector_types").await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = types
        .as_array()
        .unwrap()
        .iter()
        .map(|t| s(&t["id"]))
        .collect();
    assert_eq!(
        ids,
        [
            ".jira",
            ".servicenow",
            ".servicenow-sir",
            ".resilient",
            ".swimlane",
            ".thehive",
            ".cases-webhook"
        ]
    );
    assert_eq!(
        types[0],
        json!({"id": ".jira", "name": "Jira", "enabled": true, "enabled_in_config": true,
               "enabled_in_license": true, "minimum_license_required": "basic",
               "supported_feature_ids": ["cases"], "is_system_action_type": false, "is_deprecated": false})
    );
}

#[tokio::test]
async fn configure_connectors_find_counts_the_cases_using_each() {
    let sys = Systems::start().await;
    let app = emulators::app().await;
    let a = connector(&app, ".jira", "A Jira", sys.jira.config(), jira::secrets()).await;
    let b = connector(
        &app,
        ".thehive",
        "B Hive",
        sys.hive.config(),
        thehive::secrets(),
    )
    .await;
    case_with(&app, &a, "A Jira", ".jira", Value::Null).await;
    case_with(&app, &a, "A Jira", ".jira", Value::Null).await;
    case_with(&app, &b, "B Hive", ".thehive", Value::Null).await;

    let (status, found) = app.get("/api/cases/configure/connectors/_find").await;

    assert_eq!(status, 200, "{found}");
    assert_eq!(
        found,
        json!([
            {"id": a, "name": "A Jira", "actionTypeId": ".jira", "config": sys.jira.config(),
             "isPreconfigured": false, "isDeprecated": false, "isMissingSecrets": false, "referencedByCount": 2},
            {"id": b, "name": "B Hive", "actionTypeId": ".thehive", "config": sys.hive.config(),
             "isPreconfigured": false, "isDeprecated": false, "isMissingSecrets": false, "referencedByCount": 1}
        ])
    );
    let (_, list) = app.get("/api/actions/connectors").await;
    assert_eq!(list[0]["referenced_by_count"], 2);
    let (status, usage) = app
        .get(&format!("/internal/actions/connector/{b}/_usage"))
        .await;
    assert_eq!(status, 200, "{usage}");
    assert_eq!(usage["total"], 1);
    assert_eq!(usage["cases"][0]["title"], "Suspicious login");
}

#[tokio::test]
async fn secrets_are_not_stored_in_plain_text() {
    let sys = Systems::start().await;
    let app = emulators::app().await;
    for (kind, config, secrets) in sys.all() {
        connector(&app, kind, &format!("plain-name-{kind}"), config, secrets).await;
    }
    let mut bytes = std::fs::read(app.dir.path().join("casebook.db")).expect("db file");
    if let Ok(wal) = std::fs::read(app.dir.path().join("casebook.db-wal")) {
        bytes.extend(wal);
    }
    let contains = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(
        contains("plain-name-.jira"),
        "the connector rows are not in these files"
    );
    for secret in SECRET_VALUES {
        assert!(!contains(secret), "{secret} is stored in plain text");
    }
}
