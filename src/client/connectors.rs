//! Connectors (Kibana's actions API), push, and a case's connector push state.

use super::{Client, ClientResult, json};
use casebook_api::Case;
use casebook_api::actions::{
    ActionConnector, CaseConnectorState, ConnectorTypeInfo, CreateConnectorRequest, ExecuteRequest,
    ExecuteResponse, UpdateConnectorRequest,
};
use casebook_api::paths;
use gloo_net::http::Method;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Cases that use a connector.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ConnectorUsage {
    /// How many cases.
    pub total: i64,
    /// The newest ones.
    pub cases: Vec<UsedBy>,
}

/// A case using a connector.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct UsedBy {
    /// Case id.
    pub id: String,
    /// Case title.
    pub title: String,
}

impl Client {
    /// `GET /api/actions/connectors`.
    pub async fn connectors(&self) -> ClientResult<Vec<ActionConnector>> {
        self.send(Method::GET, paths::CONNECTORS_ROUTE, None, None)
            .await
    }
    /// `GET /api/actions/connector_types`.
    pub async fn connector_types(&self) -> ClientResult<Vec<ConnectorTypeInfo>> {
        self.send(Method::GET, paths::CONNECTOR_TYPES_ROUTE, None, None)
            .await
    }
    /// `POST /api/actions/connector`.
    pub async fn create_connector(
        &self,
        req: &CreateConnectorRequest,
    ) -> ClientResult<ActionConnector> {
        self.send(Method::POST, paths::CONNECTOR_CREATE_ROUTE, None, json(req))
            .await
    }
    /// `PUT /api/actions/connector/{id}` (empty secrets keep the stored ones).
    pub async fn update_connector(
        &self,
        id: &str,
        req: &UpdateConnectorRequest,
    ) -> ClientResult<ActionConnector> {
        self.send(Method::PUT, &paths::connector(id), None, json(req))
            .await
    }
    /// `DELETE /api/actions/connector/{id}`.
    pub async fn delete_connector(&self, id: &str) -> ClientResult<()> {
        self.send_empty(Method::DELETE, &paths::connector(id), None, None)
            .await
    }
    /// `POST /api/actions/connector/{id}/_execute`.
    pub async fn execute_connector(
        &self,
        id: &str,
        params: serde_json::Value,
    ) -> ClientResult<ExecuteResponse> {
        self.send(
            Method::POST,
            &paths::connector_execute(id),
            None,
            json(&ExecuteRequest { params }),
        )
        .await
    }
    /// `GET /internal/actions/connector/{id}/_usage`.
    pub async fn connector_usage(&self, id: &str) -> ClientResult<ConnectorUsage> {
        self.send(Method::GET, &paths::connector_usage(id), None, None)
            .await
    }
    /// `POST /api/cases/{id}/connector/{connectorId}/_push`.
    pub async fn push_case(&self, case_id: &str, connector_id: &str) -> ClientResult<Case> {
        self.send(
            Method::POST,
            &paths::push(case_id, connector_id),
            None,
            Some("{}".into()),
        )
        .await
    }
    /// `GET /internal/cases/{id}/_connectors`.
    pub async fn case_connector_states(
        &self,
        case_id: &str,
    ) -> ClientResult<BTreeMap<String, CaseConnectorState>> {
        self.send(Method::GET, &paths::case_connectors(case_id), None, None)
            .await
    }
}
