//! Migrations 7 onwards (they follow [`super::schema`]'s, in order): the indexes and
//! trigger-kept tables that keep searches and filtered lists fast at a million cases.

/// Migrations 7, 8, …
pub const MIGRATIONS: &[&str] = &[
    // 7: the full-text index keyed by creation order. Its rowid is `fts_key`, the creation
    // second times 2^31 plus the case's rowid (`fts_key & 2147483647`), so a search sorted by
    // `createdAt` reads its page off the index in rowid order and stops there, instead of
    // looking up and sorting every match (see `find::by_created`). Contentless: nothing reads
    // the text back, and `contentless_delete` keeps deletes and edits possible. The second is
    // clamped so the key never leaves 63 bits (SQLite would turn it into a float).
    // `fts_scope` also gains the status (`st<code>`) and severity (`sv<code>`), so a search
    // filtered by them is answered in the index too; changing either re-indexes the case.
    r##"
DROP TRIGGER cases_fts_ins;
DROP TRIGGER cases_fts_del;
DROP TRIGGER cases_fts_upd;
DROP TABLE cases_fts;
ALTER TABLE cases DROP COLUMN fts_scope;
ALTER TABLE cases ADD COLUMN fts_scope TEXT GENERATED ALWAYS AS
    ('sp' || lower(hex(space)) || ' ow' || lower(owner) || ' st' || status || ' sv' || severity) VIRTUAL;
ALTER TABLE cases ADD COLUMN fts_key INTEGER GENERATED ALWAYS AS
    (min(max(created_at / 1000, -4294967295), 4294967295) * 2147483648 + rowid) VIRTUAL;
CREATE VIRTUAL TABLE cases_fts USING fts5(
    title, description, fts_scope, content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO cases_fts (rowid, title, description, fts_scope)
    SELECT fts_key, title, description, fts_scope FROM cases ORDER BY fts_key;
CREATE TRIGGER cases_fts_ins AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts (rowid, title, description, fts_scope)
        VALUES (NEW.fts_key, NEW.title, NEW.description, NEW.fts_scope);
END;
CREATE TRIGGER cases_fts_del AFTER DELETE ON cases BEGIN
    DELETE FROM cases_fts WHERE rowid = OLD.fts_key;
END;
CREATE TRIGGER cases_fts_upd AFTER UPDATE OF title, description, created_at, status, severity
    ON cases WHEN OLD.title <> NEW.title OR OLD.description <> NEW.description
        OR OLD.created_at <> NEW.created_at OR OLD.status <> NEW.status
        OR OLD.severity <> NEW.severity BEGIN
    DELETE FROM cases_fts WHERE rowid = OLD.fts_key;
    INSERT INTO cases_fts (rowid, title, description, fts_scope)
        VALUES (NEW.fts_key, NEW.title, NEW.description, NEW.fts_scope);
END;
"##,
    // 8: cases per owner, status and facet value, kept by triggers like `case_stats`, so the
    // status counts of a list filtered by one of these alone need no pass over its cases (see
    // `find::stats`): severity (`sv`), category (`ca`), reporter (`rp`) and "no assignees"
    // (`un`, value ''). A NULL value (no category, assigned) has no row. The case store
    // rewrites every column on each update, so the update triggers (here and the full-text
    // one) fire only when a value they index really changed: a comment re-indexes nothing.
    r##"
CREATE TABLE facet_stats (
    space TEXT NOT NULL,
    owner TEXT NOT NULL,
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    status INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (space, owner, facet, value, status)
) WITHOUT ROWID;
CREATE VIEW case_facets (case_rowid, space, owner, status, facet, value) AS
    SELECT rowid, space, owner, status, 'sv', CAST(severity AS TEXT) FROM cases
    UNION ALL SELECT rowid, space, owner, status, 'ca', category FROM cases
        WHERE category IS NOT NULL
    UNION ALL SELECT rowid, space, owner, status, 'rp', reporter FROM cases
        WHERE reporter IS NOT NULL
    UNION ALL SELECT rowid, space, owner, status, 'un', '' FROM cases WHERE assignee_count = 0;
INSERT INTO facet_stats (space, owner, facet, value, status, n)
    SELECT space, owner, facet, value, status, count(*) FROM case_facets
        GROUP BY space, owner, facet, value, status;
CREATE TRIGGER cases_facets_ins AFTER INSERT ON cases BEGIN
    INSERT INTO facet_stats (space, owner, facet, value, status, n)
        SELECT space, owner, facet, value, status, 1 FROM case_facets WHERE case_rowid = NEW.rowid
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER cases_facets_del BEFORE DELETE ON cases BEGIN
    UPDATE facet_stats SET n = n - 1 WHERE (space, owner, facet, value, status) IN
        (SELECT space, owner, facet, value, status FROM case_facets WHERE case_rowid = OLD.rowid);
END;
CREATE TRIGGER cases_facets_upd_old BEFORE UPDATE OF status, severity, category, reporter,
    assignee_count ON cases WHEN OLD.status <> NEW.status OR OLD.severity <> NEW.severity
        OR OLD.category IS NOT NEW.category OR OLD.reporter IS NOT NEW.reporter
        OR (OLD.assignee_count = 0) <> (NEW.assignee_count = 0) BEGIN
    UPDATE facet_stats SET n = n - 1 WHERE (space, owner, facet, value, status) IN
        (SELECT space, owner, facet, value, status FROM case_facets WHERE case_rowid = OLD.rowid);
END;
CREATE TRIGGER cases_facets_upd_new AFTER UPDATE OF status, severity, category, reporter,
    assignee_count ON cases WHEN OLD.status <> NEW.status OR OLD.severity <> NEW.severity
        OR OLD.category IS NOT NEW.category OR OLD.reporter IS NOT NEW.reporter
        OR (OLD.assignee_count = 0) <> (NEW.assignee_count = 0) BEGIN
    INSERT INTO facet_stats (space, owner, facet, value, status, n)
        SELECT space, owner, facet, value, status, 1 FROM case_facets WHERE case_rowid = NEW.rowid
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
"##,
    // 9: the case's `updated_at` on its tag rows, so a list filtered by one tag and a status
    // and sorted by updatedAt walks the tag's rows in that order and stops at the page
    // (`find::page_of`); it used to read every case with the tag and sort them.
    r##"
ALTER TABLE case_tags ADD COLUMN updated_at INTEGER;
UPDATE case_tags SET updated_at = (SELECT c.updated_at FROM cases c WHERE c.rowid = case_tags.case_rowid);
CREATE INDEX case_tags_updated ON case_tags (space, owner, tag, status, updated_at, case_rowid);
"##,
    // 10: a count of the changes to the full-text index, moved on by its triggers, so the
    // writer can tell whether a commit changed it: the full-text answers kept by the store's
    // memo then survive commits that only add comments or change other fields.
    r##"
CREATE TABLE fts_generation (n INTEGER NOT NULL);
INSERT INTO fts_generation (n) VALUES (0);
DROP TRIGGER cases_fts_ins;
DROP TRIGGER cases_fts_del;
DROP TRIGGER cases_fts_upd;
CREATE TRIGGER cases_fts_ins AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts (rowid, title, description, fts_scope)
        VALUES (NEW.fts_key, NEW.title, NEW.description, NEW.fts_scope);
    UPDATE fts_generation SET n = n + 1;
END;
CREATE TRIGGER cases_fts_del AFTER DELETE ON cases BEGIN
    DELETE FROM cases_fts WHERE rowid = OLD.fts_key;
    UPDATE fts_generation SET n = n + 1;
END;
CREATE TRIGGER cases_fts_upd AFTER UPDATE OF title, description, created_at, status, severity
    ON cases WHEN OLD.title <> NEW.title OR OLD.description <> NEW.description
        OR OLD.created_at <> NEW.created_at OR OLD.status <> NEW.status
        OR OLD.severity <> NEW.severity BEGIN
    DELETE FROM cases_fts WHERE rowid = OLD.fts_key;
    INSERT INTO cases_fts (rowid, title, description, fts_scope)
        VALUES (NEW.fts_key, NEW.title, NEW.description, NEW.fts_scope);
    UPDATE fts_generation SET n = n + 1;
END;
"##,
];
