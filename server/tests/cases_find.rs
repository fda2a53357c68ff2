//! `GET /api/cases/_find` filters: status, severity, tags, assignees (with `none`), reporters,
//! owner, category, free-text search (fields, operator, prefixes, case ids, `#incremental id`),
//! created-at ranges with date math, and strict parameters.

mod common;

use common::*;
use serde_json::{Value, json};

/// Creates a `cases` case titled `title` with `extra` fields.
async fn case(app: &TestApp, title: &str, extra: Value) -> Value {
    let body = merge(case_body("cases"), json!({"title": title}));
    app.create_case_with(merge(body, extra)).await
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[tokio::test]
async fn status_filters_accept_one_value_or_many() {
    let app = TestApp::new().await;
    case(&app, "open one", json!({})).await;
    let c = case(&app, "closed one", json!({})).await;
    app.update_case(&c, json!({"status": "closed"})).await;
    let p = case(&app, "busy one", json!({})).await;
    app.update_case(&p, json!({"status": "in-progress"})).await;

    let closed = app.find("status=closed").await;
    let two = app.find("status=open&status=in-progress").await;
    let json_array = app
        .find(&format!("status={}", enc(r#"["closed","open"]"#)))
        .await;
    let (bad, err) = app.get("/api/cases/_find?status=done").await;

    assert_eq!(titles(&closed), vec!["closed one"]);
    assert_eq!(closed["total"], 1);
    assert_eq!(sorted(titles(&two)), vec!["busy one", "open one"]);
    assert_eq!(sorted(titles(&json_array)), vec!["closed one", "open one"]);
    assert_error_contains(bad, &err, 400, "done");
}

#[tokio::test]
async fn severity_tags_category_and_owner_filter() {
    let app = TestApp::new().await;
    case(
        &app,
        "a",
        json!({"severity": "high", "tags": ["x", "y"], "category": "Malware"}),
    )
    .await;
    case(&app, "b", json!({"severity": "critical", "tags": ["y"]})).await;
    case(&app, "c", json!({"tags": [], "category": "Phishing"})).await;
    app.create_case_with(merge(case_body("observability"), json!({"title": "o"})))
        .await;

    let high = app.find("severity=high").await;
    let severe = app.find("severity=high&severity=critical").await;
    let tag_y = app.find("tags=y").await;
    let tag_x_or_missing = app.find("tags=x&tags=zzz").await;
    let malware = app.find("category=Malware").await;
    let cats = app.find("category=Malware&category=Phishing").await;
    let obs = app.find("owner=observability").await;
    let both = app.find("owner=observability&owner=cases").await;

    assert_eq!(titles(&high), vec!["a"]);
    assert_eq!(sorted(titles(&severe)), vec!["a", "b"]);
    assert_eq!(sorted(titles(&tag_y)), vec!["a", "b"]);
    assert_eq!(titles(&tag_x_or_missing), vec!["a"]);
    assert_eq!(titles(&malware), vec!["a"]);
    assert_eq!(sorted(titles(&cats)), vec!["a", "c"]);
    assert_eq!(titles(&obs), vec!["o"]);
    assert_eq!(both["total"], 4);
    assert_eq!(obs["cases"][0]["comments"], json!([]));
}

#[tokio::test]
async fn assignees_filter_with_none_for_unassigned() {
    let app = TestApp::new().await;
    case(&app, "one", json!({"assignees": [{"uid": "u1"}]})).await;
    case(
        &app,
        "two",
        json!({"assignees": [{"uid": "u2"}, {"uid": "u1"}]}),
    )
    .await;
    case(&app, "nobody", json!({})).await;

    let u1 = app.find("assignees=u1").await;
    let u2 = app.find("assignees=u2").await;
    let none = app.find("assignees=none").await;
    let u2_or_none = app.find("assignees=u2&assignees=none").await;

    assert_eq!(sorted(titles(&u1)), vec!["one", "two"]);
    assert_eq!(titles(&u2), vec!["two"]);
    assert_eq!(titles(&none), vec!["nobody"]);
    assert_eq!(sorted(titles(&u2_or_none)), vec!["nobody", "two"]);
}

#[tokio::test]
async fn reporters_filter_by_creator_username() {
    let app = TestApp::new().await;
    app.add_user("alice", "Alice Analyst").await;
    case(&app, "by elastic", json!({})).await;
    let body = merge(case_body("cases"), json!({"title": "by alice"}));
    let (status, created) = app
        .call_as("alice", USER_PASSWORD, "POST", "/api/cases", Some(&body))
        .await;
    assert_eq!(status, 200, "{created}");

    let alice = app.find("reporters=alice").await;
    let elastic = app.find("reporters=elastic").await;
    let both = app.find("reporters=alice&reporters=elastic").await;

    assert_eq!(titles(&alice), vec!["by alice"]);
    assert_eq!(
        alice["cases"][0]["created_by"]["full_name"],
        "Alice Analyst"
    );
    assert_eq!(titles(&elastic), vec!["by elastic"]);
    assert_eq!(both["total"], 2);
}

#[tokio::test]
async fn search_covers_fields_operators_and_prefixes() {
    let app = TestApp::new().await;
    case(
        &app,
        "Malware on host",
        json!({"description": "lateral movement seen"}),
    )
    .await;
    case(
        &app,
        "Phishing campaign",
        json!({"description": "malware attachment"}),
    )
    .await;
    case(&app, "Quiet case", json!({"description": "nothing here"})).await;

    let malware = app.find("search=malware").await;
    let title_only = app.find("search=malware&searchFields=title").await;
    let desc_only = app.find("search=lateral&searchFields=description").await;
    let title_for_desc_word = app.find("search=lateral&searchFields=title").await;
    let both_fields = app
        .find("search=lateral&searchFields=title&searchFields=description")
        .await;
    let prefix = app.find("search=phish*").await;
    let no_prefix = app.find("search=phish").await;
    let or = app.find(&format!("search={}", enc("quiet phishing"))).await;
    let and = app
        .find(&format!(
            "search={}&defaultSearchOperator=AND",
            enc("malware campaign")
        ))
        .await;

    assert_eq!(
        sorted(titles(&malware)),
        vec!["Malware on host", "Phishing campaign"]
    );
    assert_eq!(titles(&title_only), vec!["Malware on host"]);
    assert_eq!(titles(&desc_only), vec!["Malware on host"]);
    assert_eq!(title_for_desc_word["total"], 0);
    assert_eq!(titles(&both_fields), vec!["Malware on host"]);
    assert_eq!(titles(&prefix), vec!["Phishing campaign"]);
    assert_eq!(no_prefix["total"], 0);
    assert_eq!(sorted(titles(&or)), vec!["Phishing campaign", "Quiet case"]);
    assert_eq!(titles(&and), vec!["Phishing campaign"]);
}

#[tokio::test]
async fn search_follows_edits_and_deletes() {
    let app = TestApp::new().await;
    let renamed = case(&app, "Beacon to rare domain", json!({})).await;
    let deleted = case(&app, "Gamma ray burst", json!({})).await;
    case(&app, "Beacon on host", json!({"description": "gamma"})).await;

    app.update_case(&renamed, json!({"title": "Delta exfiltration"}))
        .await;
    let (status, _) = app
        .delete(&format!(
            "/api/cases?ids={}",
            enc(&format!("[\"{}\"]", s(&deleted["id"])))
        ))
        .await;
    assert_eq!(status, 204);

    assert_eq!(
        titles(&app.find("search=beacon").await),
        vec!["Beacon on host"]
    );
    assert_eq!(
        titles(&app.find("search=delta").await),
        vec!["Delta exfiltration"]
    );
    assert_eq!(
        titles(&app.find("search=gamma").await),
        vec!["Beacon on host"]
    );
    let oldest_first = app.find("search=beacon%20delta&sortOrder=asc").await;
    assert_eq!(
        titles(&oldest_first),
        vec!["Delta exfiltration", "Beacon on host"]
    );
}

/// The same search asked before and after each write: a search's count and page bounds are
/// kept between commits (`store::sqlite::memo`), and every write must drop them.
#[tokio::test]
async fn a_repeated_search_sees_every_write_in_between() {
    let app = TestApp::new().await;
    let first = case(&app, "Beacon one", json!({})).await;
    let newest = |r: Value| (r["total"].clone(), titles(&r));
    let ask = || app.find("search=beacon&perPage=1");

    assert_eq!(newest(ask().await), (json!(1), vec!["Beacon one".into()]));
    let second = case(&app, "Beacon two", json!({})).await;
    assert_eq!(newest(ask().await), (json!(2), vec!["Beacon two".into()]));
    // A comment leaves the full-text index as it was; a status change does not.
    let open = || app.find("search=beacon&status=open");
    assert_eq!(open().await["total"], 2);
    app.comment(&first, "beacon seen again").await;
    assert_eq!(open().await["total"], 2);
    let second = app.case(&second["id"]).await;
    app.update_case(&second, json!({"status": "closed"})).await;
    assert_eq!(newest(open().await), (json!(1), vec!["Beacon one".into()]));
    let first = app.case(&first["id"]).await;
    app.update_case(&first, json!({"title": "Quiet one"})).await;
    assert_eq!(newest(ask().await), (json!(1), vec!["Beacon two".into()]));
    assert_eq!(app.find("search=quiet").await["total"], 1);
    let (status, _) = app
        .delete(&format!(
            "/api/cases?ids={}",
            enc(&format!("[\"{}\"]", s(&first["id"])))
        ))
        .await;
    assert_eq!(status, 204);
    assert_eq!(app.find("search=quiet").await["total"], 0);
}

/// One tag and a status sorted by updatedAt reads the tag rows' copy of `updated_at`: each
/// edit must move the case up the list.
#[tokio::test]
async fn a_tag_list_sorted_by_update_follows_edits() {
    let app = TestApp::new().await;
    let first = case(&app, "first", json!({"tags": ["t"]})).await;
    let second = case(&app, "second", json!({"tags": ["t"]})).await;
    case(&app, "untagged", json!({})).await;
    let list = || app.find("tags=t&status=open&sortField=updatedAt&sortOrder=desc");

    app.update_case(&first, json!({"title": "first, edited"}))
        .await;
    assert_eq!(titles(&list().await), vec!["first, edited", "second"]);
    app.update_case(&second, json!({"description": "more"}))
        .await;
    assert_eq!(titles(&list().await), vec!["second", "first, edited"]);
}

#[tokio::test]
async fn search_finds_a_case_by_id_and_by_incremental_id() {
    let app = TestApp::new().await;
    case(&app, "first", json!({})).await;
    let second = case(&app, "second", json!({})).await;
    case(&app, "third", json!({})).await;

    let by_id = app.find(&format!("search={}", s(&second["id"]))).await;
    let by_number = app.find(&format!("search={}", enc("#3"))).await;

    assert_eq!(titles(&by_id), vec!["second"]);
    assert_eq!(titles(&by_number), vec!["third"]);
    assert_eq!(by_number["cases"][0]["incremental_id"], 3);
}

#[tokio::test]
async fn from_and_to_filter_creation_time_with_date_math() {
    let app = TestApp::new().await;
    case(&app, "today", json!({})).await;
    let plus = |q: &str| q.replace('+', "%2B");

    let since_yesterday = app.find("from=now-1d").await;
    let since_tomorrow = app.find(&plus("from=now+1d")).await;
    let until_yesterday = app.find("to=now-1d").await;
    let until_tomorrow = app.find(&plus("from=now-1h&to=now+1d/d")).await;
    let since_2000 = app.find("from=2000-01-01").await;
    let until_2000 = app.find("to=2000-01-01T00:00:00Z").await;
    let (bad, err) = app.get("/api/cases/_find?from=yesterday").await;

    assert_eq!(since_yesterday["total"], 1);
    assert_eq!(since_tomorrow["total"], 0);
    assert_eq!(until_yesterday["total"], 0);
    assert_eq!(until_tomorrow["total"], 1);
    assert_eq!(since_2000["total"], 1);
    assert_eq!(until_2000["total"], 0);
    assert_error(
        bad,
        &err,
        400,
        "Invalid value \"yesterday\" supplied to \"from\"",
    );
}

#[tokio::test]
async fn unknown_parameters_and_bad_values_are_400() {
    let app = TestApp::new().await;

    let (s1, e1) = app.get("/api/cases/_find?foo=bar").await;
    let (s2, e2) = app.get("/api/cases/_find?sortField=nope").await;
    let (s3, e3) = app.get("/api/cases/_find?sortOrder=up").await;
    let (s4, e4) = app.get("/api/cases/_find?searchFields=tags").await;
    let (s5, e5) = app.get("/api/cases/_find?owner=nobody").await;
    let (s6, e6) = app.get("/api/cases/_find?page=0").await;
    let too_many_tags: String = (0..101).map(|i| format!("tags=t{i}&")).collect();
    let (s7, e7) = app.get(&format!("/api/cases/_find?{too_many_tags}")).await;

    assert_error(s1, &e1, 400, "[request query]: invalid keys \"foo\"");
    assert_error_contains(s2, &e2, 400, "sortField");
    assert_error_contains(s3, &e3, 400, "sortOrder");
    assert_error_contains(s4, &e4, 400, "searchFields");
    assert_error_contains(s5, &e5, 400, "owner");
    assert_error_contains(s6, &e6, 400, "page");
    assert_error(
        s7,
        &e7,
        400,
        "The length of the field tags is too long. Array must be of length <= 100.",
    );
}

#[tokio::test]
async fn search_counts_and_pages_only_the_space_and_owners_in_scope() {
    let app = TestApp::new().await;
    let (status, _) = app
        .post(
            "/api/spaces/space",
            &json!({"id": "blue-team", "name": "Blue"}),
        )
        .await;
    assert_eq!(status, 200);
    let in_space = |owner: &str, title: &str| merge(case_body(owner), json!({"title": title}));
    app.create_case_with(in_space("cases", "Beacon to C2"))
        .await;
    app.create_case_with(in_space("observability", "Beacon latency"))
        .await;
    let renamed = app
        .create_case_with(in_space("securitySolution", "Unrelated"))
        .await;
    app.create_case_in("blue-team", in_space("cases", "Beacon in blue"))
        .await;

    let titles = |r: &Value| {
        sorted(
            pluck(&r["cases"], "title")
                .iter()
                .map(|t| t.as_str().unwrap_or_default().to_string())
                .collect(),
        )
    };
    let all = app.find("search=beacon").await;
    let one_owner = app.find("search=beacon&owner=observability").await;
    let blue = app
        .get("/s/blue-team/api/cases/_find?search=beacon")
        .await
        .1;
    // A renamed case enters the index with its scope.
    app.update_case(&renamed, json!({"title": "Beacon renamed"}))
        .await;
    let after = app.find("search=beacon&owner=securitySolution").await;

    assert_eq!(all["total"], 2);
    assert_eq!(titles(&all), ["Beacon latency", "Beacon to C2"]);
    assert_eq!(one_owner["total"], 1);
    assert_eq!(titles(&one_owner), ["Beacon latency"]);
    assert_eq!(blue["total"], 1);
    assert_eq!(titles(&blue), ["Beacon in blue"]);
    assert_eq!(after["total"], 1);
    assert_eq!(titles(&after), ["Beacon renamed"]);
}
