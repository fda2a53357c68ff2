//! Handlers for a case's attachments, alerts and user actions.

use super::extract::{KJson, Q};
use crate::error::AppResult;
use crate::service::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use casebook_api::Case;
use casebook_api::alerts::CaseAlert;
use casebook_api::comment::{
    Attachment, AttachmentPatchRequest, AttachmentRequest, CommentsFindResponse,
};
use casebook_api::find::{comments_find_params, user_actions_find_params};
use casebook_api::user_action::UserActionsFindResponse;

/// `POST /api/cases/{id}/comments`.
pub async fn add(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    KJson(body): KJson<AttachmentRequest>,
) -> AppResult<Json<Case>> {
    Ok(Json(s.service.add_comment(&ctx, &id, body).await?))
}

/// `PATCH /api/cases/{id}/comments`.
pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    KJson(body): KJson<AttachmentPatchRequest>,
) -> AppResult<Json<Case>> {
    Ok(Json(s.service.update_comment(&ctx, &id, body).await?))
}

/// `DELETE /api/cases/{id}/comments`.
pub async fn delete_all(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    s.service.delete_all_comments(&ctx, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/cases/{id}/comments/{commentId}`.
pub async fn get(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, comment_id)): Path<(String, String)>,
) -> AppResult<Json<Attachment>> {
    Ok(Json(s.service.get_comment(&ctx, &id, &comment_id).await?))
}

/// `DELETE /api/cases/{id}/comments/{commentId}`.
pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((id, comment_id)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    s.service.delete_comment(&ctx, &id, &comment_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/cases/{id}/comments/_find`.
pub async fn find(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Q(q): Q,
) -> AppResult<Json<CommentsFindResponse>> {
    let p = comments_find_params(&q)?;
    Ok(Json(s.service.find_comments(&ctx, &id, p).await?))
}

/// `GET /api/cases/{id}/alerts`.
pub async fn alerts(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<CaseAlert>>> {
    Ok(Json(s.service.case_alerts(&ctx, &id).await?))
}

/// `GET /api/cases/{id}/user_actions/_find`.
pub async fn user_actions(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Q(q): Q,
) -> AppResult<Json<UserActionsFindResponse>> {
    let (p, types) = user_actions_find_params(&q)?;
    Ok(Json(
        s.service.find_user_actions(&ctx, &id, p, types).await?,
    ))
}
