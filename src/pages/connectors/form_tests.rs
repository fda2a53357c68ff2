//! Unit tests of the connector form: checks, bodies per type, and editing with kept secrets.

use super::*;
use serde_json::json;

fn filled(kind: ConnectorType, pairs: &[(&'static str, &str)]) -> ConnectorForm {
    let mut f = ConnectorForm::new(kind);
    f.name = "My connector".into();
    for (k, v) in pairs {
        f.values.insert(k, v.to_string());
    }
    f
}

fn stored(kind: &str, config: Value) -> ActionConnector {
    ActionConnector {
        id: "c1".into(),
        name: "Stored".into(),
        connector_type_id: kind.into(),
        config,
        is_preconfigured: false,
        is_deprecated: false,
        is_missing_secrets: false,
        is_system_action: false,
        referenced_by_count: Some(2),
    }
}

#[test]
fn jira_body_has_config_and_secrets() {
    let f = filled(
        ConnectorType::Jira,
        &[
            ("apiUrl", " https://jira.example.com "),
            ("projectKey", "SEC"),
            ("email", "me@example.com"),
            ("apiToken", "tok"),
        ],
    );
    let r = f.to_create().unwrap();
    assert_eq!(r.connector_type_id, ".jira");
    assert_eq!(
        r.config,
        json!({"apiUrl": "https://jira.example.com", "projectKey": "SEC"})
    );
    assert_eq!(
        r.secrets,
        json!({"email": "me@example.com", "apiToken": "tok"})
    );
}

#[test]
fn required_fields_and_urls_are_checked() {
    let mut f = ConnectorForm::new(ConnectorType::Jira);
    f.values.insert("apiUrl", "ftp://x".into());
    let e = f.to_create().unwrap_err();
    assert_eq!(e[NAME], "Connector name is required.");
    assert_eq!(e["apiUrl"], "The URL must start with http:// or https://.");
    assert_eq!(e["projectKey"], "Project key is required.");
    assert_eq!(e["apiToken"], "API token is required.");
    assert_eq!(check_url("https://"), Err("The URL is invalid.".into()));
    assert_eq!(check_url("http://127.0.0.1:8080/x"), Ok(()));
    assert_eq!(
        check_url("https://a b.com"),
        Err("The URL is invalid.".into())
    );
}

#[test]
fn servicenow_bool_and_thehive_optional_field() {
    let f = filled(
        ConnectorType::ServiceNowItsm,
        &[
            ("apiUrl", "https://sn.example.com"),
            ("username", "u"),
            ("password", "p"),
        ],
    );
    assert_eq!(
        f.to_create().unwrap().config,
        json!({"apiUrl": "https://sn.example.com", "usesTableApi": false})
    );
    let f = filled(
        ConnectorType::TheHive,
        &[("url", "https://hive"), ("apiKey", "k")],
    );
    assert_eq!(
        f.to_create().unwrap().config,
        json!({"url": "https://hive"})
    );
}

#[test]
fn swimlane_builds_field_mappings() {
    let f = filled(
        ConnectorType::Swimlane,
        &[
            ("apiUrl", "https://swim"),
            ("appId", "app"),
            ("mappings.caseNameConfig", "f1"),
            ("mappings.descriptionConfig", "f2"),
            ("mappings.commentsConfig", "f3"),
            ("apiToken", "t"),
        ],
    );
    let c = f.to_create().unwrap().config;
    assert_eq!(c["connectorType"], "cases");
    assert_eq!(c["mappings"]["caseNameConfig"]["id"], "f1");
    assert_eq!(c["mappings"]["commentsConfig"]["fieldType"], "comments");
    assert_eq!(c["mappings"]["severityConfig"], Value::Null);
    let back = ConnectorForm::from_connector(&stored(".swimlane", c.clone())).unwrap();
    assert_eq!(back.value("mappings.descriptionConfig"), "f2");
    assert_eq!(back.config(), c);
}

#[test]
fn webhook_templates_headers_and_auth() {
    let mut f = filled(
        ConnectorType::CasesWebhook,
        &[
            ("createIncidentUrl", "http://127.0.0.1:9/issues"),
            ("createIncidentResponseKey", "id"),
            (
                "getIncidentUrl",
                "http://127.0.0.1:9/issues/{{{external.system.id}}}",
            ),
            ("getIncidentResponseExternalTitleKey", "key"),
            (
                "viewIncidentUrl",
                "http://127.0.0.1:9/view/{{{external.system.title}}}",
            ),
            (
                "updateIncidentUrl",
                "http://127.0.0.1:9/issues/{{{external.system.id}}}",
            ),
            ("hasAuth", "true"),
        ],
    );
    f.headers = vec![
        ("X-Team".into(), "sec".into()),
        (String::new(), String::new()),
    ];
    let e = f.check();
    assert_eq!(e["user"], "Username is required.");
    f.values.insert("user", "bot".into());
    f.values.insert("password", "pw".into());
    let r = f.to_create().unwrap();
    assert_eq!(r.config["createIncidentMethod"], "post");
    assert_eq!(r.config["updateIncidentMethod"], "put");
    assert_eq!(r.config["headers"], json!({"X-Team": "sec"}));
    assert_eq!(r.config["hasAuth"], true);
    assert_eq!(r.config["authType"], "webhook-authentication-basic");
    assert_eq!(r.secrets, json!({"user": "bot", "password": "pw"}));

    f.values.insert(
        "createIncidentJson",
        "{\"t\": \"{{{case.title}}}\", \"d\": {{{case.description}}}}".into(),
    );
    assert!(f.check()["createIncidentJson"].starts_with("The JSON is invalid"));
    f.values
        .insert("createIncidentJson", "{\"t\": {{{case.title}}}}".into());
    assert!(f.check()["createIncidentJson"].contains("{{{case.description}}}"));
}

#[test]
fn editing_keeps_secrets_unless_all_are_given() {
    let c = stored(".jira", json!({"apiUrl": "https://j", "projectKey": "K"}));
    let mut f = ConnectorForm::from_connector(&c).unwrap();
    assert!(f.editing);
    assert_eq!(f.name, "Stored");
    assert_eq!(f.value("projectKey"), "K");
    let r = f.to_update().unwrap();
    assert_eq!(r.secrets, json!({}));
    assert_eq!(r.config, c.config);
    f.values.insert("apiToken", "new".into());
    assert_eq!(f.check()["email"], "Email address is required.");
    f.values.insert("email", "a@b.c".into());
    assert_eq!(
        f.to_update().unwrap().secrets,
        json!({"email": "a@b.c", "apiToken": "new"})
    );
    assert!(ConnectorForm::from_connector(&stored(".email", json!({}))).is_none());
}

#[test]
fn variables_are_filled() {
    assert_eq!(fill_variables("a/{{{x.y}}}/b{{z}}", "1"), "a/1/b1");
    assert_eq!(fill_variables("{{{open", "1"), "{{{open");
}
