//! Security headers on every response: a Content-Security-Policy that allows only the SPA's
//! own scripts (its inline loader by hash, WebAssembly compilation) and no framing, plus
//! `nosniff`, a strict referrer policy, and caching: `no-store` on API answers, `immutable` on
//! Trunk's content-hashed build files, `no-cache` on the rest (index.html).

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

use crate::state::AppState;

/// The `'sha256-…'` sources of the inline scripts in an HTML page.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let tag = &rest[..open_end];
        let body_start = open_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        let body = &rest[body_start..body_start + close];
        if !tag.contains("src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            out.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_start + close..];
    }
    out
}

/// The CSP for the SPA in `dist` (read once at start-up).
pub fn content_security_policy(dist: &Path) -> String {
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let hashes = inline_script_hashes(&html).join(" ");
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: https:; connect-src 'self'; font-src 'self' data:; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Adds the security headers.
pub async fn security_headers(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    // `/s/{space}/api/…` is the API too.
    let unprefixed = path
        .strip_prefix("/s/")
        .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or(path);
    let api = unprefixed.starts_with("/api/") || unprefixed.starts_with("/internal/");
    let cache = if api {
        "no-store"
    } else if is_hashed_asset(unprefixed) {
        // Trunk names every built file by its content hash: it can never change.
        "public, max-age=31536000, immutable"
    } else {
        // index.html (and deep links to it) must be revalidated so a new build is picked up.
        "no-cache"
    };
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if let Ok(v) = HeaderValue::from_str(&s.csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if !api {
        // Built files are sent brotli, gzip or raw by the request's Accept-Encoding.
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    resp
}

/// Whether a path names a file Trunk (or scripts/split-wasm.mjs) wrote with its content hash in
/// the name:
/// `name-<hash>[_bg].ext`, the hash a 64-bit value in hex (up to 16 digits: Trunk does not pad
/// it); never `.html`.
pub fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, ext)) = file.rsplit_once('.') else {
        return false;
    };
    if ext == "html" {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty()
            && (12..=16).contains(&hash.len())
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_content_hashed_build_files_are_immutable() {
        assert!(is_hashed_asset("/casebook-ui-8d2f0c1e9a7b3c4d_bg.wasm"));
        assert!(is_hashed_asset("/casebook-ui-8d2f0c1e9a7b3c4d.js"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/app/security/cases"));
        assert!(!is_hashed_asset("/assets/app.js"));
        assert!(!is_hashed_asset("/main-0123456789abcdeg.css"));
        assert!(is_hashed_asset("/favicon-123456789abcdef.svg"));
        assert!(!is_hashed_asset("/page-0123456789abcdef.html"));
        assert!(!is_hashed_asset("/-0123456789abcdef.js"));
        // The lazy routes' chunks and their link module (scripts/split-wasm.mjs).
        assert!(is_hashed_asset("/chunk_10-1a308c9b125c0179.wasm"));
        assert!(is_hashed_asset(
            "/split___case_detail_route_view_15447039619830683137-7cd0f318a16401d4.wasm"
        ));
        assert!(is_hashed_asset("/__wasm_split-2bb25e5814d501a0.js"));
        assert!(!is_hashed_asset("/chunk_10.wasm"));
    }

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<script src="/a.js"></script><script type="module">init()</script><script></script>"#;
        let h = inline_script_hashes(html);
        assert_eq!(h.len(), 1);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert_eq!(h[0], format!("'sha256-{expected}'"));
    }
}
