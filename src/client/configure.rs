//! Case settings.

use super::{Client, ClientResult, json, query};
use casebook_api::configure::{
    Configuration, ConfigurationPatch, ConfigurationRequest, ConfiguredCustomFields,
    CustomFieldDefinition, FindConnector,
};
use casebook_api::{Owner, paths};
use gloo_net::http::Method;
use serde::de::DeserializeOwned;

impl Client {
    /// `GET /api/cases/configure?owner=`: at most one configuration.
    pub async fn configuration(&self, owner: Owner) -> ClientResult<Option<Configuration>> {
        self.configuration_as(owner).await
    }
    /// `GET /api/cases/configure?owner=`, read as `C` (a full or a partial configuration).
    async fn configuration_as<C: DeserializeOwned>(&self, owner: Owner) -> ClientResult<Option<C>> {
        let q = query(&[("owner", owner.as_str().to_string())]);
        let list: Vec<C> = self
            .send(Method::GET, paths::CONFIGURE_ROUTE, Some(&q), None)
            .await?;
        Ok(list.into_iter().next())
    }
    /// The custom fields of the owner's configuration (none without one), read as
    /// [`ConfiguredCustomFields`] so the rest of the configuration is not decoded.
    pub async fn custom_fields(&self, owner: Owner) -> ClientResult<Vec<CustomFieldDefinition>> {
        let found: Option<ConfiguredCustomFields> = self.configuration_as(owner).await?;
        Ok(found.map(|c| c.custom_fields).unwrap_or_default())
    }
    /// `POST /api/cases/configure`.
    pub async fn create_configuration(
        &self,
        req: &ConfigurationRequest,
    ) -> ClientResult<Configuration> {
        self.send(Method::POST, paths::CONFIGURE_ROUTE, None, json(req))
            .await
    }
    /// `PATCH /api/cases/configure/{id}`.
    pub async fn update_configuration(
        &self,
        id: &str,
        patch: &ConfigurationPatch,
    ) -> ClientResult<Configuration> {
        self.send(Method::PATCH, &paths::configure_id(id), None, json(patch))
            .await
    }
    /// `GET /api/cases/configure/connectors/_find`.
    pub async fn case_connectors(&self) -> ClientResult<Vec<FindConnector>> {
        self.send(Method::GET, paths::CONFIGURE_CONNECTORS_ROUTE, None, None)
            .await
    }
}
