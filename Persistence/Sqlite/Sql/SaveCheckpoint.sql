INSERT INTO relay_checkpoints (name, position) VALUES (@Name, @Position)
ON CONFLICT (name) DO UPDATE SET position = excluded.position;
