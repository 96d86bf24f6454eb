using System.Globalization;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Evaluation;

/// <summary>A period of the evaluation: whole days in Libya's time, <see cref="First"/> to <see cref="Last"/> inclusive.</summary>
/// <param name="Kind">week, month, quarter or days (a chosen from and to).</param>
/// <param name="First">Its first day.</param>
/// <param name="Last">Its last day.</param>
/// <param name="Start">The first day's start, as an instant.</param>
/// <param name="End">The day after the last day's start: the period is [Start, End).</param>
public sealed record EvaluationPeriod(string Kind, DateOnly First, DateOnly Last, DateTimeOffset Start, DateTimeOffset End)
{
    public const string Week = "week";
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Days = "days";
    public const int MaxDays = 366;

    /// <summary>
    /// Libya keeps UTC+2 all year (no daylight saving since 2013); a fixed offset rather than the time zone database,
    /// so a period's bounds do not depend on what the host has installed.
    /// </summary>
    public static readonly TimeSpan LibyaOffset = TimeSpan.FromHours(2);

    public static IReadOnlyList<string> Kinds { get; } = [Week, Month, Quarter];

    /// <summary>Today's date in Libya.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(LibyaOffset).DateTime);

    /// <summary>The week (7 days), month or quarter ending on <paramref name="last"/>.</summary>
    public static EvaluationPeriod Ending(string kind, DateOnly last)
    {
        var first = kind switch
        {
            Week => last.AddDays(-6),
            Month => last.AddMonths(-1).AddDays(1),
            Quarter => last.AddMonths(-3).AddDays(1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a period."),
        };
        return Between(kind, first, last);
    }

    public static EvaluationPeriod Between(string kind, DateOnly first, DateOnly last) =>
        new(kind, first, last, StartOf(first), StartOf(last.AddDays(1)));

    /// <summary>The period just before, of the same kind (the same number of days for a chosen from and to).</summary>
    public EvaluationPeriod Previous() => Kind == Days
        ? Between(Days, First.AddDays(-(Last.DayNumber - First.DayNumber + 1)), First.AddDays(-1))
        : Ending(Kind, First.AddDays(-1));

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date >= CalendarYears.FirstDay && date <= CalendarYears.LastDay;

    private static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), LibyaOffset).ToUniversalTime();
}
