UPDATE relay_checkpoints SET position = @Position WHERE name = @Name;
IF @@ROWCOUNT = 0
    INSERT INTO relay_checkpoints (name, position) VALUES (@Name, @Position);
