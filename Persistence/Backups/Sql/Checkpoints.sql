SELECT name AS Name, position AS Position
FROM relay_checkpoints
ORDER BY name;
