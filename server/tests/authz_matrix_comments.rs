//! The authorization matrix for attachments and pushing: add (comment and alert), update, get,
//! find, delete one, delete all, the alerts of a case, and `_push` (cases `all` plus actions
//! `read`), each called as every persona (see `authz_common`). Refused calls answer Kibana's
//! 403 and change nothing; refused pushes never reach the external system.

mod authz_common;
mod common;
mod emulators;

use authz_common::{Fixture as F, SEC_READERS, Spec, World};
use emulators::jira::{self, JiraEmulator};

const READ: &str = r#"Unauthorized to access comments with owners: "securitySolution""#;
const CREATE: &str = r#"Unauthorized to create comments with owners: "securitySolution""#;
const UPDATE: &str = r#"Unauthorized to update comments with owners: "securitySolution""#;
const DELETE: &str = r#"Unauthorized to delete comments with owners: "securitySolution""#;

/// Adding and editing attachments of securitySolution cases.
const COMMENTERS: [&str; 4] = ["elastic", "sec_all", "sec_pusher", "sub_comment"];
/// Deleting them.
const DELETERS: [&str; 4] = ["elastic", "sec_all", "sec_pusher", "sub_delete"];

async fn run_all(specs: &[Spec]) {
    let w = World::new().await;
    for spec in specs {
        w.run(spec).await;
    }
}

#[tokio::test]
async fn attachment_reads_need_read_on_the_case_owner() {
    run_all(&[
        Spec::read(
            "get comment",
            "/api/cases/{case}/comments/{comment}",
            F::SecCase,
            &SEC_READERS,
            READ,
        ),
        Spec::read(
            "find comments",
            "/api/cases/{case}/comments/_find",
            F::SecCase,
            &SEC_READERS,
            READ,
        ),
        Spec::read(
            "case alerts",
            "/api/cases/{case}/alerts",
            F::SecCase,
            &SEC_READERS,
            READ,
        ),
    ])
    .await;
}

#[tokio::test]
async fn adding_and_editing_attachments_needs_create_comment() {
    run_all(&[
        Spec::write(
            "add comment",
            "POST",
            "/api/cases/{case}/comments",
            Some(r#"{"type": "user", "comment": "more", "owner": "securitySolution"}"#),
            F::SecCase,
            200,
            &COMMENTERS,
            CREATE,
        ),
        Spec::write(
            "attach alert",
            "POST",
            "/api/cases/{case}/comments",
            Some(
                r#"{"type": "alert", "alertId": ["a-9"], "index": [".alerts-security"],
                   "rule": {"id": "r", "name": "R"}, "owner": "securitySolution"}"#,
            ),
            F::SecCase,
            200,
            &COMMENTERS,
            CREATE,
        ),
        Spec::write(
            "update comment",
            "PATCH",
            "/api/cases/{case}/comments",
            Some(
                r#"{"id": "{comment}", "version": "{comment_version}", "type": "user",
                   "comment": "edited", "owner": "securitySolution"}"#,
            ),
            F::SecCase,
            200,
            &COMMENTERS,
            UPDATE,
        ),
    ])
    .await;
}

#[tokio::test]
async fn deleting_attachments_needs_cases_delete() {
    run_all(&[
        Spec::write(
            "delete comment",
            "DELETE",
            "/api/cases/{case}/comments/{comment}",
            None,
            F::SecCase,
            204,
            &DELETERS,
            DELETE,
        ),
        Spec::write(
            "delete all comments",
            "DELETE",
            "/api/cases/{case}/comments",
            None,
            F::SecCase,
            204,
            &DELETERS,
            DELETE,
        ),
    ])
    .await;
}

#[tokio::test]
async fn space1_attachments_follow_the_space_grants() {
    run_all(&[
        Spec::write(
            "add comment in space1",
            "POST",
            "/api/cases/{case}/comments",
            Some(r#"{"type": "user", "comment": "more", "owner": "securitySolution"}"#),
            F::SecCase,
            200,
            &[
                "elastic",
                "sec_all",
                "sec_pusher",
                "sub_comment",
                "sec_space1",
            ],
            CREATE,
        )
        .in_space("space1"),
        Spec::write(
            "delete comment in space1",
            "DELETE",
            "/api/cases/{case}/comments/{comment}",
            None,
            F::SecCase,
            204,
            &[
                "elastic",
                "sec_all",
                "sec_pusher",
                "sub_delete",
                "sec_space1",
            ],
            DELETE,
        )
        .in_space("space1"),
    ])
    .await;
}

#[tokio::test]
async fn pushing_needs_cases_all_and_actions_read() {
    let w = World::on(emulators::app().await).await;
    let jira = JiraEmulator::start().await;
    let connector =
        emulators::connector(&w.app, ".jira", "Jira", jira.config(), jira::secrets()).await;
    let path: &'static str =
        Box::leak(format!("/api/cases/{{case}}/connector/{connector}/_push").into_boxed_str());
    // `minimal_all` may push but cannot read the connector; `sec_all` has no actions at all.
    w.run(&Spec::write(
        "push",
        "POST",
        path,
        Some("{}"),
        F::SecCase,
        200,
        &["elastic", "sec_pusher"],
        r#"Unauthorized to update case with owners: "securitySolution""#,
    ))
    .await;
    // Only the two allowed pushes reached Jira.
    assert_eq!(jira.count(), 2, "{:?}", jira.lines());
}
