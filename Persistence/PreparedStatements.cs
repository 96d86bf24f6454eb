using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Coordination.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace Coordination.Persistence;

/// <summary>
/// The append path's statements, each prepared once on one connection and transaction and run again with new
/// values. Through Dapper every statement was a new command, prepared anew, with unprefixed parameter names
/// that Microsoft.Data.Sqlite looks up three ways each: in the benchmarks' trace, preparing and binding were
/// 40% of the log writer's time. On SQLite the statements are the connection's own (<see cref="SqliteStatement"/>),
/// bound by position; elsewhere they are ADO.NET commands. Values are written as the Dapper handlers write
/// them (<see cref="DapperSetup.Stored"/>).
/// </summary>
public sealed partial class PreparedStatements(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<(string Sql, Type Type), PropertyInfo[]> Bindings = new();
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _sqlite = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="sql"/> with the public properties of <paramref name="parameters"/> that it names; returns the rows changed.</summary>
    public Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        return connection is SqliteConnection sqlite
            ? Task.FromResult(Statement(sqlite, sql).Execute(parameters))
            : Bind(sql, parameters).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> and returns the first column of its first row.</summary>
    public async Task<object?> ScalarAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        if (connection is SqliteConnection sqlite)
        {
            return Statement(sqlite, sql).Scalar(parameters);
        }

        var value = await Bind(sql, parameters).ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    private SqliteStatement Statement(SqliteConnection sqlite, string sql)
    {
        if (!_sqlite.TryGetValue(sql, out var statement))
        {
            statement = _sqlite[sql] = new SqliteStatement(sqlite, sql);
        }

        return statement;
    }

    private DbCommand Bind(string sql, object parameters)
    {
        var properties = Bindings.GetOrAdd((sql, parameters.GetType()), key => Named(key.Sql, key.Type));
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var property in properties)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + property.Name;
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        for (var i = 0; i < properties.Length; i++)
        {
            command.Parameters[i].Value = DapperSetup.Stored(properties[i].GetValue(parameters), guidsAsText: false);
        }

        return command;
    }

    /// <summary>The properties whose names the statement uses as parameters (as Dapper sends only those).</summary>
    private static PropertyInfo[] Named(string sql, Type type)
    {
        var used = ParameterName().Matches(sql).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => used.Contains(p.Name)).ToArray();
    }

    [GeneratedRegex(@"@(?<name>\w+)")]
    private static partial Regex ParameterName();

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _sqlite.Values)
        {
            statement.Dispose();
        }

        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
