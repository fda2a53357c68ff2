//! Tests of the role editor's model: privilege names both ways and the request body.

use super::*;
use serde_json::json;

fn role(kibana: serde_json::Value, metadata: serde_json::Value) -> Role {
    Role {
        name: "r".into(),
        description: Some("d".into()),
        metadata,
        elasticsearch: json!({}),
        kibana: serde_json::from_value(kibana).unwrap(),
    }
}

fn privs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn grants_map_to_kibana_privilege_names() {
    let cases = &FEATURES[0];
    let mut g = FeatureGrant::default();
    assert!(g.privileges(cases).is_empty());
    g.level = Level::Read;
    assert_eq!(g.privileges(cases), privs(&["read"]));
    g.level = Level::All;
    assert_eq!(g.privileges(cases), privs(&["all"]));
    g.set_custom(true);
    assert_eq!(
        g.subs.len(),
        SUB_FEATURES.len(),
        "All starts with every sub-feature"
    );
    g.subs.retain(|s| s == "cases_delete");
    assert_eq!(g.privileges(cases), privs(&["minimal_all", "cases_delete"]));
    g.level = Level::Read;
    assert_eq!(
        g.privileges(cases),
        privs(&["minimal_read", "cases_delete"])
    );
    // Connectors have no sub-features: customisation is ignored.
    assert_eq!(g.privileges(&FEATURES[3]), privs(&["read"]));
}

#[test]
fn stored_privileges_parse_back() {
    for p in [
        privs(&["read"]),
        privs(&["all"]),
        privs(&["minimal_all", "case_reopen", "create_comment"]),
        privs(&["minimal_read", "cases_settings"]),
        privs(&["minimal_read"]),
    ] {
        let mut sorted = p.clone();
        sorted[1..].sort();
        assert_eq!(FeatureGrant::parse(&p).privileges(&FEATURES[1]), sorted);
    }
    let g = FeatureGrant::parse(&privs(&["read", "cases_delete"]));
    assert_eq!((g.level, g.custom), (Level::Read, true));
    let g = FeatureGrant::parse(&privs(&["all", "cases_delete"]));
    assert_eq!((g.level, g.custom), (Level::All, false));
}

#[test]
fn a_new_form_grants_nothing_everywhere() {
    let mut f = RoleForm::new();
    assert_eq!(f.features.len(), FEATURES.len());
    assert!(f.all_spaces());
    assert_eq!(f.check().get("name").unwrap(), "Role name is required.");
    f.name = "ops".into();
    f.spaces.clear();
    assert!(f.check().contains_key("spaces"));
    f.spaces = vec!["ops-space".into()];
    assert!(f.check().is_empty());
}

#[test]
fn the_request_has_kibanas_shape() {
    let mut f = RoleForm::new();
    f.name = "obs".into();
    f.spaces = vec!["team".into()];
    f.features.get_mut("observabilityCasesV3").unwrap().level = Level::All;
    f.features.get_mut("actions").unwrap().level = Level::Read;
    let body = serde_json::to_value(f.to_request()).unwrap();
    assert_eq!(
        body,
        json!({
            "elasticsearch": {},
            "kibana": [{
                "base": [],
                "feature": {"actions": ["read"], "observabilityCasesV3": ["all"]},
                "spaces": ["team"]
            }]
        })
    );
    // A base privilege replaces the feature choices (the server refuses both).
    f.base = Base::Read;
    f.description = "  Reads  ".into();
    let req = f.to_request();
    assert_eq!(req.kibana[0].base, privs(&["read"]));
    assert!(req.kibana[0].feature.is_empty());
    assert_eq!(req.description.as_deref(), Some("Reads"));
    // All spaces wins over single spaces.
    f.spaces = vec!["team".into(), ALL_SPACES.into()];
    assert_eq!(f.to_request().kibana[0].spaces, privs(&["*"]));
}

#[test]
fn stored_roles_round_trip_and_keep_extra_grants() {
    let r = role(
        json!([
            {"base": [], "feature": {"securitySolutionCasesV2": ["minimal_all", "cases_assign"]}, "spaces": ["a", "b"]},
            {"base": ["read"], "feature": {}, "spaces": ["c"]}
        ]),
        json!({"owner": "team"}),
    );
    let f = RoleForm::from_role(&r);
    assert_eq!(f.base, Base::Custom);
    let sec = &f.features["securitySolutionCasesV3"];
    assert_eq!((sec.level, sec.custom), (Level::All, true));
    assert_eq!(f.spaces, privs(&["a", "b"]));
    assert_eq!(f.extra.len(), 1);
    let req = f.to_request();
    assert_eq!(req.kibana.len(), 2);
    assert_eq!(req.kibana[1], r.kibana[1]);
    assert_eq!(
        req.kibana[0].feature["securitySolutionCasesV3"],
        privs(&["minimal_all", "cases_assign"])
    );
    assert_eq!(req.metadata, Some(json!({"owner": "team"})));
    assert_eq!(req.description.as_deref(), Some("d"));
}

#[test]
fn reserved_roles_and_summaries() {
    let su = role(
        json!([{"base": ["all"], "spaces": ["*"]}]),
        json!({"_reserved": true}),
    );
    assert!(is_reserved(&su));
    assert_eq!(summary(&su), "All features: All in all spaces");
    let custom = role(
        json!([{"feature": {"observabilityCasesV3": ["all"], "actions": ["read"]}, "spaces": ["ops"]}]),
        json!({}),
    );
    assert!(!is_reserved(&custom));
    assert_eq!(
        summary(&custom),
        "Observability cases: All, Connectors: Read in ops"
    );
    assert_eq!(summary(&role(json!([]), json!({}))), "No Kibana privileges");
}
