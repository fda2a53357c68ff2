//! Metrics: `/internal/cases/metrics` (status counts and mean time to resolve, filtered by
//! owner and creation window) and `/internal/cases/metrics/{id}` (lifespan, alert count,
//! connectors).

mod common;

use common::*;
use serde_json::{Value, json};
use std::time::Duration;

async fn pause() {
    tokio::time::sleep(Duration::from_millis(60)).await;
}

#[tokio::test]
async fn status_counts_and_mttr() {
    let app = TestApp::new().await;
    let (_, before) = app
        .get("/internal/cases/metrics?features=mttr&features=status")
        .await;
    app.create_case("cases").await;
    let busy = app.create_case("cases").await;
    app.update_case(&busy, json!({"status": "in-progress"}))
        .await;
    let done = app.create_case("securitySolution").await;
    let closed = app.update_case(&done, json!({"status": "closed"})).await;

    let (status, metrics) = app
        .get("/internal/cases/metrics?features=mttr&features=status")
        .await;
    let (_, status_only) = app.get("/internal/cases/metrics?features=status").await;

    assert_eq!(
        before,
        json!({"mttr": null, "status": {"open": 0, "inProgress": 0, "closed": 0}})
    );
    assert_eq!(status, 200, "{metrics}");
    assert_eq!(
        metrics["status"],
        json!({"open": 1, "inProgress": 1, "closed": 1})
    );
    assert_eq!(metrics["mttr"], closed["duration"]);
    assert!(metrics["mttr"].is_i64(), "{metrics}");
    assert_eq!(
        status_only,
        json!({"status": {"open": 1, "inProgress": 1, "closed": 1}})
    );
}

#[tokio::test]
async fn metrics_filter_by_owner_and_creation_window() {
    let app = TestApp::new().await;
    app.create_case("cases").await;
    app.create_case("observability").await;
    let q = |extra: &str| format!("/internal/cases/metrics?features=status{extra}");

    let (_, obs) = app.get(&q("&owner=observability")).await;
    let (_, both) = app.get(&q("&owner=observability&owner=cases")).await;
    let (_, recent) = app.get(&q("&from=now-1d&to=now%2B1d")).await;
    let (_, future) = app.get(&q("&from=now%2B1d")).await;
    let (_, past) = app.get(&q("&to=2000-01-01")).await;

    assert_eq!(obs["status"]["open"], 1);
    assert_eq!(both["status"]["open"], 2);
    assert_eq!(recent["status"]["open"], 2);
    assert_eq!(future["status"]["open"], 0);
    assert_eq!(past["status"]["open"], 0);
}

#[tokio::test]
async fn bad_metrics_requests_are_400() {
    let app = TestApp::new().await;

    let (s1, e1) = app.get("/internal/cases/metrics?features=bogus").await;
    let (s2, e2) = app
        .get("/internal/cases/metrics?features=status&owner=x")
        .await;
    let (s3, e3) = app
        .get("/internal/cases/metrics?features=status&from=soon")
        .await;
    let (s4, e4) = app
        .get("/internal/cases/metrics?features=status&extra=1")
        .await;

    assert_error(s1, &e1, 400, "invalid features: [bogus]");
    assert_error_contains(s2, &e2, 400, "owner");
    assert_error(s3, &e3, 400, "Invalid value \"soon\" supplied to \"from\"");
    assert_error_contains(s4, &e4, 400, "extra");
}

fn case_metrics_path(case: &Value, features: &str) -> String {
    format!("/internal/cases/metrics/{}?{features}", s(&case["id"]))
}

#[tokio::test]
async fn lifespan_tracks_time_per_status_and_reopenings() {
    let app = TestApp::new().await;
    let case = app.create_case("cases").await;
    pause().await;
    let case = app
        .update_case(&case, json!({"status": "in-progress"}))
        .await;
    pause().await;
    let closed = app.update_case(&case, json!({"status": "closed"})).await;
    let (_, while_closed) = app
        .get(&case_metrics_path(&closed, "features=lifespan"))
        .await;
    pause().await;
    let reopened = app.update_case(&closed, json!({"status": "open"})).await;

    let (status, metrics) = app
        .get(&case_metrics_path(&reopened, "features=lifespan"))
        .await;

    assert_eq!(status, 200, "{metrics}");
    let life = &metrics["lifespan"];
    assert_eq!(life["creationDate"], case["created_at"]);
    assert!(life["closeDate"].is_null(), "reopened: {life}");
    assert_eq!(while_closed["lifespan"]["closeDate"], closed["closed_at"]);
    let info = &life["statusInfo"];
    let open_ms = info["openDuration"].as_i64().unwrap();
    let busy_ms = info["inProgressDuration"].as_i64().unwrap();
    assert!((50..5_000).contains(&open_ms), "{info}");
    assert!((50..5_000).contains(&busy_ms), "{info}");
    assert_eq!(info["reopenDates"], json!([reopened["updated_at"]]));
    assert_eq!(
        while_closed["lifespan"]["statusInfo"]["reopenDates"],
        json!([])
    );
}

#[tokio::test]
async fn case_metrics_count_alerts_and_connectors() {
    let app = TestApp::new().await;
    let case = app.create_case("securitySolution").await;
    app.attach_alerts(&case, &["a1", "a2"]).await;
    app.attach_alerts(&case, &["a2", "a3"]).await;

    let (status, metrics) = app
        .get(&case_metrics_path(
            &case,
            "features=alerts.count&features=connectors",
        ))
        .await;
    let (bad, err) = app
        .get(&case_metrics_path(&case, "features=alerts.hosts.bogus"))
        .await;
    let (missing, e404) = app
        .get("/internal/cases/metrics/ghost?features=lifespan")
        .await;

    assert_eq!(status, 200, "{metrics}");
    assert_eq!(
        metrics,
        json!({"alerts": {"count": 3}, "connectors": {"total": 0}})
    );
    assert_error(bad, &err, 400, "invalid features: [alerts.hosts.bogus]");
    assert_error(missing, &e404, 404, "Saved object [cases/ghost] not found");
}
