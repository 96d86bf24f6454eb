INSERT INTO improvement_items (item_id, owner_agency, action_ar, action_en, due_date, due_at, source, source_id, status, note, recorded_by, recorded_at, completed_by, completed_at, position, step)
VALUES (@ItemId, @OwnerAgency, @ActionAr, @ActionEn, @DueDate, @DueAt, @Source, @SourceId, 'Open', NULL, @RecordedBy, @RecordedAt, NULL, NULL, @Position, 0);
