//! The SPA's built files: precompressed variants (`.br`, `.gz`) served to browsers that accept
//! them, and caching (`immutable` for Trunk's content-hashed files, `no-cache` for
//! `index.html` and deep links, `no-store` for the API).

mod common;

use axum::body::Body;
use axum::http::{Request, Response, header};
use common::*;
use http_body_util::BodyExt;
use tower::ServiceExt;

const INDEX: &str = "<!doctype html><title>Casebook</title>";
const WASM: &str = "casebook-ui-8d2f0c1e9a7b3c4d_bg.wasm";

/// A server whose dist holds the index, a hashed wasm and its brotli and gzip variants (fake
/// bytes: the server sends them as they are).
async fn app() -> TestApp {
    let app = TestApp::with_index(INDEX).await;
    let dist = app.dir.path().join("dist");
    std::fs::write(dist.join(WASM), b"\0asm-raw").unwrap();
    std::fs::write(dist.join(format!("{WASM}.br")), b"brotli-bytes").unwrap();
    std::fs::write(dist.join(format!("{WASM}.gz")), b"gzip-bytes").unwrap();
    app
}

async fn get(app: &TestApp, path: &str, accept: Option<&str>) -> (Response<Body>, Vec<u8>) {
    let mut req = Request::builder().uri(path);
    if let Some(a) = accept {
        req = req.header(header::ACCEPT_ENCODING, a);
    }
    let res = app
        .router()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = res.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes().to_vec();
    (Response::from_parts(parts, Body::empty()), bytes)
}

fn header_of(res: &Response<Body>, name: header::HeaderName) -> Option<String> {
    res.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
}

#[tokio::test]
async fn the_wasm_is_sent_precompressed_when_the_browser_accepts_it() {
    let app = app().await;
    let path = format!("/{WASM}");

    let (br, br_body) = get(&app, &path, Some("gzip, deflate, br")).await;
    let (gz, gz_body) = get(&app, &path, Some("gzip")).await;
    let (raw, raw_body) = get(&app, &path, None).await;

    assert_eq!(br.status(), 200);
    assert_eq!(
        header_of(&br, header::CONTENT_ENCODING).as_deref(),
        Some("br")
    );
    assert_eq!(br_body, b"brotli-bytes");
    assert_eq!(
        header_of(&br, header::CONTENT_TYPE).as_deref(),
        Some("application/wasm")
    );
    assert_eq!(
        header_of(&gz, header::CONTENT_ENCODING).as_deref(),
        Some("gzip")
    );
    assert_eq!(gz_body, b"gzip-bytes");
    assert_eq!(header_of(&raw, header::CONTENT_ENCODING), None);
    assert_eq!(
        header_of(&br, header::VARY).as_deref(),
        Some("accept-encoding")
    );
    assert_eq!(raw_body, b"\0asm-raw");
}

#[tokio::test]
async fn hashed_files_are_immutable_and_the_index_is_revalidated() {
    let app = app().await;

    let (wasm, _) = get(&app, &format!("/{WASM}"), Some("br")).await;
    let (index, body) = get(&app, "/", None).await;
    let (deep, _) = get(&app, "/app/security/cases/abc", None).await;
    let (api, _) = get(&app, "/api/cases/_find", None).await;

    assert_eq!(
        header_of(&wasm, header::CACHE_CONTROL).as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(body, INDEX.as_bytes());
    assert_eq!(
        header_of(&index, header::CACHE_CONTROL).as_deref(),
        Some("no-cache")
    );
    assert_eq!(
        header_of(&deep, header::CACHE_CONTROL).as_deref(),
        Some("no-cache")
    );
    assert_eq!(api.status(), 401);
    assert_eq!(
        header_of(&api, header::CACHE_CONTROL).as_deref(),
        Some("no-store")
    );
}
