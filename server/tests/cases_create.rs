//! `POST /api/cases` and `GET /api/cases/{id}`: the Kibana case shape, trimming, defaults,
//! per-space incremental ids, every field limit, strict bodies, and the request guards
//! (`kbn-xsrf`, Basic auth, the 1 MiB body limit) with Kibana's error body.

mod common;

use axum::body::Body;
use axum::http::{Request, header};
use common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn create_returns_the_kibana_case_shape() {
    let app = TestApp::new().await;
    let body = merge(
        case_body("securitySolution"),
        json!({"title": "  Padded title  ", "tags": ["  spaced  ", "b"], "category": " Malware "}),
    );

    let (status, case) = app.post("/api/cases", &body).await;

    assert_eq!(status, 200, "{case}");
    assert_eq!(case["title"], "Padded title");
    assert_eq!(case["tags"], json!(["spaced", "b"]));
    assert_eq!(case["category"], "Malware");
    assert_eq!(case["status"], "open");
    assert_eq!(case["severity"], "low");
    assert_eq!(case["owner"], "securitySolution");
    assert_eq!(case["incremental_id"], 1);
    assert_eq!(case["totalComment"], 0);
    assert_eq!(case["totalAlerts"], 0);
    assert_eq!(case["settings"], json!({"syncAlerts": true}));
    assert_eq!(
        case["connector"],
        json!({"id": "none", "name": "none", "type": ".none", "fields": null})
    );
    assert_eq!(case["created_by"]["username"], "elastic");
    assert_eq!(case["created_by"]["full_name"], "Elastic Admin");
    assert!(
        case["created_at"].as_str().unwrap().ends_with('Z'),
        "{case}"
    );
    assert!(case["id"].as_str().unwrap().len() == 36, "{case}");
    assert!(case["version"].is_string());
    for key in [
        "updated_at",
        "updated_by",
        "closed_at",
        "closed_by",
        "duration",
        "external_service",
    ] {
        assert!(case[key].is_null(), "{key} should be null in {case}");
    }
    assert_eq!(case["assignees"], json!([]));
    assert_eq!(case["customFields"], json!([]));
    // Kibana's mixed casing, exactly: snake_case dates next to camelCase totals.
    let keys = case.as_object().unwrap();
    for absent in [
        "createdAt",
        "total_comment",
        "total_alerts",
        "custom_fields",
    ] {
        assert!(!keys.contains_key(absent), "{absent} in {case}");
    }
}

#[tokio::test]
async fn get_returns_the_created_case_and_404_for_unknown_ids() {
    let app = TestApp::new().await;
    let created = app.create_case("cases").await;

    let (status, got) = app.get(&format!("/api/cases/{}", s(&created["id"]))).await;
    let (missing_status, missing) = app.get("/api/cases/no-such-case").await;

    assert_eq!(status, 200, "{got}");
    for key in ["id", "version", "title", "created_at", "incremental_id"] {
        assert_eq!(got[key], created[key], "{key}");
    }
    assert_error(
        missing_status,
        &missing,
        404,
        "Saved object [cases/no-such-case] not found",
    );
}

#[tokio::test]
async fn incremental_ids_count_1_2_3() {
    let app = TestApp::new().await;

    let mut ids = Vec::new();
    for owner in ["cases", "securitySolution", "observability"] {
        ids.push(app.create_case(owner).await["incremental_id"].clone());
    }

    assert_eq!(ids, vec![json!(1), json!(2), json!(3)]);
}

/// Posts the default body with `overrides`.
async fn create(app: &TestApp, overrides: Value) -> (u16, Value) {
    app.post("/api/cases", &merge(case_body("cases"), overrides))
        .await
}

#[tokio::test]
async fn title_is_limited_to_160_characters() {
    let app = TestApp::new().await;

    let (ok, case) = create(&app, json!({"title": "t".repeat(160)})).await;
    let (too_long, err) = create(&app, json!({"title": "t".repeat(161)})).await;

    assert_eq!(ok, 200, "{case}");
    assert_eq!(case["title"].as_str().unwrap().len(), 160);
    assert_error(
        too_long,
        &err,
        400,
        "The length of the title is too long. The maximum length is 160.",
    );
}

#[tokio::test]
async fn empty_or_blank_title_and_description_are_rejected() {
    let app = TestApp::new().await;

    for title in ["", "   "] {
        let (status, err) = create(&app, json!({"title": title})).await;
        assert_error(
            status,
            &err,
            400,
            "The title field cannot be an empty string.",
        );
    }
    let (status, err) = create(&app, json!({"description": " \n "})).await;

    assert_error(
        status,
        &err,
        400,
        "The description field cannot be an empty string.",
    );
}

#[tokio::test]
async fn description_is_limited_to_30000_characters() {
    let app = TestApp::new().await;

    let (ok, case) = create(&app, json!({"description": "d".repeat(30_000)})).await;
    let (too_long, err) = create(&app, json!({"description": "d".repeat(30_001)})).await;

    assert_eq!(ok, 200, "{}", case["message"]);
    assert_eq!(case["description"].as_str().unwrap().len(), 30_000);
    assert_error(
        too_long,
        &err,
        400,
        "The length of the description is too long. The maximum length is 30000.",
    );
}

#[tokio::test]
async fn tags_are_limited_in_number_and_length() {
    let app = TestApp::new().await;
    let many = |n: usize| (0..n).map(|i| format!("tag-{i}")).collect::<Vec<_>>();

    let (ok200, case) = create(&app, json!({"tags": many(200)})).await;
    let (bad201, err201) = create(&app, json!({"tags": many(201)})).await;
    let (ok256, _) = create(&app, json!({"tags": ["x".repeat(256)]})).await;
    let (bad257, err257) = create(&app, json!({"tags": ["x".repeat(257)]})).await;
    let (blank, err_blank) = create(&app, json!({"tags": ["ok", "  "]})).await;
    let (empty_ok, none) = create(&app, json!({"tags": []})).await;

    assert_eq!(ok200, 200);
    assert_eq!(case["tags"].as_array().unwrap().len(), 200);
    assert_error(
        bad201,
        &err201,
        400,
        "The length of the field tags is too long. Array must be of length <= 200.",
    );
    assert_eq!(ok256, 200);
    assert_error(
        bad257,
        &err257,
        400,
        "The length of the tag is too long. The maximum length is 256.",
    );
    assert_error(
        blank,
        &err_blank,
        400,
        "The tag field cannot be an empty string.",
    );
    assert_eq!((empty_ok, &none["tags"]), (200, &json!([])));
}

#[tokio::test]
async fn category_is_limited_to_50_characters() {
    let app = TestApp::new().await;

    let (ok, case) = create(&app, json!({"category": "c".repeat(50)})).await;
    let (too_long, err) = create(&app, json!({"category": "c".repeat(51)})).await;
    let (blank, err_blank) = create(&app, json!({"category": "  "})).await;

    assert_eq!(ok, 200);
    assert_eq!(case["category"].as_str().unwrap().len(), 50);
    assert_error(
        too_long,
        &err,
        400,
        "The length of the category is too long. The maximum length is 50.",
    );
    assert_error(
        blank,
        &err_blank,
        400,
        "The category field cannot be an empty string.",
    );
}

#[tokio::test]
async fn assignees_are_capped_at_10_and_deduplicated() {
    let app = TestApp::new().await;
    let uids = |n: usize| {
        (0..n)
            .map(|i| json!({"uid": format!("u{i}")}))
            .collect::<Vec<_>>()
    };
    let mut dup = uids(2);
    dup.push(json!({"uid": "u0"}));

    let (ok, ten) = create(&app, json!({"assignees": uids(10)})).await;
    let (bad, err) = create(&app, json!({"assignees": uids(11)})).await;
    let (dedup, two) = create(&app, json!({"assignees": dup})).await;

    assert_eq!(ok, 200);
    assert_eq!(ten["assignees"].as_array().unwrap().len(), 10);
    assert_error(
        bad,
        &err,
        400,
        "The length of the field assignees is too long. Array must be of length <= 10.",
    );
    assert_eq!(dedup, 200);
    assert_eq!(two["assignees"], json!([{"uid": "u0"}, {"uid": "u1"}]));
}

#[tokio::test]
async fn strict_bodies_reject_status_unknown_keys_and_bad_json() {
    let app = TestApp::new().await;
    let bad_json = request("POST", "/api/cases")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"title\": "))
        .unwrap();

    let (with_status, e1) = create(&app, json!({"status": "closed"})).await;
    let (unknown, e2) = create(&app, json!({"foo": "bar"})).await;
    let (missing, e3) = create(&app, json!({"title": null})).await;
    let (bad_owner, e4) = create(&app, json!({"owner": "nobody"})).await;
    let (malformed, e5) = app.send(bad_json).await;

    assert_error_contains(with_status, &e1, 400, "status");
    assert_error_contains(unknown, &e2, 400, "foo");
    assert_error_contains(missing, &e3, 400, "title");
    assert_error_contains(bad_owner, &e4, 400, "nobody");
    assert_error_contains(malformed, &e5, 400, "[request body]");
    let (_, found) = app.get("/api/cases/_find").await;
    assert_eq!(found["total"], 0, "nothing was created");
}

#[tokio::test]
async fn mutations_need_the_kbn_xsrf_header() {
    let app = TestApp::new().await;
    let req = Request::builder()
        .method("POST")
        .uri("/api/cases")
        .header(header::AUTHORIZATION, basic("elastic", PASSWORD))
        .header(header::CONTENT_TYPE, "application/json")
        .body(json_body(&case_body("cases")))
        .unwrap();

    let (status, err) = app.send(req).await;

    assert_error(status, &err, 400, "Request must contain a kbn-xsrf header.");
}

#[tokio::test]
async fn requests_without_valid_credentials_are_401() {
    let app = TestApp::new().await;
    let anonymous = Request::builder()
        .uri("/api/cases/_find")
        .body(Body::empty())
        .unwrap();
    let wrong = Request::builder()
        .method("POST")
        .uri("/api/cases")
        .header(header::AUTHORIZATION, basic("elastic", "wrong"))
        .header("kbn-xsrf", "1")
        .header(header::CONTENT_TYPE, "application/json")
        .body(json_body(&case_body("cases")))
        .unwrap();
    let unknown_user = Request::builder()
        .uri("/api/cases/_find")
        .header(header::AUTHORIZATION, basic("mallory", PASSWORD))
        .body(Body::empty())
        .unwrap();

    let (s1, e1) = app.send(anonymous).await;
    let (s2, e2) = app.send(wrong).await;
    let (s3, e3) = app.send(unknown_user).await;

    assert_error(s1, &e1, 401, "Unauthorized");
    assert_error(s2, &e2, 401, "Unauthorized");
    assert_error(s3, &e3, 401, "Unauthorized");
}

#[tokio::test]
async fn bodies_over_1_mib_are_413() {
    let app = TestApp::new().await;
    let huge = merge(
        case_body("cases"),
        json!({"description": "x".repeat(1_100_000)}),
    );

    let (status, err) = app.post("/api/cases", &huge).await;

    assert_error_contains(status, &err, 413, "1048576");
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_json_404s() {
    let app = TestApp::new().await;

    let (s1, e1) = app.get("/api/nope").await;
    let (s2, e2) = app.get("/internal/cases/nope/deeper/still").await;
    let (s3, e3) = app.call("PUT", "/api/cases", Some(&json!({}))).await;

    assert_error(s1, &e1, 404, "Not Found");
    assert_error(s2, &e2, 404, "Not Found");
    assert_eq!(s3, 404, "{e3}");
    assert_eq!(e3["statusCode"], 404);
}
