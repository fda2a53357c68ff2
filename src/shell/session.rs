//! Signing in and out: the login page's messages (`/login?msg=…`), where to go after signing
//! in, and full page loads (used after login and logout so no state of the previous session
//! survives in memory).

use crate::routes::{Solution, case_list, login_path};

/// Why the login page was opened, from its `msg` query parameter (Kibana's codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginMessage {
    /// `LOGGED_OUT`: the user signed out.
    LoggedOut,
    /// `SESSION_EXPIRED`: the session ended.
    SessionExpired,
}

impl LoginMessage {
    /// The query value.
    pub fn code(self) -> &'static str {
        match self {
            LoginMessage::LoggedOut => "LOGGED_OUT",
            LoginMessage::SessionExpired => "SESSION_EXPIRED",
        }
    }

    /// Parses a query value.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "LOGGED_OUT" => Some(LoginMessage::LoggedOut),
            "SESSION_EXPIRED" => Some(LoginMessage::SessionExpired),
            _ => None,
        }
    }

    /// What the login page says.
    pub fn text(self) -> &'static str {
        match self {
            LoginMessage::LoggedOut => "You have logged out.",
            LoginMessage::SessionExpired => "Your session has timed out. Please log in again.",
        }
    }
}

/// The login page after signing out.
pub fn logged_out_path() -> String {
    format!(
        "{}?msg={}",
        login_path(None),
        LoginMessage::LoggedOut.code()
    )
}

/// Where to go after signing in: `next` if it is a path of this site, else the Security cases.
/// Rejects absolute and protocol-relative URLs (open redirects) and loops back to `/login`.
pub fn after_login(next: Option<&str>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
        .filter(|n| !n.starts_with("/login"))
        .map(str::to_owned)
        .unwrap_or_else(|| case_list(Solution::Security))
}

/// Loads `path` as a new page (not a client-side navigation).
pub fn hard_navigate(path: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(path);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = path;
}

/// The page's full URL (`window.location.href`), which the login API reads `next=` from.
pub fn current_href() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        for m in [LoginMessage::LoggedOut, LoginMessage::SessionExpired] {
            assert_eq!(LoginMessage::parse(m.code()), Some(m));
        }
        assert_eq!(LoginMessage::parse("nope"), None);
        assert_eq!(logged_out_path(), "/login?msg=LOGGED_OUT");
    }

    #[test]
    fn after_login_only_follows_local_paths() {
        assert_eq!(
            after_login(Some("/s/x/app/observability/cases?a=b")),
            "/s/x/app/observability/cases?a=b"
        );
        assert_eq!(after_login(None), "/app/security/cases");
        assert_eq!(
            after_login(Some("https://evil.example")),
            "/app/security/cases"
        );
        assert_eq!(after_login(Some("//evil.example")), "/app/security/cases");
        assert_eq!(after_login(Some("/login?next=/x")), "/app/security/cases");
    }
}
