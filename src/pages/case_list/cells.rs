//! What each column shows for one case. Plain data in, view out; dates and custom field
//! values are formatted by pure functions tested natively.

use super::columns::Column;
use crate::components::{Avatar, AvatarSize, SeverityBadge, StatusBadge};
use crate::routes::Loc;
use casebook_api::ListedCase;
use casebook_api::case::CaseCustomField;
use casebook_api::security::UserProfile;
use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use std::collections::HashMap;

/// How many assignee avatars a row shows before "+N".
const MAX_AVATARS: usize = 3;
/// How many tag badges a row shows before "+N" (all of them are in the tooltip).
const MAX_TAGS: usize = 2;

/// "just now", "5 min ago", "3 hours ago", "2 days ago" for the last week; `None` before that.
pub fn relative(dt: DateTime<Utc>, now: DateTime<Utc>) -> Option<String> {
    let s = (now - dt).num_seconds();
    let plural = |n: i64, unit: &str| format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" });
    match s {
        i64::MIN..=-1 => None,
        0..=59 => Some("just now".into()),
        60..=3_599 => Some(format!("{} min ago", s / 60)),
        3_600..=86_399 => Some(plural(s / 3_600, "hour")),
        86_400..=604_799 => Some(plural(s / 86_400, "day")),
        _ => None,
    }
}

/// A date as the table prints it: relative for the last week, else `Mar 15, 2024`; and the
/// full local timestamp for the tooltip.
pub fn date_texts(dt: DateTime<Utc>, now: DateTime<Utc>) -> (String, String) {
    let local = dt.with_timezone(&Local);
    let full = local.format("%b %-d, %Y @ %H:%M:%S").to_string();
    let short = relative(dt, now).unwrap_or_else(|| local.format("%b %-d, %Y").to_string());
    (short, full)
}

/// A custom field value as text (`—` when empty).
pub fn custom_value(v: Option<&CaseCustomField>) -> String {
    match v {
        Some(CaseCustomField::Text { value: Some(t), .. }) => t.clone(),
        Some(CaseCustomField::Number { value: Some(n), .. }) => n.to_string(),
        Some(CaseCustomField::Toggle { value: Some(b), .. }) => {
            (if *b { "On" } else { "Off" }).into()
        }
        _ => "—".into(),
    }
}

/// Whether the case changed after its last push (Kibana's "Requires update").
pub fn needs_update(c: &ListedCase) -> bool {
    match (&c.external_service, c.updated_at) {
        (Some(es), Some(u)) => u > es.pushed_at,
        _ => false,
    }
}

/// The name to show for an assignee uid (the uid itself until profiles arrive).
pub fn assignee_name(uid: &str, profiles: &HashMap<String, UserProfile>) -> String {
    profiles
        .get(uid)
        .map(crate::components::user_picker::profile_name)
        .unwrap_or_else(|| uid.to_string())
}

fn date_cell(dt: Option<DateTime<Utc>>, now: DateTime<Utc>) -> AnyView {
    match dt {
        Some(dt) => {
            let (short, full) = date_texts(dt, now);
            view! { <time datetime=dt.to_rfc3339() title=full>{short}</time> }.into_any()
        }
        None => view! { <span class="cb-text-subdued">"—"</span> }.into_any(),
    }
}

/// Everything a cell may need besides the case.
#[derive(Clone)]
pub struct CellContext {
    /// Where links go.
    pub loc: Loc,
    /// Assignee profiles by uid (may be incomplete while loading).
    pub profiles: Signal<HashMap<String, UserProfile>>,
    /// "Now", for relative dates.
    pub now: DateTime<Utc>,
}

/// The content of `col` for `c`.
pub fn cell(col: &Column, c: &ListedCase, cx: &CellContext) -> AnyView {
    match col {
        Column::Name => {
            let href = cx.loc.detail(&c.id);
            let (title, tip) = (c.title.clone(), c.title.clone());
            view! {
                <div class="cb-cases__name">
                    // A plain link (the router handles clicks on every <a>): `<A>` would add
                    // a location-tracking memo per row.
                    <a href=href class="cb-cases__title" data-row-link="" title=tip>
                        {title}
                    </a>
                    {c.incremental_id.map(|n| view! { <span class="cb-cases__incid">{format!("#{n}")}</span> })}
                </div>
            }
            .into_any()
        }
        Column::Assignees => {
            if c.assignees.is_empty() {
                return view! { <span class="cb-text-subdued">"—"</span> }.into_any();
            }
            let uids: Vec<String> = c.assignees.iter().map(|a| a.uid.clone()).collect();
            let extra = uids.len().saturating_sub(MAX_AVATARS);
            let profiles = cx.profiles;
            let names = {
                let uids = uids.clone();
                move || {
                    profiles.with(|p| {
                        uids.iter()
                            .map(|u| assignee_name(u, p))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                }
            };
            view! {
                <div class="cb-avatars" title=names.clone() aria-label=names>
                    {uids
                        .into_iter()
                        .take(MAX_AVATARS)
                        .map(|uid| {
                            let name = Signal::derive(move || profiles.with(|p| assignee_name(&uid, p)));
                            view! { <Avatar name size=AvatarSize::Small decorative=true/> }
                        })
                        .collect_view()}
                    {(extra > 0).then(|| view! { <span class="cb-avatars__more">{format!("+{extra}")}</span> })}
                </div>
            }
            .into_any()
        }
        Column::Tags => {
            if c.tags.is_empty() {
                return view! { <span class="cb-text-subdued">"—"</span> }.into_any();
            }
            let all = c.tags.join(", ");
            let extra = c.tags.len().saturating_sub(MAX_TAGS);
            view! {
                <div class="cb-cases__tags" title=all>
                    {c
                        .tags
                        .iter()
                        .take(MAX_TAGS)
                        .map(|t| {
                            view! {
                                <span class="cb-badge cb-badge--default cb-cases__tag" data-testid="case-tag">
                                    {t.clone()}
                                </span>
                            }
                        })
                        .collect_view()}
                    {(extra > 0).then(|| view! { <span class="cb-cases__more">{format!("+{extra}")}</span> })}
                </div>
            }
            .into_any()
        }
        Column::Alerts => view! { <span>{c.total_alerts}</span> }.into_any(),
        Column::Comments => view! { <span>{c.total_comment}</span> }.into_any(),
        Column::Category => match &c.category {
            Some(cat) if !cat.is_empty() => {
                let (tip, text) = (cat.clone(), cat.clone());
                view! { <span class="cb-cases__clip" title=tip>{text}</span> }.into_any()
            }
            _ => view! { <span class="cb-text-subdued">"—"</span> }.into_any(),
        },
        Column::CreatedAt => date_cell(Some(c.created_at), cx.now),
        Column::UpdatedAt => date_cell(c.updated_at, cx.now),
        Column::ClosedAt => date_cell(c.closed_at, cx.now),
        Column::ExternalIncident => match &c.external_service {
            Some(es) => {
                let state = if needs_update(c) {
                    "Requires update"
                } else {
                    "Up to date"
                };
                view! {
                    <div class="cb-cases__external">
                        <a href=es.external_url.clone() target="_blank" rel="noopener noreferrer" title=es.external_title.clone()>
                            {format!("{}: {}", es.connector_name, es.external_title)}
                        </a>
                        <span class="cb-cases__push-state" class:cb-cases__push-state--stale=needs_update(c)>{state}</span>
                    </div>
                }
                .into_any()
            }
            None => view! { <span class="cb-text-subdued">"Not pushed"</span> }.into_any(),
        },
        Column::Status => view! { <StatusBadge status=c.status/> }.into_any(),
        Column::Severity => view! { <SeverityBadge severity=c.severity/> }.into_any(),
        Column::Custom(key) => {
            let v = custom_value(c.custom_fields.iter().find(|f| f.key() == key));
            let tip = v.clone();
            view! { <span class="cb-cases__clip" title=tip>{v}</span> }.into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn recent_dates_are_relative() {
        let now = Utc.with_ymd_and_hms(2024, 3, 15, 12, 0, 0).unwrap();
        let ago = |s: i64| relative(now - chrono::Duration::seconds(s), now);
        assert_eq!(ago(10).as_deref(), Some("just now"));
        assert_eq!(ago(5 * 60).as_deref(), Some("5 min ago"));
        assert_eq!(ago(3_600).as_deref(), Some("1 hour ago"));
        assert_eq!(ago(3 * 3_600).as_deref(), Some("3 hours ago"));
        assert_eq!(ago(2 * 86_400).as_deref(), Some("2 days ago"));
        assert_eq!(ago(8 * 86_400), None);
        assert_eq!(ago(-5), None);
    }

    #[test]
    fn older_dates_are_absolute() {
        let now = Utc.with_ymd_and_hms(2024, 3, 15, 12, 0, 0).unwrap();
        let (short, full) = date_texts(Utc.with_ymd_and_hms(2023, 6, 1, 12, 0, 0).unwrap(), now);
        assert!(short.ends_with(", 2023"), "{short}");
        assert!(full.contains(" @ "), "{full}");
    }

    #[test]
    fn custom_values_read_well() {
        let t = CaseCustomField::Toggle {
            key: "k".into(),
            value: Some(true),
        };
        assert_eq!(custom_value(Some(&t)), "On");
        let n = CaseCustomField::Number {
            key: "k".into(),
            value: Some(7),
        };
        assert_eq!(custom_value(Some(&n)), "7");
        let e = CaseCustomField::Text {
            key: "k".into(),
            value: None,
        };
        assert_eq!(custom_value(Some(&e)), "—");
        assert_eq!(custom_value(None), "—");
    }
}
