//! `GET /api/cases/_find` sorting (every `sortField`, both orders), paging and its limits, the
//! status counts (every filter but `status` and `search`), and the tags, reporters and
//! categories lists.

mod common;

use common::*;
use serde_json::{Value, json};
use std::time::Duration;

/// Creates `cases` cases with these titles and extra fields, a few ms apart so their
/// timestamps differ.
async fn cases(app: &TestApp, specs: &[(&str, Value)]) -> Vec<Value> {
    let mut out = Vec::new();
    for (title, extra) in specs {
        let body = merge(case_body("cases"), json!({"title": title}));
        out.push(app.create_case_with(merge(body, extra.clone())).await);
        tokio::time::sleep(Duration::from_millis(3)).await;
    }
    out
}

#[tokio::test]
async fn sorts_by_creation_title_category_and_severity() {
    let app = TestApp::new().await;
    let specs = [
        (
            "b-title",
            json!({"category": "cat-c", "severity": "critical"}),
        ),
        ("c-title", json!({"category": "cat-a", "severity": "low"})),
        (
            "a-title",
            json!({"category": "cat-b", "severity": "medium"}),
        ),
        ("d-title", json!({"category": "cat-d", "severity": "high"})),
    ];
    cases(&app, &specs).await;

    let default = app.find("").await;
    let created_asc = app.find("sortField=createdAt&sortOrder=asc").await;
    let title_asc = app.find("sortField=title&sortOrder=asc").await;
    let title_desc = app.find("sortField=title&sortOrder=desc").await;
    let category_asc = app.find("sortField=category&sortOrder=asc").await;
    let severity_asc = app.find("sortField=severity&sortOrder=asc").await;
    let severity_desc = app.find("sortField=severity&sortOrder=desc").await;

    assert_eq!(
        titles(&default),
        ["d-title", "a-title", "c-title", "b-title"]
    );
    assert_eq!(
        titles(&created_asc),
        ["b-title", "c-title", "a-title", "d-title"]
    );
    assert_eq!(
        titles(&title_asc),
        ["a-title", "b-title", "c-title", "d-title"]
    );
    assert_eq!(
        titles(&title_desc),
        ["d-title", "c-title", "b-title", "a-title"]
    );
    assert_eq!(
        titles(&category_asc),
        ["c-title", "a-title", "b-title", "d-title"]
    );
    // Severity sorts by rank (low < medium < high < critical), not alphabetically.
    assert_eq!(
        titles(&severity_asc),
        ["c-title", "a-title", "d-title", "b-title"]
    );
    assert_eq!(
        titles(&severity_desc),
        ["b-title", "d-title", "a-title", "c-title"]
    );
}

#[tokio::test]
async fn sorts_by_update_close_time_and_status() {
    let app = TestApp::new().await;
    let made = cases(
        &app,
        &[("one", json!({})), ("two", json!({})), ("three", json!({}))],
    )
    .await;
    let three = app.update_case(&made[2], json!({"status": "closed"})).await;
    tokio::time::sleep(Duration::from_millis(3)).await;
    let one = app.update_case(&made[0], json!({"status": "closed"})).await;
    tokio::time::sleep(Duration::from_millis(3)).await;
    app.update_case(&made[1], json!({"status": "in-progress"}))
        .await;
    tokio::time::sleep(Duration::from_millis(3)).await;
    app.update_case(&three, json!({"tags": ["late"]})).await;
    let _ = one;

    let updated_desc = app.find("sortField=updatedAt&sortOrder=desc").await;
    let updated_asc = app.find("sortField=updatedAt&sortOrder=asc").await;
    let closed_asc = app
        .find("status=closed&sortField=closedAt&sortOrder=asc")
        .await;
    let closed_desc = app.find("sortField=closedAt&sortOrder=desc").await;
    let status_asc = app.find("sortField=status&sortOrder=asc").await;
    let status_desc = app.find("sortField=status&sortOrder=desc").await;

    assert_eq!(titles(&updated_desc), ["three", "two", "one"]);
    assert_eq!(titles(&updated_asc), ["one", "two", "three"]);
    assert_eq!(titles(&closed_asc), ["three", "one"]);
    assert_eq!(titles(&closed_desc)[..2], ["one", "three"]);
    // open < in-progress < closed
    assert_eq!(titles(&status_asc)[0], "two");
    assert_eq!(titles(&status_desc)[2], "two");
}

#[tokio::test]
async fn pages_split_the_results() {
    let app = TestApp::new().await;
    let specs: Vec<(String, Value)> = (1..=5).map(|i| (format!("c{i}"), json!({}))).collect();
    let specs: Vec<(&str, Value)> = specs.iter().map(|(t, v)| (t.as_str(), v.clone())).collect();
    cases(&app, &specs).await;

    let p1 = app.find("sortOrder=asc&perPage=2&page=1").await;
    let p2 = app.find("sortOrder=asc&perPage=2&page=2").await;
    let p3 = app.find("sortOrder=asc&perPage=2&page=3").await;
    let p4 = app.find("sortOrder=asc&perPage=2&page=4").await;
    let default = app.find("").await;

    assert_eq!(titles(&p1), ["c1", "c2"]);
    assert_eq!(titles(&p2), ["c3", "c4"]);
    assert_eq!(titles(&p3), ["c5"]);
    assert_eq!(titles(&p4), Vec::<String>::new());
    assert_eq!(
        (&p2["page"], &p2["per_page"], &p2["total"]),
        (&json!(2), &json!(2), &json!(5))
    );
    assert_eq!(
        (&default["page"], &default["per_page"]),
        (&json!(1), &json!(20))
    );
}

#[tokio::test]
async fn per_page_and_the_10000_document_window_are_limited() {
    let app = TestApp::new().await;

    let (ok100, body100) = app.get("/api/cases/_find?perPage=100").await;
    let (bad101, err101) = app.get("/api/cases/_find?perPage=101").await;
    let (ok_window, _) = app.get("/api/cases/_find?perPage=100&page=100").await;
    let (ok_window2, _) = app.get("/api/cases/_find?perPage=10&page=1000").await;
    let (bad_window, err_window) = app.get("/api/cases/_find?perPage=100&page=101").await;
    let (bad_window2, _) = app.get("/api/cases/_find?perPage=1&page=10001").await;

    assert_eq!((ok100, &body100["per_page"]), (200, &json!(100)));
    assert_error(
        bad101,
        &err101,
        400,
        "The provided perPage value is too high. The maximum allowed perPage value is 100.",
    );
    assert_eq!((ok_window, ok_window2), (200, 200));
    assert_error(
        bad_window,
        &err_window,
        400,
        "The number of documents is too high. Paginating through more than 10000 documents is not possible.",
    );
    assert_eq!(bad_window2, 400);
}

#[tokio::test]
async fn status_counts_ignore_status_and_search_but_honour_other_filters() {
    let app = TestApp::new().await;
    let made = cases(
        &app,
        &[
            ("alpha", json!({"tags": ["x"]})),
            ("beta", json!({"tags": ["x"], "severity": "high"})),
            ("gamma", json!({"tags": ["x"]})),
            ("delta", json!({"tags": ["y"]})),
        ],
    )
    .await;
    app.update_case(&made[1], json!({"status": "closed"})).await;
    app.update_case(&made[2], json!({"status": "in-progress"}))
        .await;
    let counts = |b: &Value| {
        [
            b["count_open_cases"].clone(),
            b["count_in_progress_cases"].clone(),
            b["count_closed_cases"].clone(),
        ]
    };

    let closed = app.find("status=closed").await;
    let searched = app.find("search=alpha").await;
    let searched_closed = app.find("search=alpha&status=closed").await;
    let tag_x_open = app.find("tags=x&status=open").await;
    let low = app.find("severity=low").await;
    let tag_y = app.find("tags=y").await;

    assert_eq!(
        (titles(&closed), &closed["total"]),
        (vec!["beta".to_string()], &json!(1))
    );
    assert_eq!(counts(&closed), [json!(2), json!(1), json!(1)]);
    assert_eq!(searched["total"], 1);
    assert_eq!(counts(&searched), [json!(2), json!(1), json!(1)]);
    assert_eq!(searched_closed["total"], 0);
    assert_eq!(counts(&searched_closed), [json!(2), json!(1), json!(1)]);
    assert_eq!(titles(&tag_x_open), ["alpha"]);
    assert_eq!(counts(&tag_x_open), [json!(1), json!(1), json!(1)]);
    assert_eq!(counts(&low), [json!(2), json!(1), json!(0)]);
    assert_eq!(counts(&tag_y), [json!(1), json!(0), json!(0)]);
}

#[tokio::test]
async fn tags_are_unique_and_sorted_and_reporters_unique() {
    let app = TestApp::new().await;
    cases(
        &app,
        &[
            (
                "a",
                json!({"tags": ["zeta", "alpha"], "category": "Malware"}),
            ),
            (
                "b",
                json!({"tags": ["alpha", "mid"], "category": "Malware"}),
            ),
            ("c", json!({"tags": [], "category": "Insider"})),
        ],
    )
    .await;
    app.create_case_with(merge(
        case_body("observability"),
        json!({"tags": ["obs-only"], "category": "Latency"}),
    ))
    .await;

    let (s1, tags) = app.get("/api/cases/tags").await;
    let (s2, cases_tags) = app.get("/api/cases/tags?owner=cases").await;
    let (s3, reporters) = app.get("/api/cases/reporters").await;
    let (s4, categories) = app.get("/internal/cases/categories?owner=cases").await;
    let (s5, err) = app.get("/api/cases/tags?foo=1").await;

    assert_eq!(s1, 200);
    assert_eq!(tags, json!(["alpha", "mid", "obs-only", "zeta"]));
    assert_eq!((s2, cases_tags), (200, json!(["alpha", "mid", "zeta"])));
    assert_eq!(s3, 200);
    assert_eq!(reporters.as_array().unwrap().len(), 1, "{reporters}");
    assert_eq!(reporters[0]["username"], "elastic");
    assert_eq!((s4, categories), (200, json!(["Insider", "Malware"])));
    assert_error_contains(s5, &err, 400, "foo");
}

#[tokio::test]
#[ignore = "store bug: SQLite sorts NULL first in ascending order, Elasticsearch sorts missing \
            values last in both orders (closedAt, updatedAt, category)"]
async fn cases_without_the_sort_value_come_last_in_both_orders() {
    let app = TestApp::new().await;
    let made = cases(
        &app,
        &[("open", json!({})), ("closed", json!({"category": "c"}))],
    )
    .await;
    app.update_case(&made[1], json!({"status": "closed"})).await;

    let closed_asc = app.find("sortField=closedAt&sortOrder=asc").await;
    let updated_asc = app.find("sortField=updatedAt&sortOrder=asc").await;
    let category_asc = app.find("sortField=category&sortOrder=asc").await;

    assert_eq!(titles(&closed_asc), ["closed", "open"]);
    assert_eq!(titles(&updated_asc), ["closed", "open"]);
    assert_eq!(titles(&category_asc), ["closed", "open"]);
}
