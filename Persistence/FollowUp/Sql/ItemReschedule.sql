-- A new due date starts the overdue alerting afresh.
UPDATE improvement_items
SET due_date = @DueDate, due_at = @DueAt, step = 0, position = @Position
WHERE item_id = @ItemId;
