-- The thresholds a scoring run made its decisions with, so a risk answer reports the thresholds behind its own
-- decision even after the service's configured thresholds change. Null for runs recorded before this migration.
ALTER TABLE score_runs ADD COLUMN review_threshold double precision, ADD COLUMN block_threshold double precision;
