//! Metrics: `GET /internal/cases/metrics` (status counts, mean time to resolve) and per-case
//! `GET /internal/cases/metrics/{caseId}` (lifespan and alert counts).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Cases per status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusCounts {
    /// Open cases.
    pub open: i64,
    /// In-progress cases.
    pub in_progress: i64,
    /// Closed cases.
    pub closed: i64,
}

/// `GET /internal/cases/metrics` response; each key only when its feature was asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasesMetrics {
    /// Mean seconds from creation to close over closed cases (null when none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mttr: Option<Option<i64>>,
    /// Status counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusCounts>,
}

/// Time spent per status, in milliseconds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusInfo {
    /// Milliseconds open.
    pub open_duration: i64,
    /// Milliseconds in progress.
    pub in_progress_duration: i64,
    /// When the case was reopened.
    pub reopen_dates: Vec<DateTime<Utc>>,
}

/// A case's lifespan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lifespan {
    /// Creation time.
    pub creation_date: DateTime<Utc>,
    /// Close time.
    pub close_date: Option<DateTime<Utc>>,
    /// Time per status.
    pub status_info: StatusInfo,
}

/// Alert counts of one case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertMetrics {
    /// Distinct alerts.
    pub count: i64,
}

/// Connector counts of one case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectorMetrics {
    /// Connectors the case used.
    pub total: i64,
}

/// `GET /internal/cases/metrics/{caseId}` response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMetrics {
    /// Alerts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alerts: Option<AlertMetrics>,
    /// Connectors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connectors: Option<ConnectorMetrics>,
    /// Lifespan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifespan: Option<Lifespan>,
}
