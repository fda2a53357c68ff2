//! Alert lookups: the alerts attached to a case, and the cases an alert is attached to.

use crate::case::Status;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `GET /api/cases/{caseId}/alerts` item, in attach order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseAlert {
    /// Alert id.
    pub id: String,
    /// Alert index.
    pub index: String,
    /// When it was attached.
    pub attached_at: DateTime<Utc>,
}

/// Counts on a related case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedCaseTotals {
    /// Distinct alerts.
    pub alerts: i64,
    /// User comments.
    pub user_comments: i64,
    /// Events.
    pub events: i64,
}

/// `GET /api/cases/alerts/{alertId}` item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedCase {
    /// Case id.
    pub id: String,
    /// Case title.
    pub title: String,
    /// Case description.
    pub description: String,
    /// Case status.
    pub status: Status,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Counts.
    pub totals: RelatedCaseTotals,
}
