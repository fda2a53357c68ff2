//! `casebook-api`: the Kibana Cases API contract shared by the Casebook server and SPA.
//!
//! Wire types mirror Kibana field by field (Kibana mixes `snake_case` and `camelCase`; the serde
//! renames copy it exactly). Validation lives here once and returns Kibana's messages, so the SPA
//! can show the same text the API would answer with. No IO: this crate builds for wasm32.

pub mod actions;
pub mod alerts;
pub mod case;
pub mod comment;
pub mod configure;
pub mod connector;
pub mod error;
pub mod find;
pub mod limits;
pub mod metrics;
pub mod owner;
pub mod paths;
pub mod query;
pub mod security;
pub mod space;
pub mod user;
pub mod user_action;
pub mod validate;

pub use case::{Case, CasePatch, CasePostRequest, CasesPatchRequest, ListedCase, Severity, Status};
pub use comment::{Attachment, AttachmentPatchRequest, AttachmentPayload, AttachmentRequest};
pub use connector::{CaseConnector, ConnectorFields, ConnectorType};
pub use error::{ApiError, ErrorBody};
pub use owner::Owner;
pub use user::User;
