//! What can be done to cases from the list — one row's "…" menu or the selection's "Bulk
//! actions" menu — as plain data: [`ListAction`]s in a tree of [`Entry`]s that `menu.rs` renders
//! and `actions.rs` carries out.

use casebook_api::case::{Severity, Status};

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

/// The menu entries; `current` marks one case's status and severity.
fn entries(current: Option<(Status, Severity)>, single: bool) -> Vec<Entry> {
    let statuses = Status::ALL
        .into_iter()
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
    let mut out = vec![
        Entry::Panel {
            label: "Status",
            test_id: "action-status",
            entries: statuses,
        },
        Entry::Panel {
            label: "Severity",
            test_id: "action-severity",
            entries: severities,
        },
        Entry::Separator,
        item("Edit tags", "action-tags", ListAction::EditTags),
        item(
            "Edit assignees",
            "action-assignees",
            ListAction::EditAssignees,
        ),
    ];
    if single {
        out.push(item("Copy case ID", "action-copy-id", ListAction::CopyId));
    }
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
    out
}

/// One row's menu.
pub fn row_entries(status: Status, severity: Severity) -> Vec<Entry> {
    entries(Some((status, severity)), true)
}

/// The selection's "Bulk actions" menu.
pub fn bulk_entries() -> Vec<Entry> {
    entries(None, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_offer_kibanas_actions() {
        let row = row_entries(Status::Open, Severity::High);
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
        assert!(!bulk_entries().iter().any(|e| matches!(
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
