//! The authorization matrix outside cases: connectors (list, get, usage, create, update,
//! delete, execute), spaces (create, update, delete, get), roles and users APIs, the audit log,
//! and the endpoints everyone may call (capabilities, connector types, current user), each
//! called as every persona (see `authz_common`).

mod authz_common;
mod common;

use authz_common::{Fixture as F, IN_DEFAULT, PERSONAS, Spec, World};

const SUPERUSER: &str = "Forbidden: this action needs the superuser role";
const SPACES_ADMIN: &str = "Forbidden: managing spaces needs the superuser role";
const GET_ACTIONS: &str = "Unauthorized to get actions";
const MANAGE_ACTIONS: &str = "Unauthorized to manage actions";

/// Personas who may read connectors.
const CONNECTOR_READERS: [&str; 4] = [
    "elastic",
    "sec_pusher",
    "connector_admin",
    "connector_reader",
];
/// Personas who may change them.
const CONNECTOR_ADMINS: [&str; 2] = ["elastic", "connector_admin"];

const JIRA: &str = r#"{"name": "Jira {n}", "connector_type_id": ".jira",
    "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "SEC"},
    "secrets": {"email": "robot@example.com", "apiToken": "tok"}}"#;

async fn run_all(specs: &[Spec]) {
    let w = World::new().await;
    for spec in specs {
        w.run(spec).await;
    }
}

#[tokio::test]
async fn connectors_need_the_actions_feature() {
    run_all(&[
        Spec::read(
            "list connectors",
            "/api/actions/connectors",
            F::Connector,
            &CONNECTOR_READERS,
            GET_ACTIONS,
        ),
        Spec::read(
            "get connector",
            "/api/actions/connector/{connector}",
            F::Connector,
            &CONNECTOR_READERS,
            GET_ACTIONS,
        ),
        Spec::read(
            "connector usage",
            "/internal/actions/connector/{connector}/_usage",
            F::Connector,
            &CONNECTOR_READERS,
            GET_ACTIONS,
        ),
        // The cases flavour of the list: shut-out personas get the space's 403 first.
        Spec::read(
            "case connectors",
            "/api/cases/configure/connectors/_find",
            F::Connector,
            &CONNECTOR_READERS,
            GET_ACTIONS,
        ),
        Spec::write(
            "create connector",
            "POST",
            "/api/actions/connector",
            Some(JIRA),
            F::None,
            200,
            &CONNECTOR_ADMINS,
            MANAGE_ACTIONS,
        ),
        Spec::write(
            "update connector",
            "PUT",
            "/api/actions/connector/{connector}",
            Some(
                r#"{"name": "Renamed", "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "OPS"},
                   "secrets": {"email": "robot@example.com", "apiToken": "tok2"}}"#,
            ),
            F::Connector,
            200,
            &CONNECTOR_ADMINS,
            MANAGE_ACTIONS,
        ),
        Spec::write(
            "delete connector",
            "DELETE",
            "/api/actions/connector/{connector}",
            None,
            F::Connector,
            204,
            &CONNECTOR_ADMINS,
            MANAGE_ACTIONS,
        ),
        Spec::read(
            "connector types",
            "/api/actions/connector_types",
            F::None,
            &PERSONAS,
            "",
        ),
    ])
    .await;
}

#[tokio::test]
async fn executing_a_connector_needs_actions_read() {
    run_all(&[Spec::write(
        "execute connector",
        "POST",
        "/api/actions/connector/{connector}/_execute",
        Some(r#"{"params": {"subAction": "getIncident", "subActionParams": {"externalId": "1"}}}"#),
        F::Connector,
        200,
        &CONNECTOR_READERS,
        GET_ACTIONS,
    )])
    .await;
}

#[tokio::test]
async fn spaces_are_managed_by_superusers_only() {
    let not_nobody: Vec<&str> = PERSONAS.into_iter().filter(|p| *p != "nobody").collect();
    let readers: &'static [&'static str] = not_nobody.leak();
    run_all(&[
        Spec::write(
            "create space",
            "POST",
            "/api/spaces/space",
            Some(r#"{"id": "new-{n}", "name": "New {n}"}"#),
            F::None,
            200,
            &["elastic"],
            SPACES_ADMIN,
        ),
        Spec::write(
            "update space",
            "PUT",
            "/api/spaces/space/{space}",
            Some(r#"{"id": "{space}", "name": "Renamed"}"#),
            F::Space,
            200,
            &["elastic"],
            SPACES_ADMIN,
        ),
        Spec::write(
            "delete space",
            "DELETE",
            "/api/spaces/space/{space}",
            None,
            F::Space,
            204,
            &["elastic"],
            SPACES_ADMIN,
        ),
        // Reading a space needs something in it.
        Spec::read(
            "get space1",
            "/api/spaces/space/space1",
            F::None,
            readers,
            "Unauthorized to get space1 space",
        ),
        Spec::read(
            "get default space",
            "/api/spaces/space/default",
            F::None,
            &IN_DEFAULT,
            "Unauthorized to get default space",
        ),
    ])
    .await;
}

#[tokio::test]
async fn roles_users_and_the_audit_log_need_superuser() {
    run_all(&[
        Spec::read(
            "list roles",
            "/api/security/role",
            F::None,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::read(
            "get role",
            "/api/security/role/{role}",
            F::Role,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::write(
            "put role",
            "PUT",
            "/api/security/role/new_{n}",
            Some(r#"{"elasticsearch": {}, "kibana": [{"base": ["all"], "spaces": ["*"]}]}"#),
            F::None,
            204,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::write(
            "delete role",
            "DELETE",
            "/api/security/role/{role}",
            None,
            F::Role,
            204,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::read(
            "list users",
            "/internal/security/users",
            F::None,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::read(
            "get user",
            "/internal/security/users/{user}",
            F::User,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::write(
            "create user",
            "POST",
            "/internal/security/users/new_{n}",
            Some(r#"{"password": "another-pw", "roles": ["superuser"]}"#),
            F::None,
            200,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::write(
            "grant superuser",
            "POST",
            "/internal/security/users/{user}",
            Some(r#"{"roles": ["superuser"]}"#),
            F::User,
            200,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::write(
            "disable user",
            "DELETE",
            "/internal/security/users/{user}",
            None,
            F::User,
            204,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::write(
            "set someone's password",
            "POST",
            "/internal/security/users/{user}/password",
            Some(r#"{"newPassword": "taken-over"}"#),
            F::User,
            204,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::read(
            "audit log",
            "/internal/casebook/audit",
            F::None,
            &["elastic"],
            SUPERUSER,
        ),
        Spec::read(
            "everyone's API keys",
            "/internal/security/api_key?isAdmin=true",
            F::None,
            &["elastic"],
            SUPERUSER,
        ),
    ])
    .await;
}

#[tokio::test]
async fn anyone_signed_in_may_read_their_own_capabilities_and_profile() {
    run_all(&[
        Spec::read(
            "capabilities",
            "/internal/casebook/capabilities",
            F::None,
            &PERSONAS,
            "",
        ),
        Spec::read(
            "current user",
            "/internal/security/me",
            F::None,
            &PERSONAS,
            "",
        ),
        Spec::read(
            "own API keys",
            "/internal/security/api_key",
            F::None,
            &PERSONAS,
            "",
        ),
    ])
    .await;
}
