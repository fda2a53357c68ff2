//! The one error type handlers return, rendered as Kibana's `{statusCode, error, message}`.
//! Client errors carry Kibana's message; internal errors are logged and answered with a generic
//! 500 so nothing about the database leaks.

use crate::store::StoreError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use casebook_api::ApiError;

/// An error answered to the client.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A client error with Kibana's status and message.
    #[error("{0}")]
    Api(#[from] ApiError),
    /// A failure on our side; logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// Shorthand for a 400.
    pub fn bad_request(m: impl Into<String>) -> Self {
        AppError::Api(ApiError::bad_request(m))
    }
    /// Shorthand for a 404.
    pub fn not_found(m: impl Into<String>) -> Self {
        AppError::Api(ApiError::not_found(m))
    }
    /// The status code of this error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Api(e) => e.status,
            AppError::Internal(_) => 500,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(id) => AppError::Api(ApiError::conflict(format!(
                "These cases {id} has been updated. Please refresh before saving additional updates."
            ))),
            StoreError::NotFound(id) => AppError::Api(ApiError::not_found(format!(
                "Saved object [{id}] not found"
            ))),
            StoreError::AlreadyExists(id) => {
                AppError::Api(ApiError::conflict(format!("{id} already exists")))
            }
            StoreError::Database(m) => AppError::Internal(m),
        }
    }
}

/// Renders a status and message as Kibana's error body.
pub fn error_response(status: u16, message: impl Into<String>) -> Response {
    let body = ApiError {
        status,
        message: message.into(),
    }
    .body();
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (code, Json(body)).into_response()
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Api(e) => error_response(e.status, e.message),
            AppError::Internal(m) => {
                tracing::error!(error = %m, "internal error");
                error_response(500, "An internal server error occurred.")
            }
        }
    }
}

/// Result type of handlers and services.
pub type AppResult<T> = Result<T, AppError>;
