//! The server over a real TCP socket: `axum::serve` on 127.0.0.1:0 and a tiny HTTP/1.1 client
//! on a blocking `TcpStream`. Checks the API round trip, the SPA's deep links (`index.html`
//! from the dist directory), static files, and JSON 404s under `/api`.

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

const INDEX: &str = "<!doctype html><title>Casebook</title><div id=app></div>";

/// A parsed HTTP response.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Decodes a `Transfer-Encoding: chunked` body.
fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = raw
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size");
        let size_text = std::str::from_utf8(&raw[..line_end]).unwrap();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        raw = &raw[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

/// Sends one request (`Connection: close`) and reads the whole answer.
fn http(addr: SocketAddr, method: &str, path: &str, auth: bool, body: Option<&Value>) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nkbn-xsrf: 1\r\n\
         Content-Length: {}\r\n",
        payload.len()
    );
    if auth {
        head.push_str(&format!(
            "Authorization: {}\r\n",
            basic("elastic", PASSWORD)
        ));
    }
    if body.is_some() {
        head.push_str("Content-Type: application/json\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(payload.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut reply = Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    };
    if reply.header("transfer-encoding") == Some("chunked") {
        reply.body = dechunk(&reply.body);
    }
    reply
}

/// Runs a blocking request off the runtime thread, so the server task keeps running.
async fn call(
    addr: SocketAddr,
    method: &str,
    path: &str,
    auth: bool,
    body: Option<Value>,
) -> Reply {
    let (method, path) = (method.to_string(), path.to_string());
    tokio::task::spawn_blocking(move || http(addr, &method, &path, auth, body.as_ref()))
        .await
        .expect("client thread")
}

/// Serves a fresh app (with an SPA in its dist directory) on an ephemeral port.
async fn serve() -> (TestApp, SocketAddr) {
    let app = TestApp::with_index(INDEX).await;
    let assets = app.dir.path().join("dist").join("assets");
    std::fs::create_dir_all(&assets).unwrap();
    std::fs::write(assets.join("app.js"), "console.log('hi');").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app.router();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (app, addr)
}

#[tokio::test]
async fn create_and_get_a_case_over_tcp() {
    let (_app, addr) = serve().await;

    let created = call(addr, "POST", "/api/cases", true, Some(case_body("cases"))).await;
    let id = created.json()["id"].as_str().unwrap().to_string();
    let got = call(addr, "GET", &format!("/api/cases/{id}"), true, None).await;

    assert_eq!(created.status, 200, "{}", created.text());
    assert!(
        created
            .header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(got.status, 200, "{}", got.text());
    let case = got.json();
    assert_eq!(case["id"], json!(id));
    assert_eq!(case["title"], "Suspicious login");
    assert_eq!(case["incremental_id"], 1);
}

#[tokio::test]
async fn deep_links_serve_the_spa_index() {
    let (_app, addr) = serve().await;

    let deep = call(addr, "GET", "/app/security/cases/xyz", false, None).await;
    let root = call(addr, "GET", "/", false, None).await;
    let asset = call(addr, "GET", "/assets/app.js", false, None).await;

    assert_eq!(deep.status, 200);
    assert!(
        deep.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(deep.text(), INDEX);
    assert_eq!((root.status, root.text()), (200, INDEX.to_string()));
    assert_eq!(asset.status, 200);
    assert!(asset.header("content-type").unwrap().contains("javascript"));
    assert_eq!(asset.text(), "console.log('hi');");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_and_auth_is_enforced() {
    let (_app, addr) = serve().await;

    let nope = call(addr, "GET", "/api/nope", true, None).await;
    let anonymous = call(addr, "GET", "/api/cases/_find", false, None).await;

    assert_eq!(nope.status, 404);
    assert!(
        nope.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(
        nope.json(),
        json!({"statusCode": 404, "error": "Not Found", "message": "Not Found"})
    );
    assert_eq!(anonymous.status, 401);
    assert_eq!(anonymous.json()["message"], "Unauthorized");
}
