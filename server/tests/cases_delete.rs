//! `DELETE /api/cases?ids=`: repeated `ids` or a JSON array, 1..100 ids, 204 with an empty
//! body; the cases go with their comments and user actions; an unknown id deletes nothing.

mod common;

use common::*;
use serde_json::{Value, json};

/// A case with a comment and an alert attached.
async fn busy_case(app: &TestApp, title: &str) -> Value {
    let c = app
        .create_case_with(merge(
            case_body("securitySolution"),
            json!({"title": title, "tags": [title]}),
        ))
        .await;
    app.comment(&c, "a note").await;
    let (status, body) = app.attach_alerts(&c, &[&format!("alert-{title}")]).await;
    assert_eq!(status, 200, "{body}");
    c
}

#[tokio::test]
async fn deletes_with_repeated_ids_and_removes_everything_attached() {
    let app = TestApp::new().await;
    let a = busy_case(&app, "a").await;
    let b = busy_case(&app, "b").await;
    let keep = busy_case(&app, "keep").await;
    let with_comments = app.comment(&a, "one more").await;
    let comment_id = s(&with_comments["comments"][0]["id"]).to_string();

    let (status, body) = app
        .delete(&format!(
            "/api/cases?ids={}&ids={}",
            s(&a["id"]),
            s(&b["id"])
        ))
        .await;

    assert_eq!((status, body), (204, Value::Null));
    for c in [&a, &b] {
        let id = s(&c["id"]);
        let (s1, e1) = app.get(&format!("/api/cases/{id}")).await;
        assert_error(
            s1,
            &e1,
            404,
            &format!("Saved object [cases/{id}] not found"),
        );
        let (s2, _) = app.get(&format!("/api/cases/{id}/comments/_find")).await;
        let (s3, _) = app
            .get(&format!("/api/cases/{id}/user_actions/_find"))
            .await;
        let (s4, _) = app.get(&format!("/api/cases/{id}/alerts")).await;
        assert_eq!((s2, s3, s4), (404, 404, 404));
    }
    let (s5, _) = app
        .get(&format!("/api/cases/{}/comments/{comment_id}", s(&a["id"])))
        .await;
    assert_eq!(s5, 404);
    let (_, by_alert) = app.get("/api/cases/alerts/alert-a").await;
    assert_eq!(by_alert, json!([]));
    let found = app.find("").await;
    assert_eq!(titles(&found), ["keep"]);
    let (_, tags) = app.get("/api/cases/tags").await;
    assert_eq!(tags, json!(["keep"]));
    assert_eq!(app.case(&keep["id"]).await["totalComment"], 1);
    assert_eq!(app.user_actions(&keep["id"]).await.len(), 3);
}

#[tokio::test]
async fn deletes_with_a_json_array_of_ids() {
    let app = TestApp::new().await;
    let a = app.create_case("cases").await;
    let b = app.create_case("cases").await;
    let ids = serde_json::to_string(&json!([a["id"], b["id"]])).unwrap();

    let (status, body) = app.delete(&format!("/api/cases?ids={}", enc(&ids))).await;

    assert_eq!((status, body), (204, Value::Null));
    assert_eq!(app.find("").await["total"], 0);
}

#[tokio::test]
async fn a_repeated_id_deletes_the_case_once() {
    let app = TestApp::new().await;
    let a = app.create_case("cases").await;
    let id = s(&a["id"]);

    let (status, body) = app.delete(&format!("/api/cases?ids={id}&ids={id}")).await;

    assert_eq!((status, body), (204, Value::Null));
    assert_eq!(app.find("").await["total"], 0);
}

#[tokio::test]
async fn needs_1_to_100_ids() {
    let app = TestApp::new().await;
    let many: String = (0..101).map(|i| format!("ids=c{i}&")).collect();

    let (none, e0) = app.delete("/api/cases").await;
    let (over, e101) = app.delete(&format!("/api/cases?{many}")).await;
    let (other, e_other) = app.delete("/api/cases?id=x").await;

    assert_error(
        none,
        &e0,
        400,
        "The length of the field ids is too short. Array must be of length >= 1.",
    );
    assert_error(
        over,
        &e101,
        400,
        "The length of the field ids is too long. Array must be of length <= 100.",
    );
    assert_error_contains(other, &e_other, 400, "\"id\"");
}

#[tokio::test]
async fn an_unknown_id_is_404_and_deletes_nothing() {
    let app = TestApp::new().await;
    let a = busy_case(&app, "a").await;

    let (status, err) = app
        .delete(&format!("/api/cases?ids={}&ids=ghost", s(&a["id"])))
        .await;

    assert_error(status, &err, 404, "Saved object [cases/ghost] not found");
    let still = app.case(&a["id"]).await;
    assert_eq!(still["totalComment"], 1);
    assert_eq!(still["totalAlerts"], 1);
    assert_eq!(app.user_actions(&a["id"]).await.len(), 3);
}

#[tokio::test]
async fn delete_needs_kbn_xsrf() {
    let app = TestApp::new().await;
    let a = app.create_case("cases").await;
    let req = axum::http::Request::builder()
        .method("DELETE")
        .uri(format!("/api/cases?ids={}", s(&a["id"])))
        .header("authorization", basic("elastic", PASSWORD))
        .body(axum::body::Body::empty())
        .unwrap();

    let (status, err) = app.send(req).await;

    assert_error(status, &err, 400, "Request must contain a kbn-xsrf header.");
    assert_eq!(app.case(&a["id"]).await["id"], a["id"]);
}
