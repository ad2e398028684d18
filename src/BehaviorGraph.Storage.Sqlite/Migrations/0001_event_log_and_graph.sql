-- The append-only event log, the aggregated graph, quarantine and per-source checkpoints.
-- Times are Unix milliseconds (UTC). Node kinds are BehaviorGraph.Core.Graph.NodeKind values.

CREATE TABLE nodes (
    id          INTEGER PRIMARY KEY,
    kind        INTEGER NOT NULL,
    key         TEXT    NOT NULL,
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    UNIQUE (kind, key)
);

CREATE TABLE events (
    seq       INTEGER PRIMARY KEY,
    event_id  TEXT    NOT NULL UNIQUE,
    ts        INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    actor     INTEGER NOT NULL,
    target    INTEGER,
    value     REAL,
    device    INTEGER,
    ip        INTEGER
);

CREATE TABLE edges (
    src        INTEGER NOT NULL,
    dst        INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    count      INTEGER NOT NULL,
    first_ts   INTEGER NOT NULL,
    last_ts    INTEGER NOT NULL,
    value_sum  REAL    NOT NULL,
    PRIMARY KEY (src, dst, type)
) WITHOUT ROWID;

CREATE TABLE quarantine (
    content_hash    TEXT    NOT NULL,
    line            INTEGER NOT NULL,
    source          TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    raw             TEXT    NOT NULL,
    quarantined_at  INTEGER NOT NULL,
    PRIMARY KEY (content_hash, line)
) WITHOUT ROWID;

CREATE TABLE ingest_sources (
    content_hash  TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    last_line     INTEGER NOT NULL,
    inserted      INTEGER NOT NULL,
    duplicates    INTEGER NOT NULL,
    quarantined   INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    completed_at  INTEGER
) WITHOUT ROWID;
