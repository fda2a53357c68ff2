//! Builds the user actions Kibana records for each change, with its `type`, `action` and
//! `payload` shapes.

use super::{Ctx, Service};
use casebook_api::case::CaseCustomField;
use casebook_api::comment::{Attachment, AttachmentRequest};
use casebook_api::user_action::{UserAction, UserActionAction as A, UserActionType as T};
use casebook_api::{Case, Owner};
use serde_json::{Value, json};

impl Service {
    /// A user action stamped with the acting user and the time.
    pub(crate) fn user_action(
        &self,
        ctx: &Ctx,
        owner: Owner,
        kind: T,
        action: A,
        payload: Value,
        at: chrono::DateTime<chrono::Utc>,
    ) -> UserAction {
        UserAction {
            id: Service::new_id(),
            version: self.next_version(),
            action,
            kind,
            comment_id: None,
            created_at: at,
            created_by: ctx.user(),
            owner,
            payload,
        }
    }

    /// The `create_case` action: a snapshot of the new case.
    pub(crate) fn create_case_action(&self, ctx: &Ctx, c: &Case) -> UserAction {
        let payload = json!({
            "title": c.title, "description": c.description, "tags": c.tags, "connector": c.connector,
            "settings": c.settings, "owner": c.owner, "severity": c.severity, "status": c.status,
            "assignees": c.assignees, "category": c.category, "customFields": c.custom_fields,
        });
        self.user_action(
            ctx,
            c.owner,
            T::CreateCase,
            A::Create,
            payload,
            c.created_at,
        )
    }

    /// The actions describing the difference between `old` and `new`.
    pub(crate) fn diff_actions(&self, ctx: &Ctx, old: &Case, new: &Case) -> Vec<UserAction> {
        let at = new.updated_at.unwrap_or_else(Service::now);
        let mut out = Vec::new();
        let mut push = |kind, action, payload| {
            out.push(self.user_action(ctx, new.owner, kind, action, payload, at))
        };
        if old.title != new.title {
            push(T::Title, A::Update, json!({ "title": new.title }));
        }
        if old.description != new.description {
            push(
                T::Description,
                A::Update,
                json!({ "description": new.description }),
            );
        }
        let added: Vec<&String> = new.tags.iter().filter(|t| !old.tags.contains(t)).collect();
        let removed: Vec<&String> = old.tags.iter().filter(|t| !new.tags.contains(t)).collect();
        if !added.is_empty() {
            push(T::Tags, A::Add, json!({ "tags": added }));
        }
        if !removed.is_empty() {
            push(T::Tags, A::Delete, json!({ "tags": removed }));
        }
        if old.status != new.status {
            push(T::Status, A::Update, json!({ "status": new.status }));
        }
        if old.severity != new.severity {
            push(T::Severity, A::Update, json!({ "severity": new.severity }));
        }
        if old.settings != new.settings {
            push(T::Settings, A::Update, json!({ "settings": new.settings }));
        }
        if old.connector != new.connector {
            push(
                T::Connector,
                A::Update,
                json!({ "connector": new.connector }),
            );
        }
        let assigned: Vec<_> = new
            .assignees
            .iter()
            .filter(|a| !old.assignees.contains(a))
            .collect();
        let unassigned: Vec<_> = old
            .assignees
            .iter()
            .filter(|a| !new.assignees.contains(a))
            .collect();
        if !assigned.is_empty() {
            push(T::Assignees, A::Add, json!({ "assignees": assigned }));
        }
        if !unassigned.is_empty() {
            push(T::Assignees, A::Delete, json!({ "assignees": unassigned }));
        }
        if old.category != new.category {
            let action = if new.category.is_some() {
                A::Update
            } else {
                A::Delete
            };
            push(T::Category, action, json!({ "category": new.category }));
        }
        for f in &new.custom_fields {
            let before: Option<&CaseCustomField> =
                old.custom_fields.iter().find(|o| o.key() == f.key());
            if before != Some(f) {
                push(T::CustomFields, A::Update, json!({ "customFields": [f] }));
            }
        }
        out
    }

    /// A `comment` action for an attachment created, updated or deleted.
    pub(crate) fn comment_action(&self, ctx: &Ctx, a: &Attachment, action: A) -> UserAction {
        let body = AttachmentRequest {
            owner: a.owner,
            payload: a.payload.clone(),
        };
        let payload = json!({ "comment": body });
        let at = a.updated_at.unwrap_or(a.created_at);
        let at = if action == A::Delete {
            Service::now()
        } else {
            at
        };
        let mut ua = self.user_action(ctx, a.owner, T::Comment, action, payload, at);
        ua.comment_id = Some(a.id.clone());
        ua
    }
}
