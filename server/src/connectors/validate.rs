//! Config and secrets validation per connector type, with Kibana's message shapes
//! ("error validating action type config: [apiUrl]: expected value of type [string] but got
//! [undefined]"). URLs are also checked against the allow-list.

use super::http::Http;
use casebook_api::connector::ConnectorType;
use serde_json::Value;

fn kind_of(v: Option<&Value>) -> &'static str {
    match v {
        None => "undefined",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Array(_)) => "Array",
        Some(Value::Object(_)) => "Object",
    }
}

struct Check<'a> {
    what: &'static str,
    obj: &'a Value,
}

impl Check<'_> {
    fn fail(&self, key: &str, msg: String) -> String {
        format!("error validating action type {}: [{key}]: {msg}", self.what)
    }
    fn string(&self, key: &str) -> Result<&str, String> {
        match self.obj.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
            Some(Value::String(_)) => Err(self.fail(key, "value must not be empty".into())),
            other => Err(self.fail(
                key,
                format!(
                    "expected value of type [string] but got [{}]",
                    kind_of(other)
                ),
            )),
        }
    }
    fn opt_string(&self, key: &str) -> Result<(), String> {
        match self.obj.get(key) {
            None | Some(Value::Null) | Some(Value::String(_)) => Ok(()),
            other => Err(self.fail(
                key,
                format!(
                    "expected value of type [string] but got [{}]",
                    kind_of(other)
                ),
            )),
        }
    }
    fn opt_bool(&self, key: &str) -> Result<bool, String> {
        match self.obj.get(key) {
            None | Some(Value::Null) => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            other => Err(self.fail(
                key,
                format!(
                    "expected value of type [boolean] but got [{}]",
                    kind_of(other)
                ),
            )),
        }
    }
    fn one_of(&self, key: &str, allowed: &[&str], default_ok: bool) -> Result<(), String> {
        match self.obj.get(key) {
            None | Some(Value::Null) if default_ok => Ok(()),
            Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(()),
            other => Err(self.fail(
                key,
                format!(
                    "expected one of [{}] but got [{}]",
                    allowed.join(", "),
                    kind_of(other)
                ),
            )),
        }
    }
    fn only(&self, keys: &[&str]) -> Result<(), String> {
        let Some(map) = self.obj.as_object() else {
            return Err(format!(
                "error validating action type {}: expected an object",
                self.what
            ));
        };
        match map.keys().find(|k| !keys.contains(&k.as_str())) {
            Some(k) => Err(self.fail(k, "definition for this key is missing".into())),
            None => Ok(()),
        }
    }
    fn url(&self, http: &Http, key: &str) -> Result<(), String> {
        let u = self.string(key)?;
        http.check_url(u).map(|_| ()).map_err(|e| self.fail(key, e))
    }
}

/// Validates a connector's config and secrets. `secrets_required` is false on updates that keep
/// the stored secrets.
pub fn validate(
    http: &Http,
    kind: ConnectorType,
    config: &Value,
    secrets: &Value,
    secrets_required: bool,
) -> Result<(), String> {
    let c = Check {
        what: "config",
        obj: config,
    };
    let s = Check {
        what: "secrets",
        obj: secrets,
    };
    let check_secrets = secrets_required || secrets.as_object().is_some_and(|m| !m.is_empty());
    match kind {
        ConnectorType::None => return Err("the .none connector type cannot be created".into()),
        ConnectorType::Jira => {
            c.only(&["apiUrl", "projectKey"])?;
            c.url(http, "apiUrl")?;
            c.string("projectKey")?;
            if check_secrets {
                s.only(&["email", "apiToken"])?;
                s.string("email")?;
                s.string("apiToken")?;
            }
        }
        ConnectorType::ServiceNowItsm | ConnectorType::ServiceNowSir => {
            c.only(&[
                "apiUrl",
                "usesTableApi",
                "isOAuth",
                "clientId",
                "userIdentifierValue",
                "jwtKeyId",
            ])?;
            c.url(http, "apiUrl")?;
            c.opt_bool("usesTableApi")?;
            if c.opt_bool("isOAuth")? {
                return Err(c.fail(
                    "isOAuth",
                    "OAuth (JWT) authentication is not supported yet; use basic authentication"
                        .into(),
                ));
            }
            if check_secrets {
                s.only(&[
                    "username",
                    "password",
                    "clientSecret",
                    "privateKey",
                    "privateKeyPassword",
                ])?;
                s.string("username")?;
                s.string("password")?;
            }
        }
        ConnectorType::Resilient => {
            c.only(&["apiUrl", "orgId"])?;
            c.url(http, "apiUrl")?;
            c.string("orgId")?;
            if check_secrets {
                s.only(&["apiKeyId", "apiKeySecret"])?;
                s.string("apiKeyId")?;
                s.string("apiKeySecret")?;
            }
        }
        ConnectorType::Swimlane => {
            c.only(&["apiUrl", "appId", "connectorType", "mappings"])?;
            c.url(http, "apiUrl")?;
            c.string("appId")?;
            c.one_of("connectorType", &["all", "alerts", "cases"], false)?;
            let m = config.get("mappings").filter(|m| m.is_object());
            let m =
                m.ok_or_else(|| c.fail("mappings", "expected value of type [Object]".into()))?;
            for key in ["caseNameConfig", "descriptionConfig"] {
                if m.get(key)
                    .and_then(|f| f.get("id"))
                    .and_then(Value::as_str)
                    .is_none()
                {
                    return Err(c.fail(
                        &format!("mappings.{key}"),
                        "a mapped field with an id is required for cases".into(),
                    ));
                }
            }
            if check_secrets {
                s.only(&["apiToken"])?;
                s.string("apiToken")?;
            }
        }
        ConnectorType::TheHive => {
            c.only(&["url", "organisation"])?;
            c.url(http, "url")?;
            c.opt_string("organisation")?;
            if check_secrets {
                s.only(&["apiKey"])?;
                s.string("apiKey")?;
            }
        }
        ConnectorType::CasesWebhook => {
            c.only(&[
                "createIncidentUrl",
                "createIncidentMethod",
                "createIncidentJson",
                "createIncidentResponseKey",
                "getIncidentUrl",
                "getIncidentMethod",
                "getIncidentJson",
                "getIncidentResponseExternalTitleKey",
                "viewIncidentUrl",
                "updateIncidentUrl",
                "updateIncidentMethod",
                "updateIncidentJson",
                "createCommentUrl",
                "createCommentMethod",
                "createCommentJson",
                "headers",
                "hasAuth",
                "authType",
                "verificationMode",
                "ca",
                "certType",
            ])?;
            for key in ["createIncidentUrl", "getIncidentUrl", "updateIncidentUrl"] {
                // URLs may hold {{{external.system.id}}}: check them with a stand-in id.
                let u = c
                    .string(key)?
                    .replace("{{{external.system.id}}}", "1")
                    .replace("{{external.system.id}}", "1");
                http.check_url(&u).map_err(|e| c.fail(key, e))?;
            }
            c.string("viewIncidentUrl")?;
            for key in [
                "createIncidentJson",
                "createIncidentResponseKey",
                "getIncidentResponseExternalTitleKey",
                "updateIncidentJson",
            ] {
                c.string(key)?;
            }
            let create = c.string("createIncidentJson")?;
            if !create.contains("case.title") || !create.contains("case.description") {
                return Err(c.fail(
                    "createIncidentJson",
                    "must use the variables {{{case.title}}} and {{{case.description}}}".into(),
                ));
            }
            c.one_of("createIncidentMethod", &["post", "put"], true)?;
            c.one_of("updateIncidentMethod", &["post", "patch", "put"], true)?;
            c.one_of("createCommentMethod", &["post", "put", "patch"], true)?;
            c.one_of("getIncidentMethod", &["get", "post"], true)?;
            c.opt_string("createCommentUrl")?;
            c.opt_string("createCommentJson")?;
            if let Some(h) = config.get("headers").filter(|h| !h.is_null())
                && !h
                    .as_object()
                    .is_some_and(|m| m.values().all(Value::is_string))
            {
                return Err(c.fail("headers", "expected an object of strings".into()));
            }
            if c.opt_bool("hasAuth")? && check_secrets {
                s.only(&["user", "password", "crt", "key", "pfx", "clientSecret"])?;
                s.string("user")?;
                s.string("password")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::http::AllowedHosts;
    use serde_json::json;
    use std::time::Duration;

    fn http() -> Http {
        Http::new(Duration::from_secs(1), AllowedHosts::Any)
    }

    #[test]
    fn jira_needs_url_project_and_secrets() {
        let ok = validate(
            &http(),
            ConnectorType::Jira,
            &json!({"apiUrl":"https://j.example.com","projectKey":"SEC"}),
            &json!({"email":"a@b.c","apiToken":"t"}),
            true,
        );
        assert!(ok.is_ok(), "{ok:?}");
        let e = validate(
            &http(),
            ConnectorType::Jira,
            &json!({"projectKey":"SEC"}),
            &json!({}),
            true,
        )
        .unwrap_err();
        assert_eq!(
            e,
            "error validating action type config: [apiUrl]: expected value of type [string] but got [undefined]"
        );
        let e = validate(
            &http(),
            ConnectorType::Jira,
            &json!({"apiUrl":"file:///etc/passwd","projectKey":"S"}),
            &json!({}),
            false,
        );
        assert!(e.unwrap_err().contains("only http and https"));
        let e = validate(
            &http(),
            ConnectorType::Jira,
            &json!({"apiUrl":"https://j","projectKey":"S","x":1}),
            &json!({}),
            false,
        );
        assert!(e.unwrap_err().contains("[x]"));
    }

    #[test]
    fn webhook_requires_title_and_description_variables() {
        let cfg = json!({"createIncidentUrl":"http://h/i","createIncidentMethod":"post",
            "createIncidentJson":"{\"t\":{{{case.title}}}}","createIncidentResponseKey":"id",
            "getIncidentUrl":"http://h/i/{{{external.system.id}}}","getIncidentResponseExternalTitleKey":"key",
            "viewIncidentUrl":"http://h/v/{{{external.system.title}}}","updateIncidentUrl":"http://h/i/{{{external.system.id}}}",
            "updateIncidentMethod":"put","updateIncidentJson":"{}","hasAuth":false});
        let e = validate(&http(), ConnectorType::CasesWebhook, &cfg, &json!({}), true).unwrap_err();
        assert!(e.contains("case.description"), "{e}");
    }
}
