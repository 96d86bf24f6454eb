namespace Coordination.Agencies.Contracts.FollowUp;

/// <summary>Where an improvement item came from.</summary>
public enum ImprovementSource
{
    /// <summary>Recorded on its own.</summary>
    None,

    /// <summary>An exercise's after-action (the source id is the exercise's id).</summary>
    Exercise,

    /// <summary>A coordination meeting's decisions (the source id is the meeting's id).</summary>
    Meeting,
}

/// <summary>An improvement item of the joint committee's follow-up, as it was recorded.</summary>
/// <param name="ItemId">Its id, also the id of its stream in the log.</param>
/// <param name="ActionAr">What is to be done, in Arabic.</param>
/// <param name="ActionEn">What is to be done, in English.</param>
/// <param name="OwnerAgency">The agency that must do it (its liaisons complete it and are alerted when it is overdue).</param>
/// <param name="DueDate">The day it is due; it is overdue from the start of the next day (UTC).</param>
/// <param name="Source">Where it came from.</param>
/// <param name="SourceId">The exercise or meeting it came from; null when <paramref name="Source"/> is None.</param>
public sealed record ImprovementItem(Guid ItemId, string ActionAr, string ActionEn, string OwnerAgency, DateOnly DueDate, ImprovementSource Source, Guid? SourceId);

/// <summary>An improvement item was recorded, open.</summary>
/// <param name="Item">The item.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="At">When.</param>
public sealed record ImprovementItemRecorded(ImprovementItem Item, string By, DateTimeOffset At);

/// <summary>An improvement item was done: its owner agency (or an administrator) says how. Ends an overdue item's alerting.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="OwnerAgency">Its owner agency.</param>
/// <param name="Note">What was done.</param>
/// <param name="By">Who completed it.</param>
/// <param name="At">When.</param>
public sealed record ImprovementItemCompleted(Guid ItemId, string OwnerAgency, string Note, string By, DateTimeOffset At);

/// <summary>An open improvement item's due date was moved, for a reason. A new date starts its overdue alerting afresh.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="OwnerAgency">Its owner agency.</param>
/// <param name="PreviousDueDate">The date it had.</param>
/// <param name="DueDate">The new date.</param>
/// <param name="Reason">Why.</param>
/// <param name="By">Who moved it.</param>
/// <param name="At">When.</param>
public sealed record ImprovementItemRescheduled(Guid ItemId, string OwnerAgency, DateOnly PreviousDueDate, DateOnly DueDate, string Reason, string By, DateTimeOffset At);

/// <summary>
/// An open improvement item's due date passed: its owner agency's liaisons are alerted (pushed to them, and to the duty
/// office and commanders). Appended once per due date.
/// </summary>
/// <param name="ItemId">The item (also its stream).</param>
/// <param name="OwnerAgency">The agency that must do it.</param>
/// <param name="ActionAr">What is to be done, in Arabic.</param>
/// <param name="ActionEn">What is to be done, in English.</param>
/// <param name="DueDate">The date that passed.</param>
/// <param name="DueAt">When it became overdue: the start of the day after <paramref name="DueDate"/> (UTC).</param>
public sealed record ImprovementItemOverdue(Guid ItemId, string OwnerAgency, string ActionAr, string ActionEn, DateOnly DueDate, DateTimeOffset DueAt);

/// <summary>An overdue improvement item is still open: its owner agency's liaisons are reminded, before it climbs the chain.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="OwnerAgency">The agency that must do it.</param>
/// <param name="DueDate">The date that passed.</param>
/// <param name="DueAt">When this reminder fell due (UTC).</param>
public sealed record ImprovementItemReminderSent(Guid ItemId, string OwnerAgency, DateOnly DueDate, DateTimeOffset DueAt);

/// <summary>
/// An overdue improvement item went one step up the chain an unacknowledged alert climbs: level 1 the owner agency's
/// duty officer, level 2 its head, level 3 the duty office and commanders.
/// </summary>
/// <param name="ItemId">The item.</param>
/// <param name="OwnerAgency">The agency that must do it.</param>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="EscalatedTo">Who is now being alerted, in words.</param>
/// <param name="DueDate">The date that passed.</param>
/// <param name="DueAt">When this step fell due (UTC).</param>
public sealed record ImprovementItemEscalated(Guid ItemId, string OwnerAgency, int Level, string EscalatedTo, DateOnly DueDate, DateTimeOffset DueAt);
