//! API keys: creation (name, expiration, role descriptors) and use with
//! `Authorization: ApiKey base64(id:key)`; a key never grants more than its creator (nor can a
//! limited key mint a wider one); expired, invalidated, forged and disabled-owner keys are 401;
//! listing shows one's own keys (everyone's only to superusers); secrets are stored hashed.

mod authz_common;
mod common;

use authz_common::{PW, World, call_auth, row_counts};
use base64::Engine;
use common::{assert_error, s};
use serde_json::{Value, json};

fn descriptors(kibana: Value) -> Value {
    json!({"limited": {"kibana": kibana}})
}

/// Creates a key as `who`, asserting success.
async fn key(w: &World, who: &str, body: Value) -> Value {
    let (st, k) = w
        .call(who, "POST", "/internal/security/api_key", Some(&body))
        .await;
    assert_eq!(st, 200, "create key as {who}: {k}");
    k
}

fn auth(k: &Value) -> String {
    format!("ApiKey {}", s(&k["encoded"]))
}

async fn with_key(
    w: &World,
    k: &Value,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    call_auth(&w.app, &auth(k), method, path, body).await
}

#[tokio::test]
async fn a_key_is_created_with_name_expiration_and_descriptors_and_works() {
    let w = World::new().await;
    let before = chrono::Utc::now().timestamp_millis();
    let k = key(
        &w,
        "elastic",
        json!({"name": " ci pipeline ", "expiration": "1d", "metadata": {"team": "soc"},
               "role_descriptors": descriptors(json!([
                   {"feature": {"securitySolutionCasesV3": ["all"]}, "spaces": ["default"]}]))}),
    )
    .await;

    assert_eq!(k["name"], "ci pipeline");
    let raw = base64::engine::general_purpose::STANDARD
        .decode(s(&k["encoded"]))
        .expect("base64");
    assert_eq!(
        String::from_utf8(raw).unwrap(),
        format!("{}:{}", s(&k["id"]), s(&k["api_key"]))
    );
    let exp = k["expiration"].as_i64().expect("expiration");
    let day = 24 * 3600 * 1000;
    assert!(exp >= before + day && exp <= chrono::Utc::now().timestamp_millis() + day);

    // It acts as its creator, within its descriptors.
    let case = common::case_body("securitySolution");
    let (st, created) = with_key(&w, &k, "POST", "/api/cases", Some(&case)).await;
    assert_eq!(st, 200, "{created}");
    assert_eq!(created["created_by"]["username"], "elastic");
    let (st, me) = with_key(&w, &k, "GET", "/internal/security/me", None).await;
    assert_eq!((st, &me["username"]), (200, &json!("elastic")));
    let (st, e) = with_key(
        &w,
        &k,
        "POST",
        "/api/cases",
        Some(&common::case_body("observability")),
    )
    .await;
    assert_error(
        st,
        &e,
        403,
        r#"Unauthorized to create case with owners: "observability""#,
    );
    // Only in the spaces it names; and the superuser's administration is out of reach.
    let (st, e) = with_key(&w, &k, "GET", "/s/space1/api/cases/_find", None).await;
    assert_error(st, &e, 403, "Unauthorized to access space [space1]");
    let (st, e) = with_key(&w, &k, "GET", "/internal/security/users", None).await;
    assert_error(
        st,
        &e,
        403,
        "Forbidden: this action needs the superuser role",
    );
    let (st, caps) = with_key(&w, &k, "GET", "/internal/casebook/capabilities", None).await;
    assert_eq!(st, 200);
    assert_eq!(caps["superuser"], false);
    assert_eq!(caps["cases"]["securitySolution"]["delete_cases"], true);
    assert_eq!(caps["cases"]["observability"]["read_cases"], false);

    // A key without descriptors is its creator.
    let plain = key(&w, "sec_read", json!({"name": "plain"})).await;
    let (st, _) = with_key(&w, &plain, "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 200);
    assert!(plain.get("expiration").is_none() || plain["expiration"].is_null());
}

#[tokio::test]
async fn a_key_never_grants_more_than_its_creator() {
    let w = World::new().await;
    let sec = w
        .case_as("elastic", "", "securitySolution", json!({}))
        .await;
    // A read-only user asks for everything everywhere.
    let k = key(
        &w,
        "sec_read",
        json!({"name": "greedy", "role_descriptors": descriptors(json!([{"base": ["all"], "spaces": ["*"]}]))}),
    )
    .await;
    let (st, _) = with_key(
        &w,
        &k,
        "GET",
        &format!("/api/cases/{}", s(&sec["id"])),
        None,
    )
    .await;
    assert_eq!(st, 200);
    let before = row_counts(&w.app);
    let (st, e) = with_key(
        &w,
        &k,
        "POST",
        "/api/cases",
        Some(&common::case_body("securitySolution")),
    )
    .await;
    assert_error(
        st,
        &e,
        403,
        r#"Unauthorized to create case with owners: "securitySolution""#,
    );
    let (st, e) = with_key(
        &w,
        &k,
        "DELETE",
        &format!("/api/cases?ids={}", s(&sec["id"])),
        None,
    )
    .await;
    assert_error(
        st,
        &e,
        403,
        r#"Unauthorized to delete case with owners: "securitySolution""#,
    );
    let (st, e) = with_key(
        &w,
        &k,
        "POST",
        "/api/actions/connector",
        Some(&json!({"name": "x",
        "connector_type_id": ".jira", "config": {"apiUrl": "http://127.0.0.1:9", "projectKey": "A"},
        "secrets": {"email": "a@b.c", "apiToken": "t"}})),
    )
    .await;
    assert_error(st, &e, 403, "Unauthorized to manage actions");
    let (st, e) = with_key(&w, &k, "GET", "/api/security/role", None).await;
    assert_error(
        st,
        &e,
        403,
        "Forbidden: this action needs the superuser role",
    );
    assert_eq!(row_counts(&w.app), before, "refused key calls changed data");

    // A limited key cannot mint a key that would carry its creator's full privileges.
    let reader = key(
        &w,
        "elastic",
        json!({"name": "reader", "role_descriptors": descriptors(json!([
            {"feature": {"generalCasesV3": ["read"]}, "spaces": ["*"]}]))}),
    )
    .await;
    let before = row_counts(&w.app);
    let (st, e) = with_key(
        &w,
        &reader,
        "POST",
        "/internal/security/api_key",
        Some(&json!({"name": "escape"})),
    )
    .await;
    assert_error(
        st,
        &e,
        403,
        "Forbidden: an API key with role descriptors cannot create API keys",
    );
    assert_eq!(row_counts(&w.app), before);
}

#[tokio::test]
async fn expired_invalidated_forged_and_orphaned_keys_are_401() {
    let w = World::new().await;
    let short = key(&w, "sec_all", json!({"name": "short", "expiration": "1s"})).await;
    let (st, _) = with_key(&w, &short, "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 200);
    tokio::time::sleep(std::time::Duration::from_millis(1300)).await;
    let (st, e) = with_key(&w, &short, "GET", "/api/cases/_find", None).await;
    assert_error(st, &e, 401, "Unauthorized");

    let k = key(&w, "sec_all", json!({"name": "to revoke"})).await;
    // Someone else cannot invalidate it; an admin request needs superuser.
    let (st, r) = w
        .call(
            "obs_all",
            "POST",
            "/internal/security/api_key/invalidate",
            Some(&json!({"apiKeys": [{"id": k["id"], "name": "to revoke"}]})),
        )
        .await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["itemsInvalidated"], json!([]));
    assert_eq!(r["errors"].as_array().map(Vec::len), Some(1));
    let (st, e) = w
        .call(
            "obs_all",
            "POST",
            "/internal/security/api_key/invalidate",
            Some(&json!({"apiKeys": [{"id": k["id"]}], "isAdmin": true})),
        )
        .await;
    assert_error(
        st,
        &e,
        403,
        "Forbidden: this action needs the superuser role",
    );
    let (st, _) = with_key(&w, &k, "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 200, "still valid");
    let (st, r) = w
        .call(
            "sec_all",
            "POST",
            "/internal/security/api_key/invalidate",
            Some(&json!({"apiKeys": [{"id": k["id"], "name": "to revoke"}]})),
        )
        .await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["itemsInvalidated"][0]["id"], k["id"]);
    let (st, e) = with_key(&w, &k, "GET", "/api/cases/_find", None).await;
    assert_error(st, &e, 401, "Unauthorized");

    // Wrong secret, unknown id, garbage.
    let good = key(&w, "sec_all", json!({"name": "good"})).await;
    let b64 = |t: String| base64::engine::general_purpose::STANDARD.encode(t);
    for header in [
        format!("ApiKey {}", b64(format!("{}:wrong", s(&good["id"])))),
        format!("ApiKey {}", b64(format!("nope:{}", s(&good["api_key"])))),
        "ApiKey !!!".to_string(),
        format!("ApiKey {}", b64("no-colon".into())),
    ] {
        let (st, e) = call_auth(&w.app, &header, "GET", "/api/cases/_find", None).await;
        assert_error(st, &e, 401, "Unauthorized");
    }
    let (st, _) = with_key(&w, &good, "GET", "/api/cases/_find", None).await;
    assert_eq!(st, 200);

    // A disabled owner's keys stop working.
    let (st, _) = w
        .call(
            "elastic",
            "DELETE",
            "/internal/security/users/sec_all",
            None,
        )
        .await;
    assert_eq!(st, 204);
    let (st, e) = with_key(&w, &good, "GET", "/api/cases/_find", None).await;
    assert_error(st, &e, 401, "Unauthorized");
}

#[tokio::test]
async fn bad_requests_are_400() {
    let w = World::new().await;
    for (body, part) in [
        (json!({"name": ""}), "[name]"),
        (
            json!({"name": "x", "expiration": "tomorrow"}),
            "[expiration]",
        ),
        (json!({"name": "x", "expiration": "0d"}), "[expiration]"),
        (
            json!({"name": "x", "role_descriptors": descriptors(json!([{"feature": {"nope": ["all"]}, "spaces": ["*"]}]))}),
            "unknown feature",
        ),
        (
            json!({"name": "x", "role_descriptors": descriptors(json!([{"base": ["all"], "spaces": []}]))}),
            "spaces",
        ),
        (json!({"name": "x", "surprise": true}), "unknown field"),
    ] {
        let (st, e) = w
            .call("sec_all", "POST", "/internal/security/api_key", Some(&body))
            .await;
        common::assert_error_contains(st, &e, 400, part);
    }
    let (st, keys) = w
        .call("sec_all", "GET", "/internal/security/api_key", None)
        .await;
    assert_eq!((st, &keys["apiKeys"]), (200, &json!([])));
}

#[tokio::test]
async fn the_list_shows_ones_own_keys_and_never_a_secret() {
    let w = World::new().await;
    let mine = key(&w, "sec_all", json!({"name": "mine", "expiration": "7d"})).await;
    let theirs = key(&w, "obs_all", json!({"name": "theirs"})).await;

    let (st, list) = w
        .call("sec_all", "GET", "/internal/security/api_key", None)
        .await;
    assert_eq!(st, 200);
    let keys = list["apiKeys"].as_array().expect("apiKeys");
    assert_eq!(keys.len(), 1, "{list}");
    let k = &keys[0];
    assert_eq!(k["id"], mine["id"]);
    assert_eq!(k["name"], "mine");
    assert_eq!(k["username"], "sec_all");
    assert_eq!(k["invalidated"], false);
    assert_eq!(k["expiration"], mine["expiration"]);
    assert!(k["creation"].is_i64(), "{k}");
    let text = list.to_string();
    assert!(!text.contains(s(&mine["api_key"])) && !text.contains(s(&mine["encoded"])));

    let (st, e) = w
        .call(
            "sec_all",
            "GET",
            "/internal/security/api_key?isAdmin=true",
            None,
        )
        .await;
    assert_error(
        st,
        &e,
        403,
        "Forbidden: this action needs the superuser role",
    );
    let (_, all) = w
        .call(
            "elastic",
            "GET",
            "/internal/security/api_key?isAdmin=true",
            None,
        )
        .await;
    let ids: Vec<&Value> = all["apiKeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| &k["id"])
        .collect();
    assert!(
        ids.contains(&&mine["id"]) && ids.contains(&&theirs["id"]),
        "{all}"
    );
    assert!(!all.to_string().contains(s(&theirs["api_key"])));
}

#[tokio::test]
async fn secrets_are_stored_hashed() {
    let w = World::new().await;
    let mut secrets = Vec::new();
    for name in ["one", "two", "three"] {
        let k = key(&w, "sec_all", json!({"name": name})).await;
        let (st, _) = with_key(&w, &k, "GET", "/api/cases/_find", None).await;
        assert_eq!(st, 200);
        secrets.push(s(&k["api_key"]).to_string());
        secrets.push(s(&k["encoded"]).to_string());
    }
    // Every file of the database (main file, WAL, shared memory).
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(w.app.dir.path()).expect("dir") {
        let p = entry.expect("entry").path();
        if p.is_file() {
            bytes.extend(std::fs::read(&p).expect("read"));
        }
    }
    assert!(bytes.len() > 4096, "the database files were read");
    for secret in &secrets {
        assert!(
            !bytes
                .windows(secret.len())
                .any(|win| win == secret.as_bytes()),
            "a key secret is stored in plain text"
        );
    }
    // Nor are the personas' passwords.
    assert!(!bytes.windows(PW.len()).any(|win| win == PW.as_bytes()));
}

#[tokio::test]
async fn a_descriptor_named_superuser_is_just_a_name() {
    let w = World::new().await;
    for who in ["elastic", "sec_all"] {
        let k = key(
            &w,
            who,
            json!({"name": "tricky", "role_descriptors": {"superuser": {"kibana": [
                {"feature": {"generalCasesV3": ["read"]}, "spaces": ["*"]}]}}}),
        )
        .await;
        let (st, e) = with_key(
            &w,
            &k,
            "POST",
            "/api/cases",
            Some(&common::case_body("securitySolution")),
        )
        .await;
        assert_eq!(st, 403, "{who}: {e}");
        let (st, _) = with_key(&w, &k, "GET", "/internal/security/users", None).await;
        assert_eq!(st, 403, "{who}");
        let (st, caps) = with_key(&w, &k, "GET", "/internal/casebook/capabilities", None).await;
        assert_eq!(st, 200);
        assert_eq!(caps["superuser"], false, "{who}");
    }
}
