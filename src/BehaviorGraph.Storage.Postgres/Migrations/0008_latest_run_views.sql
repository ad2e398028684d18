-- The runs readers see, defined once: the latest complete analysis run (highest id) and the latest published
-- scoring run (the one completed last). Every read of "the latest run" selects from these views.

CREATE VIEW latest_analysis_run AS
    SELECT id FROM analysis_runs WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT 1;

CREATE VIEW latest_score_run AS
    SELECT id FROM score_runs WHERE completed_at IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1;
