//! Every system at once: one emulator of each kind with the connector config and secrets of
//! each of the seven types, and the check that a response holds no secret.

use super::jira::{self, JiraEmulator};
use super::{resilient, servicenow, swimlane, thehive, webhook};
use serde_json::Value;

/// One emulator of each system.
pub struct Systems {
    /// Jira.
    pub jira: JiraEmulator,
    /// ServiceNow (ITSM and SecOps).
    pub snow: servicenow::SnowEmulator,
    /// IBM Resilient.
    pub res: resilient::ResilientEmulator,
    /// Swimlane.
    pub swim: swimlane::SwimlaneEmulator,
    /// TheHive.
    pub hive: thehive::HiveEmulator,
    /// The Webhook-CM ticketing API.
    pub hook: webhook::WebhookEmulator,
}

impl Systems {
    /// Starts them all.
    pub async fn start() -> Self {
        Self {
            jira: JiraEmulator::start().await,
            snow: servicenow::SnowEmulator::start().await,
            res: resilient::ResilientEmulator::start().await,
            swim: swimlane::SwimlaneEmulator::start().await,
            hive: thehive::HiveEmulator::start().await,
            hook: webhook::WebhookEmulator::start().await,
        }
    }
    /// One connector of each type: `(type, config, secrets)`, pointing at the emulators.
    pub fn all(&self) -> Vec<(&'static str, Value, Value)> {
        vec![
            (".jira", self.jira.config(), jira::secrets()),
            (
                ".servicenow",
                self.snow.config(false),
                servicenow::secrets(),
            ),
            (
                ".servicenow-sir",
                self.snow.config(false),
                servicenow::secrets(),
            ),
            (".resilient", self.res.config(), resilient::secrets()),
            (".swimlane", self.swim.config(true), swimlane::secrets()),
            (".thehive", self.hive.config(), thehive::secrets()),
            (".cases-webhook", self.hook.config(true), webhook::secrets()),
        ]
    }
}

/// Every secret value the emulators use.
pub const SECRET_VALUES: [&str; 10] = [
    jira::EMAIL,
    jira::TOKEN,
    servicenow::USER,
    servicenow::PASSWORD,
    resilient::KEY_ID,
    resilient::KEY_SECRET,
    swimlane::TOKEN,
    thehive::KEY,
    webhook::USER,
    webhook::PASSWORD,
];

#[track_caller]
pub fn assert_no_secrets(body: &Value) {
    fn walk(v: &Value) {
        match v {
            Value::Object(m) => {
                assert!(!m.contains_key("secrets"), "a secrets key in {v}");
                m.values().for_each(walk);
            }
            Value::Array(a) => a.iter().for_each(walk),
            _ => {}
        }
    }
    walk(body);
    let text = body.to_string();
    for secret in SECRET_VALUES {
        assert!(!text.contains(secret), "{secret} leaked in {text}");
    }
}
