//! The SQLite store: one file, WAL mode, migrations applied at open. Reads run on a small pool
//! of read-only connections; every write goes to one writer thread that groups concurrent
//! batches into a single durable commit (each batch in its own savepoint, so one batch's
//! conflict rolls back only that batch). This keeps creates durable and fast at once.

mod attachments;
pub mod bulk;
mod case_json;
mod cases;
mod connectors;
mod find;
mod imp;
mod misc;
mod schema;
mod security;
mod user_actions;

use super::{StoreError, StoreResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use tokio::sync::{Semaphore, oneshot};

type Job = Box<dyn FnOnce(&Connection) -> StoreResult<()> + Send>;

struct WriteReq {
    job: Job,
    reply: oneshot::Sender<StoreResult<()>>,
}

struct Readers {
    conns: Mutex<Vec<Connection>>,
    available: Semaphore,
}

/// A SQLite-backed [`super::Store`].
#[derive(Clone)]
pub struct SqliteStore {
    readers: Arc<Readers>,
    writer: mpsc::Sender<WriteReq>,
    path: PathBuf,
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
/// Most write batches grouped into one commit.
const MAX_GROUP: usize = 256;

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
        // FULL: every commit is on disk before the client hears "200".
        writer.pragma_update(None, "synchronous", "FULL")?;
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
        let (tx, rx) = mpsc::channel::<WriteReq>();
        std::thread::Builder::new()
            .name("casebook-sqlite-writer".into())
            .spawn(move || writer_loop(writer, rx))
            .map_err(|e| StoreError::Database(e.to_string()))?;
        Ok(Self {
            readers: Arc::new(Readers {
                conns: Mutex::new(conns),
                available: Semaphore::new(READERS),
            }),
            writer: tx,
            path: path.to_path_buf(),
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
            .send(WriteReq {
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
        f(&mut conn)
    }
}

fn writer_loop(mut conn: Connection, rx: mpsc::Receiver<WriteReq>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_GROUP {
            match rx.try_recv() {
                Ok(req) => batch.push(req),
                Err(_) => break,
            }
        }
        let mut results: Vec<StoreResult<()>> = Vec::with_capacity(batch.len());
        let mut replies = Vec::with_capacity(batch.len());
        let committed = (|| -> StoreResult<()> {
            let mut tx = conn.transaction()?;
            for req in batch {
                let mut sp = tx.savepoint()?;
                let r = (req.job)(&sp);
                if r.is_ok() {
                    sp.commit()?;
                } else {
                    sp.rollback()?;
                    drop(sp);
                }
                results.push(r);
                replies.push(req.reply);
            }
            tx.commit()?;
            Ok(())
        })();
        for (i, reply) in replies.into_iter().enumerate() {
            let r = match &committed {
                Ok(()) => std::mem::replace(&mut results[i], Ok(())),
                Err(e) => Err(StoreError::Database(e.to_string())),
            };
            let _ = reply.send(r);
        }
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
