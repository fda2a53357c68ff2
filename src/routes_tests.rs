//! Unit tests of the route builders and matchers in `routes.rs`.

use super::*;

#[test]
fn locations_carry_the_space() {
    let loc = Loc::new("default", Solution::Security);
    assert_eq!(loc.list(), "/app/security/cases");
    let loc = Loc::new("sec", Solution::Observability);
    assert_eq!(loc.detail("a"), "/s/sec/app/observability/cases/a");
    assert_eq!(loc.comment("a", "c"), "/s/sec/app/observability/cases/a/c");
    assert_eq!(space_of_path("/s/sec/app/security/cases"), "sec");
    assert_eq!(space_of_path("/app/security/cases"), "default");
    assert_eq!(
        strip_space("/s/sec/app/security/cases"),
        "/app/security/cases"
    );
    assert_eq!(strip_space("/app/x"), "/app/x");
    assert_eq!(
        login_path(Some("/app/x?a=b")),
        "/login?next=%2Fapp%2Fx%3Fa%3Db"
    );
}

#[test]
fn owners_round_trip() {
    for sol in Solution::ALL {
        assert_eq!(Solution::from_owner(sol.owner()), Some(sol));
        assert_eq!(sol.owner().parse::<Solution>(), Ok(sol));
    }
    assert_eq!(Solution::Security.owner(), "securitySolution");
    assert_eq!(Solution::Observability.owner(), "observability");
    assert_eq!(Solution::Management.owner(), "cases");
    assert_eq!(Solution::from_owner("security"), None);
}

#[test]
fn path_builders_use_kibana_paths() {
    let sol = Solution::Management;
    assert_eq!(case_list(sol), "/app/management/insightsAndAlerting/cases");
    assert_eq!(
        case_detail(Solution::Security, "abc-123"),
        "/app/security/cases/abc-123"
    );
    assert_eq!(
        create_case(Solution::Observability),
        "/app/observability/cases/create"
    );
    assert_eq!(
        settings(Solution::Security),
        "/app/security/cases/configure"
    );
}

#[test]
fn case_detail_encodes_the_id_as_one_segment() {
    assert_eq!(
        case_detail(Solution::Security, "a b/c?d"),
        "/app/security/cases/a%20b%2Fc%3Fd"
    );
}

#[test]
fn from_path_finds_the_solution_on_segment_boundaries() {
    for sol in Solution::ALL {
        assert_eq!(Solution::from_path(&case_list(sol)), Some(sol));
        assert_eq!(Solution::from_path(&case_detail(sol, "x")), Some(sol));
        assert_eq!(Solution::from_path(&settings(sol)), Some(sol));
    }
    assert_eq!(Solution::from_path("/app/security/casesx"), None);
    assert_eq!(Solution::from_path("/"), None);
}

#[test]
fn solution_base_matches_whole_base_path() {
    let m = SolutionBase(Solution::Security)
        .test("/app/security/cases/abc")
        .expect("matches");
    assert_eq!(m.matched(), "/app/security/cases");
    assert_eq!(m.remaining(), "/abc");

    let m = SolutionBase(Solution::Management)
        .test("/app/management/insightsAndAlerting/cases")
        .expect("matches");
    assert!(m.is_complete());

    assert!(
        SolutionBase(Solution::Security)
            .test("/app/observability/cases")
            .is_none()
    );
    assert!(
        SolutionBase(Solution::Security)
            .test("/app/security/cases2")
            .is_none()
    );
}

#[test]
fn connectors_path_is_kibanas_and_space_prefixed() {
    let loc = Loc::new("default", Solution::Security);
    assert_eq!(
        loc.connectors(),
        "/app/management/insightsAndAlerting/triggersActionsConnectors/connectors"
    );
    let loc = Loc::new("sec", Solution::Observability);
    assert_eq!(
        loc.connectors(),
        "/s/sec/app/management/insightsAndAlerting/triggersActionsConnectors/connectors"
    );
    let path = connectors();
    let m = ConnectorsBase.test(&path).expect("matches");
    assert!(m.is_complete());
    assert!(
        ConnectorsBase
            .test("/app/management/insightsAndAlerting/cases")
            .is_none()
    );
    assert_eq!(Solution::from_path(&connectors()), None);
}

#[test]
fn admin_paths_are_kibanas_and_space_prefixed() {
    assert_eq!(admin(AdminPage::Users), "/app/management/security/users");
    assert_eq!(admin(AdminPage::Roles), "/app/management/security/roles");
    assert_eq!(
        admin(AdminPage::ApiKeys),
        "/app/management/security/api_keys"
    );
    assert_eq!(admin(AdminPage::Spaces), "/app/management/kibana/spaces");
    let loc = Loc::new("ops", Solution::Management);
    assert_eq!(
        loc.admin(AdminPage::Spaces),
        "/s/ops/app/management/kibana/spaces"
    );
    let loc = Loc::new("default", Solution::Security);
    assert_eq!(
        loc.admin(AdminPage::Users),
        "/app/management/security/users"
    );
    assert!(AdminPage::Users.superuser_only());
    assert!(!AdminPage::ApiKeys.superuser_only());
}

#[test]
fn admin_pages_are_found_from_their_paths() {
    for page in AdminPage::ALL {
        assert_eq!(AdminPage::from_path(&admin(page)), Some(page));
        let spaced = Loc::new("x", Solution::Management).admin(page);
        assert_eq!(AdminPage::from_path(&spaced), Some(page));
    }
    assert_eq!(
        AdminPage::from_path("/app/management/security/usersx"),
        None
    );
    assert_eq!(AdminPage::from_path(&connectors()), None);
    assert_eq!(Solution::from_path(&admin(AdminPage::Users)), None);
}

#[test]
fn admin_routes_match_parent_then_page() {
    let path = admin(AdminPage::ApiKeys);
    let m = ManagementBase.test(&path).expect("parent matches");
    assert_eq!(m.matched(), "/app/management");
    let child = AdminSegment(AdminPage::ApiKeys)
        .test(m.remaining())
        .expect("child matches");
    assert!(child.is_complete());
    assert!(AdminSegment(AdminPage::Users).test(m.remaining()).is_none());
    assert!(ManagementBase.test("/app/managementx").is_none());
    let mut segs = Vec::new();
    ManagementBase.generate_path(&mut segs);
    AdminSegment(AdminPage::Spaces).generate_path(&mut segs);
    let raw: Vec<_> = segs.iter().map(|s| s.as_raw_str().to_owned()).collect();
    assert_eq!(raw, ["app", "management", "kibana", "spaces"]);
}

#[test]
fn solution_base_generates_static_segments() {
    let mut segs = Vec::new();
    SolutionBase(Solution::Management).generate_path(&mut segs);
    let raw: Vec<_> = segs.iter().map(|s| s.as_raw_str().to_owned()).collect();
    assert_eq!(raw, ["app", "management", "insightsAndAlerting", "cases"]);
}
