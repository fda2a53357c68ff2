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
    /// Read cases, comments, user actions, metrics.
    ReadCase,
    /// Update a case.
    UpdateCase,
    /// Reopen a closed case.
    ReopenCase,
    /// Assign users.
    AssignCase,
    /// Delete cases.
    DeleteCase,
    /// Add, edit comments and attachments.
    CreateComment,
    /// Delete comments.
    DeleteComment,
    /// Push a case.
    PushCase,
    /// Read the configuration.
    ReadConfiguration,
    /// Write the configuration.
    WriteConfiguration,
    /// Read connectors (the actions feature, read).
    ReadConnectors,
    /// Create, edit, delete and run connectors (the actions feature, all).
    ManageConnectors,
}

impl Operation {
    /// The verb Kibana uses in its 403 message ("Unauthorized to create case with owners: …").
    pub fn verb(self) -> &'static str {
        match self {
            Operation::CreateCase => "create case",
            Operation::ReadCase => "get case",
            Operation::UpdateCase => "update case",
            Operation::ReopenCase => "reopen case",
            Operation::AssignCase => "assign case",
            Operation::DeleteCase => "delete case",
            Operation::CreateComment => "create comment",
            Operation::DeleteComment => "delete comment",
            Operation::PushCase => "push case",
            Operation::ReadConfiguration => "get configuration",
            Operation::WriteConfiguration => "create configuration",
            Operation::ReadConnectors => "get connectors",
            Operation::ManageConnectors => "manage connectors",
        }
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

/// Fails with Kibana's 403 unless the principal may perform `op` on every owner given.
pub fn authorize(
    p: &Principal,
    op: Operation,
    owners: &[Owner],
    space: &str,
) -> Result<(), AppError> {
    let denied: Vec<&str> = owners
        .iter()
        .filter(|o| !allowed(p, op, **o, space))
        .map(|o| o.as_str())
        .collect();
    if denied.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = denied.iter().map(|o| format!("\"{o}\"")).collect();
    Err(AppError::Api(ApiError::forbidden(format!(
        "Unauthorized to {} with owners: {}",
        op.verb(),
        list.join(", ")
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
