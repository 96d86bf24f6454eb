using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Printing;
using Coordination.Hub.Localization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// An exercise's after-action report as paper: the printable page (right to left in Arabic) in the language the
/// request asked for, or the same page printed to PDF by the hub. Each reader prints what they may read of it.
/// </summary>
public sealed class PrintAfterAction(GetAfterAction afterAction, PdfPrinter printer, AgencyDirectory agencies) : IUseCase<PrintAfterAction.Query, PrintedReport>
{
    /// <param name="ExerciseId">The exercise.</param>
    /// <param name="Format">html (the default) or pdf.</param>
    public sealed record Query(Guid ExerciseId, string? Format);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Format).Must(f => f is null || PrintedReport.Formats.Contains(f)).Says(Invalid.PrintFormat);
        }
    }

    public Policy Policy => Policies.ReadAfterAction;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<PrintedReport> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        PrintedReport.DemandPrintable(request.Format, printer);

        var report = await afterAction.HandleAsync(caller, new GetAfterAction.Query(request.ExerciseId), cancellationToken);
        var arabic = Say.IsArabic;
        var page = AfterActionReportPage.Of(report, arabic, caller.UserName,
            code => agencies.Find(code) is { } agency ? (arabic ? agency.NameAr : agency.NameEn) : code);
        return await PrintedReport.OfAsync(page, request.Format, $"after-action-{request.ExerciseId:N}-{(Say.IsArabic ? "ar" : "en")}", printer, cancellationToken);
    }
}
