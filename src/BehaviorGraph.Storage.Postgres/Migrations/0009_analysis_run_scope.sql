-- How an analysis run was computed: 'full', or 'incremental' from the previous run named, with the new events it read,
-- the accounts they touched and what each part recomputed. Runs recorded before this migration read as full.
ALTER TABLE analysis_runs
    ADD COLUMN mode text NOT NULL DEFAULT 'full',
    ADD COLUMN previous_run bigint,
    ADD COLUMN new_events bigint,
    ADD COLUMN touched_accounts integer,
    ADD COLUMN recomputed text;
