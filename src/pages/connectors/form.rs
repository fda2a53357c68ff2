//! A connector form's answers, their checks, and the actions API bodies they become.
//!
//! Rules: every input is a string (checkboxes hold "true"/""); `config` is rebuilt from the
//! type's fields only, so it passes the server's strict key check; secrets are write-only — when
//! editing, all-empty secrets mean "keep the stored ones" (`{}`), and filling any of them in means
//! replacing all of them (the server checks the whole set).

use super::spec::{FieldSpec, Kind, fields, has_headers};
use casebook_api::actions::{ActionConnector, CreateConnectorRequest, UpdateConnectorRequest};
use casebook_api::connector::ConnectorType;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The key of the name input in [`Errors`].
pub const NAME: &str = "name";
/// The key of the headers inputs in [`Errors`].
pub const HEADERS: &str = "headers";

/// Messages by field key ([`NAME`], [`HEADERS`] or a spec key).
pub type Errors = BTreeMap<String, String>;

/// The answers of a connector form.
#[derive(Clone, Debug, PartialEq)]
pub struct ConnectorForm {
    /// The type.
    pub kind: ConnectorType,
    /// Display name.
    pub name: String,
    /// Inputs by spec key.
    pub values: BTreeMap<&'static str, String>,
    /// HTTP headers (Webhook - Case Management): `(name, value)` rows.
    pub headers: Vec<(String, String)>,
    /// Whether this edits a stored connector (secrets may then stay empty).
    pub editing: bool,
    /// The stored config (kept for Swimlane mapping details the form doesn't show).
    pub stored: Value,
}

impl ConnectorForm {
    /// A new connector of `kind`, with the type's defaults.
    pub fn new(kind: ConnectorType) -> Self {
        Self {
            kind,
            name: String::new(),
            values: fields(kind)
                .map(|f| (f.key, f.default.to_string()))
                .collect(),
            headers: Vec::new(),
            editing: false,
            stored: Value::Null,
        }
    }

    /// The form for a stored connector (`None` for a type cases can't use): config prefilled,
    /// secrets empty.
    pub fn from_connector(c: &ActionConnector) -> Option<Self> {
        let kind =
            ConnectorType::parse(&c.connector_type_id).filter(|k| *k != ConnectorType::None)?;
        let mut f = Self::new(kind);
        f.name = c.name.clone();
        f.editing = true;
        f.stored = c.config.clone();
        for spec in fields(kind).filter(|s| !s.secret) {
            let v = match spec.key.strip_prefix("mappings.") {
                Some(m) => c.config.pointer(&format!("/mappings/{m}/id")).cloned(),
                None => c.config.get(spec.key).cloned(),
            };
            let text = match v {
                Some(Value::String(s)) => s,
                Some(Value::Bool(true)) => "true".into(),
                Some(Value::Bool(false)) => String::new(),
                Some(Value::Number(n)) => n.to_string(),
                _ => continue,
            };
            f.values.insert(spec.key, text);
        }
        if let Some(h) = c.config.get("headers").and_then(Value::as_object) {
            f.headers = h
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect();
        }
        Some(f)
    }

    /// The trimmed input of a field.
    pub fn value(&self, key: &str) -> &str {
        self.values.get(key).map_or("", |v| v.trim())
    }

    /// Whether a checkbox is on.
    pub fn is_on(&self, key: &str) -> bool {
        self.value(key) == "true"
    }

    fn secrets_given(&self) -> bool {
        fields(self.kind).any(|s| s.secret && !self.value(s.key).is_empty())
    }

    /// Whether a field must be filled in now.
    pub fn is_required(&self, spec: &FieldSpec) -> bool {
        let needed = spec.required || spec.required_if.is_some_and(|k| self.is_on(k));
        if spec.secret && self.editing {
            needed && self.secrets_given()
        } else {
            needed
        }
    }

    /// The message per invalid input (empty when everything is fine).
    pub fn check(&self) -> Errors {
        let mut e = Errors::new();
        if self.name.trim().is_empty() {
            e.insert(NAME.into(), "Connector name is required.".into());
        }
        for spec in fields(self.kind) {
            let v = self.value(spec.key);
            if v.is_empty() {
                if self.is_required(spec) {
                    e.insert(spec.key.into(), format!("{} is required.", spec.label));
                }
                continue;
            }
            let problem = match spec.kind {
                Kind::Url => check_url(v),
                Kind::UrlTemplate => check_url(&fill_variables(v, "1")),
                Kind::JsonTemplate => check_json_template(spec.key, v),
                _ => Ok(()),
            };
            if let Err(m) = problem {
                e.insert(spec.key.into(), m);
            }
        }
        if has_headers(self.kind)
            && self
                .headers
                .iter()
                .any(|(k, v)| k.trim().is_empty() && !v.trim().is_empty())
        {
            e.insert(HEADERS.into(), "Every header needs a name.".into());
        }
        e
    }

    /// The `config` object.
    pub fn config(&self) -> Value {
        let mut config = Map::new();
        let mut mappings = Map::new();
        for spec in fields(self.kind).filter(|s| !s.secret) {
            let v = self.value(spec.key);
            if let Some(m) = spec.key.strip_prefix("mappings.") {
                mappings.insert(m.into(), self.mapping(m, spec, v));
                continue;
            }
            match spec.kind {
                Kind::Bool => {
                    config.insert(spec.key.into(), Value::Bool(v == "true"));
                }
                _ if v.is_empty() => {}
                _ => {
                    config.insert(spec.key.into(), Value::String(v.into()));
                }
            }
        }
        if !mappings.is_empty() {
            config.insert("mappings".into(), Value::Object(mappings));
        }
        if has_headers(self.kind) {
            let headers: Map<String, Value> = self
                .headers
                .iter()
                .filter(|(k, _)| !k.trim().is_empty())
                .map(|(k, v)| (k.trim().to_string(), Value::String(v.trim().to_string())))
                .collect();
            let auth = self
                .is_on("hasAuth")
                .then(|| json!("webhook-authentication-basic"));
            let headers = if headers.is_empty() {
                Value::Null
            } else {
                Value::Object(headers)
            };
            config.insert("headers".into(), headers);
            config.insert("authType".into(), auth.unwrap_or(Value::Null));
        }
        Value::Object(config)
    }

    /// A Swimlane field mapping: the stored one when its id is unchanged, else a text field.
    fn mapping(&self, name: &str, spec: &FieldSpec, id: &str) -> Value {
        if id.is_empty() {
            return Value::Null;
        }
        let stored = self.stored.pointer(&format!("/mappings/{name}"));
        if let Some(m) = stored.filter(|m| m.get("id").and_then(Value::as_str) == Some(id)) {
            return m.clone();
        }
        let field_type = if name == "commentsConfig" {
            "comments"
        } else {
            "text"
        };
        json!({"id": id, "key": id, "name": spec.label.trim_end_matches(" field ID"), "fieldType": field_type})
    }

    /// The `secrets` object (`{}` when editing without new secrets).
    pub fn secrets(&self) -> Value {
        if self.editing && !self.secrets_given() {
            return json!({});
        }
        let map: Map<String, Value> = fields(self.kind)
            .filter(|s| s.secret && !self.value(s.key).is_empty())
            .map(|s| (s.key.to_string(), Value::String(self.value(s.key).into())))
            .collect();
        Value::Object(map)
    }

    /// The `POST /api/actions/connector` body, or the messages.
    pub fn to_create(&self) -> Result<CreateConnectorRequest, Errors> {
        let e = self.check();
        if !e.is_empty() {
            return Err(e);
        }
        Ok(CreateConnectorRequest {
            name: self.name.trim().into(),
            connector_type_id: self.kind.as_str().into(),
            config: self.config(),
            secrets: self.secrets(),
        })
    }

    /// The `PUT /api/actions/connector/{id}` body, or the messages.
    pub fn to_update(&self) -> Result<UpdateConnectorRequest, Errors> {
        let e = self.check();
        if !e.is_empty() {
            return Err(e);
        }
        Ok(UpdateConnectorRequest {
            name: self.name.trim().into(),
            config: self.config(),
            secrets: self.secrets(),
        })
    }
}

/// Checks an absolute http(s) URL with a host.
pub fn check_url(raw: &str) -> Result<(), String> {
    let rest = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))
        .ok_or("The URL must start with http:// or https://.")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') || raw.chars().any(char::is_whitespace) {
        return Err("The URL is invalid.".into());
    }
    Ok(())
}

/// Replaces every Mustache tag (`{{{x}}}`, `{{x}}`) with `with`.
pub fn fill_variables(template: &str, with: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let (close, skip) = if after.starts_with("{{{") {
            ("}}}", 3)
        } else {
            ("}}", 2)
        };
        match after[skip..].find(close) {
            Some(end) => {
                out.push_str(with);
                rest = &after[skip + end + close.len()..];
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Checks a JSON body template: valid JSON once the variables hold JSON values, and, for the
/// create body, the two variables the server requires.
pub fn check_json_template(key: &str, template: &str) -> Result<(), String> {
    if key == "createIncidentJson"
        && (!template.contains("case.title") || !template.contains("case.description"))
    {
        return Err(
            "The create case object must use {{{case.title}}} and {{{case.description}}}.".into(),
        );
    }
    serde_json::from_str::<Value>(&fill_variables(template, "\"x\""))
        .map(|_| ())
        .map_err(|e| {
            format!(
                "The JSON is invalid once the variables are filled in ({e}). Write variables \
                 without quotes, e.g. \"title\": {{{{{{case.title}}}}}}."
            )
        })
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
