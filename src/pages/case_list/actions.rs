//! Running the list's actions: turning a [`ListAction`] on some cases into a `PATCH` / `DELETE`,
//! a flyout or a confirmation, and reporting the outcome.
//!
//! Rules: failures are toasts and the list stays usable; a 409 says the case changed elsewhere
//! and reloads the list; every outcome bumps `refresh`, so the table and the metrics reload.

use super::bulk::{
    assignee_patches, severity_patches, status_patches, tag_patches, updated_message,
};
use super::entries::ListAction;
use crate::client::{Client, ClientError};
use crate::components::toaster::{ToastKind, Toaster};
use casebook_api::ListedCase;
use casebook_api::case::{CasePatch, Status};

/// A write the list sends.
#[derive(Clone, Debug, PartialEq)]
pub enum Mutation {
    /// `PATCH /api/cases`.
    Patch {
        /// The per-case changes.
        patches: Vec<CasePatch>,
        /// The toast's verb ("Closed").
        verb: String,
        /// `(id, title)` of the cases, for the toast.
        cases: Vec<(String, String)>,
    },
    /// `DELETE /api/cases`.
    Delete {
        /// `(id, title)` of the cases.
        cases: Vec<(String, String)>,
    },
}

/// Which editor is open, on which cases.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    /// Tags.
    Tags(Vec<ListedCase>),
    /// Assignees.
    Assignees(Vec<ListedCase>),
}

/// The toast verb of a status change.
pub fn status_verb(s: Status) -> &'static str {
    match s {
        Status::Open => "Opened",
        Status::InProgress => "Marked as in progress",
        Status::Closed => "Closed",
    }
}

/// The message for a failed write.
pub fn failure_text(e: &ClientError) -> (String, String) {
    if e.is_conflict() {
        (
            "The case changed in the meantime".into(),
            "Someone updated it since the list loaded. The list has been refreshed: check it and try again.".into(),
        )
    } else {
        ("The cases could not be updated".into(), e.message())
    }
}

fn titles(cases: &[ListedCase]) -> Vec<(String, String)> {
    cases
        .iter()
        .map(|c| (c.id.clone(), c.title.clone()))
        .collect()
}

/// Sends a mutation and reports it. Returns whether it succeeded.
pub async fn run(client: Client, m: Mutation, toaster: Toaster) -> bool {
    let (result, success) = match m {
        Mutation::Patch {
            patches,
            verb,
            cases,
        } => {
            let r = client.update_cases::<ListedCase>(patches).await.map(|_| ());
            (r, updated_message(&verb, &cases))
        }
        Mutation::Delete { cases } => {
            let ids: Vec<String> = cases.iter().map(|(id, _)| id.clone()).collect();
            let r = client.delete_cases(&ids).await;
            (r, updated_message("Deleted", &cases))
        }
    };
    match result {
        Ok(()) => {
            toaster.success(success);
            true
        }
        Err(e) => {
            let (title, text) = failure_text(&e);
            toaster.error(title, text);
            false
        }
    }
}

/// What the page should do with an action on `cases`.
pub enum Outcome {
    /// Send this write.
    Send(Mutation),
    /// Open an editor.
    Edit(Editing),
    /// Ask before deleting these cases.
    ConfirmDelete(Vec<ListedCase>),
    /// Copy this text.
    Copy(String),
    /// Nothing to send; tell the user why.
    Nothing(String),
}

/// Decides what an action means for `cases`.
pub fn outcome(action: ListAction, cases: Vec<ListedCase>) -> Outcome {
    let patch = |patches: Vec<CasePatch>, verb: &str, why: &str| {
        if patches.is_empty() {
            Outcome::Nothing(why.into())
        } else {
            let ids: Vec<&String> = patches.iter().map(|p| &p.id).collect();
            let touched: Vec<ListedCase> = cases
                .iter()
                .filter(|c| ids.contains(&&c.id))
                .cloned()
                .collect();
            Outcome::Send(Mutation::Patch {
                patches,
                verb: verb.into(),
                cases: titles(&touched),
            })
        }
    };
    match action {
        ListAction::SetStatus(s) => patch(
            status_patches(&cases, s),
            status_verb(s),
            "The cases already have that status.",
        ),
        ListAction::SetSeverity(s) => patch(
            severity_patches(&cases, s),
            "Updated the severity of",
            "The cases already have that severity.",
        ),
        ListAction::EditTags => Outcome::Edit(Editing::Tags(cases)),
        ListAction::EditAssignees => Outcome::Edit(Editing::Assignees(cases)),
        ListAction::CopyId => {
            Outcome::Copy(cases.first().map(|c| c.id.clone()).unwrap_or_default())
        }
        ListAction::Delete => Outcome::ConfirmDelete(cases),
    }
}

/// The write for an editor's result (`None` when nothing changes), or an error message.
pub fn edit_mutation(
    editing: &Editing,
    add: &[String],
    remove: &[String],
) -> Result<Option<Mutation>, String> {
    let (cases, patches, verb) = match editing {
        Editing::Tags(c) => (c, tag_patches(c, add, remove), "Updated the tags of"),
        Editing::Assignees(c) => (
            c,
            assignee_patches(c, add, remove)?,
            "Updated the assignees of",
        ),
    };
    if patches.is_empty() {
        return Ok(None);
    }
    let touched: Vec<ListedCase> = cases
        .iter()
        .filter(|c| patches.iter().any(|p| p.id == c.id))
        .cloned()
        .collect();
    Ok(Some(Mutation::Patch {
        patches,
        verb: verb.into(),
        cases: titles(&touched),
    }))
}

/// Copies `text` to the clipboard and says so.
pub fn copy(text: String, toaster: Toaster) {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(&text);
    }
    toaster.push(
        ToastKind::Success,
        "Copied the case ID to the clipboard",
        Some(text),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use casebook_api::ErrorBody;

    #[test]
    fn conflicts_explain_and_others_show_the_server_message() {
        let e = ClientError::Api(ErrorBody {
            status_code: 409,
            error: "Conflict".into(),
            message: "These cases x has been updated.".into(),
        });
        assert!(failure_text(&e).1.contains("refreshed"));
        let e = ClientError::Api(ErrorBody {
            status_code: 400,
            error: "Bad Request".into(),
            message: "nope".into(),
        });
        assert_eq!(failure_text(&e).1, "nope");
    }

    #[test]
    fn no_op_actions_send_nothing() {
        assert!(matches!(
            outcome(ListAction::SetStatus(Status::Open), vec![]),
            Outcome::Nothing(_)
        ));
        assert!(matches!(outcome(ListAction::CopyId, vec![]), Outcome::Copy(s) if s.is_empty()));
        assert!(matches!(
            outcome(ListAction::Delete, vec![]),
            Outcome::ConfirmDelete(_)
        ));
        assert_eq!(
            edit_mutation(&Editing::Tags(vec![]), &["a".into()], &[]),
            Ok(None)
        );
    }
}
