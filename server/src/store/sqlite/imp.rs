//! `Store` for `SqliteStore`: each method moves its arguments onto a pooled connection (reads)
//! or into the writer's transaction (writes).

use super::{SqliteStore, attachments, cases, connectors, find, misc, security, user_actions};
use crate::store::{ApiKeyRecord, AuditEvent, StoredConnector};
use crate::store::{
    CaseFilter, CasePage, Page, Store, StoreError, StoreResult, UserRecord, WriteOp,
};
use async_trait::async_trait;
use casebook_api::alerts::{CaseAlert, RelatedCase};
use casebook_api::comment::Attachment;
use casebook_api::configure::Configuration;
use casebook_api::find::{SortField, SortOrder};
use casebook_api::metrics::StatusCounts;
use casebook_api::security::Role;
use casebook_api::space::Space;
use casebook_api::user_action::{UserAction, UserActionFindType, UserActionStats};
use casebook_api::{Case, Owner, Status, User};
use chrono::{DateTime, Utc};

fn owned(s: &str) -> String {
    s.to_string()
}

#[async_trait]
impl Store for SqliteStore {
    async fn spaces(&self) -> StoreResult<Vec<Space>> {
        self.read(misc::spaces).await
    }
    async fn create_space(&self, space: Space) -> StoreResult<()> {
        self.write_with(move |c| misc::put_space(c, &space, true))
            .await
    }
    async fn update_space(&self, space: Space) -> StoreResult<()> {
        self.write_with(move |c| misc::put_space(c, &space, false))
            .await
    }
    async fn delete_space(&self, id: &str) -> StoreResult<()> {
        let id = owned(id);
        self.write_with(move |c| misc::delete_space(c, &id)).await
    }

    async fn user(&self, username: &str) -> StoreResult<Option<UserRecord>> {
        let u = owned(username);
        self.read(move |c| misc::user(c, &u)).await
    }
    async fn users_by_uid(&self, uids: &[String]) -> StoreResult<Vec<UserRecord>> {
        let uids = uids.to_vec();
        self.read(move |c| misc::users_by_uid(c, &uids)).await
    }
    async fn users(&self) -> StoreResult<Vec<UserRecord>> {
        self.read(misc::users).await
    }
    async fn put_user(&self, user: UserRecord) -> StoreResult<()> {
        self.write_with(move |c| misc::put_user(c, &user)).await
    }

    async fn cases(&self, space: &str, ids: &[String]) -> StoreResult<Vec<Case>> {
        let (space, ids) = (owned(space), ids.to_vec());
        self.read(move |c| cases::read_cases(c, &space, &ids)).await
    }
    async fn find_cases(
        &self,
        space: &str,
        filter: &CaseFilter,
        sort: (SortField, SortOrder),
        page: Page,
    ) -> StoreResult<CasePage> {
        let (space, filter) = (owned(space), filter.clone());
        let memo = self.memo.clone();
        self.read(move |c| find::find(c, &memo, &space, &filter, sort, page))
            .await
    }
    async fn tags(&self, space: &str, owners: &[Owner]) -> StoreResult<Vec<String>> {
        let (space, owners) = (owned(space), owners.to_vec());
        self.read(move |c| misc::tags(c, &space, &owners)).await
    }
    async fn categories(&self, space: &str, owners: &[Owner]) -> StoreResult<Vec<String>> {
        let (space, owners) = (owned(space), owners.to_vec());
        self.read(move |c| misc::categories(c, &space, &owners))
            .await
    }
    async fn reporters(&self, space: &str, owners: &[Owner]) -> StoreResult<Vec<User>> {
        let (space, owners) = (owned(space), owners.to_vec());
        self.read(move |c| misc::reporters(c, &space, &owners))
            .await
    }
    async fn status_metrics(
        &self,
        space: &str,
        owners: &[Owner],
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> StoreResult<(StatusCounts, Option<i64>)> {
        let (space, owners) = (owned(space), owners.to_vec());
        self.read(move |c| misc::status_metrics(c, &space, &owners, from, to))
            .await
    }

    async fn attachments(
        &self,
        space: &str,
        case_id: &str,
        user_only: bool,
        order: SortOrder,
        page: Option<Page>,
    ) -> StoreResult<(Vec<Attachment>, usize)> {
        let (space, case_id) = (owned(space), owned(case_id));
        self.read(move |c| {
            let rowid = cases::case_rowid(c, &space, &case_id)?;
            attachments::list(
                c,
                rowid,
                user_only,
                order,
                page.map(|p| (p.per_page, p.offset())),
            )
        })
        .await
    }
    async fn attachment(
        &self,
        space: &str,
        case_id: &str,
        id: &str,
    ) -> StoreResult<Option<Attachment>> {
        let (space, case_id, id) = (owned(space), owned(case_id), owned(id));
        self.read(move |c| {
            let rowid = cases::case_rowid(c, &space, &case_id)?;
            attachments::get(c, rowid, &id)
        })
        .await
    }
    async fn case_alerts(&self, space: &str, case_id: &str) -> StoreResult<Vec<CaseAlert>> {
        let (space, case_id) = (owned(space), owned(case_id));
        self.read(move |c| attachments::alerts(c, cases::case_rowid(c, &space, &case_id)?))
            .await
    }
    async fn cases_by_alert(
        &self,
        space: &str,
        alert_id: &str,
        owners: &[Owner],
    ) -> StoreResult<Vec<RelatedCase>> {
        let (space, alert_id, owners) = (owned(space), owned(alert_id), owners.to_vec());
        self.read(move |c| misc::cases_by_alert(c, &space, &alert_id, &owners))
            .await
    }

    async fn user_actions(
        &self,
        space: &str,
        case_id: &str,
        types: &[UserActionFindType],
        order: SortOrder,
        page: Page,
    ) -> StoreResult<(Vec<UserAction>, usize)> {
        let (space, case_id, types) = (owned(space), owned(case_id), types.to_vec());
        self.read(move |c| {
            let rowid = cases::case_rowid(c, &space, &case_id)?;
            user_actions::list(c, rowid, &types, order, page.per_page, page.offset())
        })
        .await
    }
    async fn user_action_stats(&self, space: &str, case_id: &str) -> StoreResult<UserActionStats> {
        let (space, case_id) = (owned(space), owned(case_id));
        self.read(move |c| user_actions::stats(c, cases::case_rowid(c, &space, &case_id)?))
            .await
    }
    async fn participants(&self, space: &str, case_id: &str) -> StoreResult<Vec<User>> {
        let (space, case_id) = (owned(space), owned(case_id));
        self.read(move |c| user_actions::participants(c, cases::case_rowid(c, &space, &case_id)?))
            .await
    }
    async fn status_changes(
        &self,
        space: &str,
        case_id: &str,
    ) -> StoreResult<Vec<(DateTime<Utc>, Status)>> {
        let (space, case_id) = (owned(space), owned(case_id));
        self.read(move |c| user_actions::status_changes(c, cases::case_rowid(c, &space, &case_id)?))
            .await
    }

    async fn configurations(
        &self,
        space: &str,
        owners: &[Owner],
    ) -> StoreResult<Vec<Configuration>> {
        let (space, owners) = (owned(space), owners.to_vec());
        self.read(move |c| misc::configurations(c, &space, &owners))
            .await
    }
    async fn configuration(&self, space: &str, id: &str) -> StoreResult<Option<Configuration>> {
        let (space, id) = (owned(space), owned(id));
        self.read(move |c| misc::configuration(c, &space, &id))
            .await
    }

    async fn connectors(&self, space: &str) -> StoreResult<Vec<StoredConnector>> {
        let space = owned(space);
        self.read(move |c| connectors::list(c, &space)).await
    }
    async fn connector(&self, space: &str, id: &str) -> StoreResult<Option<StoredConnector>> {
        let (space, id) = (owned(space), owned(id));
        self.read(move |c| connectors::get(c, &space, &id)).await
    }
    async fn put_connector(
        &self,
        space: &str,
        connector: StoredConnector,
        create: bool,
    ) -> StoreResult<()> {
        let space = owned(space);
        self.write_with(move |c| connectors::put(c, &space, &connector, create))
            .await
    }
    async fn delete_connector(&self, space: &str, id: &str) -> StoreResult<()> {
        let (space, id) = (owned(space), owned(id));
        self.write_with(move |c| connectors::delete(c, &space, &id))
            .await
    }
    async fn connector_usage(
        &self,
        space: &str,
        id: &str,
        owners: Option<&[Owner]>,
        limit: usize,
    ) -> StoreResult<(i64, Vec<(String, String)>)> {
        let (space, id, owners) = (owned(space), owned(id), owners.map(<[Owner]>::to_vec));
        self.read(move |c| connectors::usage(c, &space, &id, owners.as_deref(), limit))
            .await
    }

    async fn roles(&self) -> StoreResult<Vec<Role>> {
        self.read(security::roles).await
    }
    async fn put_role(&self, role: Role) -> StoreResult<()> {
        self.write_with(move |c| security::put_role(c, &role)).await
    }
    async fn delete_role(&self, name: &str) -> StoreResult<()> {
        let name = owned(name);
        self.write_with(move |c| security::delete_role(c, &name))
            .await
    }
    async fn insert_api_key(&self, key: ApiKeyRecord) -> StoreResult<()> {
        self.write_with(move |c| security::insert_api_key(c, &key))
            .await
    }
    async fn api_key(&self, id: &str) -> StoreResult<Option<ApiKeyRecord>> {
        let id = owned(id);
        self.read(move |c| security::api_key(c, &id)).await
    }
    async fn api_keys(&self, username: Option<&str>) -> StoreResult<Vec<ApiKeyRecord>> {
        let u = username.map(owned);
        self.read(move |c| security::api_keys(c, u.as_deref()))
            .await
    }
    async fn invalidate_api_keys(&self, ids: &[String]) -> StoreResult<Vec<String>> {
        let ids = ids.to_vec();
        let out = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = out.clone();
        self.write_with(move |c| {
            *sink.lock().expect("poisoned") = security::invalidate_api_keys(c, &ids)?;
            Ok(())
        })
        .await?;
        let done = out.lock().expect("poisoned").clone();
        Ok(done)
    }
    async fn audit(&self, event: AuditEvent) -> StoreResult<()> {
        self.write_with(move |c| security::audit(c, &event)).await
    }
    async fn audit_events(
        &self,
        action: Option<&str>,
        username: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<AuditEvent>> {
        let (a, u) = (action.map(owned), username.map(owned));
        self.read(move |c| security::audit_events(c, a.as_deref(), u.as_deref(), limit))
            .await
    }

    async fn write(&self, space: &str, ops: Vec<WriteOp>) -> StoreResult<()> {
        if ops.is_empty() {
            return Ok(());
        }
        let space = owned(space);
        self.write_with(move |c| {
            for op in &ops {
                cases::apply(c, &space, op)?;
            }
            Ok(())
        })
        .await
        .map_err(|e| match e {
            StoreError::Database(m) if m.contains("UNIQUE constraint failed: attachments.id") => {
                StoreError::AlreadyExists(m)
            }
            other => other,
        })
    }
}
