//! Kibana's privilege model for cases: features per solution (`securitySolutionCasesV3`,
//! `observabilityCasesV3`, `generalCasesV3`) plus `actions` for connectors; privileges `all`,
//! `read`, `minimal_all`, `minimal_read` and the sub-features `cases_delete`, `cases_settings`,
//! `create_comment`, `case_reopen`, `cases_assign`; `base: ["all"|"read"]` grants every feature;
//! grants apply to listed spaces or `*`. Roles resolve once into [`Privileges`], which answers
//! "may this principal do that to this owner in this space".

use super::authz::Operation;
use casebook_api::Owner;
use casebook_api::security::{KibanaPrivilege, Role};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// What a grant allows on one feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cap {
    /// Read cases, comments, settings; read connectors.
    Read,
    /// Create cases.
    Create,
    /// Update cases.
    Update,
    /// Push cases.
    Push,
    /// Delete cases and comments (`cases_delete`).
    Delete,
    /// Edit case settings (`cases_settings`).
    Settings,
    /// Add and edit comments and attachments (`create_comment`).
    CreateComment,
    /// Reopen closed cases (`case_reopen`).
    Reopen,
    /// Assign users (`cases_assign`).
    Assign,
    /// Create, edit, delete and run connectors (actions `all`).
    Manage,
}

/// A feature a privilege applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// Cases of one solution.
    Cases(Owner),
    /// Actions and connectors.
    Actions,
}

impl Feature {
    /// Every feature.
    pub const ALL: [Feature; 4] = [
        Feature::Cases(Owner::SecuritySolution),
        Feature::Cases(Owner::Observability),
        Feature::Cases(Owner::Cases),
        Feature::Actions,
    ];
    /// Kibana's feature id.
    pub fn id(self) -> &'static str {
        match self {
            Feature::Cases(Owner::SecuritySolution) => "securitySolutionCasesV3",
            Feature::Cases(Owner::Observability) => "observabilityCasesV3",
            Feature::Cases(Owner::Cases) => "generalCasesV3",
            Feature::Actions => "actions",
        }
    }
    /// Parses a feature id (older `…CasesV2`/`…Cases` ids are accepted too).
    pub fn parse(id: &str) -> Option<Self> {
        let base = id.trim_end_matches("V3").trim_end_matches("V2");
        match base {
            "securitySolutionCases" => Some(Feature::Cases(Owner::SecuritySolution)),
            "observabilityCases" => Some(Feature::Cases(Owner::Observability)),
            "generalCases" => Some(Feature::Cases(Owner::Cases)),
            "actions" => Some(Feature::Actions),
            _ => None,
        }
    }
}

const CASES_ALL: [Cap; 9] = [
    Cap::Read,
    Cap::Create,
    Cap::Update,
    Cap::Push,
    Cap::Delete,
    Cap::Settings,
    Cap::CreateComment,
    Cap::Reopen,
    Cap::Assign,
];

/// The capabilities one privilege name grants on a feature, or `None` if it is not valid there.
pub fn caps_of(feature: Feature, privilege: &str) -> Option<Vec<Cap>> {
    Some(match (feature, privilege) {
        (Feature::Actions, "all") => vec![Cap::Read, Cap::Manage],
        (Feature::Actions, "read") => vec![Cap::Read],
        (Feature::Actions, _) => return None,
        (_, "all") => CASES_ALL.to_vec(),
        (_, "read" | "minimal_read") => vec![Cap::Read],
        (_, "minimal_all") => vec![Cap::Read, Cap::Create, Cap::Update, Cap::Push],
        (_, "cases_delete") => vec![Cap::Delete],
        (_, "cases_settings") => vec![Cap::Settings],
        (_, "create_comment") => vec![Cap::CreateComment],
        (_, "case_reopen") => vec![Cap::Reopen],
        (_, "cases_assign") => vec![Cap::Assign],
        _ => return None,
    })
}

/// Checks a role's privileges: known features and privilege names, spaces given.
pub fn validate(kibana: &[KibanaPrivilege]) -> Result<(), String> {
    for (i, k) in kibana.iter().enumerate() {
        if k.spaces.is_empty() {
            return Err(format!(
                "[kibana.{i}.spaces]: at least one space (or \"*\") is required"
            ));
        }
        if !k.base.is_empty() && !k.feature.is_empty() {
            return Err(format!(
                "[kibana.{i}]: base and feature privileges cannot be combined"
            ));
        }
        if let Some(b) = k.base.iter().find(|b| *b != "all" && *b != "read") {
            return Err(format!("[kibana.{i}.base]: unknown privilege \"{b}\""));
        }
        for (id, privs) in &k.feature {
            let f = Feature::parse(id)
                .ok_or_else(|| format!("[kibana.{i}.feature.{id}]: unknown feature"))?;
            if let Some(p) = privs.iter().find(|p| caps_of(f, p).is_none()) {
                return Err(format!(
                    "[kibana.{i}.feature.{id}]: unknown privilege \"{p}\""
                ));
            }
        }
    }
    Ok(())
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Grant {
    /// `None`: every space.
    spaces: Option<BTreeSet<String>>,
    caps: BTreeMap<Feature, BTreeSet<Cap>>,
}

/// What a principal may do, resolved from its roles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Privileges {
    superuser: bool,
    grants: Vec<Grant>,
    /// An API key's role descriptors: the key may do only what both allow.
    limit: Option<Box<Privileges>>,
}

impl Privileges {
    /// Resolves role definitions.
    pub fn resolve(roles: &[Role]) -> Self {
        let mut p = Privileges::default();
        for role in roles {
            if role.name == "superuser" {
                p.superuser = true;
            }
            for k in &role.kibana {
                let spaces = if k.spaces.iter().any(|s| s == "*") {
                    None
                } else {
                    Some(k.spaces.iter().cloned().collect())
                };
                let mut caps: BTreeMap<Feature, BTreeSet<Cap>> = BTreeMap::new();
                for b in &k.base {
                    for f in Feature::ALL {
                        caps.entry(f)
                            .or_default()
                            .extend(caps_of(f, b).unwrap_or_default());
                    }
                }
                for (id, privs) in &k.feature {
                    if let Some(f) = Feature::parse(id) {
                        for pr in privs {
                            caps.entry(f)
                                .or_default()
                                .extend(caps_of(f, pr).unwrap_or_default());
                        }
                    }
                }
                p.grants.push(Grant { spaces, caps });
            }
        }
        p
    }

    /// The same privileges, further limited to what `limit` allows (API key role descriptors).
    pub fn limited_by(mut self, limit: Privileges) -> Self {
        self.limit = Some(Box::new(limit));
        self
    }

    /// Whether these are narrowed by an API key's role descriptors.
    pub fn is_limited(&self) -> bool {
        self.limit.is_some()
    }

    /// Whether these are superuser privileges (users, roles, spaces, audit log).
    pub fn is_superuser(&self) -> bool {
        self.superuser && self.limit.as_ref().is_none_or(|l| l.is_superuser())
    }

    /// Whether `cap` on `feature` is granted in `space`.
    pub fn has(&self, feature: Feature, cap: Cap, space: &str) -> bool {
        let own = self.superuser
            || self.grants.iter().any(|g| {
                g.spaces.as_ref().is_none_or(|s| s.contains(space))
                    && g.caps.get(&feature).is_some_and(|c| c.contains(&cap))
            });
        own && self
            .limit
            .as_ref()
            .is_none_or(|l| l.has(feature, cap, space))
    }

    /// Whether anything at all is granted in `space`.
    pub fn any_in_space(&self, space: &str) -> bool {
        let own = self.superuser
            || self
                .grants
                .iter()
                .any(|g| g.spaces.as_ref().is_none_or(|s| s.contains(space)) && !g.caps.is_empty());
        own && self.limit.as_ref().is_none_or(|l| l.any_in_space(space))
    }

    /// Whether `op` on `owner` is allowed in `space`.
    pub fn allows(&self, op: Operation, owner: Owner, space: &str) -> bool {
        let (feature, cap) = requirement(op, owner);
        self.has(feature, cap, space)
            && (op != Operation::PushCase || self.has(Feature::Actions, Cap::Read, space))
    }
}

/// The feature and capability an operation needs.
pub fn requirement(op: Operation, owner: Owner) -> (Feature, Cap) {
    let cases = Feature::Cases(owner);
    match op {
        Operation::CreateCase => (cases, Cap::Create),
        Operation::ReadCase
        | Operation::ReadComment
        | Operation::ReadUserActions
        | Operation::ReadConfiguration => (cases, Cap::Read),
        Operation::UpdateCase => (cases, Cap::Update),
        Operation::ReopenCase => (cases, Cap::Reopen),
        Operation::AssignCase => (cases, Cap::Assign),
        Operation::DeleteCase | Operation::DeleteComment => (cases, Cap::Delete),
        Operation::CreateComment | Operation::UpdateComment => (cases, Cap::CreateComment),
        Operation::PushCase => (cases, Cap::Push),
        Operation::WriteConfiguration | Operation::UpdateConfiguration => (cases, Cap::Settings),
        Operation::ReadConnectors => (Feature::Actions, Cap::Read),
        Operation::ManageConnectors => (Feature::Actions, Cap::Manage),
    }
}

fn role(name: &str, description: &str, kibana: serde_json::Value) -> Role {
    Role {
        name: name.into(),
        description: Some(description.into()),
        metadata: json!({ "_reserved": true }),
        elasticsearch: json!({}),
        kibana: serde_json::from_value(kibana).expect("built-in roles are valid"),
    }
}

/// The built-in roles (reserved: they cannot be changed or deleted).
pub fn builtin_roles() -> Vec<Role> {
    let cases = |privs: &[&str]| json!({ "securitySolutionCasesV3": privs, "observabilityCasesV3": privs, "generalCasesV3": privs });
    let with_actions = |mut v: serde_json::Value, level: &str| {
        v["actions"] = json!([level]);
        v
    };
    vec![
        role(
            "superuser",
            "Everything, including users, roles and spaces.",
            json!([{ "base": ["all"], "spaces": ["*"] }]),
        ),
        role(
            "cases_admin",
            "All case privileges in every solution, case settings and connectors.",
            json!([{ "feature": with_actions(cases(&["all"]), "all"), "spaces": ["*"] }]),
        ),
        role(
            "cases_lead",
            "Works and assigns cases, deletes and reopens them; no settings.",
            json!([{ "feature": with_actions(cases(&["minimal_all", "cases_delete", "create_comment", "case_reopen", "cases_assign"]), "read"), "spaces": ["*"] }]),
        ),
        role(
            "cases_analyst",
            "Creates, updates, comments on and pushes cases; reopens them.",
            json!([{ "feature": with_actions(cases(&["minimal_all", "create_comment", "case_reopen"]), "read"), "spaces": ["*"] }]),
        ),
        role(
            "viewer",
            "Reads everything.",
            json!([{ "base": ["read"], "spaces": ["*"] }]),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(kibana: serde_json::Value) -> Privileges {
        Privileges::resolve(&[Role {
            name: "r".into(),
            description: None,
            metadata: json!({}),
            elasticsearch: json!({}),
            kibana: serde_json::from_value(kibana).unwrap(),
        }])
    }

    #[test]
    fn builtin_roles_grant_what_they_say() {
        let by = |n: &str| {
            Privileges::resolve(
                &builtin_roles()
                    .into_iter()
                    .filter(|r| r.name == n)
                    .collect::<Vec<_>>(),
            )
        };
        let sec = Owner::SecuritySolution;
        assert!(by("superuser").is_superuser());
        assert!(by("viewer").allows(Operation::ReadCase, sec, "any"));
        assert!(!by("viewer").allows(Operation::CreateCase, sec, "any"));
        let analyst = by("cases_analyst");
        assert!(analyst.allows(Operation::CreateComment, sec, "default"));
        assert!(analyst.allows(Operation::PushCase, sec, "default"));
        assert!(!analyst.allows(Operation::DeleteCase, sec, "default"));
        assert!(!analyst.allows(Operation::AssignCase, sec, "default"));
        assert!(by("cases_lead").allows(Operation::AssignCase, sec, "default"));
        assert!(!by("cases_lead").allows(Operation::WriteConfiguration, sec, "default"));
        assert!(by("cases_admin").allows(Operation::ManageConnectors, sec, "default"));
        for r in builtin_roles() {
            assert_eq!(validate(&r.kibana), Ok(()), "{}", r.name);
        }
    }

    #[test]
    fn feature_grants_are_per_owner_and_space() {
        let p = custom(
            json!([{ "feature": { "observabilityCasesV3": ["all"] }, "spaces": ["space1"] }]),
        );
        assert!(p.allows(Operation::DeleteCase, Owner::Observability, "space1"));
        assert!(!p.allows(Operation::ReadCase, Owner::Observability, "default"));
        assert!(!p.allows(Operation::ReadCase, Owner::SecuritySolution, "space1"));
        // Push also needs to read connectors.
        assert!(!p.allows(Operation::PushCase, Owner::Observability, "space1"));
        assert!(p.any_in_space("space1") && !p.any_in_space("default"));
    }

    #[test]
    fn a_limit_narrows_but_never_widens() {
        let admin = Privileges::resolve(
            &builtin_roles()
                .into_iter()
                .filter(|r| r.name == "superuser")
                .collect::<Vec<_>>(),
        );
        let key = admin.limited_by(custom(
            json!([{ "feature": { "generalCasesV3": ["read"] }, "spaces": ["*"] }]),
        ));
        assert!(!key.is_superuser());
        assert!(key.allows(Operation::ReadCase, Owner::Cases, "x"));
        assert!(!key.allows(Operation::CreateCase, Owner::Cases, "x"));
        let viewer = custom(json!([{ "base": ["read"], "spaces": ["*"] }]));
        let wide = viewer.limited_by(custom(json!([{ "base": ["all"], "spaces": ["*"] }])));
        assert!(!wide.allows(Operation::CreateCase, Owner::Cases, "x"));
    }

    #[test]
    fn sub_features_stand_alone() {
        let p = custom(
            json!([{ "feature": { "generalCasesV3": ["minimal_read", "case_reopen"] }, "spaces": ["*"] }]),
        );
        assert!(p.allows(Operation::ReopenCase, Owner::Cases, "x"));
        assert!(!p.allows(Operation::UpdateCase, Owner::Cases, "x"));
    }

    #[test]
    fn validation_names_the_problem() {
        let bad: Vec<KibanaPrivilege> =
            serde_json::from_value(json!([{ "feature": { "nope": ["all"] }, "spaces": ["*"] }]))
                .unwrap();
        assert!(validate(&bad).unwrap_err().contains("unknown feature"));
        let bad: Vec<KibanaPrivilege> =
            serde_json::from_value(json!([{ "base": ["all"], "spaces": [] }])).unwrap();
        assert!(validate(&bad).is_err());
    }
}
