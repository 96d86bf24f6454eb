using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// The years a date the hub is asked about may fall in: 2000 to 2099. A year 1 or 1970 is a value left unset by the
/// caller's program, not a moment anyone means, and is named rather than answered with an empty register.
/// </summary>
public static class CalendarYears
{
    /// <summary>
    /// The first and the last day the hub answers about, an evaluation's period too: the log keeps nothing from before
    /// 2000, and a far date's arithmetic overflows.
    /// </summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1), LastDay = new(2099, 12, 31);

    public static bool Within(DateTimeOffset? at) => at is not { } time || (time.Year >= FirstDay.Year && time.Year <= LastDay.Year);

    /// <summary>The rule for an <c>asOf</c> query: absent, or in those years.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> AsOfWithinYears<T>(this IRuleBuilder<T, DateTimeOffset?> rule) =>
        rule.Must(Within).Says(Invalid.AsOfYears).OverridePropertyName("asOf");
}
