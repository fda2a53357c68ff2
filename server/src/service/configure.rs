//! Case settings: one configuration per owner per space. A second POST for an owner replaces
//! the first; PATCH needs the current `version`; custom field keys keep their type.

use super::authz::{Operation, authorize, readable_owners};
use super::{Ctx, Service};
use crate::error::{AppError, AppResult};
use crate::store::{StoreError, WriteOp};
use casebook_api::configure::{
    Configuration, ConfigurationPatch, ConfigurationRequest, CustomFieldDefinition, mappings_for,
};
use casebook_api::validate::{check_custom_field_definitions, check_templates};
use casebook_api::{ApiError, Owner};

fn configuration_conflict() -> AppError {
    AppError::Api(ApiError::conflict(
        "This configuration has been updated. Please refresh before saving additional updates.",
    ))
}

fn check_types_kept(old: &[CustomFieldDefinition], new: &[CustomFieldDefinition]) -> AppResult<()> {
    let changed: Vec<&str> = new
        .iter()
        .filter(|n| old.iter().any(|o| o.key == n.key && o.kind != n.kind))
        .map(|n| n.label.as_str())
        .collect();
    if changed.is_empty() {
        Ok(())
    } else {
        Err(AppError::bad_request(format!(
            "Invalid custom field types in request for the following labels: \"{}\"",
            changed.join("\", \"")
        )))
    }
}

impl Service {
    /// `GET /api/cases/configure`.
    pub async fn get_configurations(
        &self,
        ctx: &Ctx,
        owners: &[Owner],
    ) -> AppResult<Vec<Configuration>> {
        let owners = readable_owners(&ctx.principal, owners, &ctx.space);
        if owners.is_empty() {
            return Ok(vec![]);
        }
        Ok(self.store.configurations(&ctx.space, &owners).await?)
    }

    /// `POST /api/cases/configure`.
    pub async fn create_configuration(
        &self,
        ctx: &Ctx,
        req: ConfigurationRequest,
    ) -> AppResult<Configuration> {
        authorize(
            &ctx.principal,
            Operation::WriteConfiguration,
            &[req.owner],
            &ctx.space,
        )?;
        let custom_fields = req.custom_fields.unwrap_or_default();
        let templates = req.templates.unwrap_or_default();
        check_custom_field_definitions(&custom_fields)?;
        check_templates(&templates, &custom_fields)?;
        let conf = Configuration {
            id: Service::new_id(),
            version: self.next_version(),
            owner: req.owner,
            closure_type: req.closure_type,
            mappings: mappings_for(req.connector.connector_type()),
            connector: req.connector,
            custom_fields,
            templates,
            observable_types: req.observable_types.unwrap_or_default(),
            error: None,
            created_at: Service::now(),
            created_by: ctx.user(),
            updated_at: None,
            updated_by: None,
        };
        let op = WriteOp::PutConfiguration {
            configuration: Box::new(conf.clone()),
            expected_version: None,
        };
        self.store.write(&ctx.space, vec![op]).await?;
        Ok(conf)
    }

    /// `PATCH /api/cases/configure/{id}`.
    pub async fn update_configuration(
        &self,
        ctx: &Ctx,
        id: &str,
        p: ConfigurationPatch,
    ) -> AppResult<Configuration> {
        let old = self
            .store
            .configuration(&ctx.space, id)
            .await?
            .ok_or_else(|| {
                AppError::not_found(format!("Saved object [cases-configure/{id}] not found"))
            })?;
        authorize(
            &ctx.principal,
            Operation::UpdateConfiguration,
            &[old.owner],
            &ctx.space,
        )?;
        if old.version != p.version {
            return Err(configuration_conflict());
        }
        let mut new = old.clone();
        if let Some(v) = p.closure_type {
            new.closure_type = v;
        }
        if let Some(v) = p.connector {
            new.mappings = mappings_for(v.connector_type());
            new.connector = v;
        }
        if let Some(v) = p.custom_fields {
            check_custom_field_definitions(&v)?;
            check_types_kept(&old.custom_fields, &v)?;
            new.custom_fields = v;
        }
        if let Some(v) = p.templates {
            new.templates = v;
        }
        if let Some(v) = p.observable_types {
            new.observable_types = v;
        }
        check_templates(&new.templates, &new.custom_fields)?;
        new.version = self.next_version();
        new.updated_at = Some(Service::now());
        new.updated_by = Some(ctx.user());
        let op = WriteOp::PutConfiguration {
            configuration: Box::new(new.clone()),
            expected_version: Some(old.version),
        };
        match self.store.write(&ctx.space, vec![op]).await {
            Err(StoreError::Conflict(_)) => Err(configuration_conflict()),
            other => other.map_err(AppError::from),
        }?;
        Ok(new)
    }
}
