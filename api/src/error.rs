//! Kibana's error body `{statusCode, error, message}` and the typed API error both sides use.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The JSON body of every error response (Boom's shape).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// The HTTP status code.
    pub status_code: u16,
    /// The HTTP reason phrase ("Bad Request").
    pub error: String,
    /// What went wrong, in Kibana's words.
    pub message: String,
}

/// An API error: a status and Kibana's message. Validation returns these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status code.
    pub status: u16,
    /// Human-readable message.
    pub message: String,
}

impl ApiError {
    /// A 400 Bad Request.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: 400,
            message: message.into(),
        }
    }
    /// A 403 Forbidden.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self {
            status: 403,
            message: message.into(),
        }
    }
    /// A 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: 404,
            message: message.into(),
        }
    }
    /// A 406 Not Acceptable (no-op update).
    pub fn not_acceptable(message: impl Into<String>) -> Self {
        Self {
            status: 406,
            message: message.into(),
        }
    }
    /// A 409 Conflict (stale version).
    pub fn conflict(message: impl Into<String>) -> Self {
        Self {
            status: 409,
            message: message.into(),
        }
    }

    /// The body Kibana would send for this error.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            status_code: self.status,
            error: reason_phrase(self.status).to_string(),
            message: self.message.clone(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status,
            reason_phrase(self.status),
            self.message
        )
    }
}

impl std::error::Error for ApiError {}

/// The reason phrase Kibana puts in `error` for a status code.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        415 => "Unsupported Media Type",
        424 => "Failed Dependency",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    }
}
