-- Labels, the model registry and published scoring runs. Times are Unix milliseconds (UTC).
-- Label values are BehaviorGraph.Core.Labels.LabelKind, decisions BehaviorGraph.Core.Scoring.Decision.

CREATE TABLE labels (
    id           INTEGER PRIMARY KEY,
    account      TEXT    NOT NULL,
    label        INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    analyst      TEXT,
    note         TEXT,
    labelled_at  INTEGER NOT NULL
);

CREATE INDEX ix_labels_account ON labels (account, labelled_at, id);

CREATE TABLE models (
    version        TEXT    PRIMARY KEY,
    trainer        TEXT    NOT NULL,
    feature_names  TEXT    NOT NULL, -- JSON array, in training order
    training_hash  TEXT    NOT NULL,
    metrics        TEXT    NOT NULL, -- JSON ModelMetrics
    settings       TEXT    NOT NULL, -- JSON object of trainer settings
    created_at     INTEGER NOT NULL,
    promoted       INTEGER NOT NULL DEFAULT 0,
    model          BLOB    NOT NULL
) WITHOUT ROWID;

-- At most one promoted model.
CREATE UNIQUE INDEX ux_models_promoted ON models (promoted) WHERE promoted = 1;

CREATE TABLE score_runs (
    id               INTEGER PRIMARY KEY,
    model_version    TEXT    NOT NULL,
    snapshot_run_id  INTEGER NOT NULL,
    accounts         INTEGER NOT NULL DEFAULT 0,
    started_at       INTEGER NOT NULL,
    completed_at     INTEGER -- null until the run is published
);

CREATE TABLE scores (
    run_id     INTEGER NOT NULL,
    account    TEXT    NOT NULL,
    score      REAL    NOT NULL,
    decision   INTEGER NOT NULL,
    reasons    TEXT    NOT NULL, -- JSON array of reason codes
    scored_at  INTEGER NOT NULL,
    PRIMARY KEY (run_id, account)
) WITHOUT ROWID;
