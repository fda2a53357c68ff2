//! What can be done to cases from the list — one row's "…" menu or the selection's "Bulk
//! actions" menu — as plain data: [`ListAction`]s in a tree of [`Entry`]s that `menu.rs` renders
//! and `actions.rs` carries out.

use casebook_api::case::{Severity, Status};
use casebook_api::security::CasesCapabilities;

/// Something the user asked for, on one or more cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListAction {
    /// Change the status.
    SetStatus(Status),
    /// Change the severity.
    SetSeverity(Severity),
    /// Open the tag editor.
    EditTags,
    /// Open the assignee editor.
    EditAssignees,
    /// Copy the case id to the clipboard.
    CopyId,
    /// Ask, then delete.
    Delete,
}

/// One line of an action menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Runs an action.
    Item {
        /// Text.
        label: &'static str,
        /// `data-testid`.
        test_id: &'static str,
        /// The action.
        action: ListAction,
        /// Red text (delete).
        danger: bool,
        /// A radio item's state (current status / severity).
        checked: Option<bool>,
    },
    /// Opens a nested panel ("Status ▸").
    Panel {
        /// Text, also the nested panel's title.
        label: &'static str,
        /// `data-testid`.
        test_id: &'static str,
        /// The nested entries.
        entries: Vec<Entry>,
    },
    /// A rule between groups.
    Separator,
}

fn item(label: &'static str, test_id: &'static str, action: ListAction) -> Entry {
    Entry::Item {
        label,
        test_id,
        action,
        danger: false,
        checked: None,
    }
}

fn status_test_id(s: Status) -> &'static str {
    match s {
        Status::Open => "action-status-open",
        Status::InProgress => "action-status-in-progress",
        Status::Closed => "action-status-closed",
    }
}

fn severity_test_id(s: Severity) -> &'static str {
    match s {
        Severity::Low => "action-severity-low",
        Severity::Medium => "action-severity-medium",
        Severity::High => "action-severity-high",
        Severity::Critical => "action-severity-critical",
    }
}

/// The menu entries; `current` marks one case's status and severity. Only what `caps` allows
/// is offered: a closed case reopens only with `case_reopen`, edits need `update_cases`,
/// assignees `cases_assign`, deleting `delete_cases` (Kibana's rules; the server enforces them).
fn entries(
    current: Option<(Status, Severity)>,
    single: bool,
    caps: &CasesCapabilities,
) -> Vec<Entry> {
    let closed = current.is_some_and(|(s, _)| s == Status::Closed);
    let statuses = Status::ALL
        .into_iter()
        .filter(|s| !closed || *s == Status::Closed || caps.case_reopen)
        .map(|s| Entry::Item {
            label: s.label(),
            test_id: status_test_id(s),
            action: ListAction::SetStatus(s),
            danger: false,
            checked: current.map(|(c, _)| c == s),
        })
        .collect();
    let severities = Severity::ALL
        .into_iter()
        .map(|s| Entry::Item {
            label: s.label(),
            test_id: severity_test_id(s),
            action: ListAction::SetSeverity(s),
            danger: false,
            checked: current.map(|(_, c)| c == s),
        })
        .collect();
    let mut out = Vec::new();
    if caps.update_cases {
        out.push(Entry::Panel {
            label: "Status",
            test_id: "action-status",
            entries: statuses,
        });
        out.push(Entry::Panel {
            label: "Severity",
            test_id: "action-severity",
            entries: severities,
        });
        out.push(Entry::Separator);
        out.push(item("Edit tags", "action-tags", ListAction::EditTags));
    }
    if caps.cases_assign {
        out.push(item(
            "Edit assignees",
            "action-assignees",
            ListAction::EditAssignees,
        ));
    }
    if single {
        out.push(item("Copy case ID", "action-copy-id", ListAction::CopyId));
    }
    if caps.delete_cases {
        out.push(Entry::Separator);
        out.push(Entry::Item {
            label: if single {
                "Delete case"
            } else {
                "Delete cases"
            },
            test_id: "action-delete",
            action: ListAction::Delete,
            danger: true,
            checked: None,
        });
    }
    // No rule at either end (or twice in a row) once entries were left out.
    out.dedup_by(|a, b| *a == Entry::Separator && *b == Entry::Separator);
    while out.first() == Some(&Entry::Separator) {
        out.remove(0);
    }
    while out.last() == Some(&Entry::Separator) {
        out.pop();
    }
    out
}

/// One row's menu.
pub fn row_entries(status: Status, severity: Severity, caps: &CasesCapabilities) -> Vec<Entry> {
    entries(Some((status, severity)), true, caps)
}

/// The selection's "Bulk actions" menu (empty when the user may change nothing: the table
/// then offers no selection).
pub fn bulk_entries(caps: &CasesCapabilities) -> Vec<Entry> {
    entries(None, false, caps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> CasesCapabilities {
        CasesCapabilities {
            create_cases: true,
            read_cases: true,
            update_cases: true,
            delete_cases: true,
            push_cases: true,
            cases_settings: true,
            create_comment: true,
            case_reopen: true,
            cases_assign: true,
            cases_connectors: true,
        }
    }

    fn actions(entries: &[Entry]) -> Vec<ListAction> {
        entries
            .iter()
            .filter_map(|e| match e {
                Entry::Item { action, .. } => Some(action.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_reader_may_only_copy_the_id_and_select_nothing() {
        let read = CasesCapabilities {
            read_cases: true,
            ..Default::default()
        };
        let row = row_entries(Status::Open, Severity::Low, &read);
        assert_eq!(actions(&row), [ListAction::CopyId]);
        assert!(bulk_entries(&read).is_empty());
    }

    #[test]
    fn each_privilege_brings_its_actions() {
        let assign = CasesCapabilities {
            read_cases: true,
            cases_assign: true,
            ..Default::default()
        };
        assert_eq!(actions(&bulk_entries(&assign)), [ListAction::EditAssignees]);
        let delete = CasesCapabilities {
            read_cases: true,
            delete_cases: true,
            ..Default::default()
        };
        let row = row_entries(Status::Open, Severity::Low, &delete);
        assert_eq!(actions(&row), [ListAction::CopyId, ListAction::Delete]);
        assert_eq!(row[1], Entry::Separator, "a rule before Delete");
        assert_ne!(row.first(), Some(&Entry::Separator));
    }

    #[test]
    fn a_closed_case_reopens_only_with_case_reopen() {
        let no_reopen = CasesCapabilities {
            case_reopen: false,
            ..all()
        };
        let row = row_entries(Status::Closed, Severity::Low, &no_reopen);
        let Entry::Panel { entries, .. } = &row[0] else {
            panic!("status panel first")
        };
        assert_eq!(actions(entries), [ListAction::SetStatus(Status::Closed)]);
        let row = row_entries(Status::Closed, Severity::Low, &all());
        let Entry::Panel { entries, .. } = &row[0] else {
            panic!("status panel first")
        };
        assert_eq!(entries.len(), 3);
    }

    #[test]
    fn menus_offer_kibanas_actions() {
        let row = row_entries(Status::Open, Severity::High, &all());
        let Entry::Panel { entries, .. } = &row[0] else {
            panic!("status panel first")
        };
        assert!(matches!(
            entries[0],
            Entry::Item {
                checked: Some(true),
                ..
            }
        ));
        assert!(row.iter().any(|e| matches!(
            e,
            Entry::Item {
                action: ListAction::CopyId,
                ..
            }
        )));
        assert!(!bulk_entries(&all()).iter().any(|e| matches!(
            e,
            Entry::Item {
                action: ListAction::CopyId,
                ..
            }
        )));
        assert!(matches!(
            row.last(),
            Some(Entry::Item {
                danger: true,
                action: ListAction::Delete,
                ..
            })
        ));
    }
}
