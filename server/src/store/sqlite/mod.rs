//! The SQLite store: one file, WAL mode, migrations applied at open. Reads run on a small pool
//! of read-only connections; every write goes to one writer thread that groups concurrent
//! jobs into a single durable commit ([`writer`]). This keeps creates durable and fast at once.

mod attachments;
pub mod bulk;
mod case_json;
mod cases;
mod connectors;
mod find;
mod imp;
mod memo;
mod misc;
mod schema;
mod schema_search;
mod security;
mod user_actions;
mod writer;

use super::{StoreError, StoreResult};
use memo::Memo;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use tokio::sync::{Semaphore, oneshot};

struct Readers {
    conns: Mutex<Vec<Connection>>,
    available: Semaphore,
}

/// A SQLite-backed [`super::Store`].
#[derive(Clone)]
pub struct SqliteStore {
    readers: Arc<Readers>,
    writer: mpsc::Sender<writer::WriteReq>,
    path: PathBuf,
    /// Costly search answers, kept until a commit changes what they read.
    memo: Arc<Memo>,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(e.to_string())
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Database(format!("stored JSON: {e}"))
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 128 MiB of page cache per connection, and up to 16 GiB mapped (a million cases is ~10 GB;
    // .cargo/config.toml raises SQLite's compiled 2 GiB cap): mapped pages are shared by every
    // reader through the OS page cache, where a page miss would cost a pread each.
    conn.pragma_update(None, "cache_size", -131_072)?;
    conn.pragma_update(None, "mmap_size", 1_i64 << 34)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Query planner stability: without it, SQLite (built with STAT4) re-prepares a statement
    // whenever a bound value (even a LIMIT) changes, which costs more than running `_find`.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

/// Number of pooled read connections.
const READERS: usize = 8;
impl SqliteStore {
    /// Opens (creating if needed) the database file and applies migrations.
    pub fn open(path: &Path) -> StoreResult<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Database(format!("{}: {e}", dir.display())))?;
        }
        let writer = Connection::open(path)?;
        configure(&writer)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL: the commit itself does not sync the WAL; the writer's sync thread does,
        // before any client hears "200" (see `writer`).
        writer.pragma_update(None, "synchronous", "NORMAL")?;
        schema::migrate(&writer)?;
        let mut conns = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let c = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
                    | OpenFlags::SQLITE_OPEN_URI,
            )?;
            configure(&c)?;
            conns.push(c);
        }
        let memo = Arc::new(Memo::default());
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        let tx = writer::spawn(writer, wal.into(), memo.clone())?;
        Ok(Self {
            readers: Arc::new(Readers {
                conns: Mutex::new(conns),
                available: Semaphore::new(READERS),
            }),
            writer: tx,
            path: path.to_path_buf(),
            memo,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on a pooled read connection off the async runtime.
    pub(crate) async fn read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> StoreResult<T> + Send + 'static,
    {
        let _permit = self
            .readers
            .available
            .acquire()
            .await
            .map_err(|e| StoreError::Database(e.to_string()))?;
        let readers = self.readers.clone();
        tokio::task::spawn_blocking(move || {
            let conn = readers
                .conns
                .lock()
                .expect("reader pool poisoned")
                .pop()
                .expect("permit guarantees a connection");
            let out = f(&conn);
            readers
                .conns
                .lock()
                .expect("reader pool poisoned")
                .push(conn);
            out
        })
        .await
        .map_err(|e| StoreError::Database(e.to_string()))?
    }

    /// Runs `f` inside the writer's transaction (in its own savepoint) and waits for the commit.
    pub(crate) async fn write_with<F>(&self, f: F) -> StoreResult<()>
    where
        F: FnOnce(&Connection) -> StoreResult<()> + Send + 'static,
    {
        let (reply, rx) = oneshot::channel();
        self.writer
            .send(writer::WriteReq {
                job: Box::new(f),
                reply,
            })
            .map_err(|_| StoreError::Database("the writer thread stopped".into()))?;
        rx.await
            .map_err(|_| StoreError::Database("the writer thread stopped".into()))?
    }

    /// Runs a blocking function with exclusive use of a fresh connection (bulk seeding).
    pub fn with_bulk_connection<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut conn = Connection::open(&self.path)?;
        configure(&conn)?;
        // Bulk loads commit large transactions: NORMAL (durable at checkpoints, never
        // corrupt in WAL) and a big page cache for the index maintenance.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -1_000_000)?;
        conn.set_prepared_statement_cache_capacity(64);
        let out = f(&mut conn);
        self.memo.invalidate(true);
        out
    }
}

/// Milliseconds since the epoch for a timestamp column.
pub(crate) fn ms(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp_millis()
}

/// A timestamp from a millisecond column.
pub(crate) fn from_ms(v: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    /// The build raises SQLite's mmap cap (.cargo/config.toml); without it the pragma is
    /// silently clamped to 2 GiB and large databases fall back to per-reader page caches.
    #[test]
    fn connections_map_up_to_16_gib() {
        let dir = tempfile::tempdir().expect("temp dir");
        let conn = rusqlite::Connection::open(dir.path().join("mmap.db")).expect("open");
        super::configure(&conn).expect("configure");
        let mapped: i64 = conn
            .query_row("PRAGMA mmap_size", [], |r| r.get(0))
            .expect("pragma");
        assert_eq!(mapped, 1 << 34);
    }
}
