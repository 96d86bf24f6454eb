-- Only the projections: the log itself can never be deleted from.
DELETE FROM alert_inbox;
DELETE FROM incident_board;
DELETE FROM risk_versions;
DELETE FROM plan_tasks;
DELETE FROM plan_activations;
DELETE FROM plan_versions;
DELETE FROM capability_declarations;
DELETE FROM risk_reviews;
DELETE FROM risk_review_audience;
DELETE FROM scenario_versions;
DELETE FROM exercises;
DELETE FROM task_entry_agencies;
DELETE FROM proposal_decisions;
DELETE FROM improvement_items;
DELETE FROM coordination_meetings;
