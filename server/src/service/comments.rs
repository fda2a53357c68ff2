//! Attachments: add, update, delete (one or all), get, find, and the alert views. Every change
//! bumps the case's version and `updated_at/by` and records a `comment` user action, in the same
//! batch as the attachment itself.

use super::authz::{Operation, authorize};
use super::{Ctx, Service, comment_not_found};
use crate::error::{AppError, AppResult};
use crate::store::{Page, StoreError, WriteOp};
use casebook_api::alerts::CaseAlert;
use casebook_api::comment::{
    Attachment, AttachmentPatchRequest, AttachmentPayload, AttachmentRequest, CommentsFindResponse,
    OneOrMany,
};
use casebook_api::find::{PageParams, SortOrder};
use casebook_api::limits::MAX_ALERTS_PER_CASE;
use casebook_api::user_action::UserActionAction as A;
use casebook_api::validate::check_attachment;
use casebook_api::{ApiError, Case, Status};

/// Kibana's 409 for a stale attachment version (`server/client/attachments/update.ts`): it
/// names the case, not the comment.
fn comment_conflict() -> AppError {
    AppError::Api(ApiError::conflict(
        "This case has been updated. Please refresh before saving additional updates.",
    ))
}

impl Service {
    /// The case with every attachment, as comment and push responses return it.
    pub async fn case_with_comments(&self, ctx: &Ctx, id: &str) -> AppResult<Case> {
        let mut case = self.load_case(ctx, id).await?;
        let (all, _) = self
            .store
            .attachments(&ctx.space, id, false, SortOrder::Asc, None)
            .await?;
        case.comments = Some(all);
        Ok(case)
    }

    fn touched(&self, ctx: &Ctx, case: &Case) -> WriteOp {
        let mut c = case.clone();
        c.updated_at = Some(Service::now());
        c.updated_by = Some(ctx.user());
        c.version = self.next_version();
        WriteOp::UpdateCase {
            case: Box::new(c),
            expected_version: case.version.clone(),
        }
    }

    /// Drops alert ids already on the case and enforces the per-case alert limit.
    async fn new_alerts_only(
        &self,
        ctx: &Ctx,
        case: &Case,
        payload: AttachmentPayload,
    ) -> AppResult<Option<AttachmentPayload>> {
        let AttachmentPayload::Alert {
            alert_id,
            index,
            rule,
        } = payload
        else {
            return Ok(Some(payload));
        };
        if case.status == Status::Closed {
            return Err(AppError::bad_request(
                "Alert cannot be attached to a closed case",
            ));
        }
        let existing = self.store.case_alerts(&ctx.space, &case.id).await?;
        let (ids, idx) = (alert_id.to_vec(), index.to_vec());
        let mut keep_ids = Vec::new();
        let mut keep_idx = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if !existing.iter().any(|a| &a.id == id) && !keep_ids.contains(id) {
                keep_ids.push(id.clone());
                keep_idx.push(idx.get(i).cloned().unwrap_or_default());
            }
        }
        if existing.len() + keep_ids.len() > MAX_ALERTS_PER_CASE {
            return Err(AppError::bad_request(format!(
                "Case has reached the maximum allowed number ({MAX_ALERTS_PER_CASE}) of attached alerts."
            )));
        }
        Ok(match keep_ids.len() {
            0 => None,
            _ if matches!(alert_id, OneOrMany::One(_)) => Some(AttachmentPayload::Alert {
                alert_id: OneOrMany::One(keep_ids.remove(0)),
                index: OneOrMany::One(keep_idx.remove(0)),
                rule,
            }),
            _ => Some(AttachmentPayload::Alert {
                alert_id: OneOrMany::Many(keep_ids),
                index: OneOrMany::Many(keep_idx),
                rule,
            }),
        })
    }

    /// `POST /api/cases/{id}/comments`.
    pub async fn add_comment(
        &self,
        ctx: &Ctx,
        case_id: &str,
        req: AttachmentRequest,
    ) -> AppResult<Case> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::CreateComment,
            &[case.owner],
            &ctx.space,
        )?;
        let payload = check_attachment(req.payload)?;
        if req.owner != case.owner {
            return Err(AppError::bad_request(
                "The owner field of the comment must match the case",
            ));
        }
        let Some(payload) = self.new_alerts_only(ctx, &case, payload).await? else {
            return self.case_with_comments(ctx, case_id).await;
        };
        let attachment = Attachment {
            id: Service::new_id(),
            version: self.next_version(),
            owner: case.owner,
            payload,
            created_at: Service::now(),
            created_by: ctx.user(),
            pushed_at: None,
            pushed_by: None,
            updated_at: None,
            updated_by: None,
        };
        let action = self.comment_action(ctx, &attachment, A::Create);
        let ops = vec![
            self.touched(ctx, &case),
            WriteOp::InsertAttachment {
                case_id: case.id.clone(),
                attachment: Box::new(attachment),
            },
            WriteOp::InsertUserAction {
                case_id: case.id.clone(),
                action: Box::new(action),
            },
        ];
        self.commit_case_change(ctx, &case.id, ops).await?;
        self.case_with_comments(ctx, case_id).await
    }

    async fn commit_case_change(
        &self,
        ctx: &Ctx,
        case_id: &str,
        ops: Vec<WriteOp>,
    ) -> AppResult<()> {
        match self.store.write(&ctx.space, ops).await {
            Err(StoreError::Conflict(id)) if id == case_id => {
                Err(AppError::Api(ApiError::conflict(format!(
                    "This case {case_id} has been updated. Please refresh before saving additional updates."
                ))))
            }
            Err(StoreError::Conflict(_)) => Err(comment_conflict()),
            other => Ok(other?),
        }
    }

    /// `PATCH /api/cases/{id}/comments`.
    pub async fn update_comment(
        &self,
        ctx: &Ctx,
        case_id: &str,
        req: AttachmentPatchRequest,
    ) -> AppResult<Case> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::UpdateComment,
            &[case.owner],
            &ctx.space,
        )?;
        let payload = check_attachment(req.payload)?;
        let old = self
            .store
            .attachment(&ctx.space, case_id, &req.id)
            .await?
            .ok_or_else(|| comment_not_found(&req.id))?;
        if old.payload.type_name() != payload.type_name() {
            return Err(AppError::bad_request(
                "You cannot change the type of the comment.",
            ));
        }
        if old.owner != req.owner {
            return Err(AppError::bad_request(
                "You cannot change the owner of the comment.",
            ));
        }
        if old.version != req.version {
            return Err(comment_conflict());
        }
        let mut new = old.clone();
        new.payload = payload;
        new.version = self.next_version();
        new.updated_at = Some(Service::now());
        new.updated_by = Some(ctx.user());
        let action = self.comment_action(ctx, &new, A::Update);
        let ops = vec![
            self.touched(ctx, &case),
            WriteOp::UpdateAttachment {
                case_id: case.id.clone(),
                attachment: Box::new(new),
                expected_version: old.version,
            },
            WriteOp::InsertUserAction {
                case_id: case.id.clone(),
                action: Box::new(action),
            },
        ];
        self.commit_case_change(ctx, &case.id, ops).await?;
        self.case_with_comments(ctx, case_id).await
    }

    /// `DELETE /api/cases/{id}/comments/{commentId}`.
    pub async fn delete_comment(
        &self,
        ctx: &Ctx,
        case_id: &str,
        comment_id: &str,
    ) -> AppResult<()> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::DeleteComment,
            &[case.owner],
            &ctx.space,
        )?;
        let old = self
            .store
            .attachment(&ctx.space, case_id, comment_id)
            .await?
            .ok_or_else(|| comment_not_found(comment_id))?;
        let action = self.comment_action(ctx, &old, A::Delete);
        let ops = vec![
            self.touched(ctx, &case),
            WriteOp::DeleteAttachment {
                case_id: case.id.clone(),
                id: old.id.clone(),
            },
            WriteOp::InsertUserAction {
                case_id: case.id.clone(),
                action: Box::new(action),
            },
        ];
        self.commit_case_change(ctx, &case.id, ops).await
    }

    /// `DELETE /api/cases/{id}/comments`: every attachment of the case.
    pub async fn delete_all_comments(&self, ctx: &Ctx, case_id: &str) -> AppResult<()> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::DeleteComment,
            &[case.owner],
            &ctx.space,
        )?;
        let (all, _) = self
            .store
            .attachments(&ctx.space, case_id, false, SortOrder::Asc, None)
            .await?;
        if all.is_empty() {
            return Ok(());
        }
        let mut ops = vec![self.touched(ctx, &case)];
        for a in &all {
            ops.push(WriteOp::DeleteAttachment {
                case_id: case.id.clone(),
                id: a.id.clone(),
            });
            let action = self.comment_action(ctx, a, A::Delete);
            ops.push(WriteOp::InsertUserAction {
                case_id: case.id.clone(),
                action: Box::new(action),
            });
        }
        self.commit_case_change(ctx, &case.id, ops).await
    }

    /// `GET /api/cases/{id}/comments/{commentId}`.
    pub async fn get_comment(
        &self,
        ctx: &Ctx,
        case_id: &str,
        comment_id: &str,
    ) -> AppResult<Attachment> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadComment,
            &[case.owner],
            &ctx.space,
        )?;
        self.store
            .attachment(&ctx.space, case_id, comment_id)
            .await?
            .ok_or_else(|| comment_not_found(comment_id))
    }

    /// `GET /api/cases/{id}/comments/_find`: user comments only.
    pub async fn find_comments(
        &self,
        ctx: &Ctx,
        case_id: &str,
        p: PageParams,
    ) -> AppResult<CommentsFindResponse> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadComment,
            &[case.owner],
            &ctx.space,
        )?;
        let page = Page {
            page: p.page,
            per_page: p.per_page,
        };
        let (comments, total) = self
            .store
            .attachments(&ctx.space, case_id, true, p.sort_order, Some(page))
            .await?;
        Ok(CommentsFindResponse {
            comments,
            page: p.page,
            per_page: p.per_page,
            total,
        })
    }

    /// `GET /api/cases/{id}/alerts`.
    pub async fn case_alerts(&self, ctx: &Ctx, case_id: &str) -> AppResult<Vec<CaseAlert>> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadComment,
            &[case.owner],
            &ctx.space,
        )?;
        Ok(self.store.case_alerts(&ctx.space, case_id).await?)
    }
}
