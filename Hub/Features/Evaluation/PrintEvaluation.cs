using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Printing;
using Coordination.Hub.Localization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Evaluation;

/// <summary>
/// The evaluation as the coordination meeting's paper: the printable page (right to left in Arabic) in the language
/// the request asked for, or the same page printed to PDF by the hub.
/// </summary>
public sealed class PrintEvaluation(GetEvaluation evaluation, PdfPrinter printer) : IUseCase<PrintEvaluation.Query, PrintedReport>
{
    /// <param name="Format">html (the default) or pdf.</param>
    /// <param name="Period">As <see cref="IEvaluationScope.Period"/>.</param>
    /// <param name="Ending">As <see cref="IEvaluationScope.Ending"/>.</param>
    /// <param name="From">As <see cref="IEvaluationScope.From"/>.</param>
    /// <param name="Until">As <see cref="IEvaluationScope.Until"/>.</param>
    /// <param name="Exercise">As <see cref="IEvaluationScope.Exercise"/>.</param>
    public sealed record Query(string? Format, string? Period, string? Ending, string? From, string? Until, Guid? Exercise) : IEvaluationScope;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            this.AddScopeRules();
            RuleFor(q => q.Format).Must(f => f is null || PrintedReport.Formats.Contains(f)).Says(Invalid.PrintFormat);
        }
    }

    public Policy Policy => Policies.ReadEvaluation;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<PrintedReport> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        PrintedReport.DemandPrintable(request.Format, printer);

        var report = await evaluation.HandleAsync(caller, new GetEvaluation.Query(request.Period, request.Ending, request.From, request.Until, request.Exercise), cancellationToken);
        var page = EvaluationReportPage.Of(report, Say.IsArabic, caller.UserName);
        var name = report.Exercise is { } exercise ? $"evaluation-exercise-{exercise.ExerciseId:N}"
            : $"evaluation-{report.Period!.First:yyyy-MM-dd}-{report.Period.Last:yyyy-MM-dd}";
        return await PrintedReport.OfAsync(page, request.Format, $"{name}-{(Say.IsArabic ? "ar" : "en")}", printer, cancellationToken);
    }
}
