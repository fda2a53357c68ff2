//! The role editor's model, free of any UI: Kibana's features with their privilege names, one
//! feature's grant (none/read/all, optionally with chosen sub-features), and the whole form
//! converted to and from the wire [`RoleRequest`] / [`Role`].
//!
//! Rules (the server's, `server/src/service/privileges.rs`): base privileges and feature
//! privileges cannot be combined in one grant; at least one space (or `*`) is required;
//! connectors (`actions`) know only `read` and `all`. A role with several grants is edited
//! through its first one; the others are kept as they are.

use casebook_api::security::{KibanaPrivilege, Role, RoleRequest};
use std::collections::{BTreeMap, BTreeSet};

/// Every space, in a grant's `spaces`.
pub const ALL_SPACES: &str = "*";

/// A Kibana feature the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Feature {
    /// Kibana's feature id.
    pub id: &'static str,
    /// What people call it.
    pub label: &'static str,
    /// Whether it has the cases sub-features (connectors do not).
    pub cases: bool,
}

/// The features, in display order.
pub const FEATURES: [Feature; 4] = [
    Feature {
        id: "securitySolutionCasesV3",
        label: "Security cases",
        cases: true,
    },
    Feature {
        id: "observabilityCasesV3",
        label: "Observability cases",
        cases: true,
    },
    Feature {
        id: "generalCasesV3",
        label: "Stack Management cases",
        cases: true,
    },
    Feature {
        id: "actions",
        label: "Connectors",
        cases: false,
    },
];

/// The sub-features of the cases features: privilege name and label.
pub const SUB_FEATURES: [(&str, &str); 5] = [
    ("cases_delete", "Delete cases and comments"),
    ("cases_settings", "Edit case settings"),
    ("create_comment", "Add comments and attachments"),
    ("case_reopen", "Re-open closed cases"),
    ("cases_assign", "Assign users to cases"),
];

/// How much of a feature a grant gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Level {
    /// Nothing.
    #[default]
    None,
    /// Read.
    Read,
    /// Everything (or, customised, the basics plus the chosen sub-features).
    All,
}

impl Level {
    /// The `<select>` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Read => "read",
            Level::All => "all",
        }
    }
    /// Parses a `<select>` value (anything unknown is `None`).
    pub fn parse(s: &str) -> Self {
        match s {
            "read" => Level::Read,
            "all" => Level::All,
            _ => Level::None,
        }
    }
}

/// One feature's privileges in the form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeatureGrant {
    /// The level.
    pub level: Level,
    /// Whether sub-features are chosen one by one (`minimal_read` / `minimal_all`).
    pub custom: bool,
    /// The chosen sub-features (used when `custom`).
    pub subs: BTreeSet<String>,
}

impl FeatureGrant {
    /// The privilege names to send; empty means the feature is left out.
    pub fn privileges(&self, feature: &Feature) -> Vec<String> {
        let custom = self.custom && feature.cases;
        let mut out: Vec<String> = match (self.level, custom) {
            (Level::None, _) => vec![],
            (Level::Read, false) => vec!["read".into()],
            (Level::All, false) => vec!["all".into()],
            (Level::Read, true) => vec!["minimal_read".into()],
            (Level::All, true) => vec!["minimal_all".into()],
        };
        if custom {
            out.extend(self.subs.iter().cloned());
        }
        out
    }

    /// The grant a stored privilege list stands for.
    pub fn parse(privileges: &[String]) -> Self {
        let has = |p: &str| privileges.iter().any(|x| x == p);
        let subs: BTreeSet<String> = privileges
            .iter()
            .filter(|p| SUB_FEATURES.iter().any(|(id, _)| id == p))
            .cloned()
            .collect();
        let (level, custom) = if has("all") {
            (Level::All, false)
        } else if has("minimal_all") {
            (Level::All, true)
        } else if has("read") && subs.is_empty() {
            (Level::Read, false)
        } else if has("read") || has("minimal_read") {
            (Level::Read, true)
        } else {
            (Level::None, !subs.is_empty())
        };
        Self {
            level,
            custom,
            subs: if custom { subs } else { BTreeSet::new() },
        }
    }

    /// Turns sub-feature customisation on or off; turning it on for All starts with every
    /// sub-feature chosen (what All grants), for Read with none.
    pub fn set_custom(&mut self, on: bool) {
        if on && !self.custom {
            self.subs = match self.level {
                Level::All => SUB_FEATURES.iter().map(|(id, _)| id.to_string()).collect(),
                _ => BTreeSet::new(),
            };
        }
        self.custom = on;
    }
}

/// Privileges for every feature at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Base {
    /// Chosen per feature.
    #[default]
    Custom,
    /// `base: ["all"]`.
    All,
    /// `base: ["read"]`.
    Read,
}

impl Base {
    /// The `<select>` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Base::Custom => "custom",
            Base::All => "all",
            Base::Read => "read",
        }
    }
    /// Parses a `<select>` value (anything unknown is `Custom`).
    pub fn parse(s: &str) -> Self {
        match s {
            "all" => Base::All,
            "read" => Base::Read,
            _ => Base::Custom,
        }
    }
}

/// The whole role form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleForm {
    /// Role name (the URL key; not editable once stored).
    pub name: String,
    /// Description.
    pub description: String,
    /// Base privilege.
    pub base: Base,
    /// Feature id → grant, one per [`FEATURES`] entry.
    pub features: BTreeMap<&'static str, FeatureGrant>,
    /// The spaces the privileges apply to: `["*"]` or space ids.
    pub spaces: Vec<String>,
    /// Grants after the first, kept unchanged.
    pub extra: Vec<KibanaPrivilege>,
    /// Stored metadata, kept unchanged.
    pub metadata: Option<serde_json::Value>,
}

impl RoleForm {
    /// An empty form: no privileges, in every space.
    pub fn new() -> Self {
        Self {
            features: FEATURES
                .iter()
                .map(|f| (f.id, FeatureGrant::default()))
                .collect(),
            spaces: vec![ALL_SPACES.into()],
            ..Self::default()
        }
    }

    /// A form showing a stored role.
    pub fn from_role(role: &Role) -> Self {
        let mut form = Self::new();
        form.name = role.name.clone();
        form.description = role.description.clone().unwrap_or_default();
        form.metadata = Some(role.metadata.clone()).filter(|m| !m.is_null());
        let mut grants = role.kibana.iter();
        if let Some(first) = grants.next() {
            form.base = if first.base.iter().any(|b| b == "all") {
                Base::All
            } else if first.base.iter().any(|b| b == "read") {
                Base::Read
            } else {
                Base::Custom
            };
            for f in FEATURES {
                let stored = first
                    .feature
                    .iter()
                    .find(|(id, _)| same_feature(id, f.id))
                    .map(|(_, p)| FeatureGrant::parse(p))
                    .unwrap_or_default();
                form.features.insert(f.id, stored);
            }
            form.spaces = first.spaces.clone();
        }
        form.extra = grants.cloned().collect();
        form
    }

    /// Whether the privileges apply in every space.
    pub fn all_spaces(&self) -> bool {
        self.spaces.iter().any(|s| s == ALL_SPACES)
    }

    /// What is wrong before sending: field key (`name`, `spaces`) → message.
    pub fn check(&self) -> BTreeMap<&'static str, String> {
        let mut e = BTreeMap::new();
        if self.name.trim().is_empty() {
            e.insert("name", "Role name is required.".to_string());
        }
        if self.spaces.is_empty() {
            e.insert(
                "spaces",
                "Pick at least one space, or All spaces.".to_string(),
            );
        }
        e
    }

    /// The `PUT /api/security/role/{name}` body.
    pub fn to_request(&self) -> RoleRequest {
        let (base, feature) = match self.base {
            Base::All => (vec!["all".to_string()], BTreeMap::new()),
            Base::Read => (vec!["read".to_string()], BTreeMap::new()),
            Base::Custom => (
                vec![],
                FEATURES
                    .iter()
                    .filter_map(|f| {
                        let p = self.features.get(f.id)?.privileges(f);
                        (!p.is_empty()).then(|| (f.id.to_string(), p))
                    })
                    .collect(),
            ),
        };
        let spaces = if self.all_spaces() {
            vec![ALL_SPACES.to_string()]
        } else {
            self.spaces.clone()
        };
        let mut kibana = vec![KibanaPrivilege {
            base,
            feature,
            spaces,
        }];
        kibana.extend(self.extra.iter().cloned());
        RoleRequest {
            elasticsearch: Some(serde_json::json!({})),
            kibana,
            metadata: self.metadata.clone(),
            description: Some(self.description.trim().to_string()).filter(|d| !d.is_empty()),
        }
    }
}

/// Whether a stored feature id (maybe an older `…V2`/`…Cases` one) is `id`.
fn same_feature(stored: &str, id: &str) -> bool {
    let strip = |s: &str| s.trim_end_matches("V3").trim_end_matches("V2").to_string();
    strip(stored) == strip(id)
}

/// Whether a role is built in (`metadata._reserved`): shown read-only.
pub fn is_reserved(role: &Role) -> bool {
    role.metadata
        .get("_reserved")
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false)
}

/// One line describing what a role grants, for the roles table.
pub fn summary(role: &Role) -> String {
    let Some(first) = role.kibana.first() else {
        return "No Kibana privileges".into();
    };
    let form = RoleForm::from_role(role);
    let what = match form.base {
        Base::All => "All features: All".to_string(),
        Base::Read => "All features: Read".to_string(),
        Base::Custom => {
            let parts: Vec<String> = FEATURES
                .iter()
                .filter_map(|f| {
                    let g = form.features.get(f.id)?;
                    let level = match (g.level, g.custom) {
                        (Level::None, _) => return None,
                        (Level::Read, false) => "Read",
                        (Level::All, false) => "All",
                        (Level::Read, true) => "Read (custom)",
                        (Level::All, true) => "All (custom)",
                    };
                    Some(format!("{}: {level}", f.label))
                })
                .collect();
            if parts.is_empty() {
                "No feature privileges".into()
            } else {
                parts.join(", ")
            }
        }
    };
    let spaces = if first.spaces.iter().any(|s| s == ALL_SPACES) {
        "all spaces".to_string()
    } else {
        first.spaces.join(", ")
    };
    let more = match role.kibana.len() {
        1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    format!("{what} in {spaces}{more}")
}

#[cfg(test)]
#[path = "role_model_tests.rs"]
mod tests;
