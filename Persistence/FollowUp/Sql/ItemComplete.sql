-- Done: the overdue alerting ends with it (the scan reads open items only).
UPDATE improvement_items
SET status = 'Done', note = @Note, completed_by = @CompletedBy, completed_at = @CompletedAt, position = @Position
WHERE item_id = @ItemId;
