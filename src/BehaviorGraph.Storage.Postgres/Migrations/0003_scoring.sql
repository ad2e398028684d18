-- Labels, the model registry and published scoring runs. Times are Unix milliseconds (UTC).
-- Label values are BehaviorGraph.Core.Labels.LabelKind, decisions BehaviorGraph.Core.Scoring.Decision.

CREATE TABLE labels (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account      TEXT COLLATE "C" NOT NULL,
    label        SMALLINT NOT NULL,
    source       TEXT   NOT NULL,
    analyst      TEXT   NULL,
    note         TEXT   NULL,
    labelled_at  BIGINT NOT NULL
);

CREATE INDEX labels_by_account ON labels (account, labelled_at, id);

CREATE TABLE models (
    version        TEXT COLLATE "C" PRIMARY KEY,
    trainer        TEXT    NOT NULL,
    feature_names  TEXT[]  NOT NULL, -- in training order
    training_hash  TEXT    NOT NULL,
    metrics        JSONB   NOT NULL, -- ModelMetrics
    settings       JSONB   NOT NULL, -- object of trainer settings
    created_at     BIGINT  NOT NULL,
    promoted       BOOLEAN NOT NULL DEFAULT FALSE,
    model          BYTEA   NOT NULL
);

-- At most one promoted model.
CREATE UNIQUE INDEX models_one_promoted ON models (promoted) WHERE promoted;

CREATE TABLE score_runs (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_version    TEXT   NOT NULL,
    snapshot_run_id  BIGINT NOT NULL,
    accounts         BIGINT NOT NULL DEFAULT 0,
    started_at       BIGINT NOT NULL,
    completed_at     BIGINT NULL -- null until the run is published
);

CREATE INDEX score_runs_published ON score_runs (completed_at DESC, id DESC) WHERE completed_at IS NOT NULL;

CREATE TABLE scores (
    run_id     BIGINT NOT NULL,
    account    TEXT COLLATE "C" NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    decision   SMALLINT NOT NULL,
    reasons    JSONB  NOT NULL, -- array of reason codes
    scored_at  BIGINT NOT NULL,
    PRIMARY KEY (run_id, account)
);
