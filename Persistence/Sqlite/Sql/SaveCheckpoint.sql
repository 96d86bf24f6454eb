-- Not synced to disk on its own (synchronous=NORMAL for this statement): a checkpoint lost to a power cut
-- only makes the relay publish a page again, which consumers and clients drop as already seen. Synced,
-- it was an fsync for every page the relay published, holding the write lock the log's appends wait for.
-- FULL comes back whenever a connection is taken from the pool (SqliteDialect), so no other write inherits this.
PRAGMA synchronous=NORMAL;
INSERT INTO relay_checkpoints (name, position) VALUES (@Name, @Position)
ON CONFLICT (name) DO UPDATE SET position = excluded.position;
