//! Webhook - Case Management: the admin describes the external API with URLs, methods and
//! Mustache JSON templates. Template values are JSON-encoded (so `{{{case.title}}}` renders a
//! quoted, escaped string) and rendered without HTML escaping, like Kibana; ids in URLs are
//! percent-encoded. Flow: create → read the id at `createIncidentResponseKey` → get the incident
//! for its title → render the view URL; update → get; one call per comment when configured.

use super::http::{Auth, Http, text};
use super::{ConnectorError, ConnectorRecord, PushRequest, PushResult, s};
use reqwest::Method;
use serde_json::{Value, json};

fn render(template: &str, data: &Value) -> Result<String, ConnectorError> {
    let t = mustache::compile_str(template).map_err(|e| {
        ConnectorError::new("the connector's template is invalid", Some(e.to_string()))
    })?;
    let d = mustache::to_data(data)
        .map_err(|e| ConnectorError::new("template data", Some(e.to_string())))?;
    t.render_data_to_string(&d)
        .map_err(|e| ConnectorError::new("rendering the template failed", Some(e.to_string())))
}

fn render_json(template: &str, data: &Value) -> Result<String, ConnectorError> {
    let out = render(template, data)?;
    serde_json::from_str::<Value>(&out).map_err(|e| {
        ConnectorError::new("the rendered JSON is invalid", Some(format!("{e}: {out}")))
    })?;
    Ok(out)
}

fn encode(s: &str) -> String {
    casebook_api::query::encode(s)
}

fn method(c: &ConnectorRecord, key: &str, default: Method) -> Method {
    match s(&c.config, key) {
        "post" => Method::POST,
        "put" => Method::PUT,
        "patch" => Method::PATCH,
        "get" => Method::GET,
        _ => default,
    }
}

fn auth(c: &ConnectorRecord) -> Auth {
    if c.config
        .get("hasAuth")
        .and_then(Value::as_bool)
        .unwrap_or(false)
    {
        Auth::Basic(
            s(&c.secrets, "user").into(),
            s(&c.secrets, "password").into(),
        )
    } else {
        Auth::None
    }
}

fn headers(c: &ConnectorRecord) -> Vec<(String, String)> {
    c.config
        .get("headers")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

fn url_vars(id: &str, title: Option<&str>) -> Value {
    json!({ "external": { "system": { "id": encode(id), "title": title.map(encode) } } })
}

/// Reads the incident with the configured get call.
pub async fn get(h: &Http, c: &ConnectorRecord, id: &str) -> Result<Value, ConnectorError> {
    let url = render(s(&c.config, "getIncidentUrl"), &url_vars(id, None))?;
    let m = method(c, "getIncidentMethod", Method::GET);
    let body = match (
        m == Method::POST,
        c.config.get("getIncidentJson").and_then(Value::as_str),
    ) {
        (true, Some(t)) => Some(render_json(
            t,
            &json!({ "external": { "system": { "id": Value::String(id.into()).to_string() } } }),
        )?),
        _ => None,
    };
    Ok(h.call(m, &url, &auth(c), &headers(c), body).await?.1)
}

/// Creates or updates the incident, then adds the comments.
pub async fn push(
    h: &Http,
    c: &ConnectorRecord,
    req: &PushRequest,
) -> Result<PushResult, ConnectorError> {
    let case = json!({
        "title": j(&req.title), "description": j(&req.description), "tags": j(&req.tags), "id": j(&req.case_id),
        "severity": j(req.severity.as_str()), "status": j(req.status.as_str()),
    });
    let (hs, a) = (headers(c), auth(c));
    let id = match &req.external_id {
        None => {
            let body = render_json(s(&c.config, "createIncidentJson"), &json!({ "case": case }))?;
            let url = render(s(&c.config, "createIncidentUrl"), &json!({}))?;
            let m = method(c, "createIncidentMethod", Method::POST);
            let (_, v) = h.call(m, &url, &a, &hs, Some(body)).await?;
            text(&v, s(&c.config, "createIncidentResponseKey"))?
        }
        Some(id) => {
            let vars = json!({ "case": case, "external": { "system": { "id": j(id) } } });
            let body = render_json(s(&c.config, "updateIncidentJson"), &vars)?;
            let url = render(s(&c.config, "updateIncidentUrl"), &url_vars(id, None))?;
            let m = method(c, "updateIncidentMethod", Method::PUT);
            h.call(m, &url, &a, &hs, Some(body)).await?;
            id.clone()
        }
    };
    let incident = get(h, c, &id).await?;
    let title = text(
        &incident,
        s(&c.config, "getIncidentResponseExternalTitleKey"),
    )?;
    let comment_url = c
        .config
        .get("createCommentUrl")
        .and_then(Value::as_str)
        .filter(|u| !u.is_empty());
    let comment_json = c
        .config
        .get("createCommentJson")
        .and_then(Value::as_str)
        .filter(|u| !u.is_empty());
    if let (Some(u), Some(t)) = (comment_url, comment_json) {
        for cm in &req.comments {
            let vars = json!({ "case": { "comment": j(&cm.comment) }, "external": { "system": { "id": j(&id) } } });
            let body = render_json(t, &vars)?;
            let url = render(u, &url_vars(&id, None))?;
            h.call(
                method(c, "createCommentMethod", Method::PUT),
                &url,
                &a,
                &hs,
                Some(body),
            )
            .await?;
        }
    }
    Ok(PushResult {
        url: render(
            s(&c.config, "viewIncidentUrl"),
            &url_vars(&id, Some(&title)),
        )?,
        id,
        title,
        pushed_date: chrono::Utc::now(),
    })
}

/// A template value: the JSON encoding of `v` (strings get their quotes, lists brackets).
fn j<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_render_json_encoded_values_unescaped() {
        let data =
            json!({ "case": { "title": "\"a \\\"quoted\\\" <b>\"", "tags": "[\"x\",\"y\"]" } });
        let out = render_json("{\"t\":{{{case.title}}},\"l\":{{{case.tags}}}}", &data).unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["t"], "a \"quoted\" <b>");
        assert_eq!(v["l"], json!(["x", "y"]));
        assert!(render_json("{\"t\":{{{case.title}}}", &data).is_err());
    }

    #[test]
    fn url_ids_are_percent_encoded() {
        let out = render(
            "http://h/i/{{{external.system.id}}}",
            &url_vars("a b/c", None),
        )
        .unwrap();
        assert_eq!(out, "http://h/i/a%20b%2Fc");
    }
}
