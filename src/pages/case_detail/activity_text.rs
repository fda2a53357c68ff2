//! Human sentences for user actions ("changed severity to High", "added tags a, b", "assigned
//! Jane"), as Kibana's activity feed words them. Pure: the names of users and custom fields come
//! in as lookups, so everything here is tested natively.

use casebook_api::case::{CaseCustomField, Settings};
use casebook_api::user_action::{UserAction, UserActionAction as A, UserActionType as T};
use casebook_api::{Severity, Status};
use serde_json::Value;
use std::collections::HashMap;

/// A piece of a sentence: plain words or an emphasised value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frag {
    /// Words.
    Text(String),
    /// A value (a tag, a name, a title) shown in bold.
    Em(String),
}

/// Lookups a sentence may need.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    /// Profile uid → display name.
    pub users: HashMap<String, String>,
    /// Custom field key → label.
    pub fields: HashMap<String, String>,
}

impl Names {
    fn user(&self, uid: &str) -> String {
        self.users
            .get(uid)
            .cloned()
            .unwrap_or_else(|| uid.to_string())
    }
}

/// How a timeline row shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A user comment (rendered with its Markdown; the id names the attachment).
    Comment(String),
    /// A one-line sentence.
    Sentence(Vec<Frag>),
    /// Not shown (comment edits: the comment itself shows the new text).
    Hidden,
}

fn t(s: impl Into<String>) -> Frag {
    Frag::Text(s.into())
}

fn em(s: impl Into<String>) -> Frag {
    Frag::Em(s.into())
}

/// "a", "a and b", "a, b and c" as fragments.
fn list(items: Vec<String>) -> Vec<Frag> {
    let n = items.len();
    let mut out = Vec::new();
    for (i, it) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(t(if i + 1 == n { " and " } else { ", " }));
        }
        out.push(em(it));
    }
    out
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn uids(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.get("uid").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn count(v: &Value) -> usize {
    match v {
        Value::Array(a) => a.len(),
        Value::Null => 0,
        _ => 1,
    }
}

fn comment_row(ua: &UserAction) -> RowKind {
    let c = &ua.payload["comment"];
    let kind = c["type"].as_str().unwrap_or_default();
    let id = ua.comment_id.clone().unwrap_or_default();
    let s = |v: Vec<Frag>| RowKind::Sentence(v);
    match (kind, ua.action) {
        ("user", A::Create) => RowKind::Comment(id),
        ("user", A::Update) => RowKind::Hidden,
        ("user", A::Delete) => s(vec![t("removed a comment")]),
        ("alert", action) => {
            let n = count(&c["alertId"]);
            let what = if n == 1 {
                "an alert".to_string()
            } else {
                format!("{n} alerts")
            };
            let verb = if action == A::Delete {
                "removed"
            } else {
                "added"
            };
            let mut v = vec![t(format!("{verb} {what}"))];
            if let Some(rule) = c["rule"]["name"].as_str() {
                v.push(t(" from "));
                v.push(em(rule));
            }
            s(v)
        }
        ("event", action) => {
            let n = count(&c["eventId"]);
            let verb = if action == A::Delete {
                "removed"
            } else {
                "added"
            };
            s(vec![t(format!(
                "{verb} {n} event{}",
                if n == 1 { "" } else { "s" }
            ))])
        }
        ("actions", _) => {
            let kind = c["actions"]["type"].as_str().unwrap_or("ran");
            let hosts: Vec<String> = c["actions"]["targets"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|h| h["hostname"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let mut v = vec![t(format!("{}d ", kind.trim_end_matches('e')))];
            v.extend(list(hosts));
            s(v)
        }
        (_, A::Delete) => s(vec![t("removed an attachment")]),
        (_, A::Update) => s(vec![t("updated an attachment")]),
        _ => s(vec![t("added an attachment")]),
    }
}

fn status_words(st: Status) -> Vec<Frag> {
    match st {
        Status::Closed => vec![t("closed the case")],
        Status::Open => vec![t("reopened the case")],
        Status::InProgress => vec![t("marked the case as "), em("In progress")],
    }
}

fn custom_field_words(ua: &UserAction, names: &Names) -> Vec<Frag> {
    let Some(f) = ua.payload["customFields"]
        .as_array()
        .and_then(|a| a.first())
        .and_then(|f| serde_json::from_value::<CaseCustomField>(f.clone()).ok())
    else {
        return vec![t("changed a custom field")];
    };
    let label = names
        .fields
        .get(f.key())
        .cloned()
        .unwrap_or_else(|| f.key().to_string());
    let value = match &f {
        CaseCustomField::Text { value, .. } => value.clone(),
        CaseCustomField::Number { value, .. } => value.map(|n| n.to_string()),
        CaseCustomField::Toggle { value, .. } => {
            value.map(|b| if b { "On" } else { "Off" }.to_string())
        }
    };
    match value {
        Some(v) => vec![t("set "), em(label), t(" to "), em(v)],
        None => vec![t("cleared "), em(label)],
    }
}

/// How a user action shows in the timeline.
pub fn describe(ua: &UserAction, names: &Names) -> RowKind {
    let p = &ua.payload;
    let s = RowKind::Sentence;
    match ua.kind {
        T::Comment => comment_row(ua),
        T::CreateCase => s(vec![
            t("created the case "),
            em(p["title"].as_str().unwrap_or_default()),
        ]),
        T::DeleteCase => s(vec![t("deleted the case")]),
        T::Title => s(vec![
            t("changed the title to "),
            em(p["title"].as_str().unwrap_or_default()),
        ]),
        T::Description => s(vec![t("edited the description")]),
        T::Tags => {
            let tags = strings(&p["tags"]);
            let word = if tags.len() == 1 { "tag" } else { "tags" };
            let verb = if ua.action == A::Delete {
                "removed"
            } else {
                "added"
            };
            let mut v = vec![t(format!("{verb} {word} "))];
            v.extend(list(tags));
            s(v)
        }
        T::Status => match serde_json::from_value::<Status>(p["status"].clone()) {
            Ok(st) => s(status_words(st)),
            Err(_) => s(vec![t("changed the status")]),
        },
        T::Severity => {
            let sev = serde_json::from_value::<Severity>(p["severity"].clone())
                .map(|x| x.label())
                .unwrap_or("?");
            s(vec![t("changed severity to "), em(sev)])
        }
        T::Assignees => {
            let people: Vec<String> = uids(&p["assignees"])
                .iter()
                .map(|u| names.user(u))
                .collect();
            let verb = if ua.action == A::Delete {
                "unassigned "
            } else {
                "assigned "
            };
            let mut v = vec![t(verb)];
            v.extend(list(people));
            s(v)
        }
        T::Category => match p["category"].as_str() {
            Some(c) => s(vec![t("changed category to "), em(c)]),
            None => s(vec![t("removed the category")]),
        },
        T::CustomFields => s(custom_field_words(ua, names)),
        T::Connector => {
            let name = p["connector"]["name"].as_str().unwrap_or("none");
            if p["connector"]["id"].as_str() == Some("none") {
                s(vec![t("removed the external connector")])
            } else {
                s(vec![t("changed connector to "), em(name)])
            }
        }
        T::Settings => match serde_json::from_value::<Settings>(p["settings"].clone()) {
            Ok(st) if st.sync_alerts => s(vec![t("turned on alert syncing")]),
            Ok(_) => s(vec![t("turned off alert syncing")]),
            Err(_) => s(vec![t("changed the settings")]),
        },
        T::Pushed => {
            let es = &p["externalService"];
            let title = es["external_title"].as_str().unwrap_or("the incident");
            let connector = es["connector_name"]
                .as_str()
                .unwrap_or("an external system");
            s(vec![t("pushed as "), em(title), t(" to "), em(connector)])
        }
        T::Observables => {
            let n = p["observables"]["count"].as_u64().unwrap_or(0);
            let verb = match p["observables"]["actionType"].as_str() {
                Some("delete") => "removed",
                Some("update") => "updated",
                _ => "added",
            };
            s(vec![t(format!(
                "{verb} {n} observable{}",
                if n == 1 { "" } else { "s" }
            ))])
        }
    }
}

/// The plain text of a sentence.
#[cfg(test)]
pub fn plain(frags: &[Frag]) -> String {
    frags
        .iter()
        .map(|f| match f {
            Frag::Text(s) | Frag::Em(s) => s.as_str(),
        })
        .collect()
}

#[cfg(test)]
#[path = "activity_text_tests.rs"]
mod tests;
