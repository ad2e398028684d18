-- Analysis runs: one feature snapshot and one set of clusters per run. Readers use the latest complete run.

CREATE TABLE analysis_runs (
    id             INTEGER PRIMARY KEY,
    description    TEXT    NOT NULL,
    started_at     INTEGER NOT NULL,
    completed_at   INTEGER,
    feature_names  TEXT
);

CREATE TABLE account_features (
    run_id   INTEGER NOT NULL,
    account  TEXT    NOT NULL,
    vals     BLOB    NOT NULL,
    PRIMARY KEY (run_id, account)
) WITHOUT ROWID;

CREATE TABLE clusters (
    run_id    INTEGER NOT NULL,
    id        TEXT    NOT NULL,
    kind      INTEGER NOT NULL,
    score     REAL    NOT NULL,
    size      INTEGER NOT NULL,
    evidence  TEXT    NOT NULL,
    figures   TEXT    NOT NULL,
    PRIMARY KEY (run_id, id)
) WITHOUT ROWID;

CREATE TABLE cluster_members (
    run_id      INTEGER NOT NULL,
    cluster_id  TEXT    NOT NULL,
    account     TEXT    NOT NULL,
    PRIMARY KEY (run_id, cluster_id, account)
) WITHOUT ROWID;

CREATE INDEX cluster_members_by_account ON cluster_members (run_id, account);
