-- An overdue item's alert, reminder or escalation: how far its alerting has gone for that due date.
UPDATE improvement_items
SET step = @Step
WHERE item_id = @ItemId AND due_date = @DueDate AND step < @Step;
