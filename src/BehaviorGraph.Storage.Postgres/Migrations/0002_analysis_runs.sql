-- Analysis runs: one feature snapshot and one set of clusters per run. Readers use the latest complete run.

CREATE TABLE analysis_runs (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    description    TEXT   NOT NULL,
    started_at     BIGINT NOT NULL,
    completed_at   BIGINT NULL,
    feature_names  TEXT[] NULL
);

CREATE TABLE account_features (
    run_id   BIGINT NOT NULL,
    account  TEXT COLLATE "C" NOT NULL,
    vals     REAL[] NOT NULL,
    PRIMARY KEY (run_id, account)
);

CREATE TABLE clusters (
    run_id    BIGINT NOT NULL,
    id        TEXT COLLATE "C" NOT NULL,
    kind      SMALLINT NOT NULL,
    score     DOUBLE PRECISION NOT NULL,
    size      INTEGER NOT NULL,
    evidence  TEXT NOT NULL,
    figures   JSONB NOT NULL,
    PRIMARY KEY (run_id, id)
);

CREATE TABLE cluster_members (
    run_id      BIGINT NOT NULL,
    cluster_id  TEXT COLLATE "C" NOT NULL,
    account     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (run_id, cluster_id, account)
);

CREATE INDEX cluster_members_by_account ON cluster_members (run_id, account);
