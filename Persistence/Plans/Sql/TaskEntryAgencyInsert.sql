INSERT INTO task_entry_agencies (position, agency) VALUES (@Position, @Agency);
