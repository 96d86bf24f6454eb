using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// One reason a CAP message or an EDXL-DE envelope is not taken in: the element at fault, by its path below the root
/// (<c>status</c>, <c>info[0].severity</c>; empty for the document as a whole), and why, in both languages.
/// </summary>
public sealed record CapProblem(string Field, Text Why)
{
    /// <summary>A problem with the document as a whole (it cannot be read, or its root is not the one expected).</summary>
    public static CapProblem Whole(Text why) => new("", why);
}
