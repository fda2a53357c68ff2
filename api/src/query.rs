//! Query strings the way Kibana reads them: `key=a&key=b` makes an array, `ids=["a","b"]` (a
//! JSON array) too; unknown keys are rejected. Pure string handling so the SPA builds the same
//! strings the server parses.

use crate::error::ApiError;

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space, `%XX` a byte).
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query component (unreserved characters stay, everything else is `%XX`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'*') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Parsed query pairs in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Parses a raw query string (without `?`).
    pub fn parse(raw: &str) -> Self {
        let pairs = raw
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('=') {
                Some((k, v)) => (decode(k), decode(v)),
                None => (decode(p), String::new()),
            })
            .collect();
        Self { pairs }
    }

    /// Builds from pairs.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        Self { pairs }
    }

    /// Rejects keys not in `allowed` with Kibana's message.
    pub fn only(&self, allowed: &[&str]) -> Result<(), ApiError> {
        let mut bad: Vec<&str> = self
            .pairs
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !allowed.contains(k))
            .collect();
        bad.dedup();
        if bad.is_empty() {
            Ok(())
        } else {
            let keys: Vec<String> = bad.iter().map(|k| format!("\"{k}\"")).collect();
            Err(ApiError::bad_request(format!(
                "[request query]: invalid keys {}",
                keys.join(", ")
            )))
        }
    }

    /// Every value of `key`; a value that is a JSON array of strings is expanded.
    pub fn all(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (k, v) in &self.pairs {
            if k != key {
                continue;
            }
            if v.starts_with('[')
                && let Ok(list) = serde_json::from_str::<Vec<String>>(v)
            {
                out.extend(list);
                continue;
            }
            out.push(v.clone());
        }
        out
    }

    /// The single value of `key`; repeated keys are a 400.
    pub fn one(&self, key: &str) -> Result<Option<String>, ApiError> {
        let mut it = self.pairs.iter().filter(|(k, _)| k == key);
        let first = it.next().map(|(_, v)| v.clone());
        if it.next().is_some() {
            return Err(ApiError::bad_request(format!(
                "[request query.{key}]: expected value of type [string] but got [Array]"
            )));
        }
        Ok(first)
    }

    /// A positive integer parameter with a default.
    pub fn number(&self, key: &str, default: usize) -> Result<usize, ApiError> {
        match self.one(key)? {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    ApiError::bad_request(format!("Invalid value \"{v}\" supplied to \"{key}\""))
                }),
        }
    }

    /// Renders back to a query string.
    pub fn to_query_string(&self) -> String {
        self.pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_json_arrays_become_lists() {
        let q = Query::parse("tags=a&tags=b%20c&ids=%5B%22x%22%2C%22y%22%5D");
        assert_eq!(q.all("tags"), vec!["a", "b c"]);
        assert_eq!(q.all("ids"), vec!["x", "y"]);
        assert!(q.one("tags").is_err());
    }

    #[test]
    fn unknown_keys_are_named() {
        let q = Query::parse("page=1&foo=2");
        let e = q.only(&["page"]).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(e.message.contains("\"foo\""));
    }

    #[test]
    fn encode_decode_round_trip() {
        let s = "a b&c=d/é+#";
        assert_eq!(decode(&encode(s)), s);
        assert_eq!(decode("100%"), "100%");
    }
}
