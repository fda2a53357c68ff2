//! Pushing a case to an external system, Kibana's way: the description and each comment get
//! "Added by {user}."; only comments new or edited since the latest push to that connector are
//! sent; unpushed alerts add one "Elastic Alerts attached to the case: N" comment. On success the
//! case records `external_service`, attachments get `pushed_at/by`, a `pushed` user action is
//! written, and `close-by-pushing` closes the case — all in one batch. A failing external system
//! is a 424 with its message and nothing is recorded.

use super::authz::{Operation, authorize};
use super::{Ctx, Service};
use crate::connectors::{self, PushComment, PushRequest};
use crate::error::{AppError, AppResult};
use crate::store::{Page, StoreError, WriteOp};
use casebook_api::actions::{CaseConnectorState, PushDetails, PushInfo};
use casebook_api::case::ExternalService;
use casebook_api::comment::AttachmentPayload;
use casebook_api::configure::ClosureType;
use casebook_api::connector::ConnectorFields;
use casebook_api::find::SortOrder;
use casebook_api::user_action::{
    UserAction, UserActionAction as A, UserActionFindType, UserActionType as T,
};
use casebook_api::{ApiError, Case, Status};
use chrono::{DateTime, Utc};
use serde_json::json;
use std::collections::BTreeMap;

fn failed_dependency(message: String) -> AppError {
    AppError::Api(ApiError {
        status: 424,
        message,
    })
}

fn added_by(text: &str, who: &str) -> String {
    format!("{text}\n\nAdded by {who}.")
}

impl Service {
    /// The case's user actions of some types, oldest first.
    async fn actions_of(
        &self,
        ctx: &Ctx,
        case_id: &str,
        types: &[T],
    ) -> AppResult<Vec<UserAction>> {
        let types: Vec<UserActionFindType> =
            types.iter().map(|t| UserActionFindType::Type(*t)).collect();
        let page = Page {
            page: 1,
            per_page: casebook_api::limits::MAX_USER_ACTIONS_PER_CASE,
        };
        Ok(self
            .store
            .user_actions(&ctx.space, case_id, &types, SortOrder::Asc, page)
            .await?
            .0)
    }

    /// `POST /api/cases/{id}/connector/{connectorId}/_push`.
    pub async fn push_case(&self, ctx: &Ctx, case_id: &str, connector_id: &str) -> AppResult<Case> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::PushCase,
            &[case.owner],
            &ctx.space,
        )?;
        if case.status == Status::Closed {
            return Err(AppError::Api(ApiError::conflict(format!(
                "This case {} is closed. You can not push if the case is closed.",
                case.title
            ))));
        }
        let connector = self.connector_record(ctx, connector_id).await?;
        let pushes = self.actions_of(ctx, case_id, &[T::Pushed]).await?;
        let latest = pushes
            .iter()
            .rev()
            .find(|p| p.payload["externalService"]["connector_id"] == connector_id);
        let latest_at: Option<DateTime<Utc>> = latest.map(|p| p.created_at);
        let (attachments, _) = self
            .store
            .attachments(&ctx.space, case_id, false, SortOrder::Asc, None)
            .await?;
        let mut comments = Vec::new();
        for a in &attachments {
            let changed = a.updated_at.unwrap_or(a.created_at);
            if latest_at.is_some_and(|t| changed <= t) {
                continue;
            }
            let text = match &a.payload {
                AttachmentPayload::User { comment } => comment.clone(),
                AttachmentPayload::Actions { comment, actions } => {
                    // Kibana's wording: "Isolated host web-1 and 2 more with comment: …".
                    let verb = if actions.kind == "isolate" {
                        "Isolated"
                    } else {
                        "Released"
                    };
                    let host = actions
                        .targets
                        .first()
                        .map_or("unknown", |t| t.hostname.as_str());
                    let more = match actions.targets.len() {
                        0 | 1 => String::new(),
                        n => format!("and {} more ", n - 1),
                    };
                    format!("{verb} host {host} {more}with comment: {comment}")
                }
                _ => continue,
            };
            let who = a
                .updated_by
                .as_ref()
                .unwrap_or(&a.created_by)
                .display_name()
                .to_string();
            comments.push(PushComment {
                comment_id: a.id.clone(),
                comment: added_by(&text, &who),
            });
        }
        if attachments
            .iter()
            .any(|a| matches!(a.payload, AttachmentPayload::Alert { .. }) && a.pushed_at.is_none())
        {
            comments.push(PushComment {
                comment_id: format!("{case_id}-total-alerts"),
                comment: format!("Elastic Alerts attached to the case: {}", case.total_alerts),
            });
        }
        let fields = if case.connector.id == connector_id {
            case.connector.fields.clone()
        } else {
            ConnectorFields::empty(connector.kind)
        };
        let who = case
            .updated_by
            .as_ref()
            .unwrap_or(&case.created_by)
            .display_name()
            .to_string();
        let req = PushRequest {
            case_id: case.id.clone(),
            title: case.title.clone(),
            description: added_by(&case.description, &who),
            tags: case.tags.clone(),
            severity: case.severity,
            status: case.status,
            fields,
            external_id: latest.and_then(|p| {
                p.payload["externalService"]["external_id"]
                    .as_str()
                    .map(str::to_string)
            }),
            comments,
            username: ctx.user().username.unwrap_or_default(),
        };
        let result = connectors::push(&self.env.http, &connector, &req)
            .await
            .map_err(|e| failed_dependency(e.full()))?;
        let now = Service::now();
        let external = ExternalService {
            connector_id: connector.id.clone(),
            connector_name: connector.name.clone(),
            external_id: result.id,
            external_title: result.title,
            external_url: result.url,
            pushed_at: now,
            pushed_by: ctx.user(),
        };
        let mut new = case.clone();
        new.external_service = Some(external.clone());
        new.updated_at = Some(now);
        new.updated_by = Some(ctx.user());
        new.version = self.next_version();
        let closure = self
            .configuration_of(ctx, case.owner)
            .await?
            .map(|c| c.closure_type)
            .unwrap_or_default();
        let mut actions = vec![self.user_action(
            ctx,
            case.owner,
            T::Pushed,
            A::PushToService,
            json!({ "externalService": external }),
            now,
        )];
        if closure == ClosureType::CloseByPushing {
            new.status = Status::Closed;
            new.closed_at = Some(now);
            new.closed_by = Some(ctx.user());
            new.duration = Some((now - new.created_at).num_seconds().max(0));
            actions.push(self.user_action(
                ctx,
                case.owner,
                T::Status,
                A::Update,
                json!({ "status": "closed" }),
                now,
            ));
        }
        let mut ops = vec![WriteOp::UpdateCase {
            case: Box::new(new),
            expected_version: case.version.clone(),
        }];
        for a in attachments.iter().filter(|a| a.pushed_at.is_none()) {
            let mut stamped = a.clone();
            stamped.pushed_at = Some(now);
            stamped.pushed_by = Some(ctx.user());
            stamped.version = self.next_version();
            ops.push(WriteOp::UpdateAttachment {
                case_id: case.id.clone(),
                attachment: Box::new(stamped),
                expected_version: a.version.clone(),
            });
        }
        ops.extend(actions.into_iter().map(|a| WriteOp::InsertUserAction {
            case_id: case.id.clone(),
            action: Box::new(a),
        }));
        match self.store.write(&ctx.space, ops).await {
            Err(StoreError::Conflict(_)) => {
                return Err(AppError::Api(ApiError::conflict(format!(
                    "This case {case_id} has been updated. Please refresh before saving additional updates."
                ))));
            }
            other => other?,
        }
        self.case_with_comments(ctx, case_id).await
    }

    /// `GET /internal/cases/{id}/_connectors`: per connector the case used or was pushed to,
    /// whether it was pushed and whether it needs an update.
    pub async fn case_connectors(
        &self,
        ctx: &Ctx,
        case_id: &str,
    ) -> AppResult<BTreeMap<String, CaseConnectorState>> {
        let case = self.load_case(ctx, case_id).await?;
        authorize(
            &ctx.principal,
            Operation::ReadCase,
            &[case.owner],
            &ctx.space,
        )?;
        let history = self
            .actions_of(
                ctx,
                case_id,
                &[
                    T::Pushed,
                    T::Title,
                    T::Description,
                    T::Tags,
                    T::Comment,
                    T::Connector,
                    T::CreateCase,
                ],
            )
            .await?;
        let mut ids: Vec<String> = Vec::new();
        if !case.connector.is_none() {
            ids.push(case.connector.id.clone());
        }
        for ua in &history {
            let id = match ua.kind {
                T::Pushed => ua.payload["externalService"]["connector_id"].as_str(),
                T::Connector | T::CreateCase => ua.payload["connector"]["id"].as_str(),
                _ => None,
            };
            if let Some(id) = id.filter(|id| *id != "none" && !ids.iter().any(|x| x == id)) {
                ids.push(id.to_string());
            }
        }
        let mut out = BTreeMap::new();
        for id in ids {
            let Some(stored) = self.store.connector(&ctx.space, &id).await? else {
                continue;
            };
            let pushes: Vec<&UserAction> = history
                .iter()
                .filter(|u| {
                    u.kind == T::Pushed
                        && u.payload["externalService"]["connector_id"] == id.as_str()
                })
                .collect();
            let latest = pushes.last().map(|p| p.created_at);
            let changed_after = |t: DateTime<Utc>| {
                history.iter().any(|u| {
                    u.created_at > t
                        && match u.kind {
                            T::Title | T::Description | T::Tags => true,
                            T::Comment => u.action != A::Delete,
                            T::Connector => u.payload["connector"]["id"] == id.as_str(),
                            _ => false,
                        }
                })
            };
            let details = pushes.last().and_then(|p| {
                let ext: ExternalService =
                    serde_json::from_value(p.payload["externalService"].clone()).ok()?;
                Some(PushDetails {
                    latest_user_action_push_date: p.created_at.to_rfc3339(),
                    oldest_user_action_push_date: pushes[0].created_at.to_rfc3339(),
                    external_service: ext,
                })
            });
            let fields = if case.connector.id == id {
                serde_json::to_value(&case.connector)
                    .ok()
                    .map(|v| v["fields"].clone())
            } else {
                None
            };
            out.insert(
                id.clone(),
                CaseConnectorState {
                    id: id.clone(),
                    name: stored.name.clone(),
                    kind: stored.kind.clone(),
                    fields: fields.unwrap_or(serde_json::Value::Null),
                    push: PushInfo {
                        needs_to_be_pushed: latest.is_none_or(changed_after),
                        has_been_pushed: latest.is_some(),
                        details,
                    },
                },
            );
        }
        Ok(out)
    }
}
