//! `casebook seed`: fills a space with realistic demo data in all three owners — cases with
//! markdown descriptions, tags, categories, severities, assignees and every status (closed ones
//! with consistent `closed_at`/`closed_by`/`duration`), user comments, alerts, and the user
//! actions the API would have recorded for them.
//!
//! Rules:
//! - The space is created if missing; the people in [`vocab::PEOPLE`] are created as
//!   superusers with the password [`SEED_PASSWORD`] if missing (existing users are reused).
//! - Rows are written through the store's own row writers ([`bulk`]) on one connection in
//!   large transactions, with generation on a second thread, so a million cases take minutes.
//! - Output is deterministic for a given database state: the RNG seed is derived from a fixed
//!   constant, the space and the number of cases already in it (so seeding twice appends new
//!   cases instead of colliding). Times are relative to the current hour.

mod generate;
#[cfg(test)]
mod tests;
mod vars;
mod vocab;

use crate::service::Service;
use crate::store::sqlite::{SqliteStore, bulk};
use crate::store::{Store, StoreError, UserRecord};
use casebook_api::User;
use casebook_api::space::{Space, validate_space_id};
use generate::{Generator, SeedCase};
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Password of the demo users `casebook seed` creates.
pub const SEED_PASSWORD: &str = "casebook-demo";
/// The fixed part of the RNG seed.
const SEED: u64 = 0x5eed_ca5e_b00c;
/// Cases per transaction.
const BATCH: usize = 25_000;

/// What a seed run wrote.
#[derive(Clone, Debug, Default)]
pub struct SeedReport {
    /// Space filled.
    pub space: String,
    /// Whether the space was created.
    pub space_created: bool,
    /// Users created (login names).
    pub users_created: Vec<String>,
    /// Cases written.
    pub cases: usize,
    /// Cases per owner, in [`casebook_api::Owner::ALL`] order.
    pub per_owner: [usize; 3],
    /// Closed cases written.
    pub closed: usize,
    /// User comments written.
    pub comments: usize,
    /// Alert attachments written.
    pub alert_attachments: usize,
    /// Alert ids attached.
    pub alerts: usize,
    /// User actions written.
    pub user_actions: usize,
    /// Wall time.
    pub elapsed: Duration,
}

impl fmt::Display for SeedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64();
        writeln!(
            f,
            "Seeded space `{}`{}: {} cases (securitySolution {}, observability {}, cases {}; {} closed)",
            self.space,
            if self.space_created { " (created)" } else { "" },
            self.cases,
            self.per_owner[0],
            self.per_owner[1],
            self.per_owner[2],
            self.closed
        )?;
        writeln!(
            f,
            "  {} user comments, {} alert attachments ({} alerts), {} user actions",
            self.comments, self.alert_attachments, self.alerts, self.user_actions
        )?;
        if !self.users_created.is_empty() {
            writeln!(
                f,
                "  users created (superuser, password `{SEED_PASSWORD}`): {}",
                self.users_created.join(", ")
            )?;
        }
        write!(
            f,
            "  in {secs:.1} s ({:.0} cases/s)",
            self.cases as f64 / secs.max(1e-9)
        )
    }
}

/// Seeds `n` cases into `space` and describes what was written.
pub async fn seed(store: &SqliteStore, space: &str, n: usize) -> Result<String, String> {
    Ok(seed_with_progress(store, space, n, true).await?.to_string())
}

/// Seeds `n` cases into `space`; with `progress`, prints a line per transaction to stderr.
pub async fn seed_with_progress(
    store: &SqliteStore,
    space: &str,
    n: usize,
    progress: bool,
) -> Result<SeedReport, String> {
    let started = Instant::now();
    let err = |e: StoreError| e.to_string();
    let mut report = SeedReport {
        space: space.to_string(),
        ..SeedReport::default()
    };
    report.space_created = ensure_space(store, space).await.map_err(err)?;
    let (people, created) = ensure_people(store).await.map_err(err)?;
    report.users_created = created;
    let existing = {
        let (s, sp) = (store.clone(), space.to_string());
        tokio::task::spawn_blocking(move || s.with_bulk_connection(|c| bulk::case_count(c, &sp)))
            .await
            .map_err(|e| e.to_string())?
            .map_err(err)?
    };
    let seed = SEED ^ fnv(space) ^ (existing as u64).rotate_left(32);
    let now = chrono::Utc::now().timestamp_millis() / 3_600_000 * 3_600_000;
    let service = Service::new(Arc::new(store.clone()));
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<SeedCase>>(4);
    let sp = space.to_string();
    let generator = std::thread::spawn(move || {
        let mut g = Generator::new(seed, service, &sp, people, now, n);
        let mut left = n;
        while left > 0 {
            let k = left.min(BATCH);
            let batch: Vec<SeedCase> = (0..k).map(|_| g.next_case()).collect();
            if tx.send(batch).is_err() {
                return;
            }
            left -= k;
        }
    });
    let (s, sp) = (store.clone(), space.to_string());
    let written = tokio::task::spawn_blocking(move || {
        s.with_bulk_connection(|conn| write_all(conn, &sp, n, rx, progress, started, report))
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(err);
    let _ = generator.join();
    let mut report = written?;
    report.elapsed = started.elapsed();
    Ok(report)
}

fn write_all(
    conn: &mut rusqlite::Connection,
    space: &str,
    n: usize,
    rx: std::sync::mpsc::Receiver<Vec<SeedCase>>,
    progress: bool,
    started: Instant,
    mut report: SeedReport,
) -> Result<SeedReport, StoreError> {
    for batch in rx {
        let tx = conn.transaction()?;
        let first = bulk::reserve_incremental_ids(&tx, space, batch.len() as i64)?;
        for (incremental_id, sc) in (first..).zip(&batch) {
            let rowid = bulk::insert_case(&tx, space, &sc.case, incremental_id)?;
            for a in &sc.attachments {
                bulk::insert_attachment(&tx, rowid, a)?;
                match a.payload.alert_ids().len() {
                    0 => report.comments += 1,
                    k => {
                        report.alert_attachments += 1;
                        report.alerts += k;
                    }
                }
            }
            for ua in &sc.actions {
                bulk::insert_user_action(&tx, rowid, ua)?;
            }
            report.user_actions += sc.actions.len();
            report.per_owner[sc.case.owner as usize] += 1;
            report.closed += usize::from(sc.case.closed_at.is_some());
        }
        tx.commit()?;
        report.cases += batch.len();
        if progress {
            let secs = started.elapsed().as_secs_f64();
            eprintln!(
                "  {}/{n} cases ({:.0}/s)",
                report.cases,
                report.cases as f64 / secs.max(1e-9)
            );
        }
    }
    Ok(report)
}

/// Creates the space if missing; returns whether it did.
async fn ensure_space(store: &SqliteStore, id: &str) -> Result<bool, StoreError> {
    validate_space_id(id).map_err(StoreError::Database)?;
    if store.spaces().await?.iter().any(|s| s.id == id) {
        return Ok(false);
    }
    let mut name: String = id.replace(['-', '_'], " ");
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    store
        .create_space(Space {
            id: id.to_string(),
            name,
            description: Some("Demo data from `casebook seed`".into()),
            color: None,
            initials: None,
            disabled_features: vec![],
            reserved: None,
        })
        .await?;
    Ok(true)
}

/// The demo people as case users (with profile uids), creating the missing ones.
async fn ensure_people(store: &SqliteStore) -> Result<(Vec<User>, Vec<String>), StoreError> {
    let mut users = Vec::new();
    let mut created = Vec::new();
    let mut hash: Option<String> = None;
    for (login, full) in vocab::PEOPLE {
        if let Some(u) = store.user(login).await? {
            users.push(u.as_user());
            continue;
        }
        // One argon2 hash serves every demo user: they share the documented password.
        let h = match &hash {
            Some(h) => h.clone(),
            None => {
                let h = tokio::task::spawn_blocking(|| crate::auth::hash_password(SEED_PASSWORD))
                    .await
                    .map_err(|e| StoreError::Database(e.to_string()))?;
                hash = Some(h.clone());
                h
            }
        };
        let digest = Sha256::digest(login.as_bytes());
        let u = UserRecord {
            username: login.to_string(),
            profile_uid: format!("u_{}", hex(&digest[..16])),
            password_hash: h,
            full_name: Some(full.to_string()),
            email: Some(format!("{login}@example.com")),
            roles: vec!["superuser".into()],
            enabled: true,
        };
        users.push(u.as_user());
        store.put_user(u).await?;
        created.push(login.to_string());
    }
    Ok((users, created))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// FNV-1a, to fold the space name into the seed.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
