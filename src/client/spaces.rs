//! Spaces.

use super::{Client, ClientResult, json};
use casebook_api::paths;
use casebook_api::space::{Space, SpaceRequest};
use gloo_net::http::Method;

impl Client {
    /// `GET /api/spaces/space` (spaces are global: always unprefixed).
    pub async fn spaces(&self) -> ClientResult<Vec<Space>> {
        Client::new("default")
            .send(Method::GET, paths::SPACES_ROUTE, None, None)
            .await
    }
    /// `POST /api/spaces/space`.
    pub async fn create_space(&self, req: &SpaceRequest) -> ClientResult<Space> {
        Client::new("default")
            .send(Method::POST, paths::SPACES_ROUTE, None, json(req))
            .await
    }
    /// `PUT /api/spaces/space/{id}`: replaces the space's name, description, avatar and
    /// disabled features (send the stored values for what is not being changed).
    pub async fn update_space(&self, req: &SpaceRequest) -> ClientResult<Space> {
        Client::new("default")
            .send(Method::PUT, &paths::space(&req.id), None, json(req))
            .await
    }
    /// `DELETE /api/spaces/space/{id}`.
    pub async fn delete_space(&self, id: &str) -> ClientResult<()> {
        Client::new("default")
            .send_empty(Method::DELETE, &paths::space(id), None, None)
            .await
    }
}
