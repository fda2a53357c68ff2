//! Every Kibana Cases limit, with Kibana's constant name and value
//! (`x-pack/.../cases/common/constants/index.ts`). Both the server and the SPA's forms use these.

/// Longest case title, in characters, after trimming.
pub const MAX_TITLE_LENGTH: usize = 160;
/// Longest case description.
pub const MAX_DESCRIPTION_LENGTH: usize = 30_000;
/// Longest user comment.
pub const MAX_COMMENT_LENGTH: usize = 30_000;
/// Longest single tag.
pub const MAX_LENGTH_PER_TAG: usize = 256;
/// Most tags on one case.
pub const MAX_TAGS_PER_CASE: usize = 200;
/// Longest category.
pub const MAX_CATEGORY_LENGTH: usize = 50;
/// Most assignees on one case.
pub const MAX_ASSIGNEES_PER_CASE: usize = 10;
/// Most custom field values on one case (and definitions per configuration).
pub const MAX_CUSTOM_FIELDS_PER_CASE: usize = 10;
/// Longest custom field key.
pub const MAX_CUSTOM_FIELD_KEY_LENGTH: usize = 36;
/// Longest custom field label.
pub const MAX_CUSTOM_FIELD_LABEL_LENGTH: usize = 50;
/// Longest text custom field value.
pub const MAX_CUSTOM_FIELD_TEXT_VALUE_LENGTH: usize = 160;
/// Most observables on one case.
pub const MAX_OBSERVABLES_PER_CASE: usize = 50;
/// Most templates per configuration.
pub const MAX_TEMPLATES_LENGTH: usize = 10;
/// Longest template key.
pub const MAX_TEMPLATE_KEY_LENGTH: usize = 36;
/// Longest template name.
pub const MAX_TEMPLATE_NAME_LENGTH: usize = 50;
/// Longest template description.
pub const MAX_TEMPLATE_DESCRIPTION_LENGTH: usize = 1_000;
/// Most tags on a template.
pub const MAX_TAGS_PER_TEMPLATE: usize = 10;
/// Longest template tag.
pub const MAX_TEMPLATE_TAG_LENGTH: usize = 50;
/// Most distinct alerts attached to one case.
pub const MAX_ALERTS_PER_CASE: usize = 1_000;
/// Most attachments in one bulk create.
pub const MAX_BULK_CREATE_ATTACHMENTS: usize = 100;
/// Most attachments in one bulk get.
pub const MAX_BULK_GET_ATTACHMENTS: usize = 100;
/// Most persistable-state and external-reference attachments per case.
pub const MAX_PERSISTABLE_STATE_AND_EXTERNAL_REFERENCES: usize = 100;
/// Most files per case.
pub const MAX_FILES_PER_CASE: usize = 100;
/// Most case ids in one delete.
pub const MAX_DELETE_IDS_LENGTH: usize = 100;
/// Most cases in one PATCH.
pub const MAX_CASES_TO_UPDATE: usize = 100;
/// Most cases in one bulk get.
pub const MAX_BULK_GET_CASES: usize = 1_000;
/// Largest `perPage` for cases.
pub const MAX_CASES_PER_PAGE: usize = 100;
/// Largest `perPage` for comments.
pub const MAX_COMMENTS_PER_PAGE: usize = 100;
/// Largest `perPage` for user actions.
pub const MAX_USER_ACTIONS_PER_PAGE: usize = 100;
/// `page × perPage` ceiling.
pub const MAX_DOCS_PER_PAGE: usize = 10_000;
/// Most user actions per case.
pub const MAX_USER_ACTIONS_PER_CASE: usize = 10_000;
/// Most values in the `tags` filter.
pub const MAX_TAGS_FILTER_LENGTH: usize = 100;
/// Most values in the `category` filter.
pub const MAX_CATEGORY_FILTER_LENGTH: usize = 100;
/// Most values in the `assignees` filter.
pub const MAX_ASSIGNEES_FILTER_LENGTH: usize = 100;
/// Most values in the `reporters` filter.
pub const MAX_REPORTERS_FILTER_LENGTH: usize = 100;
/// Most profiles `_suggest_user_profiles` returns.
pub const MAX_SUGGESTED_PROFILES: usize = 10;
/// Most connectors `configure/connectors/_find` returns.
pub const MAX_SUPPORTED_CONNECTORS_RETURNED: usize = 1_000;
/// Default `perPage` for finds.
pub const DEFAULT_PER_PAGE: usize = 20;
/// Debounce of the search box in the UI, in milliseconds.
pub const SEARCH_DEBOUNCE_MS: u32 = 500;
/// The connector id of "no connector".
pub const NONE_CONNECTOR_ID: &str = "none";
/// The `assignees` filter keyword that selects unassigned cases.
pub const NO_ASSIGNEES_FILTERING_KEYWORD: &str = "none";
/// Largest request body the server accepts, in bytes (Kibana's `server.maxPayload` default, 1 MiB).
pub const MAX_PAYLOAD_BYTES: usize = 1_048_576;
/// Largest value a `number` custom field may hold (JavaScript's `Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;
