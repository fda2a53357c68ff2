//! Handlers for `/api/cases` and the reads across cases: thin wrappers over the service.

use super::extract::{KJson, Q};
use crate::error::{AppError, AppResult};
use crate::service::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use casebook_api::case::{CasePostRequest, CasesPatchRequest};
use casebook_api::find::CasesFindParams;
use casebook_api::query::Query;
use casebook_api::{Case, Owner, User};

/// The `owner` query parameter (one or many), rejecting other keys.
pub fn owners_only(q: &Query) -> AppResult<Vec<Owner>> {
    q.only(&["owner"])?;
    q.all("owner")
        .iter()
        .map(|o| o.parse().map_err(AppError::bad_request))
        .collect()
}

/// `POST /api/cases`.
pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<CasePostRequest>,
) -> AppResult<Json<Case>> {
    Ok(Json(s.service.create_case(&ctx, body).await?))
}

/// `PATCH /api/cases`.
pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<CasesPatchRequest>,
) -> AppResult<Json<Vec<Case>>> {
    Ok(Json(s.service.update_cases(&ctx, body).await?))
}

/// `DELETE /api/cases?ids=…`.
pub async fn delete(State(s): State<AppState>, ctx: Ctx, Q(q): Q) -> AppResult<StatusCode> {
    q.only(&["ids"])?;
    s.service.delete_cases(&ctx, q.all("ids")).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/cases/{id}`.
pub async fn get(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Q(q): Q,
) -> AppResult<Json<Case>> {
    q.only(&[])?;
    Ok(Json(s.service.get_case(&ctx, &id).await?))
}

/// `GET /api/cases/_find`.
pub async fn find(
    State(s): State<AppState>,
    ctx: Ctx,
    Q(q): Q,
) -> AppResult<Json<casebook_api::find::CasesFindResponse<crate::store::FoundCase>>> {
    let params = CasesFindParams::from_query(&q)?;
    Ok(Json(s.service.find_cases(&ctx, params).await?))
}

/// `GET /api/cases/tags`.
pub async fn tags(State(s): State<AppState>, ctx: Ctx, Q(q): Q) -> AppResult<Json<Vec<String>>> {
    Ok(Json(s.service.tags(&ctx, &owners_only(&q)?).await?))
}

/// `GET /api/cases/reporters`.
pub async fn reporters(State(s): State<AppState>, ctx: Ctx, Q(q): Q) -> AppResult<Json<Vec<User>>> {
    Ok(Json(s.service.reporters(&ctx, &owners_only(&q)?).await?))
}

/// `GET /internal/cases/categories`.
pub async fn categories(
    State(s): State<AppState>,
    ctx: Ctx,
    Q(q): Q,
) -> AppResult<Json<Vec<String>>> {
    Ok(Json(s.service.categories(&ctx, &owners_only(&q)?).await?))
}

/// `GET /api/cases/alerts/{alertId}`.
pub async fn by_alert(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(alert_id): Path<String>,
    Q(q): Q,
) -> AppResult<Json<Vec<casebook_api::alerts::RelatedCase>>> {
    Ok(Json(
        s.service
            .cases_by_alert(&ctx, &alert_id, &owners_only(&q)?)
            .await?,
    ))
}
