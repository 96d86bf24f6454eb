using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Coordination.Persistence;

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
    /// Guids for a listed parameter ("IN @Ids"): Dapper expands a list into one parameter per item without
    /// the Guid handler below, so on SQLite they go as the same text the handler writes.
    /// </summary>
    public static IReadOnlyList<object> GuidList(System.Data.Common.DbConnection connection, IEnumerable<Guid> ids) =>
        connection is SqliteConnection ? ids.Select(object (id) => id.ToString("D")).ToList() : ids.Select(object (id) => id).ToList();

    /// <summary>Times are stored as Unix milliseconds (UTC) in both dialects: unambiguous and sortable.</summary>
    private sealed class UnixMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.ToUnixTimeMilliseconds();
        }

        public override DateTimeOffset Parse(object value) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Lists of agency codes are stored comma-separated (codes never contain commas).</summary>
    private sealed class CodeListHandler : SqlMapper.TypeHandler<string[]>
    {
        public override void SetValue(IDbDataParameter parameter, string[]? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = string.Join(',', value ?? []);
        }

        public override string[] Parse(object value) =>
            ((string)value).Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
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
