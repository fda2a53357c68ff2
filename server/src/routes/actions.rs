//! Kibana's actions API for connectors, the push route and the case's connector states.

use super::extract::KJson;
use crate::error::AppResult;
use crate::service::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use casebook_api::Case;
use casebook_api::actions::{
    ActionConnector, CaseConnectorState, ConnectorTypeInfo, CreateConnectorRequest, ExecuteRequest,
    ExecuteResponse, UpdateConnectorRequest,
};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// `GET /api/actions/connectors`.
pub async fn list(State(s): State<AppState>, ctx: Ctx) -> AppResult<Json<Vec<ActionConnector>>> {
    Ok(Json(s.service.list_connectors(&ctx).await?))
}

/// `POST /api/actions/connector`.
pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<CreateConnectorRequest>,
) -> AppResult<Json<ActionConnector>> {
    Ok(Json(s.service.create_connector(&ctx, None, body).await?))
}

/// `POST /api/actions/connector/{id}`.
pub async fn create_with_id(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    KJson(body): KJson<CreateConnectorRequest>,
) -> AppResult<Json<ActionConnector>> {
    Ok(Json(
        s.service.create_connector(&ctx, Some(id), body).await?,
    ))
}

/// `GET /api/actions/connector/{id}`.
pub async fn get(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<ActionConnector>> {
    Ok(Json(s.service.get_connector(&ctx, &id).await?))
}

/// `PUT /api/actions/connector/{id}`.
pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    KJson(body): KJson<UpdateConnectorRequest>,
) -> AppResult<Json<ActionConnector>> {
    Ok(Json(s.service.update_connector(&ctx, &id, body).await?))
}

/// `DELETE /api/actions/connector/{id}`.
pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    s.service.delete_connector(&ctx, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/actions/connector_types`.
pub async fn types(State(s): State<AppState>, _ctx: Ctx) -> Json<Vec<ConnectorTypeInfo>> {
    Json(s.service.connector_types())
}

/// `POST /api/actions/connector/{id}/_execute`.
pub async fn execute(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    KJson(body): KJson<ExecuteRequest>,
) -> AppResult<Json<ExecuteResponse>> {
    Ok(Json(
        s.service.execute_connector(&ctx, &id, body.params).await?,
    ))
}

/// `GET /internal/actions/connector/{id}/_usage`: how many cases use it and the newest 100.
pub async fn usage(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let (total, cases) = s.service.connector_usage(&ctx, &id).await?;
    let cases: Vec<Value> = cases
        .into_iter()
        .map(|(id, title)| json!({ "id": id, "title": title }))
        .collect();
    Ok(Json(json!({ "total": total, "cases": cases })))
}

/// `POST /api/cases/{id}/connector/{connectorId}/_push` (body: nothing, `null` or `{}`).
pub async fn push(
    State(s): State<AppState>,
    ctx: Ctx,
    Path((case_id, connector_id)): Path<(String, String)>,
    KJson(body): KJson<Option<serde_json::Map<String, Value>>>,
) -> AppResult<Json<Case>> {
    if body.is_some_and(|b| !b.is_empty()) {
        return Err(crate::error::AppError::bad_request(
            "[request body]: expected an empty object",
        ));
    }
    Ok(Json(
        s.service.push_case(&ctx, &case_id, &connector_id).await?,
    ))
}

/// `GET /internal/cases/{id}/_connectors`.
pub async fn case_connectors(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(case_id): Path<String>,
) -> AppResult<Json<BTreeMap<String, CaseConnectorState>>> {
    Ok(Json(s.service.case_connectors(&ctx, &case_id).await?))
}
