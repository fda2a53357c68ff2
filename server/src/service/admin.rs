//! Security administration: users, roles, API keys, the audit log, and the capabilities the
//! UI uses to show only what a user may do. Managing users, roles and reading the audit log
//! needs superuser; anyone may manage their own API keys (limited to their own privileges).

use super::authz::Operation;
use super::privileges::{self, Cap, Feature, builtin_roles};
use super::{Ctx, Service};
use crate::auth::{api_key_hash, hash_password};
use crate::bootstrap::new_user;
use crate::error::{AppError, AppResult};
use crate::store::{ApiKeyRecord, AuditEvent, StoreError, UserRecord};
use base64::Engine;
use casebook_api::security::{
    ApiKeyInfo, ApiKeyList, ApiKeyRef, Capabilities, CasesCapabilities, CreateApiKeyRequest,
    CreateApiKeyResponse, InvalidateApiKeysRequest, InvalidateApiKeysResponse, Role, RoleRequest,
    UserInfo, UserRequest,
};
use casebook_api::{ApiError, Owner};
use chrono::{Duration, Utc};

fn forbidden() -> AppError {
    AppError::Api(ApiError::forbidden(
        "Forbidden: this action needs the superuser role",
    ))
}

fn info(u: &UserRecord) -> UserInfo {
    UserInfo {
        username: u.username.clone(),
        full_name: u.full_name.clone(),
        email: u.email.clone(),
        roles: u.roles.clone(),
        enabled: u.enabled,
        profile_uid: u.profile_uid.clone(),
    }
}

/// Parses an API key lifetime (`30m`, `12h`, `7d`, `1w`).
pub fn parse_lifetime(s: &str) -> Option<Duration> {
    let (n, unit) = s.trim().split_at(s.trim().len().checked_sub(1)?);
    let n: i64 = n.parse().ok().filter(|n| *n > 0)?;
    Some(match unit {
        "s" => Duration::seconds(n),
        "m" => Duration::minutes(n),
        "h" => Duration::hours(n),
        "d" => Duration::days(n),
        "w" => Duration::weeks(n),
        _ => return None,
    })
}

fn check_password(p: &str) -> AppResult<()> {
    if p.chars().count() < 6 {
        return Err(AppError::bad_request(
            "Password must be at least 6 characters long",
        ));
    }
    Ok(())
}

impl Service {
    fn require_superuser(&self, ctx: &Ctx) -> AppResult<()> {
        if ctx.principal.privileges.is_superuser() {
            Ok(())
        } else {
            Err(forbidden())
        }
    }

    /// Records a security-relevant event (a failure to record is logged, never fatal).
    pub async fn audit(
        &self,
        who: Option<&str>,
        action: &str,
        outcome: &str,
        space: Option<&str>,
        object: Option<&str>,
        detail: Option<String>,
    ) {
        tracing::info!(target: "audit", action, outcome, user = ?who, space = ?space, object = ?object, "audit");
        let e = AuditEvent {
            at: Service::now(),
            action: action.into(),
            outcome: outcome.into(),
            username: who.map(str::to_string),
            space: space.map(str::to_string),
            object_id: object.map(str::to_string),
            detail,
        };
        if let Err(err) = self.store.audit(e).await {
            tracing::error!(error = %err, "audit log write failed");
        }
    }

    /// `GET /internal/casebook/audit`.
    pub async fn audit_events(
        &self,
        ctx: &Ctx,
        action: Option<&str>,
        user: Option<&str>,
        size: usize,
    ) -> AppResult<Vec<AuditEvent>> {
        self.require_superuser(ctx)?;
        Ok(self
            .store
            .audit_events(action, user, size.clamp(1, 1000))
            .await?)
    }

    /// Every role: built-in (reserved) and custom.
    pub async fn roles(&self, ctx: &Ctx) -> AppResult<Vec<Role>> {
        self.require_superuser(ctx)?;
        let mut all = builtin_roles();
        all.extend(self.store.roles().await?);
        Ok(all)
    }

    /// `PUT /api/security/role/{name}`.
    pub async fn put_role(&self, ctx: &Ctx, name: &str, req: RoleRequest) -> AppResult<()> {
        self.require_superuser(ctx)?;
        if builtin_roles().iter().any(|r| r.name == name) {
            return Err(AppError::bad_request(format!(
                "Role [{name}] is reserved and cannot be modified"
            )));
        }
        if name.trim().is_empty() || name.len() > 1024 || name.chars().any(char::is_whitespace) {
            return Err(AppError::bad_request(
                "[name]: must be a non-empty name without spaces",
            ));
        }
        privileges::validate(&req.kibana).map_err(AppError::bad_request)?;
        let role = Role {
            name: name.into(),
            description: req.description,
            metadata: req.metadata.unwrap_or_else(|| serde_json::json!({})),
            elasticsearch: req.elasticsearch.unwrap_or_else(|| serde_json::json!({})),
            kibana: req.kibana,
        };
        self.store.put_role(role).await?;
        self.audit(
            ctx.user().username.as_deref(),
            "role_change",
            "success",
            None,
            Some(name),
            None,
        )
        .await;
        Ok(())
    }

    /// `DELETE /api/security/role/{name}`.
    pub async fn delete_role(&self, ctx: &Ctx, name: &str) -> AppResult<()> {
        self.require_superuser(ctx)?;
        if builtin_roles().iter().any(|r| r.name == name) {
            return Err(AppError::bad_request(format!(
                "Role [{name}] is reserved and cannot be deleted"
            )));
        }
        match self.store.delete_role(name).await {
            Err(StoreError::NotFound(_)) => return Err(AppError::not_found("Not Found")),
            other => other?,
        }
        self.audit(
            ctx.user().username.as_deref(),
            "role_delete",
            "success",
            None,
            Some(name),
            None,
        )
        .await;
        Ok(())
    }

    /// `GET /internal/security/users`.
    pub async fn users(&self, ctx: &Ctx) -> AppResult<Vec<UserInfo>> {
        self.require_superuser(ctx)?;
        Ok(self.store.users().await?.iter().map(info).collect())
    }

    /// `GET /internal/security/users/{username}`.
    pub async fn user(&self, ctx: &Ctx, username: &str) -> AppResult<UserInfo> {
        self.require_superuser(ctx)?;
        self.store
            .user(username)
            .await?
            .as_ref()
            .map(info)
            .ok_or_else(|| AppError::not_found("Not Found"))
    }

    /// `POST /internal/security/users/{username}`: create, or update what is given.
    pub async fn put_user(
        &self,
        ctx: &Ctx,
        username: &str,
        req: UserRequest,
    ) -> AppResult<UserInfo> {
        self.require_superuser(ctx)?;
        if username.trim().is_empty() || username.chars().any(|c| c.is_whitespace() || c == ':') {
            return Err(AppError::bad_request(
                "[username]: must be a non-empty name without spaces or ':'",
            ));
        }
        let known: Vec<String> = self.roles(ctx).await?.into_iter().map(|r| r.name).collect();
        if let Some(r) = req.roles.iter().find(|r| !known.contains(r)) {
            return Err(AppError::bad_request(format!("Unknown role [{r}]")));
        }
        let user = match self.store.user(username).await? {
            Some(mut u) => {
                if let Some(p) = &req.password {
                    check_password(p)?;
                    u.password_hash = hash_password(p);
                }
                u.roles = req.roles;
                u.full_name = req.full_name.or(u.full_name);
                u.email = req.email.or(u.email);
                u.enabled = req.enabled.unwrap_or(u.enabled);
                u
            }
            None => {
                let p = req.password.ok_or_else(|| {
                    AppError::bad_request("[password]: a new user needs a password")
                })?;
                check_password(&p)?;
                let mut u = new_user(username, &p, req.full_name, req.email, req.roles);
                u.enabled = req.enabled.unwrap_or(true);
                u
            }
        };
        self.store.put_user(user.clone()).await?;
        self.audit(
            ctx.user().username.as_deref(),
            "user_change",
            "success",
            None,
            Some(username),
            Some(user.roles.join(",")),
        )
        .await;
        Ok(info(&user))
    }

    /// Changes a password: one's own with the current password, anyone's as superuser.
    pub async fn change_password(
        &self,
        ctx: &Ctx,
        username: &str,
        current: Option<&str>,
        new: &str,
    ) -> AppResult<()> {
        let own = ctx.user().username.as_deref() == Some(username);
        if !own {
            self.require_superuser(ctx)?;
        }
        check_password(new)?;
        let mut u = self
            .store
            .user(username)
            .await?
            .ok_or_else(|| AppError::not_found("Not Found"))?;
        if own && !ctx.principal.privileges.is_superuser() {
            let ok = current.is_some_and(|c| crate::auth::verify_password(&u.password_hash, c));
            if !ok {
                return Err(AppError::Api(ApiError {
                    status: 403,
                    message: "The current password is incorrect".into(),
                }));
            }
        }
        u.password_hash = hash_password(new);
        self.store.put_user(u).await?;
        self.audit(
            ctx.user().username.as_deref(),
            "password_change",
            "success",
            None,
            Some(username),
            None,
        )
        .await;
        Ok(())
    }

    /// `DELETE /internal/security/users/{username}`.
    pub async fn delete_user(&self, ctx: &Ctx, username: &str) -> AppResult<()> {
        self.require_superuser(ctx)?;
        if ctx.user().username.as_deref() == Some(username) {
            return Err(AppError::bad_request("You cannot delete yourself"));
        }
        let mut u = self
            .store
            .user(username)
            .await?
            .ok_or_else(|| AppError::not_found("Not Found"))?;
        // Users are disabled rather than removed: cases keep referencing their profile uid.
        u.enabled = false;
        u.roles.clear();
        self.store.put_user(u).await?;
        self.audit(
            ctx.user().username.as_deref(),
            "user_delete",
            "success",
            None,
            Some(username),
            None,
        )
        .await;
        Ok(())
    }

    /// `POST /internal/security/api_key`.
    pub async fn create_api_key(
        &self,
        ctx: &Ctx,
        req: CreateApiKeyRequest,
    ) -> AppResult<CreateApiKeyResponse> {
        // A key minted by a limited key would carry its user's full privileges.
        if ctx.principal.privileges.is_limited() {
            return Err(AppError::Api(ApiError::forbidden(
                "Forbidden: an API key with role descriptors cannot create API keys",
            )));
        }
        if req.name.trim().is_empty() {
            return Err(AppError::bad_request("[name]: must not be empty"));
        }
        let lifetime = match &req.expiration {
            None => None,
            Some(e) => Some(parse_lifetime(e).ok_or_else(|| {
                AppError::bad_request(format!("[expiration]: invalid duration \"{e}\""))
            })?),
        };
        if let Some(d) = req.role_descriptors.as_ref().and_then(|d| d.as_object()) {
            for (name, body) in d {
                let kibana: Vec<casebook_api::security::KibanaPrivilege> =
                    serde_json::from_value(body.get("kibana").cloned().unwrap_or_default())
                        .map_err(|e| {
                            AppError::bad_request(format!("[role_descriptors.{name}]: {e}"))
                        })?;
                privileges::validate(&kibana).map_err(AppError::bad_request)?;
            }
        }
        let id = uuid::Uuid::new_v4().simple().to_string();
        let secret =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 24]>());
        let now = Utc::now();
        let rec = ApiKeyRecord {
            id: id.clone(),
            name: req.name.trim().into(),
            key_hash: api_key_hash(&secret),
            username: ctx.user().username.unwrap_or_default(),
            role_descriptors: req.role_descriptors,
            created_at: now,
            expires_at: lifetime.map(|d| now + d),
            invalidated: false,
        };
        self.store.insert_api_key(rec.clone()).await?;
        self.audit(
            ctx.user().username.as_deref(),
            "api_key_create",
            "success",
            None,
            Some(&id),
            None,
        )
        .await;
        Ok(CreateApiKeyResponse {
            encoded: base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}")),
            id,
            name: rec.name,
            api_key: secret,
            expiration: rec.expires_at.map(|t| t.timestamp_millis()),
        })
    }

    /// `GET /internal/security/api_key`: one's own keys, or everyone's for superusers asking so.
    pub async fn api_keys(&self, ctx: &Ctx, all: bool) -> AppResult<ApiKeyList> {
        if all {
            self.require_superuser(ctx)?;
        }
        let me = ctx.user().username.unwrap_or_default();
        let keys = self
            .store
            .api_keys(if all { None } else { Some(&me) })
            .await?;
        Ok(ApiKeyList {
            api_keys: keys
                .into_iter()
                .map(|k| ApiKeyInfo {
                    id: k.id,
                    name: k.name,
                    creation: k.created_at.timestamp_millis(),
                    expiration: k.expires_at.map(|t| t.timestamp_millis()),
                    invalidated: k.invalidated,
                    username: k.username,
                    realm: "casebook".into(),
                })
                .collect(),
        })
    }

    /// `POST /internal/security/api_key/invalidate`.
    pub async fn invalidate_api_keys(
        &self,
        ctx: &Ctx,
        req: InvalidateApiKeysRequest,
    ) -> AppResult<InvalidateApiKeysResponse> {
        if req.is_admin {
            self.require_superuser(ctx)?;
        }
        let me = ctx.user().username.unwrap_or_default();
        let mut ids = Vec::new();
        let mut errors = Vec::new();
        for r in &req.api_keys {
            match self.store.api_key(&r.id).await? {
                Some(k) if req.is_admin || k.username == me => ids.push(k.id),
                _ => errors.push(serde_json::json!({ "id": r.id, "message": "not found" })),
            }
        }
        let done = self.store.invalidate_api_keys(&ids).await?;
        for id in &done {
            self.audit(
                Some(&me),
                "api_key_invalidate",
                "success",
                None,
                Some(id),
                None,
            )
            .await;
        }
        let items_invalidated = req
            .api_keys
            .into_iter()
            .filter(|r| done.contains(&r.id))
            .collect::<Vec<ApiKeyRef>>();
        Ok(InvalidateApiKeysResponse {
            items_invalidated,
            errors,
        })
    }

    /// `GET /internal/casebook/capabilities` for the request's space.
    pub fn capabilities(&self, ctx: &Ctx) -> Capabilities {
        let p = &ctx.principal.privileges;
        let s = ctx.space.as_str();
        let cases = Owner::ALL
            .into_iter()
            .map(|o| {
                let f = Feature::Cases(o);
                let caps = CasesCapabilities {
                    create_cases: p.has(f, Cap::Create, s),
                    read_cases: p.has(f, Cap::Read, s),
                    update_cases: p.has(f, Cap::Update, s),
                    delete_cases: p.has(f, Cap::Delete, s),
                    push_cases: p.allows(Operation::PushCase, o, s),
                    cases_settings: p.has(f, Cap::Settings, s),
                    create_comment: p.has(f, Cap::CreateComment, s),
                    case_reopen: p.has(f, Cap::Reopen, s),
                    cases_assign: p.has(f, Cap::Assign, s),
                    cases_connectors: p.has(Feature::Actions, Cap::Read, s),
                };
                (o.as_str().to_string(), caps)
            })
            .collect();
        Capabilities {
            cases,
            connectors_read: p.has(Feature::Actions, Cap::Read, s),
            connectors_all: p.has(Feature::Actions, Cap::Manage, s),
            superuser: p.is_superuser(),
        }
    }
}
