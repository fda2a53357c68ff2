//! The `PATCH /api/cases` bodies the list's actions make (see `entries.rs` for the actions).
//!
//! Rules: every patch carries the version the list read (a concurrent change answers 409),
//! cases already in the wanted state are left out (Kibana answers 406 to no-op updates), and
//! tag/assignee edits only touch what the user changed: a tag left "on some cases" stays as is
//! on each case.

use casebook_api::ListedCase;
use casebook_api::case::{Assignee, CasePatch, Severity, Status};
use casebook_api::limits::MAX_ASSIGNEES_PER_CASE;

fn base(c: &ListedCase) -> CasePatch {
    CasePatch {
        id: c.id.clone(),
        version: c.version.clone(),
        ..CasePatch::default()
    }
}

/// Patches setting `status` on the cases not already in it.
pub fn status_patches(cases: &[ListedCase], status: Status) -> Vec<CasePatch> {
    cases
        .iter()
        .filter(|c| c.status != status)
        .map(|c| CasePatch {
            status: Some(status),
            ..base(c)
        })
        .collect()
}

/// Patches setting `severity` on the cases not already at it.
pub fn severity_patches(cases: &[ListedCase], severity: Severity) -> Vec<CasePatch> {
    cases
        .iter()
        .filter(|c| c.severity != severity)
        .map(|c| CasePatch {
            severity: Some(severity),
            ..base(c)
        })
        .collect()
}

/// Whether a value is on all, some or none of the cases (the editors' checkbox states).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// On every case.
    All,
    /// On some of them.
    Some,
    /// On none.
    None,
}

/// The presence of `value` among per-case value lists.
pub fn presence<'a>(lists: impl IntoIterator<Item = &'a [String]>, value: &str) -> Presence {
    let (mut with, mut total) = (0, 0);
    for l in lists {
        total += 1;
        with += usize::from(l.iter().any(|v| v == value));
    }
    match with {
        0 => Presence::None,
        n if n == total => Presence::All,
        _ => Presence::Some,
    }
}

/// `current` with `add` appended (in order, once) and `remove` taken out.
pub fn edited(current: &[String], add: &[String], remove: &[String]) -> Vec<String> {
    let mut out: Vec<String> = current
        .iter()
        .filter(|v| !remove.contains(v))
        .cloned()
        .collect();
    for a in add {
        if !out.contains(a) {
            out.push(a.clone());
        }
    }
    out
}

/// Patches applying a tag edit; unchanged cases are left out.
pub fn tag_patches(cases: &[ListedCase], add: &[String], remove: &[String]) -> Vec<CasePatch> {
    cases
        .iter()
        .filter_map(|c| {
            let next = edited(&c.tags, add, remove);
            (next != c.tags).then(|| CasePatch {
                tags: Some(next),
                ..base(c)
            })
        })
        .collect()
}

/// Patches applying an assignee edit, or the message to show when a case would get more than
/// `MAX_ASSIGNEES_PER_CASE` assignees.
pub fn assignee_patches(
    cases: &[ListedCase],
    add: &[String],
    remove: &[String],
) -> Result<Vec<CasePatch>, String> {
    let mut out = Vec::new();
    for c in cases {
        let current: Vec<String> = c.assignees.iter().map(|a| a.uid.clone()).collect();
        let next = edited(&current, add, remove);
        if next.len() > MAX_ASSIGNEES_PER_CASE {
            return Err(format!(
                "A case can have at most {MAX_ASSIGNEES_PER_CASE} assignees; \"{}\" would have {}.",
                c.title,
                next.len()
            ));
        }
        if next != current {
            let list = next.into_iter().map(|uid| Assignee { uid }).collect();
            out.push(CasePatch {
                assignees: Some(Some(list)),
                ..base(c)
            });
        }
    }
    Ok(out)
}

/// The toast after a successful update: the case's title for one, a count for many.
pub fn updated_message(verb: &str, cases: &[(String, String)]) -> String {
    match cases {
        [(_, title)] => format!("{verb} \"{title}\""),
        many => format!("{verb} {} cases", many.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: &str, tags: &[&str], assignees: &[&str]) -> ListedCase {
        let mut c: ListedCase = serde_json::from_value(serde_json::json!({
            "id": id, "version": format!("v-{id}"), "owner": "cases", "title": format!("T {id}"),
            "description": "", "tags": [], "severity": "low", "status": "open", "assignees": [],
            "settings": {"syncAlerts": false},
            "connector": {"id": "none", "name": "none", "type": ".none", "fields": null},
            "external_service": null, "created_at": "2024-01-01T00:00:00Z",
            "created_by": {"username": "e", "full_name": null, "email": null},
            "updated_at": null, "updated_by": null, "closed_at": null, "closed_by": null,
            "duration": null, "totalComment": 0, "totalAlerts": 0, "comments": []
        }))
        .expect("a case");
        c.tags = tags.iter().map(|s| s.to_string()).collect();
        c.assignees = assignees
            .iter()
            .map(|u| Assignee { uid: u.to_string() })
            .collect();
        c
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn status_and_severity_skip_no_ops_and_carry_versions() {
        let mut b = case("b", &[], &[]);
        b.status = Status::Closed;
        let cases = [case("a", &[], &[]), b];
        let p = status_patches(&cases, Status::Closed);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].id.as_str(), p[0].version.as_str()), ("a", "v-a"));
        assert_eq!(p[0].status, Some(Status::Closed));
        assert!(p[0].tags.is_none());
        assert_eq!(severity_patches(&cases, Severity::Low).len(), 0);
        assert_eq!(severity_patches(&cases, Severity::High).len(), 2);
    }

    #[test]
    fn presence_is_all_some_or_none() {
        let lists = [s(&["a", "b"]), s(&["a"])];
        let refs = || lists.iter().map(Vec::as_slice);
        assert_eq!(presence(refs(), "a"), Presence::All);
        assert_eq!(presence(refs(), "b"), Presence::Some);
        assert_eq!(presence(refs(), "c"), Presence::None);
    }

    #[test]
    fn tag_edits_touch_only_what_changed() {
        let cases = [case("a", &["x", "y"], &[]), case("b", &["y"], &[])];
        // Add z everywhere, remove x; y (on both) untouched.
        let p = tag_patches(&cases, &s(&["z"]), &s(&["x"]));
        assert_eq!(p[0].tags, Some(s(&["y", "z"])));
        assert_eq!(p[1].tags, Some(s(&["y", "z"])));
        // Nothing changes → nothing sent.
        assert!(tag_patches(&cases, &s(&["y"]), &[]).is_empty());
        assert_eq!(
            edited(&s(&["a"]), &s(&["a", "b", "b"]), &[]),
            s(&["a", "b"])
        );
    }

    #[test]
    fn assignee_edits_respect_the_limit() {
        let cases = [case("a", &[], &["u1"]), case("b", &[], &[])];
        let p = assignee_patches(&cases, &s(&["u2"]), &s(&["u1"])).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(
            p[0].assignees,
            Some(Some(vec![Assignee { uid: "u2".into() }]))
        );
        let many: Vec<String> = (0..11).map(|i| format!("u{i}")).collect();
        let e = assignee_patches(&cases, &many, &[]).unwrap_err();
        assert!(e.contains("at most 10"), "{e}");
    }

    #[test]
    fn messages_name_one_case_or_count_many() {
        assert_eq!(
            updated_message("Closed", &[("a".into(), "Phish".into())]),
            "Closed \"Phish\""
        );
        assert_eq!(
            updated_message(
                "Closed",
                &[("a".into(), "x".into()), ("b".into(), "y".into())]
            ),
            "Closed 2 cases"
        );
    }
}
