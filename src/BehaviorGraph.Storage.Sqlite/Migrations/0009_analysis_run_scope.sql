-- How an analysis run was computed: 'full', or 'incremental' from the previous run named, with the new events it read,
-- the accounts they touched and what each part recomputed. Runs recorded before this migration read as full.
ALTER TABLE analysis_runs ADD COLUMN mode TEXT NOT NULL DEFAULT 'full';
ALTER TABLE analysis_runs ADD COLUMN previous_run INTEGER;
ALTER TABLE analysis_runs ADD COLUMN new_events INTEGER;
ALTER TABLE analysis_runs ADD COLUMN touched_accounts INTEGER;
ALTER TABLE analysis_runs ADD COLUMN recomputed TEXT;
