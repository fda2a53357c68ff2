//! Case reads across many cases: `_find`, tags, reporters, categories, cases by alert. Owners are
//! silently limited to those the user may read; `owner=` can narrow but never widen that.

use super::authz::readable_owners;
use super::{Ctx, Service, search};
use crate::error::AppResult;
use crate::store::{CaseFilter, FoundCase, Page};
use casebook_api::alerts::RelatedCase;
use casebook_api::find::{CasesFindParams, CasesFindResponse, parse_date_math};
use casebook_api::limits::NO_ASSIGNEES_FILTERING_KEYWORD;
use casebook_api::{Owner, User};
use chrono::Utc;

impl Service {
    /// `GET /api/cases/_find`.
    pub async fn find_cases(
        &self,
        ctx: &Ctx,
        p: CasesFindParams,
    ) -> AppResult<CasesFindResponse<FoundCase>> {
        let owners = readable_owners(&ctx.principal, &p.owner, &ctx.space);
        let empty = CasesFindResponse {
            cases: vec![],
            page: p.page,
            per_page: p.per_page,
            total: 0,
            count_open_cases: 0,
            count_in_progress_cases: 0,
            count_closed_cases: 0,
        };
        if owners.is_empty() {
            return Ok(empty);
        }
        let now = Utc::now();
        let filter = CaseFilter {
            owners,
            statuses: p.status.clone(),
            severities: p.severity.clone(),
            tags: p.tags.clone(),
            assignees: p
                .assignees
                .iter()
                .filter(|a| *a != NO_ASSIGNEES_FILTERING_KEYWORD)
                .cloned()
                .collect(),
            unassigned: p
                .assignees
                .iter()
                .any(|a| a == NO_ASSIGNEES_FILTERING_KEYWORD),
            reporters: p.reporters.clone(),
            categories: p.category.clone(),
            created_from: p
                .from
                .as_deref()
                .and_then(|s| parse_date_math(s, now, false)),
            created_to: p.to.as_deref().and_then(|s| parse_date_math(s, now, true)),
            search: p
                .search
                .as_deref()
                .map(|s| search::build(s, &p.search_fields, p.default_search_operator)),
        };
        let page = Page {
            page: p.page,
            per_page: p.per_page,
        };
        let res = self
            .store
            .find_cases(&ctx.space, &filter, (p.sort_field, p.sort_order), page)
            .await?;
        Ok(CasesFindResponse {
            cases: res.cases,
            total: res.total,
            count_open_cases: res.counts.open as usize,
            count_in_progress_cases: res.counts.in_progress as usize,
            count_closed_cases: res.counts.closed as usize,
            ..empty
        })
    }

    /// `GET /api/cases/tags`.
    pub async fn tags(&self, ctx: &Ctx, owners: &[Owner]) -> AppResult<Vec<String>> {
        let owners = readable_owners(&ctx.principal, owners, &ctx.space);
        if owners.is_empty() {
            return Ok(vec![]);
        }
        Ok(self.store.tags(&ctx.space, &owners).await?)
    }

    /// `GET /internal/cases/categories`.
    pub async fn categories(&self, ctx: &Ctx, owners: &[Owner]) -> AppResult<Vec<String>> {
        let owners = readable_owners(&ctx.principal, owners, &ctx.space);
        if owners.is_empty() {
            return Ok(vec![]);
        }
        Ok(self.store.categories(&ctx.space, &owners).await?)
    }

    /// `GET /api/cases/reporters`.
    pub async fn reporters(&self, ctx: &Ctx, owners: &[Owner]) -> AppResult<Vec<User>> {
        let owners = readable_owners(&ctx.principal, owners, &ctx.space);
        if owners.is_empty() {
            return Ok(vec![]);
        }
        Ok(self.store.reporters(&ctx.space, &owners).await?)
    }

    /// `GET /api/cases/alerts/{alertId}`.
    pub async fn cases_by_alert(
        &self,
        ctx: &Ctx,
        alert_id: &str,
        owners: &[Owner],
    ) -> AppResult<Vec<RelatedCase>> {
        let owners = readable_owners(&ctx.principal, owners, &ctx.space);
        if owners.is_empty() {
            return Ok(vec![]);
        }
        Ok(self
            .store
            .cases_by_alert(&ctx.space, alert_id, &owners)
            .await?)
    }
}
