//! HTTP to external systems: one client with a bounded timeout, URL checks (http/https only,
//! hosts limited by an allow-list like Kibana's `xpack.actions.allowedHosts`), and errors that
//! keep the external system's own message.

use super::ConnectorError;
use reqwest::{Method, Url};
use serde_json::Value;
use std::time::Duration;

/// Hosts connectors may call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AllowedHosts {
    /// Any host (the default).
    Any,
    /// Only these host names.
    List(Vec<String>),
}

impl AllowedHosts {
    /// Parses `*` or a comma-separated list (`CASEBOOK_ALLOWED_HOSTS`).
    pub fn parse(s: &str) -> Self {
        let hosts: Vec<String> = s
            .split(',')
            .map(|h| h.trim().to_lowercase())
            .filter(|h| !h.is_empty())
            .collect();
        if hosts.is_empty() || hosts.iter().any(|h| h == "*") {
            AllowedHosts::Any
        } else {
            AllowedHosts::List(hosts)
        }
    }
}

/// How a request authenticates.
#[derive(Clone, Debug)]
pub enum Auth {
    /// No credentials.
    None,
    /// HTTP Basic.
    Basic(String, String),
    /// `Authorization: Bearer …`.
    Bearer(String),
    /// A custom header (`Private-Token` for Swimlane).
    Header(&'static str, String),
}

/// The HTTP client for connectors.
#[derive(Clone, Debug)]
pub struct Http {
    client: reqwest::Client,
    allowed: AllowedHosts,
    timeout: Duration,
}

impl Http {
    /// A client with a per-request timeout and a host allow-list.
    pub fn new(timeout: Duration, allowed: AllowedHosts) -> Self {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("the HTTP client builds with static settings");
        Self {
            client,
            allowed,
            timeout,
        }
    }

    /// Checks a connector URL: absolute http(s) with an allowed host.
    pub fn check_url(&self, raw: &str) -> Result<Url, String> {
        let url = Url::parse(raw.trim()).map_err(|e| format!("Invalid URL \"{raw}\": {e}"))?;
        if url.scheme() != "http" && url.scheme() != "https" {
            return Err(format!(
                "Invalid URL \"{raw}\": only http and https are allowed"
            ));
        }
        let host = url.host_str().unwrap_or("").to_lowercase();
        if let AllowedHosts::List(list) = &self.allowed
            && !list.contains(&host)
        {
            return Err(format!(
                "error configuring connector action: target url \"{raw}\" is not added to the Casebook config CASEBOOK_ALLOWED_HOSTS"
            ));
        }
        Ok(url)
    }

    /// Sends a request and returns the status and the JSON answer (`null` for an empty body).
    pub async fn call(
        &self,
        method: Method,
        url: &str,
        auth: &Auth,
        headers: &[(String, String)],
        body: Option<String>,
    ) -> Result<(u16, Value), ConnectorError> {
        let url = self
            .check_url(url)
            .map_err(|e| ConnectorError::new(e, None))?;
        let mut req = self
            .client
            .request(method, url)
            .header("accept", "application/json");
        req = match auth {
            Auth::None => req,
            Auth::Basic(u, p) => req.basic_auth(u, Some(p)),
            Auth::Bearer(t) => req.bearer_auth(t),
            Auth::Header(name, v) => req.header(*name, v),
        };
        for (k, v) in headers {
            req = req.header(k.as_str(), v.as_str());
        }
        if let Some(b) = body {
            req = req.header("content-type", "application/json").body(b);
        }
        let resp = req.send().await.map_err(|e| {
            let what = if e.is_timeout() {
                format!(
                    "the request timed out after {} ms",
                    self.timeout.as_millis()
                )
            } else if e.is_connect() {
                "the external system could not be reached".to_string()
            } else {
                "the request failed".to_string()
            };
            ConnectorError::new(what, Some(e.to_string()))
        })?;
        let status = resp.status().as_u16();
        let text = resp
            .text()
            .await
            .map_err(|e| ConnectorError::new("reading the response failed", Some(e.to_string())))?;
        if !(200..300).contains(&status) {
            return Err(ConnectorError::new(
                format!("status code {status}"),
                Some(service_message(&text)),
            ));
        }
        if text.trim().is_empty() {
            return Ok((status, Value::Null));
        }
        let json = serde_json::from_str(&text).map_err(|e| {
            ConnectorError::new("the response is not valid JSON", Some(e.to_string()))
        })?;
        Ok((status, json))
    }
}

/// The most useful message in an error body of the systems we call.
fn service_message(text: &str) -> String {
    let Ok(v) = serde_json::from_str::<Value>(text) else {
        return text.chars().take(500).collect();
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(list) = v.get("errorMessages").and_then(Value::as_array) {
        parts.extend(list.iter().filter_map(|m| m.as_str().map(str::to_string)));
    }
    if let Some(map) = v.get("errors").and_then(Value::as_object) {
        parts.extend(
            map.iter()
                .map(|(k, m)| format!("{k}: {}", m.as_str().unwrap_or(&m.to_string()))),
        );
    }
    for path in [
        &["error", "message"][..],
        &["error", "detail"],
        &["message"],
        &["detail"],
    ] {
        let mut cur = &v;
        for k in path {
            cur = cur.get(*k).unwrap_or(&Value::Null);
        }
        if let Some(m) = cur.as_str() {
            parts.push(m.to_string());
            break;
        }
    }
    if parts.is_empty() {
        v.to_string().chars().take(500).collect()
    } else {
        parts.join("; ")
    }
}

/// Requires a field in a JSON answer.
pub(crate) fn field<'a>(v: &'a Value, path: &str) -> Result<&'a Value, ConnectorError> {
    let mut cur = v;
    for k in path.split('.') {
        cur = match cur {
            Value::Array(a) => k.parse::<usize>().ok().and_then(|i| a.get(i)),
            other => other.get(k),
        }
        .ok_or_else(|| {
            ConnectorError::new(
                format!("the response has no \"{path}\""),
                Some(v.to_string().chars().take(300).collect()),
            )
        })?;
    }
    Ok(cur)
}

/// A field of a JSON answer as text (numbers are formatted).
pub(crate) fn text(v: &Value, path: &str) -> Result<String, ConnectorError> {
    let f = field(v, path)?;
    Ok(match f {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked() {
        let any = Http::new(Duration::from_secs(1), AllowedHosts::Any);
        assert!(any.check_url("https://x.atlassian.net").is_ok());
        assert!(any.check_url("ftp://x").is_err());
        assert!(any.check_url("javascript:alert(1)").is_err());
        let some = Http::new(
            Duration::from_secs(1),
            AllowedHosts::parse("jira.example.com, 127.0.0.1"),
        );
        assert!(some.check_url("http://127.0.0.1:9/x").is_ok());
        assert!(
            some.check_url("https://evil.example.com")
                .unwrap_err()
                .contains("CASEBOOK_ALLOWED_HOSTS")
        );
        assert_eq!(AllowedHosts::parse("*"), AllowedHosts::Any);
    }

    #[test]
    fn service_messages_are_extracted() {
        assert_eq!(
            service_message(r#"{"errorMessages":["Issue does not exist"],"errors":{}}"#),
            "Issue does not exist"
        );
        assert_eq!(
            service_message(r#"{"error":{"message":"User Not Authenticated","detail":"x"}}"#),
            "User Not Authenticated"
        );
        assert_eq!(service_message("plain"), "plain");
    }
}
