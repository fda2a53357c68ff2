//! The roles API (`PUT/GET/DELETE /api/security/role/{name}` with Kibana's body shape; reserved
//! roles cannot be changed; validation) and the users API (create, update, disable, passwords),
//! with changes taking effect on the next request.

mod authz_common;
mod common;

use authz_common::{PW, World, call_auth};
use common::{assert_error, assert_error_contains, basic, s};
use serde_json::{Value, json};

const SUPERUSER: &str = "Forbidden: this action needs the superuser role";

async fn as_user(
    w: &World,
    user: &str,
    pw: &str,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    call_auth(&w.app, &basic(user, pw), method, path, body).await
}

#[tokio::test]
async fn roles_round_trip_with_kibanas_body_shape() {
    let w = World::new().await;
    let body = json!({
        "description": "Works security cases in the default space",
        "metadata": {"version": 1},
        "elasticsearch": {"cluster": [], "indices": [], "run_as": []},
        "kibana": [
            {"base": [], "feature": {"securitySolutionCasesV3": ["minimal_all", "cases_delete"],
                                     "actions": ["read"]}, "spaces": ["default"]},
            {"base": ["read"], "feature": {}, "spaces": ["space1"]}
        ]
    });
    let (st, out) = w
        .call(
            "elastic",
            "PUT",
            "/api/security/role/sec_worker",
            Some(&body),
        )
        .await;
    assert_eq!((st, out), (204, Value::Null));
    let role = w.get_ok("elastic", "/api/security/role/sec_worker").await;
    assert_eq!(role["name"], "sec_worker");
    assert_eq!(role["description"], body["description"]);
    assert_eq!(role["metadata"], body["metadata"]);
    assert_eq!(role["elasticsearch"], body["elasticsearch"]);
    assert_eq!(role["kibana"], body["kibana"]);
    let list = w.get_ok("elastic", "/api/security/role").await;
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| s(&r["name"]))
        .collect();
    for n in [
        "superuser",
        "cases_admin",
        "cases_lead",
        "cases_analyst",
        "viewer",
        "sec_worker",
    ] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    let superuser = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "superuser")
        .unwrap();
    assert_eq!(superuser["metadata"]["_reserved"], true);

    // A user with it gets exactly that, in those spaces.
    let (st, _) = w
        .call(
            "elastic",
            "POST",
            "/internal/security/users/worker",
            Some(&json!({"password": PW, "roles": ["sec_worker"]})),
        )
        .await;
    assert_eq!(st, 200);
    let case = common::case_body("securitySolution");
    let (st, created) = as_user(&w, "worker", PW, "POST", "/api/cases", Some(&case)).await;
    assert_eq!(st, 200, "{created}");
    let (st, e) = as_user(&w, "worker", PW, "POST", "/s/space1/api/cases", Some(&case)).await;
    assert_error(
        st,
        &e,
        403,
        r#"Unauthorized to create case with owners: "securitySolution""#,
    );
    let (st, _) = as_user(&w, "worker", PW, "GET", "/s/space1/api/cases/_find", None).await;
    assert_eq!(st, 200);

    // Changing the role changes what its users may do at once.
    let (st, _) = w
        .call("elastic", "PUT", "/api/security/role/sec_worker",
              Some(&json!({"kibana": [{"feature": {"securitySolutionCasesV3": ["read"]}, "spaces": ["default"]}]})))
        .await;
    assert_eq!(st, 204);
    let (st, e) = as_user(&w, "worker", PW, "POST", "/api/cases", Some(&case)).await;
    assert_error(
        st,
        &e,
        403,
        r#"Unauthorized to create case with owners: "securitySolution""#,
    );
    let (st, _) = as_user(
        &w,
        "worker",
        PW,
        "GET",
        &format!("/api/cases/{}", s(&created["id"])),
        None,
    )
    .await;
    assert_eq!(st, 200);

    // Deleting it leaves its users with nothing.
    let (st, out) = w
        .call("elastic", "DELETE", "/api/security/role/sec_worker", None)
        .await;
    assert_eq!((st, out), (204, Value::Null));
    let (st, e) = as_user(&w, "worker", PW, "GET", "/api/cases/_find", None).await;
    assert_error(st, &e, 403, "Unauthorized to access space [default]");
    let (st, e) = w
        .call("elastic", "GET", "/api/security/role/sec_worker", None)
        .await;
    assert_error(st, &e, 404, "Not Found");
    let (st, e) = w
        .call("elastic", "DELETE", "/api/security/role/sec_worker", None)
        .await;
    assert_error(st, &e, 404, "Not Found");
}

#[tokio::test]
async fn reserved_roles_cannot_be_changed_or_deleted() {
    let w = World::new().await;
    let before = w.get_ok("elastic", "/api/security/role").await;
    for name in [
        "superuser",
        "cases_admin",
        "cases_lead",
        "cases_analyst",
        "viewer",
    ] {
        let (st, e) = w
            .call(
                "elastic",
                "PUT",
                &format!("/api/security/role/{name}"),
                Some(&json!({"kibana": [{"base": ["read"], "spaces": ["*"]}]})),
            )
            .await;
        assert_error(
            st,
            &e,
            400,
            &format!("Role [{name}] is reserved and cannot be modified"),
        );
        let (st, e) = w
            .call(
                "elastic",
                "DELETE",
                &format!("/api/security/role/{name}"),
                None,
            )
            .await;
        assert_error(
            st,
            &e,
            400,
            &format!("Role [{name}] is reserved and cannot be deleted"),
        );
    }
    assert_eq!(w.get_ok("elastic", "/api/security/role").await, before);
    let viewer = w.get_ok("elastic", "/api/security/role/viewer").await;
    assert_eq!(
        viewer["kibana"],
        json!([{"base": ["read"], "feature": {}, "spaces": ["*"]}])
    );
}

#[tokio::test]
async fn invalid_roles_are_400() {
    let w = World::new().await;
    for (body, part) in [
        (
            json!({"kibana": [{"feature": {"nope": ["all"]}, "spaces": ["*"]}]}),
            "unknown feature",
        ),
        (
            json!({"kibana": [{"feature": {"generalCasesV3": ["everything"]}, "spaces": ["*"]}]}),
            "unknown privilege",
        ),
        (
            json!({"kibana": [{"feature": {"actions": ["cases_delete"]}, "spaces": ["*"]}]}),
            "unknown privilege",
        ),
        (
            json!({"kibana": [{"base": ["write"], "spaces": ["*"]}]}),
            "unknown privilege",
        ),
        (
            json!({"kibana": [{"base": ["all"], "feature": {"generalCasesV3": ["all"]}, "spaces": ["*"]}]}),
            "cannot be combined",
        ),
        (
            json!({"kibana": [{"base": ["all"], "spaces": []}]}),
            "space",
        ),
        (
            json!({"kibana": [{"base": ["all"], "spaces": ["*"], "extra": 1}]}),
            "unknown field",
        ),
        (json!({"kibana": [], "surprise": true}), "unknown field"),
    ] {
        let (st, e) = w
            .call("elastic", "PUT", "/api/security/role/bad", Some(&body))
            .await;
        assert_error_contains(st, &e, 400, part);
    }
    let (st, e) = w
        .call(
            "elastic",
            "PUT",
            "/api/security/role/has%20space",
            Some(&json!({"kibana": []})),
        )
        .await;
    assert_eq!(st, 400, "{e}");
    let (st, _) = w
        .call("elastic", "GET", "/api/security/role/bad", None)
        .await;
    assert_eq!(st, 404);
    // Older feature ids are accepted.
    let (st, e) = w
        .call("elastic", "PUT", "/api/security/role/legacy",
              Some(&json!({"kibana": [{"feature": {"generalCasesV2": ["all"], "securitySolutionCases": ["read"]}, "spaces": ["*"]}]})))
        .await;
    assert_eq!(st, 204, "{e}");
}

#[tokio::test]
async fn users_are_created_updated_disabled_and_never_show_a_password() {
    let w = World::new().await;
    let (st, ann) = w
        .call("elastic", "POST", "/internal/security/users/ann",
              Some(&json!({"password": "ann-password", "roles": ["sec_read_role"], "full_name": "Ann Analyst",
                           "email": "ann@example.com", "metadata": {"team": "soc"}})))
        .await;
    assert_eq!(st, 200, "{ann}");
    assert_eq!(ann["username"], "ann");
    assert_eq!(ann["full_name"], "Ann Analyst");
    assert_eq!(ann["email"], "ann@example.com");
    assert_eq!(ann["roles"], json!(["sec_read_role"]));
    assert_eq!(ann["enabled"], true);
    assert!(s(&ann["profile_uid"]).len() > 4);
    assert_eq!(
        w.get_ok("elastic", "/internal/security/users/ann").await,
        ann
    );
    let list = w.get_ok("elastic", "/internal/security/users").await;
    assert!(list.as_array().unwrap().contains(&ann));
    assert!(!list.to_string().contains("password") && !list.to_string().contains("argon2"));

    let case = common::case_body("securitySolution");
    let (st, _) = as_user(&w, "ann", "ann-password", "POST", "/api/cases", Some(&case)).await;
    assert_eq!(st, 403);
    // New roles apply at once; leaving the password out keeps it.
    let (st, upd) = w
        .call(
            "elastic",
            "POST",
            "/internal/security/users/ann",
            Some(&json!({"roles": ["sec_all_role"]})),
        )
        .await;
    assert_eq!(st, 200, "{upd}");
    assert_eq!(upd["full_name"], "Ann Analyst");
    assert_eq!(upd["profile_uid"], ann["profile_uid"]);
    let (st, created) = as_user(&w, "ann", "ann-password", "POST", "/api/cases", Some(&case)).await;
    assert_eq!(st, 200, "{created}");
    assert_eq!(created["created_by"]["profile_uid"], ann["profile_uid"]);

    // Disabling (enabled: false, or DELETE) locks the account out but keeps the profile.
    let (st, _) = w
        .call(
            "elastic",
            "POST",
            "/internal/security/users/ann",
            Some(&json!({"roles": ["sec_all_role"], "enabled": false})),
        )
        .await;
    assert_eq!(st, 200);
    let (st, e) = as_user(&w, "ann", "ann-password", "GET", "/api/cases/_find", None).await;
    assert_error(st, &e, 401, "Unauthorized");
    let (st, _) = w
        .call(
            "elastic",
            "POST",
            "/internal/security/users/ann",
            Some(&json!({"roles": ["sec_all_role"], "enabled": true})),
        )
        .await;
    assert_eq!(st, 200);
    let (st, _) = as_user(&w, "ann", "ann-password", "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 200);
    let (st, out) = w
        .call("elastic", "DELETE", "/internal/security/users/ann", None)
        .await;
    assert_eq!((st, out), (204, Value::Null));
    let gone = w.get_ok("elastic", "/internal/security/users/ann").await;
    assert_eq!(
        (&gone["enabled"], &gone["roles"]),
        (&json!(false), &json!([]))
    );
    let (st, _) = as_user(&w, "ann", "ann-password", "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 401);
    // Cases keep their reporter.
    let case = w
        .get_ok("elastic", &format!("/api/cases/{}", s(&created["id"])))
        .await;
    assert_eq!(case["created_by"]["username"], "ann");

    let (st, e) = w
        .call(
            "elastic",
            "DELETE",
            "/internal/security/users/elastic",
            None,
        )
        .await;
    assert_error(st, &e, 400, "You cannot delete yourself");
    for path in ["/internal/security/users/nobody-here"] {
        let (st, e) = w.call("elastic", "GET", path, None).await;
        assert_error(st, &e, 404, "Not Found");
        let (st, e) = w.call("elastic", "DELETE", path, None).await;
        assert_error(st, &e, 404, "Not Found");
    }
}

#[tokio::test]
async fn invalid_users_are_400() {
    let w = World::new().await;
    for (name, body, part) in [
        ("bob", json!({"roles": []}), "[password]"),
        (
            "bob",
            json!({"password": "short", "roles": []}),
            "at least 6",
        ),
        (
            "bob",
            json!({"password": "long-enough", "roles": ["no_such_role"]}),
            "Unknown role [no_such_role]",
        ),
        ("bob", json!({"password": "long-enough"}), "roles"),
        (
            "bob",
            json!({"password": "long-enough", "roles": [], "admin": true}),
            "unknown field",
        ),
        (
            "a%3Ab",
            json!({"password": "long-enough", "roles": []}),
            "[username]",
        ),
        (
            "a%20b",
            json!({"password": "long-enough", "roles": []}),
            "[username]",
        ),
    ] {
        let (st, e) = w
            .call(
                "elastic",
                "POST",
                &format!("/internal/security/users/{name}"),
                Some(&body),
            )
            .await;
        assert_error_contains(st, &e, 400, part);
    }
    let (st, _) = w
        .call("elastic", "GET", "/internal/security/users/bob", None)
        .await;
    assert_eq!(st, 404);
}

#[tokio::test]
async fn passwords_change_with_the_current_one_or_by_a_superuser() {
    let w = World::new().await;
    let path = "/internal/security/users/sec_all/password";
    // One's own: the current password is required and checked.
    let (st, e) = w
        .call(
            "sec_all",
            "POST",
            path,
            Some(&json!({"newPassword": "next-password"})),
        )
        .await;
    assert_error(st, &e, 403, "The current password is incorrect");
    let (st, e) = w
        .call(
            "sec_all",
            "POST",
            path,
            Some(&json!({"password": "not-it", "newPassword": "next-password"})),
        )
        .await;
    assert_error(st, &e, 403, "The current password is incorrect");
    let (st, e) = w
        .call(
            "sec_all",
            "POST",
            path,
            Some(&json!({"password": PW, "newPassword": "short"})),
        )
        .await;
    assert_error(st, &e, 400, "Password must be at least 6 characters long");
    let (st, _) = w
        .call(
            "sec_all",
            "POST",
            path,
            Some(&json!({"password": PW, "newPassword": "next-password"})),
        )
        .await;
    assert_eq!(st, 204);
    let (st, _) = as_user(&w, "sec_all", PW, "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 401, "the old password no longer works");
    let (st, _) = as_user(
        &w,
        "sec_all",
        "next-password",
        "GET",
        "/api/cases/_find",
        None,
    )
    .await;
    assert_eq!(st, 200);

    // Someone else's: superusers only, without the current one.
    let (st, e) = as_user(
        &w,
        "sec_all",
        "next-password",
        "POST",
        "/internal/security/users/sec_read/password",
        Some(&json!({"password": PW, "newPassword": "hijacked"})),
    )
    .await;
    assert_error(st, &e, 403, SUPERUSER);
    let (st, _) = as_user(&w, "sec_read", "hijacked", "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 401);
    let (st, _) = w
        .call(
            "elastic",
            "POST",
            "/internal/security/users/sec_read/password",
            Some(&json!({"newPassword": "reset-by-admin"})),
        )
        .await;
    assert_eq!(st, 204);
    let (st, _) = as_user(
        &w,
        "sec_read",
        "reset-by-admin",
        "GET",
        "/api/cases/_find",
        None,
    )
    .await;
    assert_eq!(st, 200);
    let (st, e) = w
        .call(
            "elastic",
            "POST",
            "/internal/security/users/ghost/password",
            Some(&json!({"newPassword": "whatever-pw"})),
        )
        .await;
    assert_error(st, &e, 404, "Not Found");
}
