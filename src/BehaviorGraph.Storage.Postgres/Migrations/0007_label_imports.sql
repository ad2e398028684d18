-- Labels files imported by `bgraph train --labels`, by content hash: a file's labels are added in the transaction
-- that records it, so training again on the same file (or a copy under another name) adds nothing.
-- Times are Unix milliseconds (UTC).

CREATE TABLE label_imports (
    content_hash  TEXT COLLATE "C" PRIMARY KEY,
    source        TEXT   NOT NULL,
    labels        BIGINT NOT NULL,
    imported_at   BIGINT NOT NULL
);
