//! Metrics for the cases list and the case page.

use super::{Client, ClientResult, query};
use casebook_api::metrics::{CaseMetrics, CasesMetrics};
use casebook_api::{Owner, paths};
use gloo_net::http::Method;

impl Client {
    /// `GET /internal/cases/metrics?features=status&features=mttr&owner=`.
    pub async fn cases_metrics(&self, owner: Owner) -> ClientResult<CasesMetrics> {
        let q = query(&[
            ("features", "status".into()),
            ("features", "mttr".into()),
            ("owner", owner.as_str().into()),
        ]);
        self.send(Method::GET, paths::METRICS_ROUTE, Some(&q), None)
            .await
    }
    /// `GET /internal/cases/metrics/{id}?features=…`.
    pub async fn case_metrics(
        &self,
        case_id: &str,
        features: &[&str],
    ) -> ClientResult<CaseMetrics> {
        let q = query(
            &features
                .iter()
                .map(|f| ("features", f.to_string()))
                .collect::<Vec<_>>(),
        );
        self.send(Method::GET, &paths::case_metrics(case_id), Some(&q), None)
            .await
    }
}
