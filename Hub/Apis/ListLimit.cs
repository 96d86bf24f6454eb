using Coordination.Hub.Features.Common;
using Coordination.Hub.Localization;

namespace Coordination.Hub.Apis;

/// <summary>The 'limit' of the list endpoints: 1 to 1000, a default when not given.</summary>
internal static class ListLimit
{
    public const int Max = 1000;

    public static int Or(this int? limit, int fallback) => limit switch
    {
        null => fallback,
        < 1 or > Max => throw new CommandRejectedException(Say.Of($"'limit' must be between 1 and {Max}.", $"الحد الأقصى للنتائج يجب أن يكون بين 1 و{Max}.")),
        _ => limit.Value,
    };
}
