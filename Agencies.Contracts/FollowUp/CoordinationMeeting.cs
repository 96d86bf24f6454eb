namespace Coordination.Agencies.Contracts.FollowUp;

/// <summary>A decision of a coordination meeting, in Arabic and English.</summary>
/// <param name="TextAr">Arabic.</param>
/// <param name="TextEn">English.</param>
public sealed record MeetingDecision(string TextAr, string TextEn);

/// <summary>A coordination meeting of the joint committee, as it was recorded.</summary>
/// <param name="MeetingId">Its id, also the id of its stream in the log.</param>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Agencies">The agencies that attended.</param>
/// <param name="Decisions">What it decided.</param>
/// <param name="ActionItems">The improvement items it created (each recorded on its own stream with the meeting as its source).</param>
public sealed record CoordinationMeeting(Guid MeetingId, DateOnly HeldOn, IReadOnlyList<string> Agencies, IReadOnlyList<MeetingDecision> Decisions, IReadOnlyList<Guid> ActionItems);

/// <summary>A coordination meeting was recorded; its action items follow as <see cref="ImprovementItemRecorded"/> entries.</summary>
/// <param name="Meeting">The meeting.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="At">When.</param>
public sealed record MeetingRecorded(CoordinationMeeting Meeting, string By, DateTimeOffset At);
