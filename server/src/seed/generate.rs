//! Generates one demo case at a time: the case, its attachments (user comments and alerts) and
//! its user actions, with consistent times (created < in progress < closed ≤ now), totals and
//! close durations. Everything comes from one seeded RNG, so the output is reproducible; the
//! user-action payloads are built by the service's own builders, so they have the API's shapes.

use super::vars::Vars;
use super::vocab::*;
use crate::service::authz::Principal;
use crate::service::{Ctx, Service};
use base64::Engine;
use casebook_api::case::{Assignee, Settings};
use casebook_api::comment::{AlertRule, Attachment, AttachmentPayload, OneOrMany};
use casebook_api::connector::CaseConnector;
use casebook_api::user_action::{UserAction, UserActionAction as A, UserActionType as T};
use casebook_api::{Case, Owner, Severity, Status, User};
use chrono::{DateTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
/// How far back the seeded history reaches.
pub const HISTORY: i64 = 730 * DAY;

/// One generated case with everything that belongs to it.
pub struct SeedCase {
    /// The case (totals agree with `attachments`).
    pub case: Case,
    /// Its attachments, oldest first.
    pub attachments: Vec<Attachment>,
    /// Its user actions, oldest first.
    pub actions: Vec<UserAction>,
}

/// A deterministic stream of demo cases spread evenly over [`HISTORY`] up to `now`.
pub struct Generator {
    rng: StdRng,
    service: Service,
    people: Vec<Ctx>,
    now: i64,
    n: usize,
    i: usize,
    version: u64,
}

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

impl Generator {
    /// A generator of `n` cases for `people` (who must have profile uids), ending at `now`.
    pub fn new(
        seed: u64,
        service: Service,
        space: &str,
        people: Vec<User>,
        now: i64,
        n: usize,
    ) -> Self {
        let people = people
            .into_iter()
            .map(|user| Ctx {
                principal: Principal::new(user, vec!["superuser".into()]),
                space: space.to_string(),
            })
            .collect();
        Self {
            rng: StdRng::seed_from_u64(seed),
            service,
            people,
            now,
            n: n.max(1),
            i: 0,
            version: seed % 1_000_000 * 1_000_000,
        }
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.rng.random_range(0..list.len())]
    }

    /// Index into a list with a Zipf-like skew (rank r has weight 1/(r+1)).
    fn skewed(&mut self, len: usize) -> usize {
        let total: f64 = (1..=len).map(|r| 1.0 / r as f64).sum();
        let mut x = self.rng.random::<f64>() * total;
        for r in 0..len {
            x -= 1.0 / (r + 1) as f64;
            if x <= 0.0 {
                return r;
            }
        }
        len - 1
    }

    /// A UUIDv7 for an object created at `t`: valid UUIDs like Kibana's, and time-ordered, so
    /// a chronological load appends to the id indexes instead of writing all over them.
    fn id_at(&mut self, t: i64) -> String {
        let rand: [u8; 10] = self.rng.random();
        uuid::Builder::from_unix_timestamp_millis(t.max(0) as u64, &rand)
            .into_uuid()
            .to_string()
    }

    fn next_version(&mut self) -> String {
        self.version += 1;
        base64::engine::general_purpose::STANDARD.encode(format!("[{},1]", self.version))
    }

    fn person(&mut self) -> Ctx {
        self.people[self.rng.random_range(0..self.people.len())].clone()
    }

    /// A random time in `[from, to)` (or `from` when the range is empty).
    fn between(&mut self, from: i64, to: i64) -> i64 {
        if to <= from {
            from
        } else {
            self.rng.random_range(from..to)
        }
    }

    /// The next case.
    pub fn next_case(&mut self) -> SeedCase {
        let slot = HISTORY / self.n as i64;
        let created = self.now - HISTORY + self.i as i64 * slot + self.between(0, slot.max(1));
        let created = created.min(self.now - MINUTE);
        self.i += 1;
        let o = match self.rng.random_range(0..10) {
            0..=4 => 0,
            5..=7 => 1,
            _ => 2,
        };
        let owner = Owner::ALL[o];
        let reporter = self.person();
        let vars = Vars::random(&mut self.rng);
        let title = vars.fill(self.pick(TITLES[o]));
        let description = format!("{title}.\n\n{}", vars.fill(self.pick(DESCRIPTIONS[o])));
        let mut tags = Vec::new();
        for _ in 0..self.rng.random_range(1..=4) {
            let t = TAGS[o][self.skewed(TAGS[o].len())].to_string();
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        let category =
            (self.rng.random_range(0..4) > 0).then(|| self.pick(CATEGORIES[o]).to_string());
        let severity = Severity::ALL[[0, 0, 0, 0, 1, 1, 1, 2, 2, 3][self.rng.random_range(0..10)]];
        let mut assignees: Vec<Assignee> = Vec::new();
        for _ in 0..[0, 1, 1, 1, 2, 3][self.rng.random_range(0..6)] {
            let uid = self.person().principal.user.profile_uid.unwrap_or_default();
            if !assignees.iter().any(|a| a.uid == uid) {
                assignees.push(Assignee { uid });
            }
        }
        let age = self.now - created;
        let roll = self.rng.random_range(0..100);
        let status = match age {
            a if a > 30 * DAY => [
                (85, Status::Closed),
                (95, Status::InProgress),
                (100, Status::Open),
            ],
            a if a > 3 * DAY => [
                (50, Status::Closed),
                (80, Status::InProgress),
                (100, Status::Open),
            ],
            _ => [
                (15, Status::Closed),
                (50, Status::InProgress),
                (100, Status::Open),
            ],
        }
        .into_iter()
        .find(|(p, _)| roll < *p)
        .map(|(_, s)| s)
        .unwrap_or(Status::Open);
        let horizon = (self.now - MINUTE).min(created + 30 * DAY);
        let acknowledged = status == Status::InProgress
            || (status == Status::Closed && self.rng.random_range(0..10) < 7);
        let in_progress_at = acknowledged.then(|| {
            let t = created + self.between(5 * MINUTE, 2 * DAY);
            t.min(created + (horizon - created) / 3)
        });
        let closed_at = (status == Status::Closed).then(|| {
            let from = in_progress_at.unwrap_or(created);
            (from + self.between(30 * MINUTE, 20 * DAY))
                .min(horizon)
                .max(from)
        });
        let end = closed_at.unwrap_or(horizon);
        let mut case = Case {
            id: self.id_at(created),
            version: String::new(),
            owner,
            title,
            description,
            tags,
            severity,
            status: Status::Open,
            assignees,
            category,
            custom_fields: vec![],
            settings: Settings {
                sync_alerts: owner == Owner::SecuritySolution,
                extract_observables: None,
            },
            connector: CaseConnector::none(),
            external_service: None,
            created_at: at(created),
            created_by: reporter.user(),
            updated_at: None,
            updated_by: None,
            closed_at: None,
            closed_by: None,
            duration: None,
            in_progress_at: None,
            time_to_acknowledge: None,
            time_to_investigate: None,
            time_to_resolve: None,
            incremental_id: None,
            total_comment: 0,
            total_alerts: 0,
            total_events: 0,
            observables: vec![],
            comments: None,
        };
        let mut actions = vec![self.service.create_case_action(&reporter, &case)];
        let alerts_until = in_progress_at.unwrap_or(end);
        let attachments = self.attachments(o, &case, &vars, created, alerts_until, end);
        for a in &attachments {
            let ctx = self.ctx_of(&a.created_by);
            actions.push(self.service.comment_action(&ctx, a, A::Create));
        }
        case.total_comment = attachments
            .iter()
            .filter(|a| matches!(a.payload, AttachmentPayload::User { .. }))
            .count() as i64;
        case.total_alerts = attachments
            .iter()
            .map(|a| a.payload.alert_ids().len() as i64)
            .sum();
        let secs = |from: i64, to: i64| (to - from) / 1000;
        if let Some(t) = in_progress_at {
            let who = self.person();
            case.in_progress_at = Some(at(t));
            case.time_to_acknowledge = Some(secs(created, t));
            actions.push(self.status_action(&who, owner, Status::InProgress, t));
        }
        if let Some(t) = closed_at {
            let who = self.person();
            case.closed_at = Some(at(t));
            case.closed_by = Some(who.user());
            case.duration = Some(secs(created, t));
            case.time_to_resolve = Some(secs(created, t));
            case.time_to_acknowledge =
                Some(in_progress_at.map_or(secs(created, t), |p| secs(created, p)));
            case.time_to_investigate = Some(in_progress_at.map_or(0, |p| secs(p, t)));
            actions.push(self.status_action(&who, owner, Status::Closed, t));
        }
        case.status = status;
        actions.sort_by_key(|a| a.created_at);
        for a in actions.iter_mut() {
            a.id = self.id_at(a.created_at.timestamp_millis());
            a.version = self.next_version();
        }
        if let Some(last) = actions.last().filter(|a| a.created_at > case.created_at) {
            case.updated_at = Some(last.created_at);
            case.updated_by = Some(last.created_by.clone());
        }
        case.version = self.next_version();
        SeedCase {
            case,
            attachments,
            actions,
        }
    }

    fn ctx_of(&self, user: &User) -> Ctx {
        self.people
            .iter()
            .find(|c| c.principal.user.username == user.username)
            .cloned()
            .expect("attachments are written by seeded people")
    }

    fn status_action(&self, ctx: &Ctx, owner: Owner, s: Status, t: i64) -> UserAction {
        self.service.user_action(
            ctx,
            owner,
            T::Status,
            A::Update,
            json!({ "status": s }),
            at(t),
        )
    }

    /// User comments (0–4) until `end`, and for security/observability cases alert attachments
    /// (each 1–4 alerts of one rule) before `alerts_until`.
    fn attachments(
        &mut self,
        o: usize,
        case: &Case,
        vars: &Vars,
        created: i64,
        alerts_until: i64,
        end: i64,
    ) -> Vec<Attachment> {
        let mut out = Vec::new();
        let alert_groups = match o {
            0 => [0, 0, 1, 1, 1, 2, 2, 3][self.rng.random_range(0..8)],
            1 => [0, 0, 0, 1, 1, 2][self.rng.random_range(0..6)],
            _ => 0,
        };
        for _ in 0..alert_groups {
            let r = self.rng.random_range(0..RULES[o].len());
            let ids: Vec<String> = (0..self.rng.random_range(1..=4))
                .map(|_| {
                    let b: [u8; 32] = self.rng.random();
                    b.iter().map(|x| format!("{x:02x}")).collect()
                })
                .collect();
            let index = vec![ALERT_INDEX[o].to_string(); ids.len()];
            let payload = AttachmentPayload::Alert {
                alert_id: if ids.len() == 1 {
                    OneOrMany::One(ids[0].clone())
                } else {
                    OneOrMany::Many(ids)
                },
                index: if index.len() == 1 {
                    OneOrMany::One(index[0].clone())
                } else {
                    OneOrMany::Many(index)
                },
                rule: AlertRule {
                    id: Some(format!("0000000{o}-5eed-4000-8000-{r:012x}")),
                    name: Some(RULES[o][r].to_string()),
                },
            };
            let t = self.between(created, created + (alerts_until - created).min(HOUR));
            out.push(self.attachment(case, payload, t));
        }
        for _ in 0..[0, 0, 0, 1, 1, 1, 2, 2, 3, 4][self.rng.random_range(0..10)] {
            let comment = vars.fill(self.pick(COMMENTS));
            let t = self.between(created, end);
            out.push(self.attachment(case, AttachmentPayload::User { comment }, t));
        }
        out.sort_by_key(|a| a.created_at);
        out
    }

    fn attachment(&mut self, case: &Case, payload: AttachmentPayload, t: i64) -> Attachment {
        Attachment {
            id: self.id_at(t),
            version: self.next_version(),
            owner: case.owner,
            payload,
            created_at: at(t),
            created_by: self.person().user(),
            pushed_at: None,
            pushed_by: None,
            updated_at: None,
            updated_by: None,
        }
    }
}
