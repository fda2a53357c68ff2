//! The authorization matrix for cases: create, get, `_find`, bulk update (title, status,
//! reopen, assign), bulk delete, tags/reporters/categories, cases by alert, user actions and
//! their stats, `_users`, metrics, `_connectors` and the configuration, each called as every
//! persona (see `authz_common`). Refused calls answer Kibana's 403 and change nothing; bulk
//! requests touching any forbidden case are refused whole; the same rules hold in `space1`.

mod authz_common;
mod common;

use authz_common::{Fixture as F, IN_DEFAULT, SEC_ALL, SEC_READERS, Spec, World};

const READ: &str = r#"Unauthorized to access case with owners: "securitySolution""#;
const UPDATE: &str = r#"Unauthorized to update case with owners: "securitySolution""#;
const REOPEN: &str = r#"Unauthorized to reopen case with owners: "securitySolution""#;
const ASSIGN: &str = r#"Unauthorized to assign case with owners: "securitySolution""#;
const ACTIONS: &str = r#"Unauthorized to access user actions with owners: "securitySolution""#;

/// Creating and updating securitySolution cases.
const WRITERS: [&str; 4] = ["elastic", "sec_all", "sec_pusher", "minimal_all"];

async fn run_all(specs: &[Spec]) {
    let w = World::new().await;
    for spec in specs {
        w.run(spec).await;
    }
}

#[tokio::test]
async fn case_reads_need_read_on_the_case_owner() {
    run_all(&[
        Spec::read(
            "get case",
            "/api/cases/{case}",
            F::SecCase,
            &SEC_READERS,
            READ,
        ),
        Spec::read(
            "find user actions",
            "/api/cases/{case}/user_actions/_find",
            F::SecCase,
            &SEC_READERS,
            ACTIONS,
        ),
        Spec::read(
            "user action stats",
            "/internal/cases/{case}/user_actions/_stats",
            F::SecCase,
            &SEC_READERS,
            ACTIONS,
        ),
        Spec::read(
            "case users",
            "/internal/cases/{case}/_users",
            F::SecCase,
            &SEC_READERS,
            READ,
        ),
        Spec::read(
            "case metrics",
            "/internal/cases/metrics/{case}?features=lifespan&features=alerts.count",
            F::SecCase,
            &SEC_READERS,
            READ,
        ),
        Spec::read(
            "case connectors",
            "/internal/cases/{case}/_connectors",
            F::SecCase,
            &SEC_READERS,
            READ,
        ),
    ])
    .await;
}

#[tokio::test]
async fn reads_across_cases_are_open_to_anyone_in_the_space() {
    // What they return is limited to readable owners (see `authz_limits`); here: who gets in.
    run_all(&[
        Spec::read("find", "/api/cases/_find", F::SecCase, &IN_DEFAULT, ""),
        Spec::read("tags", "/api/cases/tags", F::None, &IN_DEFAULT, ""),
        Spec::read(
            "reporters",
            "/api/cases/reporters",
            F::None,
            &IN_DEFAULT,
            "",
        ),
        Spec::read(
            "categories",
            "/internal/cases/categories",
            F::None,
            &IN_DEFAULT,
            "",
        ),
        Spec::read(
            "metrics",
            "/internal/cases/metrics?features=status&features=mttr",
            F::None,
            &IN_DEFAULT,
            "",
        ),
        Spec::read(
            "cases by alert",
            "/api/cases/alerts/alert-1",
            F::SecCase,
            &IN_DEFAULT,
            "",
        ),
        Spec::read(
            "get configuration",
            "/api/cases/configure",
            F::SecConfiguration,
            &IN_DEFAULT,
            "",
        ),
    ])
    .await;
}

#[tokio::test]
async fn creating_and_updating_need_the_write_privileges() {
    run_all(&[
        Spec::write(
            "create case",
            "POST",
            "/api/cases",
            Some(
                r#"{"title": "t", "description": "d", "tags": [], "owner": "securitySolution",
                   "settings": {"syncAlerts": false},
                   "connector": {"id": "none", "name": "none", "type": ".none", "fields": null}}"#,
            ),
            F::None,
            200,
            &WRITERS,
            r#"Unauthorized to create case with owners: "securitySolution""#,
        ),
        Spec::write(
            "update title",
            "PATCH",
            "/api/cases",
            Some(r#"{"cases": [{"id": "{case}", "version": "{version}", "title": "renamed"}]}"#),
            F::SecCase,
            200,
            &WRITERS,
            UPDATE,
        ),
        Spec::write(
            "close",
            "PATCH",
            "/api/cases",
            Some(r#"{"cases": [{"id": "{case}", "version": "{version}", "status": "closed"}]}"#),
            F::SecCase,
            200,
            &WRITERS,
            UPDATE,
        ),
    ])
    .await;
}

#[tokio::test]
async fn reopening_needs_case_reopen_and_assigning_needs_cases_assign() {
    run_all(&[
        // A status-only reopen needs just the re-open sub-feature...
        Spec::write(
            "reopen",
            "PATCH",
            "/api/cases",
            Some(r#"{"cases": [{"id": "{case}", "version": "{version}", "status": "open"}]}"#),
            F::ClosedSecCase,
            200,
            &["elastic", "sec_all", "sec_pusher", "sub_reopen"],
            REOPEN,
        ),
        // ...which update rights do not include.
        Spec::write(
            "reopen and rename",
            "PATCH",
            "/api/cases",
            Some(
                r#"{"cases": [{"id": "{case}", "version": "{version}", "status": "in-progress", "title": "again"}]}"#,
            ),
            F::ClosedSecCase,
            200,
            &SEC_ALL,
            REOPEN,
        )
        .except(&[("sub_reopen", UPDATE)]),
        Spec::write(
            "assign",
            "PATCH",
            "/api/cases",
            Some(
                r#"{"cases": [{"id": "{case}", "version": "{version}", "assignees": [{"uid": "{uid_sec_all}"}]}]}"#,
            ),
            F::SecCase,
            200,
            &["elastic", "sec_all", "sec_pusher", "sub_assign"],
            ASSIGN,
        ),
        Spec::write(
            "assign and retag",
            "PATCH",
            "/api/cases",
            Some(
                r#"{"cases": [{"id": "{case}", "version": "{version}", "tags": ["x"], "assignees": [{"uid": "{uid_sec_all}"}]}]}"#,
            ),
            F::SecCase,
            200,
            &SEC_ALL,
            ASSIGN,
        )
        .except(&[("sub_assign", UPDATE)]),
        Spec::write(
            "create assigned",
            "POST",
            "/api/cases",
            Some(
                r#"{"title": "t", "description": "d", "tags": [], "owner": "securitySolution",
                   "assignees": [{"uid": "{uid_sec_all}"}], "settings": {"syncAlerts": false},
                   "connector": {"id": "none", "name": "none", "type": ".none", "fields": null}}"#,
            ),
            F::None,
            200,
            &SEC_ALL,
            r#"Unauthorized to create case with owners: "securitySolution""#,
        )
        .except(&[("minimal_all", ASSIGN)]),
    ])
    .await;
}

#[tokio::test]
async fn deleting_needs_cases_delete() {
    run_all(&[Spec::write(
        "delete case",
        "DELETE",
        "/api/cases?ids={case}",
        None,
        F::SecCase,
        204,
        &["elastic", "sec_all", "sec_pusher", "sub_delete"],
        r#"Unauthorized to delete case with owners: "securitySolution""#,
    )])
    .await;
}

#[tokio::test]
async fn bulk_requests_touching_a_forbidden_case_are_refused_whole() {
    // Nobody but the superuser may write both owners: every other persona is refused and
    // neither case changes (the runner re-reads both).
    run_all(&[
        Spec::write(
            "bulk update",
            "PATCH",
            "/api/cases",
            Some(
                r#"{"cases": [{"id": "{case}", "version": "{version}", "title": "a"},
                              {"id": "{obs}", "version": "{obs_version}", "title": "b"}]}"#,
            ),
            F::SecAndObsCases,
            200,
            &["elastic"],
            r#"Unauthorized to update case with owners: "securitySolution, observability""#,
        ),
        Spec::write(
            "bulk delete",
            "DELETE",
            "/api/cases?ids={case}&ids={obs}",
            None,
            F::SecAndObsCases,
            204,
            &["elastic"],
            r#"Unauthorized to delete case with owners: "securitySolution, observability""#,
        ),
    ])
    .await;
}

#[tokio::test]
async fn each_solution_grants_only_its_own_cases() {
    const OBS_READ: &str = r#"Unauthorized to access case with owners: "observability""#;
    const OBS_UPDATE: &str = r#"Unauthorized to update case with owners: "observability""#;
    const GEN_READ: &str = r#"Unauthorized to access case with owners: "cases""#;
    const GEN_UPDATE: &str = r#"Unauthorized to update case with owners: "cases""#;
    run_all(&[
        Spec::read(
            "get observability case",
            "/api/cases/{case}",
            F::ObsCase,
            &["elastic", "obs_all", "obs_read"],
            OBS_READ,
        ),
        Spec::write(
            "update observability case",
            "PATCH",
            "/api/cases",
            Some(r#"{"cases": [{"id": "{case}", "version": "{version}", "title": "o"}]}"#),
            F::ObsCase,
            200,
            &["elastic", "obs_all"],
            OBS_UPDATE,
        ),
        // The API key reads generalCases and nothing else, whatever its creator may do.
        Spec::read(
            "get general case",
            "/api/cases/{case}",
            F::GenCase,
            &["elastic", "gen_all", "gen_read", "key_gen_read"],
            GEN_READ,
        ),
        Spec::write(
            "update general case",
            "PATCH",
            "/api/cases",
            Some(r#"{"cases": [{"id": "{case}", "version": "{version}", "title": "g"}]}"#),
            F::GenCase,
            200,
            &["elastic", "gen_all"],
            GEN_UPDATE,
        ),
    ])
    .await;
}

#[tokio::test]
async fn the_configuration_needs_cases_settings() {
    run_all(&[
        Spec::write(
            "create configuration",
            "POST",
            "/api/cases/configure",
            Some(
                r#"{"owner": "securitySolution", "closure_type": "close-by-user",
                   "connector": {"id": "none", "name": "none", "type": ".none", "fields": null}}"#,
            ),
            F::None,
            200,
            &["elastic", "sec_all", "sec_pusher", "sub_settings"],
            r#"Unauthorized to create case configuration with owners: "securitySolution""#,
        ),
        Spec::write(
            "update configuration",
            "PATCH",
            "/api/cases/configure/{config}",
            Some(r#"{"version": "{config_version}", "closure_type": "close-by-pushing"}"#),
            F::SecConfiguration,
            200,
            &["elastic", "sec_all", "sec_pusher", "sub_settings"],
            r#"Unauthorized to update case configuration with owners: "securitySolution""#,
        ),
    ])
    .await;
}

#[tokio::test]
async fn space_grants_apply_in_their_space_only() {
    let space1_readers: &'static [&'static str] = &[
        "elastic",
        "sec_all",
        "sec_read",
        "sub_delete",
        "sub_settings",
        "sub_comment",
        "sub_reopen",
        "sub_assign",
        "minimal_all",
        "sec_pusher",
        "sec_space1",
    ];
    run_all(&[
        Spec::read(
            "get case in space1",
            "/api/cases/{case}",
            F::SecCase,
            space1_readers,
            READ,
        )
        .in_space("space1"),
        Spec::write(
            "update case in space1",
            "PATCH",
            "/api/cases",
            Some(r#"{"cases": [{"id": "{case}", "version": "{version}", "title": "s1"}]}"#),
            F::SecCase,
            200,
            &[
                "elastic",
                "sec_all",
                "sec_pusher",
                "minimal_all",
                "sec_space1",
            ],
            UPDATE,
        )
        .in_space("space1"),
        Spec::write(
            "delete case in space1",
            "DELETE",
            "/api/cases?ids={case}",
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
            r#"Unauthorized to delete case with owners: "securitySolution""#,
        )
        .in_space("space1"),
        // The space1-only persona is shut out of the default space altogether.
        Spec::read(
            "find in space1",
            "/api/cases/_find",
            F::None,
            &[
                "elastic",
                "sec_all",
                "sec_read",
                "obs_all",
                "obs_read",
                "gen_all",
                "gen_read",
                "sec_space1",
                "sub_delete",
                "sub_settings",
                "sub_comment",
                "sub_reopen",
                "sub_assign",
                "minimal_all",
                "sec_pusher",
                "connector_admin",
                "connector_reader",
                "key_gen_read",
            ],
            "",
        )
        .in_space("space1"),
    ])
    .await;
}
