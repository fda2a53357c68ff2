//! Authorization: every operation passes through [`authorize`] with `(user, operation, owner,
//! space)`. Privileges come from the principal's roles (see `privileges`).

use super::privileges::{Privileges, builtin_roles};
use crate::error::AppError;
use casebook_api::{ApiError, Owner};
use std::sync::Arc;

/// A case operation, named like Kibana's authorization operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// Create a case.
    CreateCase,
    /// Read cases and metrics.
    ReadCase,
    /// Read attachments.
    ReadComment,
    /// Read user actions.
    ReadUserActions,
    /// Update a case.
    UpdateCase,
    /// Reopen a closed case.
    ReopenCase,
    /// Assign users.
    AssignCase,
    /// Delete cases.
    DeleteCase,
    /// Add comments and attachments.
    CreateComment,
    /// Edit comments and attachments.
    UpdateComment,
    /// Delete comments.
    DeleteComment,
    /// Push a case.
    PushCase,
    /// Read the configuration.
    ReadConfiguration,
    /// Create the configuration.
    WriteConfiguration,
    /// Update the configuration.
    UpdateConfiguration,
    /// Read connectors (the actions feature, read).
    ReadConnectors,
    /// Create, edit, delete and run connectors (the actions feature, all).
    ManageConnectors,
}

impl Operation {
    /// What Kibana's 403 message says the user may not do: its operation's present verb and
    /// document type (`server/authorization/index.ts`), e.g. "access case", "create comments".
    pub fn verb(self) -> &'static str {
        match self {
            Operation::CreateCase => "create case",
            Operation::ReadCase => "access case",
            Operation::ReadComment => "access comments",
            Operation::ReadUserActions => "access user actions",
            Operation::UpdateCase | Operation::PushCase => "update case",
            Operation::ReopenCase => "reopen case",
            Operation::AssignCase => "assign case",
            Operation::DeleteCase => "delete case",
            Operation::CreateComment => "create comments",
            Operation::UpdateComment => "update comments",
            Operation::DeleteComment => "delete comments",
            Operation::ReadConfiguration => "access case configurations",
            Operation::WriteConfiguration => "create case configuration",
            Operation::UpdateConfiguration => "update case configuration",
            Operation::ReadConnectors => "get actions",
            Operation::ManageConnectors => "manage actions",
        }
    }

    /// Whether this is an actions (connectors) operation, which no owner qualifies.
    pub fn is_actions(self) -> bool {
        matches!(
            self,
            Operation::ReadConnectors | Operation::ManageConnectors
        )
    }
}

/// Who is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The user as stamped on objects.
    pub user: casebook_api::User,
    /// Role names.
    pub roles: Vec<String>,
    /// What the roles allow.
    pub privileges: Arc<Privileges>,
}

impl Principal {
    /// A principal whose privileges come from its role names (the built-in roles).
    pub fn new(user: casebook_api::User, roles: Vec<String>) -> Self {
        let defs: Vec<_> = builtin_roles()
            .into_iter()
            .filter(|r| roles.contains(&r.name))
            .collect();
        Self::with_roles(user, roles, &defs)
    }

    /// A principal with these role definitions.
    pub fn with_roles(
        user: casebook_api::User,
        roles: Vec<String>,
        defs: &[casebook_api::security::Role],
    ) -> Self {
        Self {
            user,
            roles,
            privileges: Arc::new(Privileges::resolve(defs)),
        }
    }
}

/// Whether the principal may perform `op` on `owner` in `space`.
pub fn allowed(p: &Principal, op: Operation, owner: Owner, space: &str) -> bool {
    p.privileges.allows(op, owner, space)
}

/// Fails with Kibana's 403 unless the principal may perform `op` on every owner given. Like
/// Kibana, the message names every owner of the request (once each, in order) in one quoted
/// list: `Unauthorized to update case with owners: "securitySolution, observability"`.
pub fn authorize(
    p: &Principal,
    op: Operation,
    owners: &[Owner],
    space: &str,
) -> Result<(), AppError> {
    if owners.iter().all(|o| allowed(p, op, *o, space)) {
        return Ok(());
    }
    if op.is_actions() {
        return Err(AppError::Api(ApiError::forbidden(format!(
            "Unauthorized to {}",
            op.verb()
        ))));
    }
    let mut named: Vec<&str> = Vec::new();
    for o in owners {
        if !named.contains(&o.as_str()) {
            named.push(o.as_str());
        }
    }
    Err(AppError::Api(ApiError::forbidden(format!(
        "Unauthorized to {} with owners: \"{}\"",
        op.verb(),
        named.join(", ")
    ))))
}

/// The owners the principal may read among `requested` (all owners when none requested).
pub fn readable_owners(p: &Principal, requested: &[Owner], space: &str) -> Vec<Owner> {
    let pool: &[Owner] = if requested.is_empty() {
        &Owner::ALL
    } else {
        requested
    };
    let mut out: Vec<Owner> = pool
        .iter()
        .copied()
        .filter(|o| allowed(p, Operation::ReadCase, *o, space))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(p: &Principal, op: Operation, owners: &[Owner]) -> String {
        match authorize(p, op, owners, "default") {
            Err(AppError::Api(e)) => {
                assert_eq!(e.status, 403);
                e.message
            }
            other => panic!("expected a 403, got {other:?}"),
        }
    }

    #[test]
    fn refusals_use_kibanas_wording() {
        let viewer = Principal::new(casebook_api::User::default(), vec!["viewer".into()]);
        let (sec, obs) = (Owner::SecuritySolution, Owner::Observability);
        assert!(authorize(&viewer, Operation::ReadCase, &[sec, obs], "x").is_ok());
        assert_eq!(
            message(&viewer, Operation::UpdateCase, &[sec, obs, sec]),
            r#"Unauthorized to update case with owners: "securitySolution, observability""#
        );
        assert_eq!(
            message(&viewer, Operation::CreateComment, &[obs]),
            r#"Unauthorized to create comments with owners: "observability""#
        );
        assert_eq!(
            message(&viewer, Operation::ManageConnectors, &[Owner::Cases]),
            "Unauthorized to manage actions"
        );
        let nobody = Principal::new(casebook_api::User::default(), vec![]);
        assert_eq!(
            message(&nobody, Operation::ReadComment, &[sec]),
            r#"Unauthorized to access comments with owners: "securitySolution""#
        );
    }
}
