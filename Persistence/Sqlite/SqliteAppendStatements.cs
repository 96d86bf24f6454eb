using Coordination.Persistence.Dialects;
using Microsoft.Data.Sqlite;

namespace Coordination.Persistence.Sqlite;

/// <summary>
/// The append path's statements on SQLite: each one the connection's own (<see cref="SqliteStatement"/>), prepared
/// on its native handle at first use and bound by position after that. They run inside the connection's open
/// transaction, synchronously: SQLite's calls do not wait on anything but the file.
/// </summary>
internal sealed class SqliteAppendStatements(SqliteConnection connection) : IAppendStatements
{
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    public Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Task.FromResult(Statement(sql).Execute(parameters));
    }

    public Task<object?> ScalarAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Task.FromResult(Statement(sql).Scalar(parameters));
    }

    private SqliteStatement Statement(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = _statements[sql] = new SqliteStatement(connection, sql);
        }

        return statement;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
