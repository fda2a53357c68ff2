//! Reads across cases are silently limited to the owners a persona may read: `_find` (cases and
//! status counts), tags, reporters, categories, the configuration, metrics and cases by alert.
//! `owner=` narrows but never widens; nothing of another space shows. Also the capabilities
//! each persona gets, and `_suggest_user_profiles` offering only users who may be assigned.

mod authz_common;
mod common;

use authz_common::{IN_DEFAULT, World};
use common::{pluck, s};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const SEC: &str = "securitySolution";
const OBS: &str = "observability";
const GEN: &str = "cases";

/// The owners a persona may read in the default space.
fn readable(who: &str) -> Vec<&'static str> {
    match who {
        "elastic" => vec![SEC, OBS, GEN],
        "obs_all" | "obs_read" => vec![OBS],
        "gen_all" | "gen_read" | "key_gen_read" => vec![GEN],
        "connector_admin" | "connector_reader" => vec![],
        _ => vec![SEC],
    }
}

struct Data {
    w: World,
    /// Owner → (case id, creator, tag, category).
    cases: Vec<(
        &'static str,
        String,
        &'static str,
        &'static str,
        &'static str,
    )>,
}

async fn data() -> Data {
    let w = World::new().await;
    let mut cases = Vec::new();
    for (owner, by, tag, cat) in [
        (SEC, "sec_all", "sec-tag", "sec-cat"),
        (OBS, "obs_all", "obs-tag", "obs-cat"),
        (GEN, "gen_all", "gen-tag", "gen-cat"),
    ] {
        let case = w
            .case_as(by, "", owner, json!({"tags": [tag], "category": cat}))
            .await;
        cases.push((owner, s(&case["id"]).to_string(), by, tag, cat));
        if owner != GEN {
            let (st, b) = w
                .call(
                    "elastic",
                    "POST",
                    &format!("/api/cases/{}/comments", s(&case["id"])),
                    Some(
                        &json!({"type": "alert", "alertId": "shared-alert", "index": ".alerts",
                            "rule": {"id": "r", "name": "R"}, "owner": owner}),
                    ),
                )
                .await;
            assert_eq!(st, 200, "{b}");
        } else {
            let (st, b) = w
                .call(
                    "elastic",
                    "PATCH",
                    "/api/cases",
                    Some(&json!({"cases": [{"id": case["id"], "version": case["version"], "status": "closed"}]})),
                )
                .await;
            assert_eq!(st, 200, "{b}");
        }
        if owner != GEN {
            let (st, b) = w
                .call(
                    "elastic",
                    "POST",
                    "/api/cases/configure",
                    Some(&json!({"owner": owner, "closure_type": "close-by-user",
                        "connector": {"id": "none", "name": "none", "type": ".none", "fields": null}})),
                )
                .await;
            assert_eq!(st, 200, "{b}");
        }
    }
    // Another space's case must never show.
    w.case_as(
        "elastic",
        "space1",
        SEC,
        json!({"tags": ["space1-tag"], "category": "space1-cat"}),
    )
    .await;
    Data { w, cases }
}

fn set<'a>(v: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    v.into_iter().map(str::to_string).collect()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| s(x).to_string())
        .collect()
}

impl Data {
    fn visible(
        &self,
        owners: &[&str],
    ) -> Vec<&(
        &'static str,
        String,
        &'static str,
        &'static str,
        &'static str,
    )> {
        self.cases
            .iter()
            .filter(|c| owners.contains(&c.0))
            .collect()
    }
}

#[tokio::test]
async fn reads_across_cases_show_only_readable_owners() {
    let d = data().await;
    for who in IN_DEFAULT {
        let own = readable(who);
        let vis = d.visible(&own);
        let ids = |v: &[&(&str, String, &str, &str, &str)]| -> BTreeSet<String> {
            v.iter().map(|c| c.1.clone()).collect()
        };

        let find = d.w.get_ok(who, "/api/cases/_find?perPage=100").await;
        let found: BTreeSet<String> = pluck(&find["cases"], "id")
            .into_iter()
            .map(|i| s(i).to_string())
            .collect();
        assert_eq!(found, ids(&vis), "{who}: _find");
        assert_eq!(find["total"], vis.len(), "{who}: total");
        let closed = vis.iter().filter(|c| c.0 == GEN).count();
        assert_eq!(find["count_closed_cases"], closed, "{who}: closed count");
        assert_eq!(
            find["count_open_cases"],
            vis.len() - closed,
            "{who}: open count"
        );

        // `owner=` narrows to what may be read and never widens.
        for asked in [vec![OBS], vec![SEC, OBS], vec![SEC, OBS, GEN]] {
            let q: Vec<String> = asked.iter().map(|o| format!("owner={o}")).collect();
            let find =
                d.w.get_ok(who, &format!("/api/cases/_find?{}", q.join("&")))
                    .await;
            let both: Vec<&str> = own.iter().copied().filter(|o| asked.contains(o)).collect();
            let found: BTreeSet<String> = pluck(&find["cases"], "id")
                .into_iter()
                .map(|i| s(i).to_string())
                .collect();
            assert_eq!(found, ids(&d.visible(&both)), "{who}: _find?{q:?}");
            let tags =
                d.w.get_ok(who, &format!("/api/cases/tags?{}", q.join("&")))
                    .await;
            assert_eq!(
                strings(&tags),
                set(d.visible(&both).iter().map(|c| c.3)),
                "{who}: tags?{q:?}"
            );
        }

        let tags = d.w.get_ok(who, "/api/cases/tags").await;
        assert_eq!(strings(&tags), set(vis.iter().map(|c| c.3)), "{who}: tags");
        let cats = d.w.get_ok(who, "/internal/cases/categories").await;
        assert_eq!(
            strings(&cats),
            set(vis.iter().map(|c| c.4)),
            "{who}: categories"
        );
        let reporters = d.w.get_ok(who, "/api/cases/reporters").await;
        let names: BTreeSet<String> = pluck(&reporters, "username")
            .into_iter()
            .map(|u| s(u).to_string())
            .collect();
        assert_eq!(names, set(vis.iter().map(|c| c.2)), "{who}: reporters");

        let conf = d.w.get_ok(who, "/api/cases/configure").await;
        let owners: BTreeSet<String> = pluck(&conf, "owner")
            .into_iter()
            .map(|o| s(o).to_string())
            .collect();
        assert_eq!(
            owners,
            set(own.iter().copied().filter(|o| *o != GEN)),
            "{who}: configure"
        );
        let conf =
            d.w.get_ok(who, &format!("/api/cases/configure?owner={OBS}"))
                .await;
        assert_eq!(
            conf.as_array().map(Vec::len),
            Some(usize::from(own.contains(&OBS))),
            "{who}: configure?owner=observability"
        );

        let m =
            d.w.get_ok(who, "/internal/cases/metrics?features=status")
                .await;
        assert_eq!(
            m["status"],
            json!({"open": vis.len() - closed, "inProgress": 0, "closed": closed}),
            "{who}: metrics"
        );

        let by_alert = d.w.get_ok(who, "/api/cases/alerts/shared-alert").await;
        let related: BTreeSet<String> = pluck(&by_alert, "id")
            .into_iter()
            .map(|i| s(i).to_string())
            .collect();
        assert_eq!(
            related,
            ids(&d.visible(
                &own.iter()
                    .copied()
                    .filter(|o| *o != GEN)
                    .collect::<Vec<_>>()
            )),
            "{who}: cases by alert"
        );
    }
}

#[tokio::test]
async fn a_space_the_persona_has_nothing_in_is_refused_whole() {
    let d = data().await;
    for path in [
        "/api/cases/_find",
        "/api/cases/tags",
        "/api/cases/reporters",
        "/internal/cases/categories",
        "/internal/cases/metrics?features=status",
        "/api/cases/configure",
    ] {
        for who in ["nobody", "sec_space1"] {
            let (st, body) = d.w.call(who, "GET", path, None).await;
            common::assert_error(st, &body, 403, "Unauthorized to access space [default]");
        }
        let (st, body) =
            d.w.call("nobody", "GET", &format!("/s/space1{path}"), None)
                .await;
        common::assert_error(st, &body, 403, "Unauthorized to access space [space1]");
        // The space1 persona sees space1's securitySolution data there, and only that.
        let (st, _) =
            d.w.call("sec_space1", "GET", &format!("/s/space1{path}"), None)
                .await;
        assert_eq!(st, 200, "{path}");
    }
    let tags = d.w.get_ok("sec_space1", "/s/space1/api/cases/tags").await;
    assert_eq!(tags, json!(["space1-tag"]));
    let spaces = d.w.get_ok("sec_space1", "/api/spaces/space").await;
    assert_eq!(pluck(&spaces, "id"), vec![&json!("space1")]);
    let spaces = d.w.get_ok("nobody", "/api/spaces/space").await;
    assert_eq!(spaces, json!([]));
}

#[tokio::test]
async fn capabilities_say_what_each_persona_may_do() {
    let w = World::new().await;
    let caps = |v: &Value, owner: &str| -> BTreeSet<String> {
        v["cases"][owner]
            .as_object()
            .expect("owner caps")
            .iter()
            .filter(|(_, on)| on.as_bool() == Some(true))
            .map(|(k, _)| k.clone())
            .collect()
    };
    let all_cases = set([
        "create_cases",
        "read_cases",
        "update_cases",
        "delete_cases",
        "push_cases",
        "cases_settings",
        "create_comment",
        "case_reopen",
        "cases_assign",
        "cases_connectors",
    ]);
    let c = w.get_ok("elastic", "/internal/casebook/capabilities").await;
    assert_eq!(c["superuser"], true);
    assert_eq!(
        (&c["connectors_read"], &c["connectors_all"]),
        (&json!(true), &json!(true))
    );
    for o in [SEC, OBS, GEN] {
        assert_eq!(caps(&c, o), all_cases, "elastic {o}");
    }

    let c = w
        .get_ok("sec_pusher", "/internal/casebook/capabilities")
        .await;
    assert_eq!(caps(&c, SEC), all_cases);
    assert_eq!(caps(&c, OBS), set(["cases_connectors"]));
    assert_eq!(
        (&c["superuser"], &c["connectors_all"]),
        (&json!(false), &json!(false))
    );

    // Without actions there is no pushing.
    let c = w.get_ok("sec_all", "/internal/casebook/capabilities").await;
    let mut no_actions = all_cases.clone();
    no_actions.remove("push_cases");
    no_actions.remove("cases_connectors");
    assert_eq!(caps(&c, SEC), no_actions);
    assert_eq!(c["connectors_read"], false);

    for (who, extra) in [
        ("sub_delete", "delete_cases"),
        ("sub_settings", "cases_settings"),
        ("sub_comment", "create_comment"),
        ("sub_reopen", "case_reopen"),
        ("sub_assign", "cases_assign"),
    ] {
        let c = w.get_ok(who, "/internal/casebook/capabilities").await;
        assert_eq!(caps(&c, SEC), set(["read_cases", extra]), "{who}");
        assert_eq!(caps(&c, OBS), set([]), "{who}");
    }
    let c = w
        .get_ok("minimal_all", "/internal/casebook/capabilities")
        .await;
    assert_eq!(
        caps(&c, SEC),
        set(["create_cases", "read_cases", "update_cases"]),
        "push needs actions read too"
    );

    // The key reads generalCases only, though its creator is a superuser.
    let c = w
        .get_ok("key_gen_read", "/internal/casebook/capabilities")
        .await;
    assert_eq!(c["superuser"], false);
    assert_eq!(caps(&c, GEN), set(["read_cases"]));
    assert_eq!(caps(&c, SEC), set([]));

    // Space grants show in their space only.
    let c = w
        .get_ok("sec_space1", "/internal/casebook/capabilities")
        .await;
    assert_eq!(caps(&c, SEC), set([]));
    let c = w
        .get_ok("sec_space1", "/s/space1/internal/casebook/capabilities")
        .await;
    assert_eq!(caps(&c, SEC), no_actions);
    let c = w.get_ok("nobody", "/internal/casebook/capabilities").await;
    for o in [SEC, OBS, GEN] {
        assert_eq!(caps(&c, o), set([]));
    }
}

async fn suggest(
    w: &World,
    who: &str,
    space: &str,
    name: &str,
    owners: &[&str],
) -> BTreeSet<String> {
    let (st, body) = w
        .call(
            who,
            "POST",
            &authz_common::in_space(space, "/internal/cases/_suggest_user_profiles"),
            Some(&json!({"name": name, "owners": owners, "size": 10})),
        )
        .await;
    assert_eq!(st, 200, "{body}");
    body.as_array()
        .expect("profiles")
        .iter()
        .map(|p| s(&p["user"]["username"]).to_string())
        .collect()
}

#[tokio::test]
async fn only_users_who_may_update_the_owners_cases_are_suggested() {
    let w = World::new().await;
    // Custom roles count: these personas all hold them.
    assert_eq!(
        suggest(&w, "elastic", "", "", &[SEC]).await,
        set(["elastic", "sec_all", "sec_pusher", "minimal_all"])
    );
    assert_eq!(
        suggest(&w, "sec_read", "", "", &[OBS]).await,
        set(["elastic", "obs_all"])
    );
    assert_eq!(
        suggest(&w, "elastic", "", "", &[SEC, OBS]).await,
        set(["elastic"])
    );
    // Grants are per space.
    assert_eq!(
        suggest(&w, "elastic", "space1", "", &[SEC]).await,
        set([
            "elastic",
            "sec_all",
            "sec_pusher",
            "minimal_all",
            "sec_space1"
        ])
    );
    assert_eq!(
        suggest(&w, "elastic", "", "sec", &[SEC]).await,
        set(["sec_all", "sec_pusher"])
    );
    // Disabled users are not offered.
    let (st, _) = w
        .call(
            "elastic",
            "DELETE",
            "/internal/security/users/sec_all",
            None,
        )
        .await;
    assert_eq!(st, 204);
    assert_eq!(
        suggest(&w, "elastic", "", "", &[SEC]).await,
        set(["elastic", "sec_pusher", "minimal_all"])
    );
    // Someone with nothing in the space cannot ask.
    let (st, body) = w
        .call(
            "nobody",
            "POST",
            "/internal/cases/_suggest_user_profiles",
            Some(&json!({"name": "", "owners": [SEC]})),
        )
        .await;
    common::assert_error(st, &body, 403, "Unauthorized to access space [default]");
}
