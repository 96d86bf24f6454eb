using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Common;

/// <summary>The version a change of a versioned thing (a risk, a plan, a scenario, the routing rules, holdings) was made from.</summary>
public static class MadeFrom
{
    /// <summary>
    /// <paramref name="expected"/>, or the latest when none was sent. A version beyond the latest was never read by
    /// anyone: a mistake to name (400), not a change made meanwhile (409, "changed since version 99").
    /// </summary>
    public static int Version(int? expected, int latest) => expected > latest
        ? throw new ValidationException([new ValidationFailure("expectedVersion", Invalid.VersionAhead(expected.Value, latest).ToString())])
        : expected ?? latest;
}
