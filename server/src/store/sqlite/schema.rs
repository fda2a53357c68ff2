//! SQLite schema and migrations, applied in order at open and recorded in `user_version`.
//!
//! Cases keep their filterable and sortable attributes in columns (with indexes for every
//! filter of the cases table UI) and the rest as a JSON document. Tags and assignees live in side
//! tables for indexed filtering. `case_stats` holds per-status counts kept by triggers, so the
//! unfiltered status counts never scan cases. Titles and descriptions are indexed by FTS5.

use rusqlite::Connection;

/// Migrations 1–6 (7 onwards: [`super::schema_search`]).
const MIGRATIONS: &[&str] = &[
    r##"
CREATE TABLE spaces (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);
INSERT INTO spaces (id, doc) VALUES
    ('default', '{"id":"default","name":"Default","description":"This is your default space!","color":"#00bfb3","disabledFeatures":[],"_reserved":true}');

CREATE TABLE users (
    username TEXT PRIMARY KEY,
    profile_uid TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    full_name TEXT,
    email TEXT,
    roles TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE counters (
    space TEXT PRIMARY KEY,
    last_incremental_id INTEGER NOT NULL
);

CREATE TABLE cases (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    space TEXT NOT NULL,
    owner TEXT NOT NULL,
    version TEXT NOT NULL,
    incremental_id INTEGER,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    status INTEGER NOT NULL,
    severity INTEGER NOT NULL,
    category TEXT,
    reporter TEXT,
    assignee_count INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    closed_at INTEGER,
    total_comment INTEGER NOT NULL DEFAULT 0,
    total_alerts INTEGER NOT NULL DEFAULT 0,
    total_events INTEGER NOT NULL DEFAULT 0,
    doc TEXT NOT NULL
);
CREATE INDEX cases_created ON cases (space, owner, created_at);
CREATE INDEX cases_updated ON cases (space, owner, updated_at);
CREATE INDEX cases_closed ON cases (space, owner, closed_at);
CREATE INDEX cases_title ON cases (space, owner, title);
CREATE INDEX cases_status ON cases (space, owner, status, created_at);
CREATE INDEX cases_status_updated ON cases (space, owner, status, updated_at);
CREATE INDEX cases_severity ON cases (space, owner, severity, created_at);
CREATE INDEX cases_category ON cases (space, owner, category, created_at);
CREATE INDEX cases_reporter ON cases (space, owner, reporter, created_at);
CREATE INDEX cases_unassigned ON cases (space, owner, assignee_count, created_at);
CREATE UNIQUE INDEX cases_incremental ON cases (space, incremental_id);

CREATE TABLE case_tags (
    case_rowid INTEGER NOT NULL REFERENCES cases(rowid) ON DELETE CASCADE,
    space TEXT NOT NULL,
    owner TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (case_rowid, tag)
) WITHOUT ROWID;
CREATE INDEX case_tags_tag ON case_tags (space, owner, tag, case_rowid);

CREATE TABLE case_assignees (
    case_rowid INTEGER NOT NULL REFERENCES cases(rowid) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    PRIMARY KEY (case_rowid, uid)
) WITHOUT ROWID;
CREATE INDEX case_assignees_uid ON case_assignees (uid, case_rowid);

CREATE TABLE case_stats (
    space TEXT NOT NULL,
    owner TEXT NOT NULL,
    status INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (space, owner, status)
) WITHOUT ROWID;

CREATE TRIGGER cases_stats_ins AFTER INSERT ON cases BEGIN
    INSERT INTO case_stats (space, owner, status, n) VALUES (NEW.space, NEW.owner, NEW.status, 1)
        ON CONFLICT (space, owner, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER cases_stats_del AFTER DELETE ON cases BEGIN
    UPDATE case_stats SET n = n - 1 WHERE space = OLD.space AND owner = OLD.owner AND status = OLD.status;
END;
CREATE TRIGGER cases_stats_upd AFTER UPDATE OF status ON cases WHEN OLD.status <> NEW.status BEGIN
    UPDATE case_stats SET n = n - 1 WHERE space = OLD.space AND owner = OLD.owner AND status = OLD.status;
    INSERT INTO case_stats (space, owner, status, n) VALUES (NEW.space, NEW.owner, NEW.status, 1)
        ON CONFLICT (space, owner, status) DO UPDATE SET n = n + 1;
END;

CREATE VIRTUAL TABLE cases_fts USING fts5(
    title, description, content='cases', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER cases_fts_ins AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts (rowid, title, description) VALUES (NEW.rowid, NEW.title, NEW.description);
END;
CREATE TRIGGER cases_fts_del AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, title, description) VALUES ('delete', OLD.rowid, OLD.title, OLD.description);
END;
CREATE TRIGGER cases_fts_upd AFTER UPDATE OF title, description ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, title, description) VALUES ('delete', OLD.rowid, OLD.title, OLD.description);
    INSERT INTO cases_fts (rowid, title, description) VALUES (NEW.rowid, NEW.title, NEW.description);
END;

CREATE TABLE attachments (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_rowid INTEGER NOT NULL REFERENCES cases(rowid) ON DELETE CASCADE,
    type TEXT NOT NULL,
    version TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_rowid, type, created_at);

CREATE TABLE case_alerts (
    case_rowid INTEGER NOT NULL REFERENCES cases(rowid) ON DELETE CASCADE,
    attachment_rowid INTEGER NOT NULL REFERENCES attachments(rowid) ON DELETE CASCADE,
    alert_id TEXT NOT NULL,
    alert_index TEXT NOT NULL,
    attached_at INTEGER NOT NULL,
    PRIMARY KEY (case_rowid, alert_id, attachment_rowid)
) WITHOUT ROWID;
CREATE INDEX case_alerts_alert ON case_alerts (alert_id);
CREATE INDEX case_alerts_attachment ON case_alerts (attachment_rowid);

CREATE TABLE user_actions (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_rowid INTEGER NOT NULL REFERENCES cases(rowid) ON DELETE CASCADE,
    type TEXT NOT NULL,
    action TEXT NOT NULL,
    comment_type TEXT,
    username TEXT,
    created_at INTEGER NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX user_actions_case ON user_actions (case_rowid, rowid);
CREATE INDEX user_actions_case_type ON user_actions (case_rowid, type, rowid);

CREATE TABLE configurations (
    id TEXT PRIMARY KEY,
    space TEXT NOT NULL,
    owner TEXT NOT NULL,
    version TEXT NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (space, owner)
);
"##,
    // 2: connectors (secrets sealed with AES-GCM) and an index to count the cases using each.
    r##"
CREATE TABLE connectors (
    space TEXT NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    config TEXT NOT NULL,
    secrets BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    PRIMARY KEY (space, id)
);
CREATE INDEX cases_connector ON cases (space, json_extract(doc, '$.connector.id'));
"##,
    // 3: per-tag status counts (like case_stats) so tag-filtered `_find` counts cost no scan, and
    // the case's status on its tag rows so tag-driven pages and counts stay on the tag index.
    r##"
ALTER TABLE case_tags ADD COLUMN status INTEGER NOT NULL DEFAULT 0;
UPDATE case_tags SET status = (SELECT c.status FROM cases c WHERE c.rowid = case_tags.case_rowid);
DROP INDEX case_tags_tag;
CREATE INDEX case_tags_tag ON case_tags (space, owner, tag, status, case_rowid);

CREATE TABLE tag_stats (
    space TEXT NOT NULL,
    owner TEXT NOT NULL,
    tag TEXT NOT NULL,
    status INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (space, owner, tag, status)
) WITHOUT ROWID;
INSERT INTO tag_stats (space, owner, tag, status, n)
    SELECT space, owner, tag, status, count(*) FROM case_tags GROUP BY space, owner, tag, status;

CREATE TRIGGER case_tags_stats_ins AFTER INSERT ON case_tags BEGIN
    INSERT INTO tag_stats (space, owner, tag, status, n) VALUES (NEW.space, NEW.owner, NEW.tag, NEW.status, 1)
        ON CONFLICT (space, owner, tag, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER case_tags_stats_del AFTER DELETE ON case_tags BEGIN
    UPDATE tag_stats SET n = n - 1
        WHERE space = OLD.space AND owner = OLD.owner AND tag = OLD.tag AND status = OLD.status;
END;
"##,
    // 4: custom roles, API keys (hashed), and the audit log of security-relevant events.
    r##"
CREATE TABLE roles (
    name TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key_hash BLOB NOT NULL,
    username TEXT NOT NULL,
    role_descriptors TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    invalidated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_user ON api_keys (username);
CREATE TABLE audit_log (
    rowid INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL,
    username TEXT,
    space TEXT,
    object_id TEXT,
    detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (username, at);
"##,
    // 5: a narrow copy of the filter columns keyed by rowid. When a search or a rare tag drives
    // a find, each matching case is checked here (about 100 bytes an entry, so it stays cached)
    // instead of in its wide row; `find` names it with INDEXED BY.
    r##"
CREATE INDEX IF NOT EXISTS cases_keys ON cases (rowid, space, owner, status, severity, created_at,
    updated_at, closed_at, assignee_count, reporter, category);
"##,
    // 6: the space and owner in the full-text index (`fts_scope`, a virtual column of tokens
    // `sp<hex of space> ow<owner>`), so a search's matches are restricted to the cases in scope
    // inside the index (see `find::filter::scoped_fts`). Space and owner never change.
    r##"
ALTER TABLE cases ADD COLUMN fts_scope TEXT
    GENERATED ALWAYS AS ('sp' || lower(hex(space)) || ' ow' || lower(owner)) VIRTUAL;
DROP TRIGGER cases_fts_ins;
DROP TRIGGER cases_fts_del;
DROP TRIGGER cases_fts_upd;
DROP TABLE cases_fts;
CREATE VIRTUAL TABLE cases_fts USING fts5(
    title, description, fts_scope, content='cases', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');
CREATE TRIGGER cases_fts_ins AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts (rowid, title, description, fts_scope)
        VALUES (NEW.rowid, NEW.title, NEW.description, NEW.fts_scope);
END;
CREATE TRIGGER cases_fts_del AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, title, description, fts_scope)
        VALUES ('delete', OLD.rowid, OLD.title, OLD.description, OLD.fts_scope);
END;
CREATE TRIGGER cases_fts_upd AFTER UPDATE OF title, description ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, title, description, fts_scope)
        VALUES ('delete', OLD.rowid, OLD.title, OLD.description, OLD.fts_scope);
    INSERT INTO cases_fts (rowid, title, description, fts_scope)
        VALUES (NEW.rowid, NEW.title, NEW.description, NEW.fts_scope);
END;
"##,
];

/// Applies the migrations the database has not seen yet.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let current: usize =
        conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))? as usize;
    let all = MIGRATIONS.iter().chain(super::schema_search::MIGRATIONS);
    for (i, sql) in all.enumerate().skip(current) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
