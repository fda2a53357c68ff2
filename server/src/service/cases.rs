//! Case writes: create, bulk update (all-or-nothing with versions), delete, and get.

use super::authz::{Operation, authorize};
use super::{Ctx, Service, case_not_found};
use crate::error::{AppError, AppResult};
use crate::store::{StoreError, WriteOp};
use casebook_api::case::{CasePatch, CasePostRequest, CasesPatchRequest};
use casebook_api::limits::{MAX_CASES_TO_UPDATE, MAX_DELETE_IDS_LENGTH};
use casebook_api::validate::{normalize_create, normalize_patch, resolve_custom_fields};
use casebook_api::{ApiError, Case, Status};

fn conflict(ids: &[String]) -> AppError {
    AppError::Api(ApiError::conflict(format!(
        "These cases {} has been updated. Please refresh before saving additional updates.",
        ids.join(", ")
    )))
}

fn missing(ids: &[String]) -> AppError {
    AppError::Api(ApiError::not_found(format!(
        "These cases {} do not exist. Please check you have the correct ids.",
        ids.join(", ")
    )))
}

/// Checks the number of items of a bulk request.
pub(crate) fn check_bulk_len(field: &str, n: usize, max: usize) -> AppResult<()> {
    if n == 0 {
        return Err(AppError::bad_request(format!(
            "The length of the field {field} is too short. Array must be of length >= 1."
        )));
    }
    if n > max {
        return Err(AppError::bad_request(format!(
            "The length of the field {field} is too long. Array must be of length <= {max}."
        )));
    }
    Ok(())
}

/// Whether a patch names no field outside `id`, `version` and `allowed`.
fn only_fields(p: &CasePatch, allowed: &str) -> bool {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| v.as_object().cloned())
        .is_some_and(|o| {
            o.keys()
                .all(|k| k == "id" || k == "version" || k == allowed)
        })
}

/// The operations a bulk update needs (Kibana's `getOperationsToAuthorize`): reopening a closed
/// case needs `reopenCase`, changing assignees needs `assignCase`, and anything else needs
/// `updateCase` — so a user with only the re-open (or assign) sub-feature may do just that.
fn operations_to_authorize(patches: &[CasePatch], found: &[Case]) -> Vec<Operation> {
    let mut reopened = Vec::new();
    let mut assigned = Vec::new();
    for p in patches {
        let Some(c) = found.iter().find(|c| c.id == p.id) else {
            continue;
        };
        let current = c.version == p.version;
        if current && c.status == Status::Closed && p.status.is_some_and(|s| s != c.status) {
            reopened.push(p);
        }
        if let Some(a) = &p.assignees {
            let new: Vec<&str> = a.iter().flatten().map(|a| a.uid.as_str()).collect();
            let old: Vec<&str> = c.assignees.iter().map(|a| a.uid.as_str()).collect();
            if new != old {
                assigned.push(p);
            }
        }
    }
    let only_assign = reopened.is_empty()
        && assigned.len() == patches.len()
        && assigned.iter().all(|p| only_fields(p, "assignees"));
    let only_reopen = assigned.is_empty()
        && reopened.len() == patches.len()
        && reopened.iter().all(|p| only_fields(p, "status"));
    let mut ops = Vec::new();
    if !reopened.is_empty() {
        ops.push(Operation::ReopenCase);
    }
    if !assigned.is_empty() {
        ops.push(Operation::AssignCase);
    }
    if !only_assign && !only_reopen {
        ops.push(Operation::UpdateCase);
    }
    ops
}

/// Applies status side effects: close sets closed_at/by and durations, reopen clears them.
fn apply_status(c: &mut Case, to: Status, ctx: &Ctx, now: chrono::DateTime<chrono::Utc>) {
    if c.status == to {
        return;
    }
    let secs = |from: chrono::DateTime<chrono::Utc>| (now - from).num_seconds().max(0);
    match to {
        Status::Closed => {
            c.closed_at = Some(now);
            c.closed_by = Some(ctx.user());
            c.duration = Some(secs(c.created_at));
            c.time_to_resolve = Some(secs(c.created_at));
            c.time_to_acknowledge = Some(
                c.in_progress_at
                    .map(|t| (t - c.created_at).num_seconds().max(0))
                    .unwrap_or(secs(c.created_at)),
            );
            c.time_to_investigate = Some(c.in_progress_at.map(secs).unwrap_or(0));
        }
        Status::InProgress | Status::Open => {
            c.closed_at = None;
            c.closed_by = None;
            c.duration = None;
            c.time_to_resolve = None;
            c.time_to_investigate = None;
            if to == Status::InProgress {
                if c.in_progress_at.is_none() {
                    c.in_progress_at = Some(now);
                }
                c.time_to_acknowledge = c
                    .in_progress_at
                    .map(|t| (t - c.created_at).num_seconds().max(0));
            } else {
                c.time_to_acknowledge = None;
            }
        }
    }
    c.status = to;
}

impl Service {
    /// `POST /api/cases`.
    pub async fn create_case(&self, ctx: &Ctx, req: CasePostRequest) -> AppResult<Case> {
        let req = normalize_create(req)?;
        authorize(
            &ctx.principal,
            Operation::CreateCase,
            &[req.owner],
            &ctx.space,
        )?;
        if req.assignees.as_ref().is_some_and(|a| !a.is_empty()) {
            authorize(
                &ctx.principal,
                Operation::AssignCase,
                &[req.owner],
                &ctx.space,
            )?;
        }
        let defs = self
            .configuration_of(ctx, req.owner)
            .await?
            .map(|c| c.custom_fields)
            .unwrap_or_default();
        let custom_fields =
            resolve_custom_fields(&defs, req.custom_fields.as_deref().unwrap_or(&[]), &[])?;
        let now = Service::now();
        let case = Case {
            id: Service::new_id(),
            version: self.next_version(),
            owner: req.owner,
            title: req.title,
            description: req.description,
            tags: req.tags,
            severity: req.severity.unwrap_or_default(),
            status: Status::Open,
            assignees: req.assignees.unwrap_or_default(),
            category: req.category,
            custom_fields,
            settings: req.settings,
            connector: req.connector,
            external_service: None,
            created_at: now,
            created_by: ctx.user(),
            updated_at: None,
            updated_by: None,
            closed_at: None,
            closed_by: None,
            duration: None,
            in_progress_at: None,
            time_to_acknowledge: None,
            time_to_investigate: None,
            time_to_resolve: None,
            incremental_id: None,
            total_comment: 0,
            total_alerts: 0,
            total_events: 0,
            observables: vec![],
            comments: None,
        };
        let action = self.create_case_action(ctx, &case);
        let id = case.id.clone();
        self.store
            .write(
                &ctx.space,
                vec![
                    WriteOp::InsertCase(Box::new(case)),
                    WriteOp::InsertUserAction {
                        case_id: id.clone(),
                        action: Box::new(action),
                    },
                ],
            )
            .await?;
        self.load_case(ctx, &id).await
    }

    /// `GET /api/cases/{id}`.
    pub async fn get_case(&self, ctx: &Ctx, id: &str) -> AppResult<Case> {
        let case = self.load_case(ctx, id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadCase,
            &[case.owner],
            &ctx.space,
        )?;
        Ok(case)
    }

    fn patched(
        &self,
        ctx: &Ctx,
        old: &Case,
        p: &CasePatch,
        defs: &[casebook_api::configure::CustomFieldDefinition],
    ) -> AppResult<Case> {
        let now = Service::now();
        let mut c = old.clone();
        if let Some(v) = &p.title {
            c.title = v.clone();
        }
        if let Some(v) = &p.description {
            c.description = v.clone();
        }
        if let Some(v) = &p.tags {
            c.tags = v.clone();
        }
        if let Some(v) = &p.category {
            c.category = v.clone();
        }
        if let Some(v) = p.severity {
            c.severity = v;
        }
        if let Some(v) = &p.settings {
            c.settings = v.clone();
        }
        if let Some(v) = &p.connector {
            c.connector = v.clone();
        }
        if let Some(v) = &p.assignees {
            c.assignees = v.clone().unwrap_or_default();
        }
        if let Some(v) = &p.custom_fields {
            c.custom_fields = resolve_custom_fields(defs, v, &old.custom_fields)?;
        }
        if let Some(s) = p.status {
            apply_status(&mut c, s, ctx, now);
        }
        c.updated_at = Some(now);
        c.updated_by = Some(ctx.user());
        c.version = self.next_version();
        Ok(c)
    }

    /// `PATCH /api/cases`: all cases change or none do.
    pub async fn update_cases(&self, ctx: &Ctx, req: CasesPatchRequest) -> AppResult<Vec<Case>> {
        check_bulk_len("cases", req.cases.len(), MAX_CASES_TO_UPDATE)?;
        let patches = req
            .cases
            .into_iter()
            .map(normalize_patch)
            .collect::<Result<Vec<_>, _>>()?;
        let ids: Vec<String> = patches.iter().map(|p| p.id.clone()).collect();
        let found = self.store.cases(&ctx.space, &ids).await?;
        let absent: Vec<String> = ids
            .iter()
            .filter(|id| !found.iter().any(|c| &c.id == *id))
            .cloned()
            .collect();
        // Like Kibana, the cases that exist are authorized before missing ids are reported.
        let owners: Vec<_> = found.iter().map(|c| c.owner).collect();
        for op in operations_to_authorize(&patches, &found) {
            authorize(&ctx.principal, op, &owners, &ctx.space)?;
        }
        if !absent.is_empty() {
            return Err(missing(&absent));
        }
        let stale: Vec<String> = patches
            .iter()
            .filter(|p| found.iter().any(|c| c.id == p.id && c.version != p.version))
            .map(|p| p.id.clone())
            .collect();
        if !stale.is_empty() {
            return Err(conflict(&stale));
        }
        let mut ops = Vec::new();
        let mut changed_ids = Vec::new();
        for p in &patches {
            let old = found.iter().find(|c| c.id == p.id).expect("checked above");
            let defs = self
                .configuration_of(ctx, old.owner)
                .await?
                .map(|c| c.custom_fields)
                .unwrap_or_default();
            let new = self.patched(ctx, old, p, &defs)?;
            let actions = self.diff_actions(ctx, old, &new);
            if actions.is_empty() {
                continue;
            }
            changed_ids.push(new.id.clone());
            ops.push(WriteOp::UpdateCase {
                case: Box::new(new),
                expected_version: p.version.clone(),
            });
            ops.extend(actions.into_iter().map(|a| WriteOp::InsertUserAction {
                case_id: p.id.clone(),
                action: Box::new(a),
            }));
        }
        if changed_ids.is_empty() {
            return Err(AppError::Api(ApiError::not_acceptable(
                "All update fields are identical to current version.",
            )));
        }
        match self.store.write(&ctx.space, ops).await {
            Err(StoreError::Conflict(id)) => return Err(conflict(&[id])),
            other => other?,
        }
        let mut updated = self.store.cases(&ctx.space, &changed_ids).await?;
        updated.sort_by_key(|c| changed_ids.iter().position(|id| *id == c.id));
        Ok(updated)
    }

    /// `DELETE /api/cases?ids=`: deletes the cases with their attachments and user actions.
    pub async fn delete_cases(&self, ctx: &Ctx, mut ids: Vec<String>) -> AppResult<()> {
        check_bulk_len("ids", ids.len(), MAX_DELETE_IDS_LENGTH)?;
        // `?ids=a&ids=a` names one case: deleting it twice in the batch would fail the second
        // delete and roll the first back.
        let mut seen = std::collections::HashSet::new();
        ids.retain(|id| seen.insert(id.clone()));
        let found = self.store.cases(&ctx.space, &ids).await?;
        if let Some(id) = ids.iter().find(|id| !found.iter().any(|c| &c.id == *id)) {
            return Err(case_not_found(id));
        }
        let owners: Vec<_> = found.iter().map(|c| c.owner).collect();
        authorize(&ctx.principal, Operation::DeleteCase, &owners, &ctx.space)?;
        let ops = found
            .iter()
            .map(|c| WriteOp::DeleteCase { id: c.id.clone() })
            .collect();
        self.store.write(&ctx.space, ops).await?;
        for c in &found {
            // Kibana writes `delete_case` only to the audit log: the case's user actions go with it.
            let who = ctx.user().username;
            self.audit(
                who.as_deref(),
                "case_delete",
                "success",
                Some(&ctx.space),
                Some(&c.id),
                Some(c.owner.to_string()),
            )
            .await;
        }
        Ok(())
    }
}
