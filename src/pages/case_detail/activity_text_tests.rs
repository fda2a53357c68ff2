//! Sentences of the activity feed (`activity_text`), one per kind of change.

use super::*;
use casebook_api::{Owner, User};
use serde_json::json;

fn ua(kind: T, action: A, payload: Value) -> UserAction {
    UserAction {
        id: "1".into(),
        version: "v".into(),
        action,
        kind,
        comment_id: Some("c1".into()),
        created_at: chrono::Utc::now(),
        created_by: User::default(),
        owner: Owner::Cases,
        payload,
    }
}

fn text(a: &UserAction, names: &Names) -> String {
    match describe(a, names) {
        RowKind::Sentence(f) => plain(&f),
        other => format!("{other:?}"),
    }
}

#[test]
fn case_fields() {
    let n = Names::default();
    assert_eq!(
        text(&ua(T::Severity, A::Update, json!({"severity":"high"})), &n),
        "changed severity to High"
    );
    assert_eq!(
        text(&ua(T::Tags, A::Add, json!({"tags":["a","b"]})), &n),
        "added tags a and b"
    );
    assert_eq!(
        text(&ua(T::Tags, A::Delete, json!({"tags":["x"]})), &n),
        "removed tag x"
    );
    assert_eq!(
        text(&ua(T::Status, A::Update, json!({"status":"closed"})), &n),
        "closed the case"
    );
    assert_eq!(
        text(
            &ua(T::Status, A::Update, json!({"status":"in-progress"})),
            &n
        ),
        "marked the case as In progress"
    );
    assert_eq!(
        text(&ua(T::Status, A::Update, json!({"status":"open"})), &n),
        "reopened the case"
    );
    assert_eq!(
        text(&ua(T::Title, A::Update, json!({"title":"New"})), &n),
        "changed the title to New"
    );
    assert_eq!(
        text(&ua(T::Description, A::Update, json!({})), &n),
        "edited the description"
    );
    assert_eq!(
        text(&ua(T::Category, A::Update, json!({"category":"Mail"})), &n),
        "changed category to Mail"
    );
    assert_eq!(
        text(&ua(T::Category, A::Delete, json!({"category":null})), &n),
        "removed the category"
    );
    assert_eq!(
        text(
            &ua(
                T::Settings,
                A::Update,
                json!({"settings":{"syncAlerts":false}})
            ),
            &n
        ),
        "turned off alert syncing"
    );
}

#[test]
fn assignees_use_names() {
    let mut n = Names::default();
    n.users.insert("u1".into(), "Jane Doe".into());
    let a = ua(
        T::Assignees,
        A::Add,
        json!({"assignees":[{"uid":"u1"},{"uid":"u2"},{"uid":"u3"}]}),
    );
    assert_eq!(text(&a, &n), "assigned Jane Doe, u2 and u3");
    let d = ua(T::Assignees, A::Delete, json!({"assignees":[{"uid":"u1"}]}));
    assert_eq!(text(&d, &n), "unassigned Jane Doe");
}

#[test]
fn custom_fields_use_labels() {
    let mut n = Names::default();
    n.fields.insert("score".into(), "Risk score".into());
    let a = ua(
        T::CustomFields,
        A::Update,
        json!({"customFields":[{"key":"score","type":"number","value":7}]}),
    );
    assert_eq!(text(&a, &n), "set Risk score to 7");
    let c = ua(
        T::CustomFields,
        A::Update,
        json!({"customFields":[{"key":"score","type":"number","value":null}]}),
    );
    assert_eq!(text(&c, &n), "cleared Risk score");
}

#[test]
fn comments_and_alerts() {
    let n = Names::default();
    let c = ua(
        T::Comment,
        A::Create,
        json!({"comment":{"type":"user","comment":"hi","owner":"cases"}}),
    );
    assert_eq!(describe(&c, &n), RowKind::Comment("c1".into()));
    let e = ua(
        T::Comment,
        A::Update,
        json!({"comment":{"type":"user","comment":"hi","owner":"cases"}}),
    );
    assert_eq!(describe(&e, &n), RowKind::Hidden);
    let d = ua(
        T::Comment,
        A::Delete,
        json!({"comment":{"type":"user","comment":"hi","owner":"cases"}}),
    );
    assert_eq!(text(&d, &n), "removed a comment");
    let al = ua(
        T::Comment,
        A::Create,
        json!({"comment":{"type":"alert","alertId":["a","b"],"index":["i","i"],"rule":{"id":"r","name":"Brute force"},"owner":"cases"}}),
    );
    assert_eq!(text(&al, &n), "added 2 alerts from Brute force");
}

#[test]
fn created_case_quotes_the_title() {
    let a = ua(T::CreateCase, A::Create, json!({"title":"<b>x</b>"}));
    assert_eq!(text(&a, &Names::default()), "created the case <b>x</b>");
}
