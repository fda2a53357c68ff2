//! `casebook bench`: seeds (or reuses) a database, starts the server in-process on
//! `127.0.0.1:0`, and drives it over loopback with concurrent keep-alive clients, printing
//! p50/p90/p99 latency and throughput per scenario (see [`scenarios::Scenario`]).
//!
//! Rules: every scenario is bounded by `--duration` and `--requests` and stops by itself; the
//! bench creates its own superuser (Basic auth; the server caches verified credentials, so
//! argon2 runs about once a minute, not per request); only loopback is dialled.

mod client;
mod scenarios;

use crate::auth::hash_password;
use crate::bootstrap::open_sqlite;
use crate::service::Service;
use crate::store::sqlite::{SqliteStore, bulk};
use crate::store::{Store, UserRecord};
use crate::{AppState, app};
use base64::Engine;
use client::Budget;
use hyper::header::HeaderValue;
use scenarios::{Fixtures, Scenario};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Bench options.
#[derive(clap::Args, Debug, Clone)]
pub struct BenchArgs {
    /// How many cases the space must hold (seeded when the database has fewer).
    #[arg(long, default_value_t = 100_000)]
    pub cases: usize,
    /// SQLite file to use; reused when it already has enough cases in the space
    /// (default: `<temp dir>/casebook-bench-<cases>.db`).
    #[arg(long)]
    pub database: Option<PathBuf>,
    /// Space to seed and query.
    #[arg(long, default_value = "default")]
    pub space: String,
    /// Concurrent connections per scenario.
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
    /// Measured seconds per scenario (at most).
    #[arg(long, default_value_t = 10.0)]
    pub duration: f64,
    /// Measured requests per scenario (at most).
    #[arg(long, default_value_t = 100_000)]
    pub requests: usize,
    /// Unmeasured warm-up seconds before each scenario.
    #[arg(long, default_value_t = 1.0)]
    pub warmup: f64,
    /// Only these scenarios (comma-separated: find, find-filtered, find-search, get, create,
    /// comment).
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
}

const BENCH_USER: &str = "casebook-bench";

/// Runs the bench and prints the table.
pub async fn run(args: BenchArgs) -> Result<(), String> {
    let path = args
        .database
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("casebook-bench-{}.db", args.cases)));
    let store = open_sqlite(&path)?;
    let have = count(&store, &args.space).await?;
    if have < args.cases as i64 {
        let missing = args.cases - have as usize;
        println!("Seeding {missing} cases into {} …", path.display());
        let report = crate::seed::seed_with_progress(&store, &args.space, missing, true).await?;
        println!("{report}");
    } else {
        println!(
            "Reusing {} ({have} cases in space `{}`)",
            path.display(),
            args.space
        );
    }
    let password = format!("{:032x}", rand::random::<u128>());
    store
        .put_user(UserRecord {
            username: BENCH_USER.into(),
            profile_uid: "u_casebook_bench".into(),
            password_hash: hash_password(&password),
            full_name: Some("Casebook Bench".into()),
            email: None,
            roles: vec!["superuser".into()],
            enabled: true,
        })
        .await
        .map_err(|e| e.to_string())?;
    let auth = HeaderValue::from_str(&format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{BENCH_USER}:{password}"))
    ))
    .map_err(|e| e.to_string())?;
    let sample = {
        let (s, sp) = (store.clone(), args.space.clone());
        tokio::task::spawn_blocking(move || {
            s.with_bulk_connection(|c| bulk::sample_cases(c, &sp, 2_000))
        })
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?
    };
    if sample.is_empty() {
        return Err("the space has no cases to read".into());
    }
    let state = AppState::new(
        Service::new(store.clone()),
        std::env::temp_dir().join("casebook-bench-no-ui"),
    )
    .await
    .map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app(state))
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    let fixtures = Arc::new(Fixtures {
        prefix: if args.space == "default" {
            String::new()
        } else {
            format!("/s/{}", args.space)
        },
        cases: sample,
        workers: args.concurrency.max(1),
    });
    let budget = Budget {
        concurrency: args.concurrency.max(1),
        warmup: Duration::from_secs_f64(args.warmup.max(0.0)),
        duration: Duration::from_secs_f64(args.duration.max(0.1)),
        requests: args.requests.max(1),
    };
    print_header(&args, &path, have.max(args.cases as i64));
    let mut result = Ok(());
    for s in Scenario::ALL {
        if !args.only.is_empty() && !args.only.iter().any(|o| o == s.name()) {
            continue;
        }
        let f = fixtures.clone();
        match client::run(addr, auth.clone(), budget, move |w, n| f.call(s, w, n)).await {
            Ok(o) => {
                println!(
                    "| {:<44} | {:>8} | {:>6} | {:>8.0} | {:>7.2} | {:>7.2} | {:>7.2} | {:>7.1} |",
                    s.describe(),
                    o.latencies_us.len(),
                    o.errors,
                    o.throughput(),
                    o.quantile_ms(0.5),
                    o.quantile_ms(0.9),
                    o.quantile_ms(0.99),
                    o.quantile_ms(1.0),
                );
                if let Some(e) = o.first_error {
                    eprintln!("  first error ({}): {e}", s.name());
                }
            }
            Err(e) => {
                result = Err(format!("{}: {e}", s.name()));
                break;
            }
        }
        if s.writes() {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    let _ = stop.send(());
    let _ = server.await;
    result
}

async fn count(store: &Arc<SqliteStore>, space: &str) -> Result<i64, String> {
    let (s, sp) = (store.clone(), space.to_string());
    tokio::task::spawn_blocking(move || s.with_bulk_connection(|c| bulk::case_count(c, &sp)))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())
}

fn print_header(args: &BenchArgs, path: &std::path::Path, cases: i64) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let size = std::fs::metadata(path).map_or(0, |m| m.len()) / (1 << 20);
    println!();
    println!(
        "casebook bench: {cases} cases in space `{}`, database {} ({size} MiB), {cores} cores, \
         concurrency {}, {:.0} s or {} requests per scenario after {:.0} s warm-up",
        args.space,
        path.display(),
        args.concurrency,
        args.duration,
        args.requests,
        args.warmup
    );
    println!();
    println!(
        "| {:<44} | {:>8} | {:>6} | {:>8} | {:>7} | {:>7} | {:>7} | {:>7} |",
        "scenario", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms"
    );
    println!(
        "|{}|{}|{}|{}|{}|{}|{}|{}|",
        "-".repeat(46),
        "-".repeat(10),
        "-".repeat(8),
        "-".repeat(10),
        "-".repeat(9),
        "-".repeat(9),
        "-".repeat(9),
        "-".repeat(9)
    );
}
