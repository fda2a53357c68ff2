//! Sign-in and sign-out with Kibana's routes: `POST /internal/security/login` starts a cookie
//! session; `POST|GET /api/security/logout` ends it.

use super::extract::{ClientIp, KJson};
use crate::error::{AppResult, error_response};
use crate::session::{clear_cookie, set_cookie, token_in};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use casebook_api::security::LoginRequest;
use serde_json::json;

/// `POST /internal/security/login`.
pub async fn login(
    State(s): State<AppState>,
    ClientIp(client): ClientIp,
    KJson(body): KJson<LoginRequest>,
) -> AppResult<Response> {
    if body.provider_type != "basic" {
        return Ok(error_response(
            400,
            format!("Unsupported provider type [{}]", body.provider_type),
        ));
    }
    let p = &body.params;
    let user_key = format!("user:{}", p.username);
    let keys = match &client {
        Some(ip) => vec![user_key.clone(), format!("ip:{ip}")],
        None => vec![user_key.clone()],
    };
    if s.limiter.blocked(&keys) {
        s.service
            .audit(
                Some(&p.username),
                "login",
                "blocked",
                None,
                None,
                client.clone(),
            )
            .await;
        return Ok(error_response(
            429,
            "Too many failed sign-in attempts. Try again in a few minutes.",
        ));
    }
    if s.auth
        .login(s.service.store(), &p.username, &p.password)
        .await?
        .is_none()
    {
        s.limiter.fail(&keys);
        s.service
            .audit(
                Some(&p.username),
                "login",
                "failure",
                None,
                None,
                client.clone(),
            )
            .await;
        return Ok(error_response(401, "Unauthorized"));
    }
    s.limiter.clear(&user_key);
    s.service
        .audit(Some(&p.username), "login", "success", None, None, client)
        .await;
    let token = s.sessions.create(&p.username);
    // Only same-origin paths are honoured, so the login page cannot be used as an open redirect.
    let location = body
        .current_url
        .split_once("next=")
        .map(|(_, n)| casebook_api::query::decode(n.split('&').next().unwrap_or("")))
        .filter(|n| same_site_path(n))
        .unwrap_or_else(|| "/app/security/cases".to_string());
    Ok((
        [(header::SET_COOKIE, set_cookie(&token))],
        Json(json!({ "location": location })),
    )
        .into_response())
}

/// Whether a redirect target stays on this site: a path starting with one `/`. Browsers read
/// `\` as `/` and drop tabs and newlines, so `/\evil.example` or `/<tab>/evil.example` would
/// go to another host; any backslash, whitespace or control character is refused.
fn same_site_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

fn end_session(s: &AppState, headers: &HeaderMap) {
    if let Some(t) = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(token_in)
    {
        s.sessions.end(t);
    }
}

/// `POST /api/security/logout`: 204 and a cleared cookie.
pub async fn logout_api(State(s): State<AppState>, headers: HeaderMap) -> Response {
    end_session(&s, &headers);
    (
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, clear_cookie())],
    )
        .into_response()
}

/// `GET /api/security/logout`: like Kibana, redirects to the login page.
pub async fn logout_redirect(State(s): State<AppState>, headers: HeaderMap) -> Response {
    end_session(&s, &headers);
    (
        StatusCode::FOUND,
        [
            (header::SET_COOKIE, clear_cookie()),
            (header::LOCATION, "/login?msg=LOGGED_OUT".to_string()),
        ],
    )
        .into_response()
}
