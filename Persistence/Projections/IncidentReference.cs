using System.Globalization;

namespace Coordination.Persistence.Projections;

/// <summary>
/// An incident's human-readable reference, INC-&lt;year&gt;-&lt;position of its report&gt;: derived, not stored in
/// the event, so it is unique without a second counter and the same after a rebuild.
/// </summary>
public static class IncidentReference
{
    /// <summary>The reference of the incident reported at <paramref name="reportedAt"/> whose report is at <paramref name="position"/>.</summary>
    public static string For(DateTimeOffset reportedAt, long position) =>
        string.Create(CultureInfo.InvariantCulture, $"INC-{reportedAt.UtcDateTime.Year}-{position:D6}");
}
