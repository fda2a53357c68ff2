//! The store's writer: one thread owns the read-write connection and groups the write jobs
//! that queued up meanwhile into one transaction (each job in its own savepoint, so one job's
//! conflict rolls back only that job). A second thread makes each commit durable: it
//! `fdatasync`s the WAL and only then answers the group's clients.
//!
//! Why two threads: with `synchronous=FULL` SQLite syncs the WAL inside the commit, and the
//! writer sat idle for that whole flush while the next group waited. Here the connection runs
//! with `synchronous=NORMAL` (WAL commits are not synced; checkpoints still sync the WAL
//! before copying it into the database), and the sync thread flushes the WAL after the
//! commit while the writer already runs the next group. A client still hears "200" only once
//! its commit is on disk. Several commits that end during one flush share the next one.

use super::memo::Memo;
use crate::store::{StoreError, StoreResult};
use rusqlite::Connection;
use std::fs::File;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use tokio::sync::oneshot;

/// A write job: runs inside the writer's transaction, in its own savepoint.
pub type Job = Box<dyn FnOnce(&Connection) -> StoreResult<()> + Send>;

/// A job and where its outcome goes.
pub struct WriteReq {
    /// The work.
    pub job: Job,
    /// Answered once the job's commit is durable (or failed).
    pub reply: oneshot::Sender<StoreResult<()>>,
}

/// Most write jobs grouped into one commit.
const MAX_GROUP: usize = 256;

/// A committed job's outcome, held until the WAL is synced.
type Pending = (oneshot::Sender<StoreResult<()>>, StoreResult<()>);

/// Starts the writer and sync threads on `conn` (whose database's WAL is `wal`) and returns
/// the queue of write jobs.
pub fn spawn(
    conn: Connection,
    wal: PathBuf,
    memo: Arc<Memo>,
) -> StoreResult<mpsc::Sender<WriteReq>> {
    let (tx, rx) = mpsc::channel::<WriteReq>();
    let (synced_tx, synced_rx) = mpsc::channel::<Vec<Pending>>();
    let io = |e: std::io::Error| StoreError::Database(e.to_string());
    std::thread::Builder::new()
        .name("casebook-sqlite-sync".into())
        .spawn(move || sync_loop(wal, synced_rx))
        .map_err(io)?;
    std::thread::Builder::new()
        .name("casebook-sqlite-writer".into())
        .spawn(move || writer_loop(conn, rx, &memo, synced_tx))
        .map_err(io)?;
    Ok(tx)
}

fn writer_loop(
    mut conn: Connection,
    rx: mpsc::Receiver<WriteReq>,
    memo: &Memo,
    synced: mpsc::Sender<Vec<Pending>>,
) {
    // The full-text index's change count after the last commit (schema migration 10).
    let mut full_text_at: Option<i64> = None;
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
        // Before any reply: a client that reads after hearing "200" must not get a kept answer.
        let now = full_text_generation(&conn);
        memo.invalidate(now.is_none() || now != full_text_at);
        full_text_at = now;
        let outcomes: Vec<Pending> = match committed {
            Ok(()) => replies.into_iter().zip(results).collect(),
            Err(e) => replies
                .into_iter()
                .map(|r| (r, Err(StoreError::Database(e.to_string()))))
                .collect(),
        };
        if let Err(mpsc::SendError(lost)) = synced.send(outcomes) {
            for (reply, _) in lost {
                let _ = reply.send(Err(StoreError::Database("the sync thread stopped".into())));
            }
        }
    }
}

/// The full-text index's change count (`None` if it cannot be read: then assume a change).
fn full_text_generation(conn: &Connection) -> Option<i64> {
    conn.prepare_cached("SELECT n FROM fts_generation")
        .and_then(|mut s| s.query_row([], |r| r.get(0)))
        .ok()
}

fn sync_loop(wal: PathBuf, rx: mpsc::Receiver<Vec<Pending>>) {
    let mut file: Option<File> = None;
    while let Ok(mut waiting) = rx.recv() {
        // Every commit that ended before this flush starts is covered by it.
        while let Ok(more) = rx.try_recv() {
            waiting.extend(more);
        }
        let synced = sync_wal(&wal, &mut file);
        for (reply, outcome) in waiting {
            let r = match (&synced, outcome) {
                (Ok(()), outcome) => outcome,
                // Committed but maybe not on disk: the client must not be told it is.
                (Err(e), _) => Err(StoreError::Database(format!("syncing the WAL: {e}"))),
            };
            let _ = reply.send(r);
        }
    }
}

/// `fdatasync`s the WAL through a handle of our own (any handle flushes the file), reopened
/// when the path names another file than the one held: SQLite deletes the WAL when its last
/// connection closes, so a handle could outlive it.
fn sync_wal(wal: &PathBuf, file: &mut Option<File>) -> std::io::Result<()> {
    let on_disk = std::fs::metadata(wal)?;
    let stale = match file {
        Some(f) => f.metadata()?.ino() != on_disk.ino(),
        None => true,
    };
    if stale {
        *file = Some(File::open(wal)?);
    }
    file.as_ref().expect("opened above").sync_data()
}
