//! Connectors (Kibana's actions API) for the case connector types: create, read, update,
//! delete, list, types and `_execute`. Secrets are validated, sealed before they reach the store
//! and never returned.

use super::authz::{Operation, authorize};
use super::{Ctx, Service};
use crate::connectors::validate::validate;
use crate::connectors::{self, ConnectorRecord};
use crate::error::{AppError, AppResult};
use crate::store::{StoreError, StoredConnector};
use casebook_api::actions::{
    ActionConnector, ConnectorTypeInfo, CreateConnectorRequest, ExecuteResponse,
    UpdateConnectorRequest,
};
use casebook_api::configure::FindConnector;
use casebook_api::connector::ConnectorType;
use casebook_api::{ApiError, Owner};
use serde_json::Value;

/// Kibana's 404 for a missing connector.
pub fn connector_not_found(id: &str) -> AppError {
    AppError::not_found(format!("Saved object [action/{id}] not found"))
}

fn case_type(id: &str) -> AppResult<ConnectorType> {
    ConnectorType::parse(id)
        .filter(|t| *t != ConnectorType::None)
        .ok_or_else(|| AppError::bad_request(format!("Action type \"{id}\" is not registered.")))
}

fn public(c: &StoredConnector, count: Option<i64>) -> ActionConnector {
    ActionConnector {
        id: c.id.clone(),
        name: c.name.clone(),
        connector_type_id: c.kind.clone(),
        config: c.config.clone(),
        is_preconfigured: false,
        is_deprecated: c
            .config
            .get("usesTableApi")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        is_missing_secrets: false,
        is_system_action: false,
        referenced_by_count: count,
    }
}

fn empty_secrets(v: &Value) -> bool {
    v.is_null() || v.as_object().is_some_and(|m| m.is_empty())
}

impl Service {
    fn all_owners(&self, ctx: &Ctx, op: Operation) -> AppResult<()> {
        // Connectors are not owned by a solution: the actions privilege is checked on its own.
        authorize(&ctx.principal, op, &[Owner::Cases], &ctx.space)
    }

    /// A connector with its secrets opened, for pushing.
    pub(crate) async fn connector_record(&self, ctx: &Ctx, id: &str) -> AppResult<ConnectorRecord> {
        let c = self
            .store
            .connector(&ctx.space, id)
            .await?
            .ok_or_else(|| connector_not_found(id))?;
        let secrets = self
            .env
            .secrets
            .open(&c.secrets)
            .and_then(|raw| serde_json::from_slice(&raw).ok())
            .ok_or_else(|| {
                AppError::Internal(format!("the secrets of connector {id} cannot be decrypted"))
            })?;
        Ok(ConnectorRecord {
            id: c.id,
            name: c.name,
            kind: case_type(&c.kind)?,
            config: c.config,
            secrets,
        })
    }

    /// `GET /api/actions/connectors`.
    pub async fn list_connectors(&self, ctx: &Ctx) -> AppResult<Vec<ActionConnector>> {
        self.all_owners(ctx, Operation::ReadConnectors)?;
        let mut out = Vec::new();
        for c in self.store.connectors(&ctx.space).await? {
            let (n, _) = self
                .store
                .connector_usage(&ctx.space, &c.id, None, 0)
                .await?;
            out.push(public(&c, Some(n)));
        }
        Ok(out)
    }

    /// `GET /api/actions/connector/{id}`.
    pub async fn get_connector(&self, ctx: &Ctx, id: &str) -> AppResult<ActionConnector> {
        self.all_owners(ctx, Operation::ReadConnectors)?;
        let c = self
            .store
            .connector(&ctx.space, id)
            .await?
            .ok_or_else(|| connector_not_found(id))?;
        Ok(public(&c, None))
    }

    /// The cases using a connector (for the delete confirmation).
    pub async fn connector_usage(
        &self,
        ctx: &Ctx,
        id: &str,
    ) -> AppResult<(i64, Vec<(String, String)>)> {
        self.all_owners(ctx, Operation::ReadConnectors)?;
        // Only cases the caller may read are named (or counted) here.
        let owners = super::authz::readable_owners(&ctx.principal, &[], &ctx.space);
        Ok(self
            .store
            .connector_usage(&ctx.space, id, Some(&owners), 100)
            .await?)
    }

    /// `POST /api/actions/connector[/{id}]`.
    pub async fn create_connector(
        &self,
        ctx: &Ctx,
        id: Option<String>,
        req: CreateConnectorRequest,
    ) -> AppResult<ActionConnector> {
        self.all_owners(ctx, Operation::ManageConnectors)?;
        let kind = case_type(&req.connector_type_id)?;
        if req.name.trim().is_empty() {
            return Err(AppError::bad_request("[name]: value must not be empty"));
        }
        validate(&self.env.http, kind, &req.config, &req.secrets, true)
            .map_err(AppError::bad_request)?;
        let stored = StoredConnector {
            id: id.unwrap_or_else(Service::new_id),
            kind: kind.as_str().into(),
            name: req.name.trim().into(),
            config: req.config,
            secrets: self.env.secrets.seal(req.secrets.to_string().as_bytes()),
            created_at: Service::now(),
            updated_at: None,
        };
        match self
            .store
            .put_connector(&ctx.space, stored.clone(), true)
            .await
        {
            Err(StoreError::AlreadyExists(id)) => {
                return Err(AppError::Api(ApiError::conflict(format!(
                    "Saved object [action/{id}] conflict"
                ))));
            }
            other => other?,
        }
        let who = ctx.user().username;
        self.audit(
            who.as_deref(),
            "connector_create",
            "success",
            Some(&ctx.space),
            Some(&stored.id),
            Some(stored.kind.clone()),
        )
        .await;
        Ok(public(&stored, None))
    }

    /// `PUT /api/actions/connector/{id}`: empty secrets keep the stored ones.
    pub async fn update_connector(
        &self,
        ctx: &Ctx,
        id: &str,
        req: UpdateConnectorRequest,
    ) -> AppResult<ActionConnector> {
        self.all_owners(ctx, Operation::ManageConnectors)?;
        let old = self.connector_record(ctx, id).await?;
        if req.name.trim().is_empty() {
            return Err(AppError::bad_request("[name]: value must not be empty"));
        }
        let keep = empty_secrets(&req.secrets);
        let secrets = if keep {
            old.secrets.clone()
        } else {
            req.secrets
        };
        validate(&self.env.http, old.kind, &req.config, &secrets, !keep)
            .map_err(AppError::bad_request)?;
        let prev = self
            .store
            .connector(&ctx.space, id)
            .await?
            .ok_or_else(|| connector_not_found(id))?;
        let stored = StoredConnector {
            name: req.name.trim().into(),
            config: req.config,
            secrets: self.env.secrets.seal(secrets.to_string().as_bytes()),
            updated_at: Some(Service::now()),
            ..prev
        };
        self.store
            .put_connector(&ctx.space, stored.clone(), false)
            .await?;
        let who = ctx.user().username;
        self.audit(
            who.as_deref(),
            "connector_update",
            "success",
            Some(&ctx.space),
            Some(id),
            None,
        )
        .await;
        Ok(public(&stored, None))
    }

    /// `DELETE /api/actions/connector/{id}`.
    pub async fn delete_connector(&self, ctx: &Ctx, id: &str) -> AppResult<()> {
        self.all_owners(ctx, Operation::ManageConnectors)?;
        match self.store.delete_connector(&ctx.space, id).await {
            Err(StoreError::NotFound(_)) => return Err(connector_not_found(id)),
            other => other?,
        }
        let who = ctx.user().username;
        self.audit(
            who.as_deref(),
            "connector_delete",
            "success",
            Some(&ctx.space),
            Some(id),
            None,
        )
        .await;
        Ok(())
    }

    /// `GET /api/actions/connector_types`.
    pub fn connector_types(&self) -> Vec<ConnectorTypeInfo> {
        ConnectorType::ALL
            .into_iter()
            .filter(|t| *t != ConnectorType::None)
            .map(|t| ConnectorTypeInfo {
                id: t.as_str().into(),
                name: t.label().into(),
                enabled: true,
                enabled_in_config: true,
                enabled_in_license: true,
                minimum_license_required: "basic".into(),
                supported_feature_ids: vec!["cases".into()],
                is_system_action_type: false,
                is_deprecated: false,
            })
            .collect()
    }

    /// `POST /api/actions/connector/{id}/_execute`: `getIncident {externalId}` reads an incident
    /// (the connector test). Failures are answered with status `error`, like Kibana.
    pub async fn execute_connector(
        &self,
        ctx: &Ctx,
        id: &str,
        params: Value,
    ) -> AppResult<ExecuteResponse> {
        // Kibana lets actions `read` run connectors (the case form loads Jira issue types that way).
        self.all_owners(ctx, Operation::ReadConnectors)?;
        let c = self.connector_record(ctx, id).await?;
        let sub = params
            .get("subAction")
            .and_then(Value::as_str)
            .unwrap_or("");
        let sub_params = params
            .get("subActionParams")
            .cloned()
            .unwrap_or(Value::Null);
        let result = match sub {
            "getIncident" => {
                let ext = sub_params
                    .get("externalId")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                if ext.is_empty() {
                    return Err(AppError::bad_request(
                        "[subActionParams.externalId]: expected value of type [string]",
                    ));
                }
                connectors::get_incident(&self.env.http, &c, ext).await
            }
            other => {
                return Err(AppError::bad_request(format!(
                    "[subAction]: unsupported sub action \"{other}\" (use getIncident)"
                )));
            }
        };
        Ok(match result {
            Ok(data) => ExecuteResponse {
                status: "ok".into(),
                connector_id: c.id,
                data: Some(data),
                message: None,
                service_message: None,
            },
            Err(e) => ExecuteResponse {
                status: "error".into(),
                connector_id: c.id,
                data: None,
                message: Some(format!(
                    "error executing {} connector: {}",
                    c.kind.label(),
                    e.message
                )),
                service_message: e.service_message,
            },
        })
    }

    /// `GET /api/cases/configure/connectors/_find`: every case connector of the space.
    pub async fn find_case_connectors(&self, ctx: &Ctx) -> AppResult<Vec<FindConnector>> {
        Ok(self
            .list_connectors(ctx)
            .await?
            .into_iter()
            .map(|c| FindConnector {
                id: c.id,
                name: c.name,
                action_type_id: c.connector_type_id,
                config: c.config,
                is_preconfigured: c.is_preconfigured,
                is_deprecated: c.is_deprecated,
                is_missing_secrets: c.is_missing_secrets,
                referenced_by_count: c.referenced_by_count.unwrap_or(0),
            })
            .collect())
    }
}
