SELECT position
FROM relay_checkpoints
WHERE name = @Name;
