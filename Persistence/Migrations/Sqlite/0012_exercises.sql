-- Exercises: every version of every scenario (folded from the scenarios' streams of the log, each entry the whole
-- scenario), one row per exercise with where it stands (folded from its stream), and on the board the exercise an
-- incident belongs to and the agencies in play, which the incident's alerts, plans and escalations stay within.
CREATE TABLE scenario_versions (
    scenario_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    code TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    reason TEXT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (scenario_id, version)
);

CREATE TABLE exercises (
    exercise_id TEXT NOT NULL PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    scenario_code TEXT NOT NULL,
    scenario_version INTEGER NOT NULL,
    title_ar TEXT NOT NULL,
    title_en TEXT NOT NULL,
    speed REAL NOT NULL,
    status TEXT NOT NULL,
    started_by TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER NULL,
    injects_fired INTEGER NOT NULL,
    position INTEGER NOT NULL,
    last_position INTEGER NOT NULL
);

-- The runner reads the exercises still running every few seconds.
CREATE INDEX ix_exercises_status ON exercises (status);

ALTER TABLE incident_board ADD COLUMN exercise_id TEXT NULL;
ALTER TABLE incident_board ADD COLUMN exercise_participants TEXT NOT NULL DEFAULT '';
