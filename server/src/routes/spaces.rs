//! A minimal Kibana spaces API (`/api/spaces/space`) and the current user
//! (`/internal/security/me`).

use super::extract::KJson;
use crate::error::{AppError, AppResult};
use crate::service::Ctx;
use crate::state::AppState;
use crate::store::StoreError;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use casebook_api::ApiError;
use casebook_api::security::AuthenticatedUser;
use casebook_api::space::{DEFAULT_SPACE, Space, SpaceRequest, validate_space_id};

fn space_of(r: SpaceRequest) -> AppResult<Space> {
    validate_space_id(&r.id).map_err(AppError::bad_request)?;
    if r.name.trim().is_empty() {
        return Err(AppError::bad_request("[name]: must not be empty"));
    }
    Ok(Space {
        id: r.id,
        name: r.name.trim().to_string(),
        description: r.description,
        color: r.color,
        initials: r.initials,
        disabled_features: r.disabled_features,
        reserved: None,
    })
}

fn admin(ctx: &Ctx) -> AppResult<()> {
    if ctx.principal.privileges.is_superuser() {
        Ok(())
    } else {
        Err(AppError::Api(ApiError::forbidden(
            "Forbidden: managing spaces needs the superuser role",
        )))
    }
}

fn not_found() -> AppError {
    AppError::not_found("Not Found")
}

/// `GET /api/spaces/space`.
pub async fn list(State(s): State<AppState>, ctx: Ctx) -> AppResult<Json<Vec<Space>>> {
    let all = s.service.store().spaces().await?;
    Ok(Json(
        all.into_iter()
            .filter(|sp| ctx.principal.privileges.any_in_space(&sp.id))
            .collect(),
    ))
}

/// `GET /api/spaces/space/{id}`: only spaces the user has something in.
pub async fn get(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<Space>> {
    let all = s.service.store().spaces().await?;
    let space = all
        .into_iter()
        .find(|sp| sp.id == id)
        .ok_or_else(not_found)?;
    if !ctx.principal.privileges.any_in_space(&space.id) {
        return Err(AppError::Api(ApiError::forbidden(format!(
            "Unauthorized to get {id} space"
        ))));
    }
    Ok(Json(space))
}

/// `POST /api/spaces/space`.
pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<SpaceRequest>,
) -> AppResult<Json<Space>> {
    admin(&ctx)?;
    let space = space_of(body)?;
    match s.service.store().create_space(space.clone()).await {
        Err(StoreError::AlreadyExists(_)) => {
            return Err(AppError::Api(ApiError::conflict(format!(
                "A space with the identifier {} already exists.",
                space.id
            ))));
        }
        other => other?,
    }
    s.spaces
        .write()
        .expect("spaces lock poisoned")
        .insert(space.id.clone());
    Ok(Json(space))
}

/// `PUT /api/spaces/space/{id}`.
pub async fn update(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    KJson(body): KJson<SpaceRequest>,
) -> AppResult<Json<Space>> {
    admin(&ctx)?;
    if body.id != id {
        return Err(AppError::bad_request(
            "Space ID in the body does not match the space ID in the URL",
        ));
    }
    let mut space = space_of(body)?;
    if id == DEFAULT_SPACE {
        space.reserved = Some(true);
    }
    match s.service.store().update_space(space.clone()).await {
        Err(StoreError::NotFound(_)) => return Err(not_found()),
        other => other?,
    }
    Ok(Json(space))
}

/// `DELETE /api/spaces/space/{id}`: deletes the space and everything in it.
pub async fn delete(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    admin(&ctx)?;
    if id == DEFAULT_SPACE {
        return Err(AppError::bad_request(
            "The default space cannot be deleted because it is reserved.",
        ));
    }
    match s.service.store().delete_space(&id).await {
        Err(StoreError::NotFound(_)) => return Err(not_found()),
        other => other?,
    }
    s.spaces.write().expect("spaces lock poisoned").remove(&id);
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /internal/security/me`.
pub async fn me(ctx: Ctx) -> Json<AuthenticatedUser> {
    let u = ctx.principal.user;
    Json(AuthenticatedUser {
        username: u.username.unwrap_or_default(),
        full_name: u.full_name,
        email: u.email,
        roles: ctx.principal.roles,
        profile_uid: u.profile_uid.unwrap_or_default(),
        enabled: true,
        authentication_type: "basic".into(),
    })
}
