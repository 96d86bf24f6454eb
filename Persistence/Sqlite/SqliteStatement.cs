using System.Buffers;
using System.Reflection;
using System.Text;
using Coordination.Persistence.Dialects;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Coordination.Persistence.Sqlite;

/// <summary>
/// One statement of the append path on SQLite, prepared once on the connection's native handle with each
/// parameter's position resolved at prepare. Through ADO.NET every run looked each parameter up by name (SQLite
/// compares the names one by one: the board's insert has 25), wrapped each value in a parameter object and each
/// run in a data reader: in a trace of 100 appends in flight that was about a fifth of the log writer's time, and
/// the writer is the one thread every append waits for. Runs inside the connection's open transaction; values
/// are written as ADO.NET would write them (text as UTF-8, integers, reals, blobs, NULL).
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly string[] _names;
    private readonly Dictionary<Type, PropertyInfo[]> _bindings = [];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v3(_database, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement, out string tail));
        if (!string.IsNullOrWhiteSpace(tail))
        {
            _statement.Dispose();
            throw new ArgumentException("The append path's statements are one statement each.", nameof(sql));
        }

        _names = new string[raw.sqlite3_bind_parameter_count(_statement)];
        for (var i = 0; i < _names.Length; i++)
        {
            // "@Name" as written in the script; SQLite counts parameters from 1.
            _names[i] = raw.sqlite3_bind_parameter_name(_statement, i + 1).utf8_to_string()[1..];
        }
    }

    /// <summary>Runs the statement with <paramref name="parameters"/>' values; the rows it changed.</summary>
    public int Execute(object parameters)
    {
        try
        {
            Bind(parameters);
            var result = raw.sqlite3_step(_statement);
            if (result is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                Check(result);
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The first column of the first row, as ADO.NET returns it; null for no row or NULL.</summary>
    public object? Scalar(object parameters)
    {
        try
        {
            Bind(parameters);
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_DONE)
            {
                return null;
            }

            if (result != raw.SQLITE_ROW)
            {
                Check(result);
            }

            return raw.sqlite3_column_type(_statement, 0) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, 0),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, 0),
                raw.SQLITE_TEXT => raw.sqlite3_column_text(_statement, 0).utf8_to_string(),
                raw.SQLITE_BLOB => raw.sqlite3_column_blob(_statement, 0).ToArray(),
                _ => null,
            };
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Bind(object parameters)
    {
        var type = parameters.GetType();
        if (!_bindings.TryGetValue(type, out var properties))
        {
            properties = _bindings[type] = [.. _names.Select(name => Property(type, name))];
        }

        for (var i = 0; i < properties.Length; i++)
        {
            Check(BindValue(i + 1, DapperSetup.Stored(properties[i].GetValue(parameters), guidsAsText: true)));
        }
    }

    /// <summary>Every parameter of the script must have a value: SQLite would quietly bind NULL to a missing one.</summary>
    private static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
        ?? throw new InvalidOperationException($"The statement's parameter @{name} has no value in {type.Name}.");

    private int BindValue(int index, object value)
    {
        switch (value)
        {
            case DBNull:
                return raw.sqlite3_bind_null(_statement, index);
            case string text:
                return BindText(index, text);
            case byte[] bytes:
                return raw.sqlite3_bind_blob(_statement, index, bytes);
            case bool flag:
                return raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0);
            case double or float or decimal:
                return raw.sqlite3_bind_double(_statement, index, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            case long or int or short or byte or sbyte or ushort or uint:
                return raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            default:
                throw new NotSupportedException($"A {value.GetType().Name} cannot be written to SQLite by the append path.");
        }
    }

    /// <summary>UTF-8 as Microsoft.Data.Sqlite encodes it, through a pooled buffer; SQLite copies it.</summary>
    private int BindText(int index, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return raw.sqlite3_bind_text(_statement, index, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Check(int result) => ThrowOnError(result, _database);

    /// <summary>A SQLite result other than OK as the <see cref="SqliteException"/> ADO.NET would throw for it.</summary>
    internal static void ThrowOnError(int result, sqlite3 database)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }

    public void Dispose() => _statement.Dispose();
}
