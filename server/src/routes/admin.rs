//! Security administration routes: users, roles, API keys, audit log and capabilities.

use super::extract::{KJson, Q};
use crate::error::{AppError, AppResult};
use crate::service::Ctx;
use crate::session;
use crate::state::AppState;
use crate::store::AuditEvent;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use casebook_api::security::{
    ApiKeyList, Capabilities, CreateApiKeyRequest, CreateApiKeyResponse, InvalidateApiKeysRequest,
    InvalidateApiKeysResponse, PasswordRequest, Role, RoleRequest, UserInfo, UserRequest,
};
use serde_json::{Value, json};

/// `GET /api/security/role`.
pub async fn roles(State(s): State<AppState>, ctx: Ctx) -> AppResult<Json<Vec<Role>>> {
    Ok(Json(s.service.roles(&ctx).await?))
}

/// `GET /api/security/role/{name}`.
pub async fn role(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
) -> AppResult<Json<Role>> {
    let all = s.service.roles(&ctx).await?;
    all.into_iter()
        .find(|r| r.name == name)
        .map(Json)
        .ok_or_else(|| AppError::not_found("Not Found"))
}

/// `PUT /api/security/role/{name}`.
pub async fn put_role(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    KJson(body): KJson<RoleRequest>,
) -> AppResult<StatusCode> {
    s.service.put_role(&ctx, &name, body).await?;
    s.auth.forget_all();
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/security/role/{name}`.
pub async fn delete_role(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
) -> AppResult<StatusCode> {
    s.service.delete_role(&ctx, &name).await?;
    s.auth.forget_all();
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /internal/security/users`.
pub async fn users(State(s): State<AppState>, ctx: Ctx) -> AppResult<Json<Vec<UserInfo>>> {
    Ok(Json(s.service.users(&ctx).await?))
}

/// `GET /internal/security/users/{username}`.
pub async fn user(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
) -> AppResult<Json<UserInfo>> {
    Ok(Json(s.service.user(&ctx, &name).await?))
}

/// `POST /internal/security/users/{username}`.
pub async fn put_user(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    KJson(body): KJson<UserRequest>,
) -> AppResult<Json<UserInfo>> {
    let out = s.service.put_user(&ctx, &name, body).await?;
    s.auth.forget_all();
    if !out.enabled {
        s.sessions.end_all_for(&name);
    }
    Ok(Json(out))
}

/// `DELETE /internal/security/users/{username}` (disables the account).
pub async fn delete_user(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
) -> AppResult<StatusCode> {
    s.service.delete_user(&ctx, &name).await?;
    s.auth.forget_all();
    s.sessions.end_all_for(&name);
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /internal/security/users/{username}/password`: ends the user's sessions; whoever
/// changed their own password from a session gets a fresh one.
pub async fn password(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    headers: HeaderMap,
    KJson(body): KJson<PasswordRequest>,
) -> AppResult<Response> {
    s.service
        .change_password(&ctx, &name, body.password.as_deref(), &body.new_password)
        .await?;
    s.auth.forget_all();
    s.sessions.end_all_for(&name);
    let own_session = ctx.principal.user.username.as_deref() == Some(name.as_str())
        && headers
            .get(header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(session::token_in)
            .is_some();
    if own_session {
        let token = s.sessions.create(&name);
        return Ok((
            StatusCode::NO_CONTENT,
            [(header::SET_COOKIE, session::set_cookie(&token))],
        )
            .into_response());
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /internal/security/api_key`.
pub async fn create_api_key(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<CreateApiKeyRequest>,
) -> AppResult<Json<CreateApiKeyResponse>> {
    Ok(Json(s.service.create_api_key(&ctx, body).await?))
}

/// `GET /internal/security/api_key[?isAdmin=true]`.
pub async fn api_keys(State(s): State<AppState>, ctx: Ctx, Q(q): Q) -> AppResult<Json<ApiKeyList>> {
    q.only(&["isAdmin"])?;
    let all = q.one("isAdmin")?.as_deref() == Some("true");
    Ok(Json(s.service.api_keys(&ctx, all).await?))
}

/// `POST /internal/security/api_key/invalidate`.
pub async fn invalidate_api_keys(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<InvalidateApiKeysRequest>,
) -> AppResult<Json<InvalidateApiKeysResponse>> {
    Ok(Json(s.service.invalidate_api_keys(&ctx, body).await?))
}

/// `GET /internal/casebook/audit?action=&user=&size=`.
pub async fn audit(State(s): State<AppState>, ctx: Ctx, Q(q): Q) -> AppResult<Json<Value>> {
    q.only(&["action", "user", "size"])?;
    let size = q.number("size", 100)?;
    let events: Vec<AuditEvent> = s
        .service
        .audit_events(
            &ctx,
            q.one("action")?.as_deref(),
            q.one("user")?.as_deref(),
            size,
        )
        .await?;
    Ok(Json(json!({ "events": events })))
}

/// `GET /internal/casebook/capabilities`.
pub async fn capabilities(State(s): State<AppState>, ctx: Ctx) -> Json<Capabilities> {
    Json(s.service.capabilities(&ctx))
}
