namespace Coordination.Bench;

/// <summary>One measured figure, with the baseline it is compared against (if any).</summary>
public sealed record Result(string Id, string What, double Value, string Unit, string? BaselineId = null, double? Ratio = null, string? Detail = null);
