//! Per-case reads beyond the case itself: user actions and their counts, the users involved,
//! and metrics (overall status counts with mean time to resolve, and one case's lifespan).

use super::authz::{Operation, authorize, readable_owners};
use super::{Ctx, Service};
use crate::error::{AppError, AppResult};
use crate::store::Page;
use casebook_api::find::PageParams;
use casebook_api::metrics::{
    AlertMetrics, CaseMetrics, CasesMetrics, ConnectorMetrics, Lifespan, StatusInfo,
};
use casebook_api::security::{CaseUser, CaseUsers};
use casebook_api::user_action::{UserActionFindType, UserActionStats, UserActionsFindResponse};
use casebook_api::{Owner, Status, User};
use chrono::{DateTime, Utc};

fn case_user(u: User) -> CaseUser {
    CaseUser {
        uid: u.profile_uid.clone(),
        user: User {
            profile_uid: None,
            ..u
        },
    }
}

impl Service {
    /// `GET /api/cases/{id}/user_actions/_find`.
    pub async fn find_user_actions(
        &self,
        ctx: &Ctx,
        case_id: &str,
        p: PageParams,
        types: Vec<UserActionFindType>,
    ) -> AppResult<UserActionsFindResponse> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadUserActions,
            &[case.owner],
            &ctx.space,
        )?;
        let page = Page {
            page: p.page,
            per_page: p.per_page,
        };
        let (user_actions, total) = self
            .store
            .user_actions(&ctx.space, case_id, &types, p.sort_order, page)
            .await?;
        Ok(UserActionsFindResponse {
            page: p.page,
            per_page: p.per_page,
            total,
            user_actions,
        })
    }

    /// `GET /internal/cases/{id}/user_actions/_stats`.
    pub async fn user_action_stats(&self, ctx: &Ctx, case_id: &str) -> AppResult<UserActionStats> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadUserActions,
            &[case.owner],
            &ctx.space,
        )?;
        Ok(self.store.user_action_stats(&ctx.space, case_id).await?)
    }

    /// `GET /internal/cases/{id}/_users`.
    pub async fn case_users(&self, ctx: &Ctx, case_id: &str) -> AppResult<CaseUsers> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadCase,
            &[case.owner],
            &ctx.space,
        )?;
        let participants = self.store.participants(&ctx.space, case_id).await?;
        let uids: Vec<String> = case.assignees.iter().map(|a| a.uid.clone()).collect();
        let known = self.store.users_by_uid(&uids).await?;
        let assignees = uids
            .iter()
            .map(|uid| match known.iter().find(|u| &u.profile_uid == uid) {
                Some(u) => case_user(u.as_user()),
                None => CaseUser {
                    user: User::default(),
                    uid: Some(uid.clone()),
                },
            })
            .collect();
        let (removed, _) = self
            .store
            .user_actions(
                &ctx.space,
                case_id,
                &[UserActionFindType::Type(
                    casebook_api::user_action::UserActionType::Assignees,
                )],
                casebook_api::find::SortOrder::Asc,
                Page {
                    page: 1,
                    per_page: casebook_api::limits::MAX_USER_ACTIONS_PER_CASE,
                },
            )
            .await?;
        let mut gone: Vec<String> = Vec::new();
        for ua in removed
            .iter()
            .filter(|u| u.action == casebook_api::user_action::UserActionAction::Delete)
        {
            for a in ua.payload["assignees"].as_array().into_iter().flatten() {
                if let Some(uid) = a["uid"]
                    .as_str()
                    .filter(|u| !uids.iter().any(|x| x == u) && !gone.iter().any(|g| g == u))
                {
                    gone.push(uid.to_string());
                }
            }
        }
        let gone_users = self.store.users_by_uid(&gone).await?;
        Ok(CaseUsers {
            participants: participants.into_iter().map(case_user).collect(),
            assignees,
            unassigned_users: gone_users.iter().map(|u| case_user(u.as_user())).collect(),
            reporter: case_user(case.created_by.clone()),
        })
    }

    /// `GET /internal/cases/metrics`.
    pub async fn metrics(
        &self,
        ctx: &Ctx,
        features: &[String],
        owners: &[Owner],
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> AppResult<CasesMetrics> {
        for f in features {
            if f != "status" && f != "mttr" {
                return Err(AppError::bad_request(format!("invalid features: [{f}]")));
            }
        }
        let owners = readable_owners(&ctx.principal, owners, &ctx.space);
        let (counts, mttr) = if owners.is_empty() {
            Default::default()
        } else {
            self.store
                .status_metrics(&ctx.space, &owners, from, to)
                .await?
        };
        Ok(CasesMetrics {
            mttr: features.iter().any(|f| f == "mttr").then_some(mttr),
            status: features.iter().any(|f| f == "status").then_some(counts),
        })
    }

    /// `GET /internal/cases/metrics/{id}`.
    pub async fn case_metrics(
        &self,
        ctx: &Ctx,
        case_id: &str,
        features: &[String],
    ) -> AppResult<CaseMetrics> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadCase,
            &[case.owner],
            &ctx.space,
        )?;
        let mut out = CaseMetrics::default();
        for f in features {
            match f.as_str() {
                "alerts.count" => {
                    out.alerts = Some(AlertMetrics {
                        count: case.total_alerts,
                    })
                }
                "connectors" => {
                    out.connectors = Some(ConnectorMetrics {
                        total: i64::from(!case.connector.is_none()),
                    })
                }
                "lifespan" => {
                    let changes = self.store.status_changes(&ctx.space, case_id).await?;
                    out.lifespan = Some(lifespan(
                        &case.created_at,
                        case.closed_at,
                        &changes,
                        Utc::now(),
                    ));
                }
                other => {
                    return Err(AppError::bad_request(format!(
                        "invalid features: [{other}]"
                    )));
                }
            }
        }
        Ok(out)
    }
}

/// Time per status from the ordered status changes, in milliseconds.
fn lifespan(
    created: &DateTime<Utc>,
    closed: Option<DateTime<Utc>>,
    changes: &[(DateTime<Utc>, Status)],
    now: DateTime<Utc>,
) -> Lifespan {
    let mut info = StatusInfo::default();
    for (i, (at, status)) in changes.iter().enumerate() {
        let end = changes.get(i + 1).map(|c| c.0).unwrap_or(now);
        let ms = (end - *at).num_milliseconds().max(0);
        match status {
            Status::Open => info.open_duration += ms,
            Status::InProgress => info.in_progress_duration += ms,
            Status::Closed => {}
        }
        if i > 0 && *status != Status::Closed && changes[i - 1].1 == Status::Closed {
            info.reopen_dates.push(*at);
        }
    }
    Lifespan {
        creation_date: *created,
        close_date: closed,
        status_info: info,
    }
}
