using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Persistence.FollowUp;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>An improvement item as the follow-up shows it.</summary>
/// <param name="ItemId">Its id (and its stream's).</param>
/// <param name="ActionAr">What is to be done, in Arabic.</param>
/// <param name="ActionEn">What is to be done, in English.</param>
/// <param name="OwnerAgency">The agency that must do it.</param>
/// <param name="DueDate">When it is due.</param>
/// <param name="Source">None, Exercise or Meeting.</param>
/// <param name="SourceId">The exercise or meeting it came from.</param>
/// <param name="Status">Open or Done.</param>
/// <param name="Overdue">Open and its due date passed (on the day asked).</param>
/// <param name="Note">What was done, once done.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
/// <param name="CompletedBy">Who completed it.</param>
/// <param name="CompletedAt">When.</param>
/// <param name="AlertStep">How far an overdue item's alerting has gone: 0 nothing, 1 alerted, 2 reminded, 3 to 5 escalated.</param>
public sealed record ImprovementItemView(
    Guid ItemId,
    string ActionAr,
    string ActionEn,
    string OwnerAgency,
    DateOnly DueDate,
    ImprovementSource Source,
    Guid? SourceId,
    string Status,
    bool Overdue,
    string? Note,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    int AlertStep)
{
    /// <summary>Open, as stored.</summary>
    public const string Open = "Open", Done = "Done";

    public static ImprovementItemView From(ImprovementItemRow row, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        var due = OverdueSteps.Parse(row.DueDate);
        return new(row.ItemId, row.ActionAr, row.ActionEn, row.OwnerAgency, due, row.Source, row.SourceId, row.Status, row.Status == Open && due < today, row.Note,
            row.RecordedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.RecordedAt), row.CompletedBy,
            row.CompletedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null, row.Step);
    }
}
