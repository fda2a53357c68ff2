//! Handlers for case settings and the internal per-case reads (stats, users, metrics).

use super::cases::owners_only;
use super::extract::{KJson, Q};
use crate::error::{AppError, AppResult};
use crate::service::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use casebook_api::configure::{
    Configuration, ConfigurationPatch, ConfigurationRequest, FindConnector,
};
use casebook_api::find::parse_date_math;
use casebook_api::metrics::{CaseMetrics, CasesMetrics};
use casebook_api::security::CaseUsers;
use casebook_api::user_action::UserActionStats;
use chrono::Utc;

/// `GET /api/cases/configure`.
pub async fn get(
    State(s): State<AppState>,
    ctx: Ctx,
    Q(q): Q,
) -> AppResult<Json<Vec<Configuration>>> {
    Ok(Json(
        s.service
            .get_configurations(&ctx, &owners_only(&q)?)
            .await?,
    ))
}

/// `POST /api/cases/configure`.
pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<ConfigurationRequest>,
) -> AppResult<Json<Configuration>> {
    Ok(Json(s.service.create_configuration(&ctx, body).await?))
}

/// `PATCH /api/cases/configure/{id}`.
pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    KJson(body): KJson<ConfigurationPatch>,
) -> AppResult<Json<Configuration>> {
    Ok(Json(s.service.update_configuration(&ctx, &id, body).await?))
}

/// `GET /api/cases/configure/connectors/_find`.
pub async fn connectors(
    State(s): State<AppState>,
    ctx: Ctx,
) -> AppResult<Json<Vec<FindConnector>>> {
    Ok(Json(s.service.find_case_connectors(&ctx).await?))
}

/// `GET /internal/cases/{id}/user_actions/_stats`.
pub async fn stats(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<UserActionStats>> {
    Ok(Json(s.service.user_action_stats(&ctx, &id).await?))
}

/// `GET /internal/cases/{id}/_users`.
pub async fn users(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<CaseUsers>> {
    Ok(Json(s.service.case_users(&ctx, &id).await?))
}

/// `GET /internal/cases/metrics?features=…&owner=…&from=…&to=…`.
pub async fn metrics(
    State(s): State<AppState>,
    ctx: Ctx,
    Q(q): Q,
) -> AppResult<Json<CasesMetrics>> {
    q.only(&["features", "owner", "from", "to"])?;
    let owners = q
        .all("owner")
        .iter()
        .map(|o| o.parse().map_err(AppError::bad_request))
        .collect::<AppResult<Vec<_>>>()?;
    let now = Utc::now();
    let date = |key: &str, up: bool| -> AppResult<_> {
        match q.one(key)? {
            None => Ok(None),
            Some(v) => parse_date_math(&v, now, up).map(Some).ok_or_else(|| {
                AppError::bad_request(format!("Invalid value \"{v}\" supplied to \"{key}\""))
            }),
        }
    };
    let (from, to) = (date("from", false)?, date("to", true)?);
    Ok(Json(
        s.service
            .metrics(&ctx, &q.all("features"), &owners, from, to)
            .await?,
    ))
}

/// `GET /internal/cases/metrics/{id}?features=…`.
pub async fn case_metrics(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Q(q): Q,
) -> AppResult<Json<CaseMetrics>> {
    q.only(&["features"])?;
    Ok(Json(
        s.service
            .case_metrics(&ctx, &id, &q.all("features"))
            .await?,
    ))
}
