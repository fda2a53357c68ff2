//! Extractors that turn requests into service inputs with Kibana's error shapes: the request
//! context (user and space), strict JSON bodies, and raw query strings.

use crate::error::{AppError, error_response};
use crate::service::Ctx;
use crate::service::authz::Principal;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use casebook_api::query::Query;
use casebook_api::space::DEFAULT_SPACE;
use serde::de::DeserializeOwned;

/// The space a request addresses (set by the `/s/{space}` rewrite; default otherwise).
#[derive(Clone, Debug)]
pub struct SpaceId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let principal = parts
            .extensions
            .get::<Principal>()
            .cloned()
            .ok_or_else(|| {
                AppError::Api(casebook_api::ApiError {
                    status: 401,
                    message: "Unauthorized".into(),
                })
            })?;
        let space = parts
            .extensions
            .get::<SpaceId>()
            .map(|s| s.0.clone())
            .unwrap_or_else(|| DEFAULT_SPACE.into());
        Ok(Ctx { principal, space })
    }
}

/// The raw query string, parsed Kibana's way.
pub struct Q(pub Query);

impl<S: Send + Sync> FromRequestParts<S> for Q {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Q(Query::parse(parts.uri.query().unwrap_or(""))))
    }
}

/// A JSON body decoded strictly; errors are Kibana-shaped 400s (413 when too large).
pub struct KJson<T>(pub T);

/// Rejection of [`KJson`].
pub struct BodyRejection(Response);

impl IntoResponse for BodyRejection {
    fn into_response(self) -> Response {
        self.0
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for KJson<T> {
    type Rejection = BodyRejection;
    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                BodyRejection(error_response(
                    413,
                    format!(
                        "Payload content length greater than maximum allowed: {}",
                        casebook_api::limits::MAX_PAYLOAD_BYTES
                    ),
                ))
            } else {
                BodyRejection(error_response(400, format!("[request body]: {e}")))
            }
        })?;
        let text = if bytes.is_empty() {
            &b"null"[..]
        } else {
            &bytes[..]
        };
        serde_json::from_slice(text)
            .map(KJson)
            .map_err(|e| BodyRejection(error_response(400, format!("[request body]: {e}"))))
    }
}

/// The client's address when the server runs on a socket (absent in router tests).
pub struct ClientIp(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string()),
        ))
    }
}
