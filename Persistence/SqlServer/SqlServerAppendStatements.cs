using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Coordination.Persistence.Dialects;

namespace Coordination.Persistence.SqlServer;

/// <summary>
/// The append path's statements on SQL Server: ADO.NET commands, each created once per transaction with its
/// parameters and run again with new values. Guids travel natively, everything else as the Dapper handlers write it.
/// </summary>
internal sealed partial class SqlServerAppendStatements(DbConnection connection, DbTransaction transaction) : IAppendStatements
{
    private static readonly ConcurrentDictionary<(string Sql, Type Type), PropertyInfo[]> Bindings = new();
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        Bind(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    public async Task<object?> ScalarAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var value = await Bind(sql, parameters).ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    private DbCommand Bind(string sql, object parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
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
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
