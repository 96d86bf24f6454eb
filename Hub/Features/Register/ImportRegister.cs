using System.Buffers;
using System.Text.Unicode;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// Imports risks from CSV (the export's format): every row is checked first, and a bad row anywhere is reported by
/// line and field with nothing written; then each new risk is entered and each changed one changed, one entry per
/// risk, attributed to the importer, all in one transaction. Rows that match the register as it stands write nothing.
/// </summary>
public sealed class ImportRegister(RegisterLog register, RiskWriter writer, AgencyDirectory agencies, TimeProvider time) : IUseCase<ImportRegister.Command, ImportRegister.Imported>
{
    /// <summary>The CSV file as sent (UTF-8), and a reason for rows that give none.</summary>
    public sealed record Command(byte[] Csv, string? Reason);

    /// <summary>How many risks were entered, changed, and found as they already stood.</summary>
    public sealed record Imported(int Recorded, int Changed, int Unchanged);

    public Policy Policy => Policies.ChangeRisk;

    public async Task<Imported> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (rows, unreadable) = RegisterCsv.Read(Decode(request.Csv ?? []));
        var failures = unreadable.Select(u => Failure(u.Line, u.Field, u.Problem.ToString())).ToList();
        if (rows.Count == 0 && failures.Count == 0)
        {
            failures.Add(new ValidationFailure("csv", Invalid.CsvEmpty.ToString()));
        }

        // The query's reason stands in for every row that gives none, so it is held to a row's own reason rules.
        if (TextRules.ProblemOf(request.Reason, 1000, multiline: true, "السبب") is { } reasonProblem)
        {
            failures.Add(new ValidationFailure("reason", reasonProblem.ToString().Replace("{PropertyName}", "Reason", StringComparison.Ordinal)));
        }

        var validator = new RiskRequestValidator(agencies, time);
        foreach (var (line, row) in rows)
        {
            failures.AddRange((await validator.ValidateAsync(row, cancellationToken)).Errors.Select(e => Failure(line, e.PropertyName, e.ErrorMessage)));
        }

        failures.AddRange(rows.GroupBy(r => r.Request.Code).Where(g => g.Key is not null && g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(r => Failure(r.Line, "code", Invalid.CsvCodeTwice(g.Key).ToString()))));
        var all = await register.AsOfAsync(null, cancellationToken);
        var decided = new List<(Guid RiskId, Agencies.Contracts.Register.Risk? Risk, string? Reason, int Version)>();
        if (failures.Count == 0)
        {
            var planCodes = await writer.PlanCodesAsync(cancellationToken);
            foreach (var (line, row) in rows)
            {
                var current = all.FirstOrDefault(r => r.Risk.Code == row.Code);
                var withReason = string.IsNullOrWhiteSpace(row.Reason) ? row with { Reason = request.Reason } : row;
                try
                {
                    var risk = RiskWriter.Decide(caller, withReason, current, all, planCodes, $"line {line}.");
                    decided.Add((current?.Risk.RiskId ?? RiskWriter.IdFor(row.Code!), risk, withReason.Reason, current?.Version ?? 0));
                }
                catch (ValidationException ex)
                {
                    failures.AddRange(ex.Errors);
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var changes = decided.Where(d => d.Risk is not null).Select(d => (d.Risk!, d.Reason, d.Version)).ToList();
        if (changes.Count > 0)
        {
            // One transaction for every risk: a risk someone changed meanwhile leaves the register as it was.
            await writer.WriteAllAsync(caller, changes, cancellationToken);
        }

        return new Imported(decided.Count(d => d.Risk is not null && d.Version == 0), decided.Count(d => d.Risk is not null && d.Version > 0), decided.Count(d => d.Risk is null));
    }

    /// <summary>
    /// The file as text; refused, naming the line, when it is not UTF-8: a file saved in another encoding (Windows-1256
    /// Arabic, Latin-1) would otherwise be read with its letters replaced by U+FFFD and stored so.
    /// </summary>
    private static string Decode(byte[] csv)
    {
        var chars = new char[csv.Length];
        if (Utf8.ToUtf16(csv, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            var line = csv.AsSpan(0, read).Count((byte)'\n') + 1;
            throw new ValidationException([new ValidationFailure("csv", Invalid.CsvNotUtf8(line).ToString())]);
        }

        return new string(chars, 0, written);
    }

    private static ValidationFailure Failure(int line, string field, string message) =>
        new($"line {line}.{char.ToLowerInvariant(field[0])}{field[1..]}", message);
}
