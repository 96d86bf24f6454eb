using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Register;

/// <summary>The register (now, or as of a past moment) as CSV, the import's own format, or as JSON.</summary>
public sealed class ExportRegister(RegisterLog register) : IUseCase<ExportRegister.Query, ExportRegister.File>
{
    /// <summary><c>Format</c>: "csv" (the default) or "json".</summary>
    public sealed record Query(string? Format, DateTimeOffset? AsOf);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Format).Must(f => f is null or "csv" or "json").Says(Invalid.RegisterExportFormat).OverridePropertyName("format");
            RuleFor(q => q.AsOf).AsOfWithinYears();
        }
    }

    /// <summary>The file to send: its type, name and text.</summary>
    public sealed record File(string ContentType, string FileName, string Text);

    public Policy Policy => Policies.SeeRegister;

    public async Task<File> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var risks = (await register.AsOfAsync(request.AsOf, cancellationToken)).OrderBy(r => r.Risk.Code, StringComparer.Ordinal).ToArray();
        return string.Equals(request.Format, "json", StringComparison.Ordinal)
            ? new File("application/json", "risk-register.json", JsonSerializer.Serialize(risks, ContractJson.Options))
            : new File("text/csv; charset=utf-8", "risk-register.csv", RegisterCsv.Write(risks.Select(r => r.Risk)));
    }
}
