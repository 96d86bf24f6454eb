using System.Globalization;
using System.Text;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Register;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// The register as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break in double quotes, UTF-8),
/// one risk per row, lists separated by ';', a text that would start a formula behind a single quote (see
/// <see cref="CsvCells"/>). What the export writes, the import reads back.
/// </summary>
public static class RegisterCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "hazard", "theme", "titleAr", "titleEn", "scenarioAr", "scenarioEn", "districts", "likelihood",
        "fatalities", "casualties", "displacement", "economic", "essentialServices", "socialPsychological", "environment", "security",
        "confidence", "leadAgency", "supportingAgencies", "controlsAr", "controlsEn", "plans", "nextReview", "reason",
    ];

    public static string Write(IEnumerable<Risk> risks)
    {
        ArgumentNullException.ThrowIfNull(risks);
        var csv = new StringBuilder().AppendJoin(',', Columns).Append("\r\n");
        foreach (var r in risks)
        {
            string[] fields =
            [
                r.Code, r.Hazard.ToString(), r.Theme.ToString(), r.TitleAr, r.TitleEn, r.ScenarioAr, r.ScenarioEn, string.Join(';', r.Districts), Number(r.Likelihood),
                Number(r.Impacts.Fatalities), Number(r.Impacts.Casualties), Number(r.Impacts.Displacement), Number(r.Impacts.Economic),
                Number(r.Impacts.EssentialServices), Number(r.Impacts.SocialPsychological), Number(r.Impacts.Environment), Number(r.Impacts.Security),
                r.Confidence.ToString(), r.LeadAgency, string.Join(';', r.SupportingAgencies), r.ControlsAr ?? "", r.ControlsEn ?? "", string.Join(';', r.Plans),
                r.NextReview.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "",
            ];
            csv.Append(CsvCells.Row(fields)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// The rows of a CSV text as requests, each with its line number (the header is line 1). What cannot be read is
    /// reported by line and column, or as <c>columns</c> for the line as a whole: a header that is not the export's,
    /// a row with more or fewer cells than the header names, a quote never closed, a value that is not one (a number
    /// that is not one, an unknown name: that field is left null).
    /// </summary>
    public static (IReadOnlyList<(int Line, RiskRequest Request)> Rows, IReadOnlyList<(int Line, string Field, Text Problem)> Unreadable) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (records, unclosed) = Records(text);
        var rows = new List<(int, RiskRequest)>();
        var unreadable = new List<(int, string, Text)>();
        if (records.Count == 0)
        {
            if (unclosed is { } quote)
            {
                unreadable.Add((quote.Line, "columns", Invalid.CsvUnclosedQuote(quote.Line)));
            }

            return (rows, unreadable);
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var missing = Columns.Where(c => c != "reason" && !header.Contains(c, StringComparer.Ordinal)).ToList();
        var unexpected = header.Where((h, i) => !Columns.Contains(h, StringComparer.Ordinal) || header.IndexOf(h) != i).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            // Every row would be read against the wrong columns: the header is the one thing to fix.
            unreadable.Add((1, "columns", Invalid.CsvHeader(missing, unexpected)));
            return (rows, unreadable);
        }

        if (unclosed is { } open)
        {
            unreadable.Add((open.Line, open.Index < header.Count ? header[open.Index] : "columns", Invalid.CsvUnclosedQuote(open.Line)));
        }

        foreach (var (line, fields) in records.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)))
        {
            if (fields.Count != header.Count)
            {
                // A cell too many or too few shifts or drops values unseen: the row is refused rather than guessed at.
                unreadable.Add((line, "columns", Invalid.CsvCellCount(line, fields.Count, header.Count)));
                continue;
            }

            string? Get(string column) => header.IndexOf(column) is var i and >= 0 && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;
            T? Enum<T>(string column) where T : struct, System.Enum
            {
                var value = Get(column);
                if (value is null)
                {
                    return null;
                }

                if (System.Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0]))
                {
                    return parsed;
                }

                unreadable.Add((line, column, Invalid.CsvValue(value)));
                return null;
            }

            int? Int(string column)
            {
                var value = Get(column);
                if (value is null)
                {
                    return null;
                }

                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                unreadable.Add((line, column, Invalid.CsvValue(value)));
                return null;
            }

            IReadOnlyList<string> List(string column) => Get(column)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

            DateOnly? Date(string column)
            {
                var value = Get(column);
                if (value is null)
                {
                    return null;
                }

                if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return parsed;
                }

                unreadable.Add((line, column, Invalid.CsvValue(value)));
                return null;
            }

            string[] dimensions = ["fatalities", "casualties", "displacement", "economic", "essentialServices", "socialPsychological", "environment", "security"];
            var scores = dimensions.Select(Int).ToArray();
            var impacts = scores.All(s => s is not null)
                ? new RiskImpacts(scores[0]!.Value, scores[1]!.Value, scores[2]!.Value, scores[3]!.Value, scores[4]!.Value, scores[5]!.Value, scores[6]!.Value, scores[7]!.Value)
                : null;
            rows.Add((line, new RiskRequest(
                Get("code"), Enum<HazardType>("hazard"), Enum<RiskTheme>("theme"), Get("titleAr"), Get("titleEn"), Get("scenarioAr"), Get("scenarioEn"),
                List("districts"), Int("likelihood"), impacts, Enum<Confidence>("confidence"), Get("leadAgency"), List("supportingAgencies"),
                Get("controlsAr"), Get("controlsEn"), List("plans"), Date("nextReview"), Get("reason"))));
        }

        return (rows, unreadable);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The records of an RFC 4180 text, each with the line it starts on, each cell as <see cref="CsvCells.Read"/> reads
    /// it; and where a quote opened that never closed (the line and the cell's place), whose record is left out.
    /// </summary>
    private static (List<(int Line, List<string> Fields)> Records, (int Line, int Index)? Unclosed) Records(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, startLine, quoteLine, quoted) = (1, 1, 1, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                (quoted, quoteLine) = (true, line);
            }
            else if (c == ',')
            {
                fields.Add(CsvCells.Read(field.ToString()));
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(CsvCells.Read(field.ToString()));
                field.Clear();
                records.Add((startLine, fields));
                fields = [];
                line++;
                startLine = line;
            }
            else if (c != '\uFEFF' || i > 0)
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            // The rest of the file went into one cell: nothing after the quote can be trusted as a row.
            return (records, (quoteLine, fields.Count));
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(CsvCells.Read(field.ToString()));
            records.Add((startLine, fields));
        }

        return (records, null);
    }
}
