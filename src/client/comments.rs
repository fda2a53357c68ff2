//! A case's attachments and alerts.

use super::{Client, ClientResult, json, query};
use casebook_api::alerts::CaseAlert;
use casebook_api::comment::{
    Attachment, AttachmentPatchRequest, AttachmentRequest, CommentsFindResponse,
};
use casebook_api::find::SortOrder;
use casebook_api::{Case, paths};
use gloo_net::http::Method;

impl Client {
    /// `POST /api/cases/{id}/comments`.
    pub async fn add_comment(&self, case_id: &str, req: &AttachmentRequest) -> ClientResult<Case> {
        self.send(Method::POST, &paths::comments(case_id), None, json(req))
            .await
    }
    /// `PATCH /api/cases/{id}/comments`.
    pub async fn update_comment(
        &self,
        case_id: &str,
        req: &AttachmentPatchRequest,
    ) -> ClientResult<Case> {
        self.send(Method::PATCH, &paths::comments(case_id), None, json(req))
            .await
    }
    /// `DELETE /api/cases/{id}/comments/{commentId}`.
    pub async fn delete_comment(&self, case_id: &str, comment_id: &str) -> ClientResult<()> {
        self.send_empty(
            Method::DELETE,
            &paths::comment(case_id, comment_id),
            None,
            None,
        )
        .await
    }
    /// `GET /api/cases/{id}/comments/{commentId}`.
    pub async fn get_comment(&self, case_id: &str, comment_id: &str) -> ClientResult<Attachment> {
        self.send(
            Method::GET,
            &paths::comment(case_id, comment_id),
            None,
            None,
        )
        .await
    }
    /// `GET /api/cases/{id}/comments/_find`.
    pub async fn find_comments(
        &self,
        case_id: &str,
        page: usize,
        per_page: usize,
        order: SortOrder,
    ) -> ClientResult<CommentsFindResponse> {
        let q = query(&[
            ("page", page.to_string()),
            ("perPage", per_page.to_string()),
            ("sortOrder", order.as_str().to_string()),
        ]);
        self.send(Method::GET, &paths::comments_find(case_id), Some(&q), None)
            .await
    }
    /// `GET /api/cases/{id}/alerts`.
    pub async fn case_alerts(&self, case_id: &str) -> ClientResult<Vec<CaseAlert>> {
        self.send(Method::GET, &paths::case_alerts(case_id), None, None)
            .await
    }
}
