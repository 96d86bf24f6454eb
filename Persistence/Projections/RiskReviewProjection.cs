using Coordination.Agencies.Contracts.Register;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;

namespace Coordination.Persistence.Projections;

/// <summary>
/// Folds a risk's review into <c>risk_reviews</c> (its next review and how far an overdue review's alerting has gone)
/// and <c>risk_review_audience</c> (which agency sees the risk's stream, from its first overdue-review alert on), for
/// <see cref="ReadModelProjector"/>, in the append's own transaction like the rest.
/// </summary>
public static class RiskReviewProjection
{
    /// <summary>The steps of an overdue review's alerting: the alert, the reminder, then the three escalation levels (<see cref="OverdueSteps"/>).</summary>
    public const int Alerted = OverdueSteps.Alerted, Reminded = OverdueSteps.Reminded, LastStep = OverdueSteps.LastStep;

    /// <summary>When a review dated <paramref name="nextReview"/> becomes overdue: the start of the next day, UTC (as the register marks it).</summary>
    public static DateTimeOffset OverdueFrom(DateOnly nextReview) => OverdueSteps.OverdueFrom(nextReview);

    /// <summary>A review date as <c>risk_reviews</c> keeps it.</summary>
    public static string Stored(DateOnly date) => OverdueSteps.Stored(date);

    /// <summary>A version of <paramref name="risk"/> (recorded, changed or reviewed): its review as that version has it.</summary>
    public static async Task ApplyVersionAsync(IAppendStatements statements, Guid riskId, Risk risk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(risk);
        var values = new
        {
            RiskId = riskId,
            risk.Code,
            risk.TitleAr,
            risk.TitleEn,
            risk.LeadAgency,
            NextReview = Stored(risk.NextReview),
            DueAt = OverdueFrom(risk.NextReview).ToUnixTimeMilliseconds(),
            risk.IsSample,
        };
        if (await statements.ExecuteAsync(SqlScripts.Register.ReviewUpdate, values, cancellationToken) == 0)
        {
            await statements.ExecuteAsync(SqlScripts.Register.ReviewInsert, values, cancellationToken);
        }
    }

    /// <summary>An overdue review's alert, reminder or escalation.</summary>
    public static async Task ApplyStepAsync(IAppendStatements statements, StoredRow row, object? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(row);
        var (nextReview, step) = data switch
        {
            RiskReviewOverdue e => (e.NextReview, Alerted),
            RiskReviewReminderSent e => (e.NextReview, Reminded),
            RiskReviewEscalated e => (e.NextReview, Reminded + e.Level),
            _ => throw new ArgumentException($"Entry {row.Position} is not a step of an overdue review.", nameof(data)),
        };
        await statements.ExecuteAsync(SqlScripts.Register.ReviewStep, new { RiskId = row.IncidentId, NextReview = Stored(nextReview), Step = step }, cancellationToken);
        if (data is RiskReviewOverdue overdue)
        {
            await statements.ExecuteAsync(SqlScripts.Register.ReviewAudienceInsert, new { RiskId = row.IncidentId, Agency = overdue.LeadAgency, row.Position }, cancellationToken);
        }
    }
}
