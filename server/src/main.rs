//! The `casebook` binary: parses the command line and runs the command.

use casebook_server::bootstrap::{ELASTIC_PASSWORD_ENV, ensure_superuser, new_user, open_sqlite};
use casebook_server::cli::{Cli, Command, UsersCommand};
use casebook_server::connectors::crypto::{KEY_ENV, SecretBox};
use casebook_server::connectors::http::{AllowedHosts, Http};
use casebook_server::service::{ConnectorEnv, Service};
use casebook_server::store::Store;
use casebook_server::{AppState, app, bench, seed};
use clap::Parser;
use std::process::ExitCode;
use std::time::Duration;

/// mimalloc rather than glibc's malloc: see the note beside it in Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CASEBOOK_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .init();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve {
            bind,
            db,
            dist,
            allowed_hosts,
            connector_timeout,
        } => {
            let path = db.sqlite_path()?;
            let store = open_sqlite(&path)?;
            ensure_superuser(store.as_ref(), std::env::var(ELASTIC_PASSWORD_ENV).ok()).await?;
            let env = ConnectorEnv {
                http: Http::new(
                    Duration::from_secs(connector_timeout),
                    AllowedHosts::parse(&allowed_hosts),
                ),
                secrets: SecretBox::load(std::env::var(KEY_ENV).ok(), &path.with_extension("key"))?,
            };
            let service = Service::new(store).with_connector_env(env);
            let state = AppState::new(service, dist.clone())
                .await
                .map_err(|e| e.to_string())?;
            let listener = tokio::net::TcpListener::bind(&bind)
                .await
                .map_err(|e| format!("cannot listen on {bind}: {e}"))?;
            let addr = listener.local_addr().map_err(|e| e.to_string())?;
            if !dist.join("index.html").exists() {
                tracing::warn!(
                    "{} has no index.html: the UI is not built (run `make ui`)",
                    dist.display()
                );
            }
            println!(
                "Casebook is running at http://{addr}/app/security/cases (database {})",
                path.display()
            );
            println!("Sign in as `elastic` with the password in {ELASTIC_PASSWORD_ENV}.");
            axum::serve(
                listener,
                app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| e.to_string())
        }
        Command::Users { db, action } => {
            let store = open_sqlite(&db.sqlite_path()?)?;
            match action {
                UsersCommand::Add {
                    name,
                    password,
                    full_name,
                    email,
                    roles,
                } => {
                    let mut user = new_user(&name, &password, full_name, email, roles);
                    if let Some(old) = store.user(&name).await.map_err(|e| e.to_string())? {
                        user.profile_uid = old.profile_uid;
                    }
                    store.put_user(user).await.map_err(|e| e.to_string())?;
                    println!("user {name} saved");
                }
                UsersCommand::List => {
                    for u in store.users().await.map_err(|e| e.to_string())? {
                        println!(
                            "{}\t{}\t{}",
                            u.username,
                            u.full_name.unwrap_or_default(),
                            u.roles.join(",")
                        );
                    }
                }
            }
            Ok(())
        }
        Command::Seed { db, cases, space } => {
            let store = open_sqlite(&db.sqlite_path()?)?;
            let report = seed::seed(&store, &space, cases).await?;
            println!("{report}");
            Ok(())
        }
        Command::Bench(args) => bench::run(args).await,
    }
}
