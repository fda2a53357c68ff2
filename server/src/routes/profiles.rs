//! User profile routes used by assignee pickers and avatars.

use super::extract::KJson;
use crate::error::AppResult;
use crate::service::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use casebook_api::security::{BulkGetProfilesRequest, SuggestUserProfilesRequest, UserProfile};

/// `POST /internal/cases/_suggest_user_profiles`.
pub async fn suggest(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<SuggestUserProfilesRequest>,
) -> AppResult<Json<Vec<UserProfile>>> {
    Ok(Json(s.service.suggest_profiles(&ctx, body).await?))
}

/// `POST /internal/security/user_profile/_bulk_get`.
pub async fn bulk_get(
    State(s): State<AppState>,
    ctx: Ctx,
    KJson(body): KJson<BulkGetProfilesRequest>,
) -> AppResult<Json<Vec<UserProfile>>> {
    Ok(Json(s.service.bulk_get_profiles(&ctx, &body.uids).await?))
}
