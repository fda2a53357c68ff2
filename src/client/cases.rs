//! Cases: find, get, create, bulk update, delete, and the tag/reporter/category lists.

use super::{Client, ClientResult, json, query};
use casebook_api::case::{CasePatch, CasePostRequest, CasesPatchRequest};
use casebook_api::find::{CasesFindParams, CasesFindResponse};
use casebook_api::paths;
use casebook_api::{Case, ListedCase, Owner, User};
use gloo_net::http::Method;
use serde::de::DeserializeOwned;

fn owner_query(owner: Owner) -> casebook_api::query::Query {
    query(&[("owner", owner.as_str().to_string())])
}

impl Client {
    /// `GET /api/cases/_find`, each case as the table reads it.
    pub async fn find_cases(
        &self,
        params: &CasesFindParams,
    ) -> ClientResult<CasesFindResponse<ListedCase>> {
        self.send(
            Method::GET,
            paths::CASES_FIND_ROUTE,
            Some(&params.to_query()),
            None,
        )
        .await
    }
    /// `GET /api/cases/{id}`.
    pub async fn get_case(&self, id: &str) -> ClientResult<Case> {
        self.send(Method::GET, &paths::case(id), None, None).await
    }
    /// `POST /api/cases`.
    pub async fn create_case(&self, req: &CasePostRequest) -> ClientResult<Case> {
        self.send(Method::POST, paths::CASES_ROUTE, None, json(req))
            .await
    }
    /// `PATCH /api/cases`. The answer's cases are read as `C`: a [`Case`] where they are shown,
    /// a [`ListedCase`] where only the outcome matters (so the list's code does not carry the
    /// full decoder).
    pub async fn update_cases<C: DeserializeOwned>(
        &self,
        cases: Vec<CasePatch>,
    ) -> ClientResult<Vec<C>> {
        self.send(
            Method::PATCH,
            paths::CASES_ROUTE,
            None,
            json(&CasesPatchRequest { cases }),
        )
        .await
    }
    /// `DELETE /api/cases?ids=…`.
    pub async fn delete_cases(&self, ids: &[String]) -> ClientResult<()> {
        let q = query(&ids.iter().map(|id| ("ids", id.clone())).collect::<Vec<_>>());
        self.send_empty(Method::DELETE, paths::CASES_ROUTE, Some(&q), None)
            .await
    }
    /// `GET /api/cases/tags?owner=`.
    pub async fn tags(&self, owner: Owner) -> ClientResult<Vec<String>> {
        self.send(
            Method::GET,
            paths::TAGS_ROUTE,
            Some(&owner_query(owner)),
            None,
        )
        .await
    }
    /// `GET /api/cases/reporters?owner=`.
    pub async fn reporters(&self, owner: Owner) -> ClientResult<Vec<User>> {
        self.send(
            Method::GET,
            paths::REPORTERS_ROUTE,
            Some(&owner_query(owner)),
            None,
        )
        .await
    }
    /// `GET /internal/cases/categories?owner=`.
    pub async fn categories(&self, owner: Owner) -> ClientResult<Vec<String>> {
        self.send(
            Method::GET,
            paths::CATEGORIES_ROUTE,
            Some(&owner_query(owner)),
            None,
        )
        .await
    }
}
