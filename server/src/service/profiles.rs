//! User profiles for assignee pickers: suggestions by name and lookup by uid.

use super::authz::{Operation, allowed};
use super::{Ctx, Service};
use crate::error::{AppError, AppResult};
use crate::service::authz::Principal;
use crate::service::privileges::builtin_roles;
use crate::store::UserRecord;
use casebook_api::limits::MAX_SUGGESTED_PROFILES;
use casebook_api::security::{ProfileUser, SuggestUserProfilesRequest, UserProfile};

fn profile(u: &UserRecord) -> UserProfile {
    UserProfile {
        uid: u.profile_uid.clone(),
        enabled: u.enabled,
        data: serde_json::json!({}),
        user: ProfileUser {
            username: u.username.clone(),
            email: u.email.clone(),
            full_name: u.full_name.clone(),
        },
    }
}

impl Service {
    /// `POST /internal/cases/_suggest_user_profiles`: enabled users who may update cases of every
    /// given owner, whose username, full name or e-mail starts with `name` (any word of it).
    pub async fn suggest_profiles(
        &self,
        ctx: &Ctx,
        req: SuggestUserProfilesRequest,
    ) -> AppResult<Vec<UserProfile>> {
        let size = req.size.unwrap_or(MAX_SUGGESTED_PROFILES);
        if size == 0 || size > MAX_SUGGESTED_PROFILES {
            return Err(AppError::bad_request(format!(
                "[size]: Value must be between 1 and {MAX_SUGGESTED_PROFILES}"
            )));
        }
        let needle = req.name.trim().to_lowercase();
        let users = self.store.users().await?;
        // Custom roles count too: whoever may update the owners' cases can be assigned.
        let mut roles = builtin_roles();
        roles.extend(self.store.roles().await?);
        let matches = |u: &UserRecord| {
            needle.is_empty()
                || [Some(&u.username), u.full_name.as_ref(), u.email.as_ref()]
                    .into_iter()
                    .flatten()
                    .flat_map(|s| {
                        s.split_whitespace()
                            .map(str::to_lowercase)
                            .chain([s.to_lowercase()])
                    })
                    .any(|w| w.starts_with(&needle))
        };
        Ok(users
            .iter()
            .filter(|u| u.enabled && matches(u))
            .filter(|u| {
                let defs: Vec<_> = roles
                    .iter()
                    .filter(|r| u.roles.contains(&r.name))
                    .cloned()
                    .collect();
                let p = Principal::with_roles(u.as_user(), u.roles.clone(), &defs);
                req.owners
                    .iter()
                    .all(|o| allowed(&p, Operation::UpdateCase, *o, &ctx.space))
            })
            .take(size)
            .map(profile)
            .collect())
    }

    /// `POST /internal/security/user_profile/_bulk_get`.
    pub async fn bulk_get_profiles(
        &self,
        _ctx: &Ctx,
        uids: &[String],
    ) -> AppResult<Vec<UserProfile>> {
        Ok(self
            .store
            .users_by_uid(uids)
            .await?
            .iter()
            .map(profile)
            .collect())
    }
}
