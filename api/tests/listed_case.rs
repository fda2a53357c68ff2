//! `ListedCase` reads every case the API returns, whatever its connector and attachments hold,
//! and keeps the same fields a full `Case` read gives.

use casebook_api::{Case, ListedCase, Status};
use serde_json::json;

/// A case pushed to Jira, with a user comment and an alert attached.
fn pushed_case() -> serde_json::Value {
    json!({
        "id": "c1", "version": "WzEsMV0=", "owner": "securitySolution", "title": "Ransomware",
        "description": "note found", "tags": ["ransomware"], "severity": "high",
        "status": "in-progress", "assignees": [{"uid": "u1"}], "category": "Malware",
        "customFields": [], "settings": {"syncAlerts": true},
        "connector": {"id": "jira-1", "name": "Jira", "type": ".jira",
                      "fields": {"issueType": "10001", "priority": "High", "parent": null}},
        "external_service": {"connector_id": "jira-1", "connector_name": "Jira",
            "external_id": "10042", "external_title": "SEC-42",
            "external_url": "https://jira.example.com/browse/SEC-42",
            "pushed_at": "2024-01-02T00:00:00Z",
            "pushed_by": {"username": "e", "full_name": null, "email": null}},
        "created_at": "2024-01-01T00:00:00Z",
        "created_by": {"username": "e", "full_name": null, "email": null},
        "updated_at": null, "updated_by": null, "closed_at": null, "closed_by": null,
        "duration": null, "totalComment": 1, "totalAlerts": 1, "incremental_id": 42,
        "comments": [
            {"id": "a1", "version": "WzIsMV0=", "type": "user", "comment": "looking",
             "owner": "securitySolution", "created_at": "2024-01-01T00:01:00Z",
             "created_by": {"username": "e", "full_name": null, "email": null},
             "pushed_at": null, "pushed_by": null, "updated_at": null, "updated_by": null},
            {"id": "a2", "version": "WzMsMV0=", "type": "alert", "alertId": "al-1",
             "index": ".alerts-security", "rule": {"id": "r1", "name": "Rule"},
             "owner": "securitySolution", "created_at": "2024-01-01T00:02:00Z",
             "created_by": {"username": "e", "full_name": null, "email": null},
             "pushed_at": null, "pushed_by": null, "updated_at": null, "updated_by": null}
        ]
    })
}

#[test]
fn a_listed_case_reads_what_the_table_shows_of_a_full_case() {
    let full: Case = serde_json::from_value(pushed_case()).expect("a full case");
    let listed: ListedCase = serde_json::from_value(pushed_case()).expect("a listed case");
    assert_eq!(full.comments.as_ref().map(Vec::len), Some(2));
    assert_eq!(listed.id, full.id);
    assert_eq!(listed.version, full.version);
    assert_eq!(listed.status, Status::InProgress);
    assert_eq!(listed.tags, full.tags);
    assert_eq!(listed.assignees, full.assignees);
    assert_eq!(listed.category, full.category);
    assert_eq!(listed.external_service, full.external_service);
    assert_eq!(listed.incremental_id, Some(42));
    assert_eq!((listed.total_comment, listed.total_alerts), (1, 1));
}

#[test]
fn a_listed_case_still_needs_the_fields_the_table_reads() {
    let mut v = pushed_case();
    v.as_object_mut().unwrap().remove("version");
    assert!(serde_json::from_value::<ListedCase>(v).is_err());
}
