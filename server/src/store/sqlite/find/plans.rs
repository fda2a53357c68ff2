//! Query-plan checks: every filter of the cases table UI (status, severity, tags, assignees
//! including "none", reporters, category, created date range, search), alone and in pairs,
//! with every sort field in both orders and for one or all owners, must be answered from
//! indexes. `EXPLAIN QUERY PLAN` of every statement `find` prepares may not contain a `SCAN`
//! of `cases`, `case_tags` or `case_assignees` (a full table or full index scan).

use super::find;
use crate::service::search;
use crate::store::{CaseFilter, Page};
use casebook_api::find::{SearchOperator, SortField, SortOrder};
use casebook_api::{Owner, Severity, Status};
use chrono::{Duration, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use std::cell::RefCell;

thread_local! {
    static RECORDED: RefCell<Vec<(String, Vec<Value>)>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a statement `find` prepared, with its arguments.
pub fn record(sql: &str, args: &[Value]) {
    RECORDED.with(|r| r.borrow_mut().push((sql.to_string(), args.to_vec())));
}

fn take_recorded() -> Vec<(String, Vec<Value>)> {
    RECORDED.with(|r| std::mem::take(&mut *r.borrow_mut()))
}

/// The plan lines that scan a whole table or index of cases, tags or assignees.
fn full_scans(conn: &Connection, sql: &str, args: &[Value]) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .expect("explain prepares");
    let lines: Vec<String> = stmt
        .query_map(params_from_iter(args.iter()), |r| r.get::<_, String>(3))
        .expect("explain runs")
        .collect::<Result<_, _>>()
        .expect("explain rows");
    lines
        .into_iter()
        .filter(|l| {
            let mut words = l.split_whitespace();
            words.next() == Some("SCAN")
                && matches!(
                    words.next(),
                    Some("c" | "cases" | "t" | "case_tags" | "a" | "case_assignees")
                )
        })
        .collect()
}

type Variant = (&'static str, fn(&mut CaseFilter, &str));

fn variants() -> Vec<Variant> {
    vec![
        ("status", |f, _| f.statuses = vec![Status::Open]),
        ("statuses", |f, _| {
            f.statuses = vec![Status::Open, Status::InProgress]
        }),
        ("severity", |f, _| f.severities = vec![Severity::High]),
        ("common tag", |f, _| f.tags = vec!["endpoint".into()]),
        ("rare tag", |f, _| f.tags = vec!["mitre:T1486".into()]),
        ("tags", |f, _| f.tags = vec!["kafka".into(), "audit".into()]),
        ("assignee", |f, uid| f.assignees = vec![uid.to_string()]),
        ("unassigned", |f, _| f.unassigned = true),
        ("assignee or none", |f, uid| {
            f.assignees = vec![uid.to_string()];
            f.unassigned = true;
        }),
        ("reporter", |f, _| f.reporters = vec!["alice.chen".into()]),
        ("category", |f, _| f.categories = vec!["Malware".into()]),
        ("created range", |f, _| {
            f.created_from = Some(Utc::now() - Duration::days(90));
            f.created_to = Some(Utc::now() - Duration::days(1));
        }),
        ("search", |f, _| {
            f.search = Some(search::build("ransomware", &[], SearchOperator::Or))
        }),
        ("search #id", |f, _| {
            f.search = Some(search::build("#1234", &[], SearchOperator::Or))
        }),
        ("search two words", |f, _| {
            f.search = Some(search::build("checkout latency", &[], SearchOperator::And))
        }),
    ]
}

fn check(
    conn: &Connection,
    f: &CaseFilter,
    sort: (SortField, SortOrder),
    page: Page,
    what: &str,
) -> Vec<String> {
    find(conn, &super::Memo::default(), "default", f, sort, page).expect("find runs");
    let mut bad = Vec::new();
    let recorded = take_recorded();
    assert!(!recorded.is_empty(), "find prepared no statement");
    for (sql, args) in recorded {
        let scans = full_scans(conn, &sql, &args);
        if !scans.is_empty() {
            bad.push(format!("{what} {sort:?}: {scans:?}\n  {sql}"));
        }
    }
    bad
}

#[test]
fn the_check_sees_full_scans() {
    let conn = Connection::open_in_memory().expect("memory db");
    crate::store::sqlite::schema::migrate(&conn).expect("schema");
    let scan = "SELECT id FROM cases c WHERE c.title LIKE '%x%'";
    assert_eq!(full_scans(&conn, scan, &[]).len(), 1);
    let index = "SELECT id FROM cases c WHERE c.space = 'default' AND c.owner = 'cases'";
    assert!(full_scans(&conn, index, &[]).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn no_full_scans_for_any_cases_table_filter() {
    let (_dir, store) = super::checks::seeded(3_000).await;
    let bad = store
        .with_bulk_connection(|conn| {
            let uid: String =
                conn.query_row("SELECT uid FROM case_assignees LIMIT 1", [], |r| r.get(0))?;
            let page = Page {
                page: 1,
                per_page: 20,
            };
            let mut bad = Vec::new();
            let owner_sets = [Owner::ALL.to_vec(), vec![Owner::SecuritySolution]];
            let vs = variants();
            for owners in &owner_sets {
                let base = CaseFilter {
                    owners: owners.clone(),
                    ..CaseFilter::default()
                };
                for field in SortField::ALL {
                    for order in [SortOrder::Asc, SortOrder::Desc] {
                        bad.extend(check(conn, &base, (field, order), page, "no filter"));
                        for (name, apply) in &vs {
                            let mut f = base.clone();
                            apply(&mut f, &uid);
                            bad.extend(check(conn, &f, (field, order), page, name));
                        }
                    }
                }
                for (i, (a, fa)) in vs.iter().enumerate() {
                    for (b, fb) in &vs[i + 1..] {
                        let mut f = base.clone();
                        fa(&mut f, &uid);
                        fb(&mut f, &uid);
                        let what = format!("{a} + {b}");
                        for sort in [
                            (SortField::CreatedAt, SortOrder::Desc),
                            (SortField::UpdatedAt, SortOrder::Desc),
                            (SortField::Title, SortOrder::Asc),
                        ] {
                            bad.extend(check(conn, &f, sort, page, &what));
                        }
                    }
                }
                let mut all = base.clone();
                for (_, apply) in &vs {
                    apply(&mut all, &uid);
                }
                let second = Page {
                    page: 2,
                    per_page: 50,
                };
                let sort = (SortField::Severity, SortOrder::Desc);
                bad.extend(check(conn, &all, sort, second, "every filter"));
            }
            Ok(bad)
        })
        .expect("checks run");
    assert!(
        bad.is_empty(),
        "{} statements scan:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
