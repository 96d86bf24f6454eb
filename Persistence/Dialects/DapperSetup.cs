using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Coordination.Persistence.Dialects;

/// <summary>
/// Dapper conventions for both dialects: snake_case columns map to PascalCase properties, and Guids
/// travel as text on SQLite (whose provider would otherwise bind them as blobs) and natively on SQL Server.
/// </summary>
public static class DapperSetup
{
    private static int _configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UnixMillisecondsHandler());
        SqlMapper.AddTypeHandler(new CodeListHandler());
    }

    /// <summary>
    /// Runs <paramref name="sql"/>, which lists <c>@<paramref name="parameter"/></c> ("IN @Ids"), for
    /// <paramref name="ids"/> in chunks and returns every chunk's rows. Chunks, because SQL Server takes at most
    /// 2,100 parameters and Dapper sends one per listed id; each id written as <see cref="Stored"/> writes it,
    /// because Dapper expands a list without the Guid handler below.
    /// </summary>
    public static async Task<List<T>> QueryListedAsync<T>(
        this DbConnection connection, string sql, string parameter, IEnumerable<Guid> ids, DbTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var guidsAsText = connection is SqliteConnection;
        var rows = new List<T>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var parameters = new DynamicParameters();
            parameters.Add(parameter, chunk.Select(id => Stored(id, guidsAsText)).ToList());
            rows.AddRange(await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)));
        }

        return rows;
    }

    /// <summary>
    /// A value as both dialects store it: Guids as text on SQLite and natively on SQL Server, times as Unix
    /// milliseconds, code lists comma-separated, enums as their numbers, null as NULL. The handlers below and
    /// each dialect's <see cref="IAppendStatements"/> write through it.
    /// </summary>
    public static object Stored(object? value, bool guidsAsText) => value switch
    {
        null => DBNull.Value,
        Guid guid => guidsAsText ? guid.ToString("D") : guid,
        DateTimeOffset time => time.ToUnixTimeMilliseconds(),
        string[] codes => string.Join(',', codes),
        Enum code => Convert.ToInt64(code, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Times are stored as Unix milliseconds (UTC) in both dialects: unambiguous and sortable.</summary>
    private sealed class UnixMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = Stored(value, guidsAsText: false);
        }

        public override DateTimeOffset Parse(object value) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Lists of agency codes are stored comma-separated (codes never contain commas).</summary>
    private sealed class CodeListHandler : SqlMapper.TypeHandler<string[]>
    {
        public override void SetValue(IDbDataParameter parameter, string[]? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Stored(value ?? [], guidsAsText: false);
        }

        public override string[] Parse(object value) =>
            ((string)value).Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            var asText = parameter is SqliteParameter;
            parameter.DbType = asText ? DbType.String : DbType.Guid;
            parameter.Value = Stored(value, asText);
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}."),
        };
    }
}
