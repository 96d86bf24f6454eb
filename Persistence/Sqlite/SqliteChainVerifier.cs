using Coordination.Persistence.HashChain;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Coordination.Persistence.Sqlite;

/// <summary>
/// The audit's walk on SQLite, hashing each row's text and comparing its hashes where SQLite holds them (the
/// statement's column buffers, through the connection's native handle) instead of copying them into strings
/// and arrays first. Through ADO.NET, allocating and collecting every row's strings was a quarter of the audit
/// of a million entries, and transcoding them back to UTF-8 for the hash more. The checks are
/// <see cref="ChainWalk"/>'s, the same as every dialect's.
/// </summary>
internal static class SqliteChainVerifier
{
    private const int RowsBetweenCancellationChecks = 4096;

    public static async Task<VerificationResult> VerifyAsync(SqliteDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var sql = dialect.Scripts.VerifyChain;
        // Seconds of synchronous native calls for a large log: off the caller's thread.
        return await Task.Run(() => Walk(connection.Handle!, sql, cancellationToken), cancellationToken);
    }

    private static VerificationResult Walk(sqlite3 database, string sql, CancellationToken cancellationToken)
    {
        SqliteStatement.ThrowOnError(raw.sqlite3_prepare_v2(database, sql, out var statement), database);
        using (statement)
        {
            var walk = new ChainWalk();
            for (var rows = 1L; ; rows++)
            {
                var step = raw.sqlite3_step(statement);
                if (step == raw.SQLITE_DONE)
                {
                    return walk.Passed();
                }

                if (step != raw.SQLITE_ROW)
                {
                    SqliteStatement.ThrowOnError(step, database);
                }

                if (rows % RowsBetweenCancellationChecks == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                // Each span points into the statement's current row and is used before the next step.
                var row = new ChainFields
                {
                    Position = raw.sqlite3_column_int64(statement, 0),
                    IncidentId = GuidAt(statement, 1),
                    Version = raw.sqlite3_column_int64(statement, 2),
                    EventId = GuidAt(statement, 3),
                    Type = raw.sqlite3_column_blob(statement, 4),
                    Data = raw.sqlite3_column_blob(statement, 5),
                    Metadata = raw.sqlite3_column_blob(statement, 6),
                    RecordedAt = raw.sqlite3_column_int64(statement, 7),
                };
                if (walk.Next(row, raw.sqlite3_column_blob(statement, 8), raw.sqlite3_column_blob(statement, 9)) is { } broken)
                {
                    return broken;
                }
            }
        }
    }

    /// <summary>Guids are stored as their text; a 16-byte blob is read as ADO.NET's GetGuid reads it.</summary>
    private static Guid GuidAt(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_BLOB
            ? new Guid(raw.sqlite3_column_blob(statement, column))
            : Guid.Parse(raw.sqlite3_column_blob(statement, column));
}
