//! Kibana Cases URL paths. The `*_ROUTE` constants use axum's `{param}` syntax (the same as
//! Kibana's docs) and feed the server's route table; the functions build concrete paths for the
//! SPA's client. Every path also exists under a space prefix: see [`in_space`].

use crate::space::DEFAULT_SPACE;

/// `/api/cases`: create (POST), bulk update (PATCH), delete (DELETE `?ids=`).
pub const CASES_ROUTE: &str = "/api/cases";
/// Case search.
pub const CASES_FIND_ROUTE: &str = "/api/cases/_find";
/// One case.
pub const CASE_ROUTE: &str = "/api/cases/{case_id}";
/// Distinct tags.
pub const TAGS_ROUTE: &str = "/api/cases/tags";
/// Distinct reporters.
pub const REPORTERS_ROUTE: &str = "/api/cases/reporters";
/// Cases containing an alert.
pub const CASES_BY_ALERT_ROUTE: &str = "/api/cases/alerts/{alert_id}";
/// Alerts attached to a case.
pub const CASE_ALERTS_ROUTE: &str = "/api/cases/{case_id}/alerts";
/// Attachments of a case (POST add, PATCH update, DELETE all).
pub const COMMENTS_ROUTE: &str = "/api/cases/{case_id}/comments";
/// Find user comments of a case.
pub const COMMENTS_FIND_ROUTE: &str = "/api/cases/{case_id}/comments/_find";
/// One attachment.
pub const COMMENT_ROUTE: &str = "/api/cases/{case_id}/comments/{comment_id}";
/// Find user actions of a case.
pub const USER_ACTIONS_FIND_ROUTE: &str = "/api/cases/{case_id}/user_actions/_find";
/// Push a case.
pub const PUSH_ROUTE: &str = "/api/cases/{case_id}/connector/{connector_id}/_push";
/// Case settings (GET, POST).
pub const CONFIGURE_ROUTE: &str = "/api/cases/configure";
/// Update case settings.
pub const CONFIGURE_ID_ROUTE: &str = "/api/cases/configure/{configuration_id}";
/// Connectors cases can use.
pub const CONFIGURE_CONNECTORS_ROUTE: &str = "/api/cases/configure/connectors/_find";
/// Distinct categories.
pub const CATEGORIES_ROUTE: &str = "/internal/cases/categories";
/// Cases metrics.
pub const METRICS_ROUTE: &str = "/internal/cases/metrics";
/// One case's metrics.
pub const CASE_METRICS_ROUTE: &str = "/internal/cases/metrics/{case_id}";
/// User action counts of a case.
pub const USER_ACTION_STATS_ROUTE: &str = "/internal/cases/{case_id}/user_actions/_stats";
/// Users involved in a case.
pub const CASE_USERS_ROUTE: &str = "/internal/cases/{case_id}/_users";
/// Spaces list and create.
pub const SPACES_ROUTE: &str = "/api/spaces/space";
/// One space.
pub const SPACE_ROUTE: &str = "/api/spaces/space/{space_id}";
/// Suggest assignable users.
pub const SUGGEST_USER_PROFILES_ROUTE: &str = "/internal/cases/_suggest_user_profiles";
/// Get user profiles by uid.
pub const BULK_GET_PROFILES_ROUTE: &str = "/internal/security/user_profile/_bulk_get";
/// Connectors list.
pub const CONNECTORS_ROUTE: &str = "/api/actions/connectors";
/// Create a connector (POST).
pub const CONNECTOR_CREATE_ROUTE: &str = "/api/actions/connector";
/// One connector (POST create with id, GET, PUT, DELETE).
pub const CONNECTOR_ROUTE: &str = "/api/actions/connector/{connector_id}";
/// Run a connector sub-action.
pub const CONNECTOR_EXECUTE_ROUTE: &str = "/api/actions/connector/{connector_id}/_execute";
/// Connector types.
pub const CONNECTOR_TYPES_ROUTE: &str = "/api/actions/connector_types";
/// Cases using a connector.
pub const CONNECTOR_USAGE_ROUTE: &str = "/internal/actions/connector/{connector_id}/_usage";
/// A case's connectors and their push state.
pub const CASE_CONNECTORS_ROUTE: &str = "/internal/cases/{case_id}/_connectors";
/// Roles list.
pub const ROLES_ROUTE: &str = "/api/security/role";
/// One role.
pub const ROLE_ROUTE: &str = "/api/security/role/{name}";
/// Users list.
pub const USERS_ROUTE: &str = "/internal/security/users";
/// One user (GET, POST create/update, DELETE).
pub const USER_ROUTE: &str = "/internal/security/users/{username}";
/// Change a password.
pub const USER_PASSWORD_ROUTE: &str = "/internal/security/users/{username}/password";
/// API keys (POST create, GET list).
pub const API_KEY_ROUTE: &str = "/internal/security/api_key";
/// Invalidate API keys.
pub const API_KEY_INVALIDATE_ROUTE: &str = "/internal/security/api_key/invalidate";
/// The audit log.
pub const AUDIT_ROUTE: &str = "/internal/casebook/audit";
/// What the user may do in the space.
pub const CAPABILITIES_ROUTE: &str = "/internal/casebook/capabilities";
/// Sign in.
pub const LOGIN_ROUTE: &str = "/internal/security/login";
/// The current user.
pub const ME_ROUTE: &str = "/internal/security/me";
/// Sign out.
pub const LOGOUT_ROUTE: &str = "/api/security/logout";

/// Prefixes a path with `/s/{space}` unless the space is the default one.
pub fn in_space(space: &str, path: &str) -> String {
    if space == DEFAULT_SPACE {
        path.to_string()
    } else {
        format!("/s/{space}{path}")
    }
}

/// `/api/cases/{id}`.
pub fn case(id: &str) -> String {
    format!("{CASES_ROUTE}/{id}")
}
/// `/api/cases/{id}/comments`.
pub fn comments(case_id: &str) -> String {
    format!("{CASES_ROUTE}/{case_id}/comments")
}
/// `/api/cases/{id}/comments/_find`.
pub fn comments_find(case_id: &str) -> String {
    format!("{CASES_ROUTE}/{case_id}/comments/_find")
}
/// `/api/cases/{id}/comments/{comment_id}`.
pub fn comment(case_id: &str, comment_id: &str) -> String {
    format!("{CASES_ROUTE}/{case_id}/comments/{comment_id}")
}
/// `/api/cases/{id}/alerts`.
pub fn case_alerts(case_id: &str) -> String {
    format!("{CASES_ROUTE}/{case_id}/alerts")
}
/// `/api/cases/alerts/{alert_id}`.
pub fn cases_by_alert(alert_id: &str) -> String {
    format!("{CASES_ROUTE}/alerts/{alert_id}")
}
/// `/api/cases/{id}/user_actions/_find`.
pub fn user_actions_find(case_id: &str) -> String {
    format!("{CASES_ROUTE}/{case_id}/user_actions/_find")
}
/// `/api/cases/{id}/connector/{connector_id}/_push`.
pub fn push(case_id: &str, connector_id: &str) -> String {
    format!("{CASES_ROUTE}/{case_id}/connector/{connector_id}/_push")
}
/// `/api/cases/configure/{id}`.
pub fn configure_id(id: &str) -> String {
    format!("{CONFIGURE_ROUTE}/{id}")
}
/// `/internal/cases/metrics/{id}`.
pub fn case_metrics(case_id: &str) -> String {
    format!("{METRICS_ROUTE}/{case_id}")
}
/// `/internal/cases/{id}/user_actions/_stats`.
pub fn user_action_stats(case_id: &str) -> String {
    format!("/internal/cases/{case_id}/user_actions/_stats")
}
/// `/internal/cases/{id}/_users`.
pub fn case_users(case_id: &str) -> String {
    format!("/internal/cases/{case_id}/_users")
}
/// `/api/actions/connector/{id}`.
pub fn connector(id: &str) -> String {
    format!("{CONNECTOR_CREATE_ROUTE}/{id}")
}
/// `/api/actions/connector/{id}/_execute`.
pub fn connector_execute(id: &str) -> String {
    format!("{CONNECTOR_CREATE_ROUTE}/{id}/_execute")
}
/// `/internal/actions/connector/{id}/_usage`.
pub fn connector_usage(id: &str) -> String {
    format!("/internal/actions/connector/{id}/_usage")
}
/// `/internal/cases/{id}/_connectors`.
pub fn case_connectors(case_id: &str) -> String {
    format!("/internal/cases/{case_id}/_connectors")
}
/// `/api/security/role/{name}`.
pub fn role(name: &str) -> String {
    format!("{ROLES_ROUTE}/{name}")
}
/// `/internal/security/users/{username}`.
pub fn user(username: &str) -> String {
    format!("{USERS_ROUTE}/{username}")
}
/// `/internal/security/users/{username}/password`.
pub fn user_password(username: &str) -> String {
    format!("{USERS_ROUTE}/{username}/password")
}
/// `/api/spaces/space/{id}`.
pub fn space(id: &str) -> String {
    format!("{SPACES_ROUTE}/{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_match_route_patterns() {
        assert_eq!(case("abc"), CASE_ROUTE.replace("{case_id}", "abc"));
        assert_eq!(comment("a", "b"), "/api/cases/a/comments/b");
        assert_eq!(
            push("a", "j"),
            PUSH_ROUTE
                .replace("{case_id}", "a")
                .replace("{connector_id}", "j")
        );
        assert_eq!(in_space("default", "/api/cases"), "/api/cases");
        assert_eq!(in_space("sec", "/api/cases"), "/s/sec/api/cases");
    }
}
