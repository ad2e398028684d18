-- The append-only event log, the aggregated graph, quarantine and per-source ingest checkpoints.
-- Column names and meanings are identical to the SQLite backend.
-- Identifiers compare bytewise (COLLATE "C"): they are opaque keys, and the database's own collation would
-- only make every lookup slower. events/edges hold node ids without FOREIGN KEY constraints: ingest takes
-- those ids from nodes in the same transaction and nodes are never deleted, while the constraint triggers
-- would cost more than half of the bulk-insert time.

CREATE TABLE nodes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       SMALLINT NOT NULL,
    key        TEXT COLLATE "C" NOT NULL,
    first_seen BIGINT   NOT NULL,
    last_seen  BIGINT   NOT NULL,
    CONSTRAINT nodes_kind_key UNIQUE (kind, key)
);

CREATE TABLE events (
    seq      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id TEXT COLLATE "C" NOT NULL,
    ts       BIGINT   NOT NULL,
    type     TEXT     NOT NULL,
    actor    BIGINT   NOT NULL,
    target   BIGINT   NULL,
    value    DOUBLE PRECISION NULL,
    device   BIGINT   NULL,
    ip       BIGINT   NULL,
    CONSTRAINT events_event_id UNIQUE (event_id)
);

CREATE TABLE edges (
    src       BIGINT NOT NULL,
    dst       BIGINT NOT NULL,
    type      TEXT   NOT NULL,
    count     BIGINT NOT NULL,
    first_ts  BIGINT NOT NULL,
    last_ts   BIGINT NOT NULL,
    value_sum DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (src, dst, type)
);

CREATE TABLE quarantine (
    content_hash   TEXT   NOT NULL,
    line           BIGINT NOT NULL,
    source         TEXT   NOT NULL,
    reason         TEXT   NOT NULL,
    raw            TEXT   NOT NULL,
    quarantined_at BIGINT NOT NULL,
    PRIMARY KEY (content_hash, line)
);

CREATE INDEX quarantine_newest ON quarantine (quarantined_at DESC, content_hash, line);

CREATE TABLE ingest_sources (
    content_hash TEXT   PRIMARY KEY,
    name         TEXT   NOT NULL,
    last_line    BIGINT NOT NULL,
    inserted     BIGINT NOT NULL,
    duplicates   BIGINT NOT NULL,
    quarantined  BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    completed_at BIGINT NULL
);
