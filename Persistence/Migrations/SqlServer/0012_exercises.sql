-- Exercises: every version of every scenario (folded from the scenarios' streams of the log, each entry the whole
-- scenario), one row per exercise with where it stands (folded from its stream), and on the board the exercise an
-- incident belongs to and the agencies in play, which the incident's alerts, plans and escalations stay within.
CREATE TABLE dbo.scenario_versions (
    scenario_id uniqueidentifier NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL,
    recorded_at bigint NOT NULL,
    code nvarchar(60) NOT NULL,
    changed_by nvarchar(100) NOT NULL,
    reason nvarchar(1000) NULL,
    data nvarchar(max) NOT NULL,
    CONSTRAINT pk_scenario_versions PRIMARY KEY (scenario_id, version)
);
GO
CREATE TABLE dbo.exercises (
    exercise_id uniqueidentifier NOT NULL,
    scenario_id uniqueidentifier NOT NULL,
    scenario_code nvarchar(60) NOT NULL,
    scenario_version int NOT NULL,
    title_ar nvarchar(400) NOT NULL,
    title_en nvarchar(400) NOT NULL,
    speed float NOT NULL,
    status nvarchar(20) NOT NULL,
    started_by nvarchar(100) NOT NULL,
    started_at bigint NOT NULL,
    ended_at bigint NULL,
    injects_fired int NOT NULL,
    position bigint NOT NULL,
    last_position bigint NOT NULL,
    CONSTRAINT pk_exercises PRIMARY KEY (exercise_id)
);
GO
-- The runner reads the exercises still running every few seconds.
CREATE INDEX ix_exercises_status ON dbo.exercises (status);
GO
ALTER TABLE dbo.incident_board ADD
    exercise_id uniqueidentifier NULL,
    exercise_participants nvarchar(max) NOT NULL CONSTRAINT df_incident_board_exercise_participants DEFAULT '';
GO
