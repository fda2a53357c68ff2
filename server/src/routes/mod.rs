//! The one route table: every Kibana Cases path, each also under `/s/{space_id}`, plus the SPA.
//!
//! Request flow: `/s/{space}/…` is checked against the known spaces and rewritten to `/…` with
//! a [`SpaceId`] extension, so each route is declared once. API routes then pass the
//! `kbn-xsrf` check (mutations) and authentication; anything else under `/api` or `/internal`
//! is a JSON 404; every other path serves the SPA (deep links get `index.html`).

mod actions;
mod admin;
mod cases;
mod comments;
mod configure;
pub mod extract;
mod profiles;
mod security;
mod spaces;

use crate::auth::Authenticator;
use crate::error::error_response;
use crate::session;
use crate::state::AppState;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use casebook_api::limits::MAX_PAYLOAD_BYTES;
use casebook_api::paths::*;
use extract::SpaceId;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::{ServeDir, ServeFile};

fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            CASES_ROUTE,
            post(cases::create)
                .patch(cases::update)
                .delete(cases::delete),
        )
        .route(CASES_FIND_ROUTE, get(cases::find))
        .route(TAGS_ROUTE, get(cases::tags))
        .route(REPORTERS_ROUTE, get(cases::reporters))
        .route(CASES_BY_ALERT_ROUTE, get(cases::by_alert))
        .route(CASE_ROUTE, get(cases::get))
        .route(CASE_ALERTS_ROUTE, get(comments::alerts))
        .route(
            COMMENTS_ROUTE,
            post(comments::add)
                .patch(comments::update)
                .delete(comments::delete_all),
        )
        .route(COMMENTS_FIND_ROUTE, get(comments::find))
        .route(COMMENT_ROUTE, get(comments::get).delete(comments::delete))
        .route(USER_ACTIONS_FIND_ROUTE, get(comments::user_actions))
        .route(PUSH_ROUTE, post(actions::push))
        .route(CONFIGURE_ROUTE, get(configure::get).post(configure::create))
        .route(CONFIGURE_ID_ROUTE, patch(configure::update))
        .route(CONFIGURE_CONNECTORS_ROUTE, get(configure::connectors))
        .route(CATEGORIES_ROUTE, get(cases::categories))
        .route(METRICS_ROUTE, get(configure::metrics))
        .route(CASE_METRICS_ROUTE, get(configure::case_metrics))
        .route(USER_ACTION_STATS_ROUTE, get(configure::stats))
        .route(CASE_USERS_ROUTE, get(configure::users))
        .route(SPACES_ROUTE, get(spaces::list).post(spaces::create))
        .route(
            SPACE_ROUTE,
            get(spaces::get).put(spaces::update).delete(spaces::delete),
        )
        .route(ME_ROUTE, get(spaces::me))
        .route(CONNECTORS_ROUTE, get(actions::list))
        .route(CONNECTOR_CREATE_ROUTE, post(actions::create))
        .route(
            CONNECTOR_ROUTE,
            post(actions::create_with_id)
                .get(actions::get)
                .put(actions::update)
                .delete(actions::delete),
        )
        .route(CONNECTOR_EXECUTE_ROUTE, post(actions::execute))
        .route(CONNECTOR_TYPES_ROUTE, get(actions::types))
        .route(CONNECTOR_USAGE_ROUTE, get(actions::usage))
        .route(CASE_CONNECTORS_ROUTE, get(actions::case_connectors))
        .route(ROLES_ROUTE, get(admin::roles))
        .route(
            ROLE_ROUTE,
            get(admin::role)
                .put(admin::put_role)
                .delete(admin::delete_role),
        )
        .route(USERS_ROUTE, get(admin::users))
        .route(
            USER_ROUTE,
            get(admin::user)
                .post(admin::put_user)
                .delete(admin::delete_user),
        )
        .route(USER_PASSWORD_ROUTE, post(admin::password))
        .route(
            API_KEY_ROUTE,
            post(admin::create_api_key).get(admin::api_keys),
        )
        .route(API_KEY_INVALIDATE_ROUTE, post(admin::invalidate_api_keys))
        .route(AUDIT_ROUTE, get(admin::audit))
        .route(CAPABILITIES_ROUTE, get(admin::capabilities))
        .route(SUGGEST_USER_PROFILES_ROUTE, post(profiles::suggest))
        .route(BULK_GET_PROFILES_ROUTE, post(profiles::bulk_get))
}

/// Routes that need no prior authentication (but still the xsrf check).
fn public_routes() -> Router<AppState> {
    Router::new()
        .route(LOGIN_ROUTE, post(security::login))
        .route(
            LOGOUT_ROUTE,
            post(security::logout_api).get(security::logout_redirect),
        )
}

/// Mutations need `kbn-xsrf` (or `kbn-version`), as in Kibana.
async fn xsrf(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let h = req.headers();
    if !safe && !h.contains_key("kbn-xsrf") && !h.contains_key("kbn-version") {
        return error_response(400, "Request must contain a kbn-xsrf header.");
    }
    next.run(req).await
}

/// Resolves the caller from HTTP Basic credentials or the session cookie.
async fn authenticate(State(s): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(Authenticator::parse_basic);
    let api_key = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::auth::parse_api_key);
    let principal = match (basic, api_key) {
        (_, Some((id, key))) => s.auth.api_key(s.service.store(), &id, &key).await,
        (Some(Some((user, pass))), _) => {
            // Basic credentials on any route count against the sign-in limit like the login
            // form does, so they cannot be used to guess passwords faster.
            let mut keys = vec![format!("user:{user}")];
            if let Some(ip) = req
                .extensions()
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            {
                keys.push(format!("ip:{}", ip.0.ip()));
            }
            if s.limiter.blocked(&keys) {
                return error_response(
                    429,
                    "Too many failed sign-in attempts. Try again in a few minutes.",
                );
            }
            let found = s.auth.login(s.service.store(), &user, &pass).await;
            if matches!(found, Ok(None)) {
                s.limiter.fail(&keys);
            }
            found
        }
        (Some(None), _) => Ok(None),
        (None, None) => {
            let token = headers
                .get(header::COOKIE)
                .and_then(|v| v.to_str().ok())
                .and_then(session::token_in);
            match token.and_then(|t| s.sessions.resolve(t)) {
                Some(name) => s.auth.principal_for(s.service.store(), &name).await,
                None => Ok(None),
            }
        }
    };
    match principal {
        Ok(Some(p)) => {
            let space = req
                .extensions()
                .get::<SpaceId>()
                .map(|s| s.0.clone())
                .unwrap_or_else(|| "default".into());
            let path = req.uri().path();
            let cases_api = path.starts_with("/api/cases") || path.starts_with("/internal/cases");
            if cases_api && !p.privileges.any_in_space(&space) {
                return error_response(403, format!("Unauthorized to access space [{space}]"));
            }
            req.extensions_mut().insert(p);
            next.run(req).await
        }
        Ok(None) => error_response(401, "Unauthorized"),
        Err(e) => e.into_response(),
    }
}

async fn api_not_found() -> Response {
    error_response(404, "Not Found")
}

/// Anything outside the API: JSON 404 under `/api` and `/internal`, else the SPA.
async fn fallback(State(s): State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    if path.starts_with("/api/") || path == "/api" || path.starts_with("/internal/") {
        return api_not_found().await;
    }
    let index = s.dist.join("index.html");
    // `scripts/build-ui.sh` writes `.br` and `.gz` next to the wasm, JS and CSS: served as
    // they are to browsers that accept them (the wasm is ~3.4 MB raw, ~1 MB in brotli).
    let serve = ServeDir::new(&s.dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(index));
    match serve.oneshot(req).await {
        Ok(r) => r.into_response(),
        Err(e) => match e {},
    }
}

/// Routes one request: `/s/{space}/…` is checked and replayed without the prefix (with a
/// [`SpaceId`]); anything else goes straight to the routes.
///
/// This runs as the outer router's fallback rather than as a `/s/{space_id}/{*rest}` route:
/// a matched route's path params stay in the request extensions and axum appends the inner
/// route's params to them, so every `Path` extractor under `/s/…` would fail.
async fn dispatch(s: AppState, inner: Router, req: Request) -> Response {
    let Some(rest) = req.uri().path().strip_prefix("/s/") else {
        return match inner.oneshot(req).await {
            Ok(r) => r,
            Err(e) => match e {},
        };
    };
    let (space, tail) = rest.split_once('/').unwrap_or((rest, ""));
    if !s.has_space(space) {
        return error_response(404, format!("Space [{space}] not found"));
    }
    let query = req
        .uri()
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let Ok(uri) = format!("/{tail}{query}").parse() else {
        return error_response(400, "Invalid path");
    };
    let space = SpaceId(space.to_string());
    let (mut parts, body) = req.into_parts();
    parts.uri = uri;
    parts.extensions.insert(space);
    match inner.oneshot(Request::from_parts(parts, body)).await {
        Ok(r) => r,
        Err(e) => match e {},
    }
}

fn inner_router(state: AppState) -> Router {
    let api = api_routes()
        .method_not_allowed_fallback(api_not_found)
        .layer(middleware::from_fn_with_state(state.clone(), authenticate))
        .merge(public_routes())
        .layer(middleware::from_fn(xsrf));
    api.fallback(fallback).with_state(state)
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let state_for_headers = state.clone();
    let inner = inner_router(state.clone());
    let service = tower::service_fn(move |req: Request| {
        let (state, inner) = (state.clone(), inner.clone());
        async move { Ok::<_, std::convert::Infallible>(dispatch(state, inner, req).await) }
    });
    Router::new()
        .fallback_service(service)
        .layer(middleware::from_fn_with_state(
            state_for_headers,
            crate::headers::security_headers,
        ))
        .layer(DefaultBodyLimit::max(MAX_PAYLOAD_BYTES))
        .layer(CatchPanicLayer::custom(|_| {
            error_response(500, "An internal server error occurred.")
        }))
}
