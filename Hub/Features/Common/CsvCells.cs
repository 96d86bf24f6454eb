namespace Coordination.Hub.Features.Common;

/// <summary>
/// The cells of every CSV the hub writes (the register's export, the ICS-214 activity logs) and of the one it reads
/// (the register's import). Written: RFC 4180 quoting, and a cell a spreadsheet would run as a formula (its first
/// character = + - @, a tab or a carriage return; text anyone can type, a risk's title or an agency's name) prefixed
/// with a single quote, as OWASP advises against CSV injection. Read: that quote taken off again, so an export
/// imported gives back exactly the values it was written from.
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A row of cells, each written as <see cref="Write"/> writes it, without its line break.</summary>
    public static string Row(IEnumerable<string> values) => string.Join(',', values.Select(Write));

    /// <summary>One value as a cell: neutralised, then quoted if it holds a comma, quote or line break.</summary>
    public static string Write(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // A value already starting with quotes before a formula character gets one more, so that reading takes off
        // exactly the quote writing added: "'=x" is written "''=x" and read back as "'=x".
        var cell = StartsLikeFormula(value.TrimStart('\'')) ? "'" + value : value;
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    /// <summary>The value of a cell already unquoted: the quote <see cref="Write"/> put before a formula character taken off.</summary>
    public static string Read(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && StartsLikeFormula(cell.TrimStart('\'')) ? cell[1..] : cell;
    }

    private static bool StartsLikeFormula(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]);
}
