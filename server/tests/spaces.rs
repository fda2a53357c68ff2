//! Spaces: the spaces API (create, get, list, delete; the default space is reserved), the
//! `/s/{space}` prefix (unknown spaces are 404), and data isolation between spaces: cases,
//! tags, `_find`, metrics and incremental ids are all per space.

mod common;

use common::*;
use serde_json::{Value, json};

async fn make_space(app: &TestApp, id: &str) -> Value {
    let (status, space) = app
        .post(
            "/api/spaces/space",
            &json!({"id": id, "name": format!("Space {id}")}),
        )
        .await;
    assert_eq!(status, 200, "{space}");
    space
}

#[tokio::test]
async fn spaces_can_be_created_read_listed_and_deleted() {
    let app = TestApp::new().await;

    let created = make_space(&app, "sec").await;
    let (get_status, got) = app.get("/api/spaces/space/sec").await;
    let (_, list) = app.get("/api/spaces/space").await;
    let (dup, e_dup) = app
        .post("/api/spaces/space", &json!({"id": "sec", "name": "Again"}))
        .await;
    let (bad, e_bad) = app
        .post("/api/spaces/space", &json!({"id": "Bad Id", "name": "x"}))
        .await;
    let (del_status, del_body) = app.delete("/api/spaces/space/sec").await;
    let (gone, e_gone) = app.get("/api/spaces/space/sec").await;

    assert_eq!(created["id"], "sec");
    assert_eq!(created["name"], "Space sec");
    assert_eq!((get_status, &got), (200, &created));
    let ids = pluck(&list, "id");
    assert!(
        ids.contains(&&json!("default")) && ids.contains(&&json!("sec")),
        "{list}"
    );
    assert_error(
        dup,
        &e_dup,
        409,
        "A space with the identifier sec already exists.",
    );
    assert_error_contains(bad, &e_bad, 400, "lower case");
    assert_eq!((del_status, del_body), (204, Value::Null));
    assert_error(gone, &e_gone, 404, "Not Found");
}

#[tokio::test]
async fn the_default_space_cannot_be_deleted() {
    let app = TestApp::new().await;

    let (status, err) = app.delete("/api/spaces/space/default").await;
    let (missing, e2) = app.delete("/api/spaces/space/nope").await;

    assert_error(
        status,
        &err,
        400,
        "The default space cannot be deleted because it is reserved.",
    );
    assert_error(missing, &e2, 404, "Not Found");
    let (ok, _) = app.get("/api/spaces/space/default").await;
    assert_eq!(ok, 200);
}

#[tokio::test]
async fn unknown_spaces_are_404() {
    let app = TestApp::new().await;

    let (s1, e1) = app.get("/s/nope/api/cases/_find").await;
    let (s2, e2) = app.post("/s/nope/api/cases", &case_body("cases")).await;

    assert_error(s1, &e1, 404, "Space [nope] not found");
    assert_error(s2, &e2, 404, "Space [nope] not found");
}

#[tokio::test]
async fn a_case_in_one_space_is_invisible_from_another() {
    let app = TestApp::new().await;
    make_space(&app, "a").await;
    make_space(&app, "b").await;
    let body = merge(case_body("cases"), json!({"tags": ["only-in-a"]}));
    let case = app.create_case_in("a", body).await;
    let id = s(&case["id"]);

    let (in_a, got) = app.get(&format!("/s/a/api/cases/{id}")).await;
    let (in_b, e_b) = app.get(&format!("/s/b/api/cases/{id}")).await;
    let (in_default, _) = app.get(&format!("/api/cases/{id}")).await;
    let (_, find_a) = app.get("/s/a/api/cases/_find").await;
    let (_, find_b) = app.get("/s/b/api/cases/_find").await;
    let (_, tags_a) = app.get("/s/a/api/cases/tags").await;
    let (_, tags_b) = app.get("/s/b/api/cases/tags").await;
    let (_, metrics_b) = app.get("/s/b/internal/cases/metrics?features=status").await;
    let (_, metrics_a) = app.get("/s/a/internal/cases/metrics?features=status").await;

    assert_eq!((in_a, &got["id"]), (200, &case["id"]));
    assert_error(
        in_b,
        &e_b,
        404,
        &format!("Saved object [cases/{id}] not found"),
    );
    assert_eq!(in_default, 404);
    assert_eq!((&find_a["total"], &find_b["total"]), (&json!(1), &json!(0)));
    assert_eq!((tags_a, tags_b), (json!(["only-in-a"]), json!([])));
    assert_eq!(
        metrics_a["status"],
        json!({"open": 1, "inProgress": 0, "closed": 0})
    );
    assert_eq!(
        metrics_b["status"],
        json!({"open": 0, "inProgress": 0, "closed": 0})
    );
}

#[tokio::test]
async fn writes_from_another_space_cannot_reach_a_case() {
    let app = TestApp::new().await;
    make_space(&app, "a").await;
    make_space(&app, "b").await;
    let case = app.create_case_in("a", case_body("cases")).await;
    let id = s(&case["id"]);
    let patch = json!({"cases": [{"id": id, "version": case["version"], "title": "hijack"}]});
    let comment = json!({"type": "user", "comment": "hi", "owner": "cases"});

    let (s1, _) = app.patch("/s/b/api/cases", &patch).await;
    let (s2, _) = app
        .post(&format!("/s/b/api/cases/{id}/comments"), &comment)
        .await;
    let (s3, _) = app.delete(&format!("/s/b/api/cases?ids={id}")).await;
    let (s4, ok) = app
        .post(&format!("/s/a/api/cases/{id}/comments"), &comment)
        .await;

    assert_eq!((s1, s2, s3), (404, 404, 404));
    assert_eq!(s4, 200, "{ok}");
    let (_, still) = app.get(&format!("/s/a/api/cases/{id}")).await;
    assert_eq!(still["title"], case["title"]);
    assert_eq!(still["totalComment"], 1);
}

#[tokio::test]
async fn incremental_ids_count_per_space() {
    let app = TestApp::new().await;
    make_space(&app, "a").await;

    let d1 = app.create_case("cases").await;
    let a1 = app.create_case_in("a", case_body("cases")).await;
    let a2 = app.create_case_in("a", case_body("observability")).await;
    let d2 = app.create_case("securitySolution").await;

    let ids: Vec<&Value> = [&d1, &a1, &a2, &d2]
        .iter()
        .map(|c| &c["incremental_id"])
        .collect();
    assert_eq!(ids, [&json!(1), &json!(1), &json!(2), &json!(2)]);
}

#[tokio::test]
async fn deleting_a_space_deletes_its_cases() {
    let app = TestApp::new().await;
    make_space(&app, "tmp").await;
    let case = app.create_case_in("tmp", case_body("cases")).await;
    let (status, _) = app.delete("/api/spaces/space/tmp").await;
    assert_eq!(status, 204);

    let (after_delete, err) = app.get("/s/tmp/api/cases/_find").await;
    make_space(&app, "tmp").await;
    let (_, found) = app.get("/s/tmp/api/cases/_find").await;
    let (get_status, _) = app
        .get(&format!("/s/tmp/api/cases/{}", s(&case["id"])))
        .await;

    assert_error(after_delete, &err, 404, "Space [tmp] not found");
    assert_eq!(found["total"], 0);
    assert_eq!(get_status, 404);
}
