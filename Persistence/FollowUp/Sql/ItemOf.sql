SELECT item_id AS ItemId, owner_agency AS OwnerAgency, action_ar AS ActionAr, action_en AS ActionEn, due_date AS DueDate, due_at AS DueAt, source AS Source, source_id AS SourceId, status AS Status, note AS Note, recorded_by AS RecordedBy, recorded_at AS RecordedAt, completed_by AS CompletedBy, completed_at AS CompletedAt, position AS Position, step AS Step
FROM improvement_items
WHERE item_id = @ItemId;
