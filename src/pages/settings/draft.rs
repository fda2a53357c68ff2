//! The settings being edited, as plain data: what the page shows, how it becomes a `POST` or a
//! `PATCH` body, and how the user's edits are replayed onto a newer configuration after a 409.
//!
//! Rules: keys of custom fields and templates are generated here and never change afterwards;
//! deleting a custom field also drops its values from the templates (the API would otherwise
//! reject the templates with "Invalid custom field keys"); validation uses the API's own
//! functions so the page shows the message the server would answer with.

use casebook_api::Owner;
use casebook_api::case::CaseCustomField;
use casebook_api::configure::{
    ClosureType, Configuration, ConfigurationPatch, ConfigurationRequest, CustomFieldDefinition,
    Template,
};
use casebook_api::connector::{CaseConnector, ConnectorFields, ConnectorType};
use casebook_api::validate::{check_custom_field_definitions, check_templates};

/// The editable part of a configuration.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SettingsDraft {
    /// The default connector (`none` for no default).
    pub connector: CaseConnector,
    /// When cases close.
    pub closure_type: ClosureType,
    /// Custom field definitions, in display order.
    pub custom_fields: Vec<CustomFieldDefinition>,
    /// Templates, in display order.
    pub templates: Vec<Template>,
}

impl SettingsDraft {
    /// The draft for a stored configuration, or Kibana's defaults when there is none.
    pub fn from_config(config: Option<&Configuration>) -> Self {
        config.map_or_else(Self::default, |c| Self {
            connector: c.connector.clone(),
            closure_type: c.closure_type,
            custom_fields: c.custom_fields.clone(),
            templates: c.templates.clone(),
        })
    }

    /// Checks the whole draft with the API's validation (limits, keys, defaults, templates).
    pub fn validate(&self) -> Result<(), String> {
        check_custom_field_definitions(&self.custom_fields).map_err(|e| e.message)?;
        check_templates(&self.templates, &self.custom_fields).map_err(|e| e.message)
    }

    /// The `POST /api/cases/configure` body (no configuration exists yet).
    pub fn to_request(&self, owner: Owner) -> ConfigurationRequest {
        ConfigurationRequest {
            owner,
            closure_type: self.closure_type,
            connector: self.connector.clone(),
            custom_fields: Some(self.custom_fields.clone()),
            templates: Some(self.templates.clone()),
            observable_types: None,
        }
    }

    /// The `PATCH` body: the version last read and only the parts that differ from it.
    pub fn to_patch(&self, base: &Configuration) -> ConfigurationPatch {
        let old = Self::from_config(Some(base));
        ConfigurationPatch {
            version: base.version.clone(),
            closure_type: (self.closure_type != old.closure_type).then_some(self.closure_type),
            connector: (self.connector != old.connector).then(|| self.connector.clone()),
            custom_fields: (self.custom_fields != old.custom_fields)
                .then(|| self.custom_fields.clone()),
            templates: (self.templates != old.templates).then(|| self.templates.clone()),
            observable_types: None,
        }
    }

    /// Replays the edits made since `original` onto `latest` (someone else saved meanwhile):
    /// single values the user changed win; list items are merged by key (the user's additions,
    /// changes and removals applied to the newer list).
    pub fn rebase(&self, original: &SettingsDraft, latest: &SettingsDraft) -> SettingsDraft {
        let mut out = latest.clone();
        if self.connector != original.connector {
            out.connector = self.connector.clone();
        }
        if self.closure_type != original.closure_type {
            out.closure_type = self.closure_type;
        }
        out.custom_fields = merge_by_key(
            &original.custom_fields,
            &self.custom_fields,
            &latest.custom_fields,
            |d| &d.key,
        );
        out.templates = merge_by_key(
            &original.templates,
            &self.templates,
            &latest.templates,
            |t| &t.key,
        );
        let keys: Vec<String> = out.custom_fields.iter().map(|d| d.key.clone()).collect();
        out.retain_template_values(|k| keys.iter().any(|x| x == k));
        out
    }

    /// Adds a custom field, or replaces the one with the same key.
    pub fn upsert_custom_field(&mut self, def: CustomFieldDefinition) {
        upsert(&mut self.custom_fields, def, |d| &d.key);
    }

    /// Removes a custom field and its values from every template.
    pub fn remove_custom_field(&mut self, key: &str) {
        self.custom_fields.retain(|d| d.key != key);
        self.retain_template_values(|k| k != key);
    }

    /// Adds a template, or replaces the one with the same key.
    pub fn upsert_template(&mut self, template: Template) {
        upsert(&mut self.templates, template, |t| &t.key);
    }

    /// Removes a template.
    pub fn remove_template(&mut self, key: &str) {
        self.templates.retain(|t| t.key != key);
    }

    fn retain_template_values(&mut self, keep: impl Fn(&str) -> bool) {
        for t in &mut self.templates {
            if let Some(values) = t
                .case_fields
                .as_mut()
                .and_then(|cf| cf.custom_fields.as_mut())
            {
                values.retain(|v: &CaseCustomField| keep(v.key()));
            }
        }
    }
}

fn upsert<T>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> &String) {
    match list.iter().position(|x| key(x) == key(&item)) {
        Some(i) => list[i] = item,
        None => list.push(item),
    }
}

/// Three-way merge of keyed lists: starts from `theirs`, drops what `mine` removed from `base`,
/// replaces what `mine` changed and appends what `mine` added.
pub fn merge_by_key<T: Clone + PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> &String,
) -> Vec<T> {
    let find = |list: &[T], k: &String| list.iter().find(|x| key(x) == k).cloned();
    let mut out: Vec<T> = theirs
        .iter()
        .filter(|t| {
            let k = key(t);
            !(find(base, k).is_some() && find(mine, k).is_none())
        })
        .cloned()
        .collect();
    for m in mine {
        let k = key(m);
        let changed = find(base, k).is_none_or(|b| b != *m);
        if !changed {
            continue;
        }
        match out.iter().position(|x| key(x) == k) {
            Some(i) => out[i] = m.clone(),
            None => out.push(m.clone()),
        }
    }
    out
}

/// The configuration's `connector` for a connector picked from the list (`None` = no default).
/// Kibana ignores a default connector's fields; every key is left empty.
pub fn default_connector(picked: Option<(&str, &str, &str)>) -> CaseConnector {
    match picked.and_then(|(id, name, kind)| Some((id, name, ConnectorType::parse(kind)?))) {
        Some((id, name, kind)) if kind != ConnectorType::None => CaseConnector {
            id: id.into(),
            name: name.into(),
            fields: ConnectorFields::empty(kind),
        },
        _ => CaseConnector::none(),
    }
}

/// A new key for a custom field or template: a lowercase UUID (v4 layout), which satisfies the
/// API's `^[a-z0-9_-]+$` and 36-character limit.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    for b in &mut bytes {
        *b = random_byte();
    }
    key_from_bytes(bytes)
}

/// Formats 16 bytes as a version-4 UUID (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`).
pub fn key_from_bytes(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(target_arch = "wasm32")]
fn random_byte() -> u8 {
    (js_sys::Math::random() * 256.0) as u8
}

/// Natively (unit tests) a counter mixed with the clock is random enough for unique keys.
#[cfg(not(target_arch = "wasm32"))]
fn random_byte() -> u8 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static STATE: AtomicU64 = AtomicU64::new(0x9e37_79b9_7f4a_7c15);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64);
    let x = STATE.fetch_add(0x9e37_79b9_7f4a_7c15 ^ nanos, Ordering::Relaxed);
    let x = (x ^ (x >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (x >> 56) as u8
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
