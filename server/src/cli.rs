//! The `casebook` command line: `serve`, `users add`, `seed` and `bench`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Casebook: case management that speaks the Kibana Cases API.
#[derive(Parser, Debug)]
#[command(name = "casebook", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the data lives.
#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// Database URL or SQLite file path (`sqlite://data/casebook.db`, `./data/casebook.db`).
    #[arg(
        long,
        env = "CASEBOOK_DATABASE_URL",
        default_value = "./data/casebook.db"
    )]
    pub database: String,
}

impl DbArgs {
    /// The SQLite file the URL names.
    pub fn sqlite_path(&self) -> Result<PathBuf, String> {
        let d = self.database.trim();
        if d.starts_with("postgres://") || d.starts_with("postgresql://") {
            return Err(
                "PostgreSQL is not supported yet: use a SQLite path or sqlite:// URL".into(),
            );
        }
        let p = d
            .strip_prefix("sqlite://")
            .or_else(|| d.strip_prefix("sqlite:"))
            .unwrap_or(d);
        Ok(PathBuf::from(p))
    }
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the API and the SPA.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "CASEBOOK_BIND", default_value = "127.0.0.1:5601")]
        bind: String,
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// The SPA's built files.
        #[arg(long, env = "CASEBOOK_DIST", default_value = "./dist")]
        dist: PathBuf,
        /// Hosts connectors may call: `*` or a comma-separated list (like Kibana's
        /// `xpack.actions.allowedHosts`).
        #[arg(long, env = "CASEBOOK_ALLOWED_HOSTS", default_value = "*")]
        allowed_hosts: String,
        /// Seconds before a call to an external system gives up.
        #[arg(long, env = "CASEBOOK_CONNECTOR_TIMEOUT", default_value_t = 30)]
        connector_timeout: u64,
    },
    /// Manage users.
    Users {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// What to do with users.
        #[command(subcommand)]
        action: UsersCommand,
    },
    /// Fill a space with realistic demo data.
    Seed {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// How many cases.
        #[arg(long, default_value_t = 1000)]
        cases: usize,
        /// Space to fill (created if missing).
        #[arg(long, default_value = "default")]
        space: String,
    },
    /// Seed a database and measure the API over loopback.
    Bench(crate::bench::BenchArgs),
}

/// `casebook users …`.
#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// Add a user (or replace one with the same name).
    Add {
        /// Login name.
        name: String,
        /// Password.
        #[arg(long)]
        password: String,
        /// Display name.
        #[arg(long)]
        full_name: Option<String>,
        /// E-mail.
        #[arg(long)]
        email: Option<String>,
        /// Role (repeatable).
        #[arg(long = "role", default_value = "superuser")]
        roles: Vec<String>,
    },
    /// List users.
    List,
}
