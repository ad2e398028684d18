-- API keys of the service. Only the SHA-256 of a key is stored, never the key. Roles are
-- BehaviorGraph.Core.Security.ApiRole values; times are Unix milliseconds (UTC).

CREATE TABLE api_keys (
    key_hash    TEXT COLLATE "C" PRIMARY KEY,
    role        SMALLINT NOT NULL,
    name        TEXT     NOT NULL,
    created_at  BIGINT   NOT NULL,
    revoked_at  BIGINT   NULL
);
