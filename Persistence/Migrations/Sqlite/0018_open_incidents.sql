-- The incidents not closed yet, few at any time however long the log: the metrics' and the agency board's count of
-- alerts waiting for acknowledgement reads from them instead of every alert never acknowledged (on a year's log, the
-- closed incidents' unanswered alerts made each count a quarter of a second).
CREATE INDEX ix_incident_board_open ON incident_board (incident_id) WHERE status <> 'Closed';
