using System.Globalization;

namespace Coordination.Persistence.Projections;

/// <summary>
/// The steps of the alerting of something dated that was not done by its day (a risk's review, an improvement item):
/// the responsible agency alerted, reminded, then escalated up the chain an unacknowledged alert climbs. Read models
/// keep how far it has gone as one number, so the escalation scan finds the next step due with one comparison.
/// </summary>
public static class OverdueSteps
{
    /// <summary>1 the agency alerted, 2 reminded, 3 to 5 escalation levels 1 to 3.</summary>
    public const int Alerted = 1, Reminded = 2, LastStep = 5;

    /// <summary>
    /// How many times a change to something dated tries its append when only the scan's steps came between its read
    /// and its write: one scan appends a long-overdue date's steps one after another, up to <see cref="LastStep"/> of
    /// them, so a change can lose that race as often; twice that leaves room for a second hub's scan.
    /// </summary>
    public const int ChangeAttempts = 2 * LastStep;

    /// <summary>When something due on <paramref name="day"/> becomes overdue: the start of the next day, UTC.</summary>
    public static DateTimeOffset OverdueFrom(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A date as the read models keep it (yyyy-MM-dd).</summary>
    public static string Stored(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as the read models keep it, read back.</summary>
    public static DateOnly Parse(string stored) => DateOnly.ParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
