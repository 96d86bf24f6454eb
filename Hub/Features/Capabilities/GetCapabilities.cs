using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Capabilities;

/// <summary>What one agency holds as it last declared it, and every declaration before, newest first.</summary>
public sealed class GetCapabilities(AgencyDirectory agencies, CapabilityLog capabilities) : IUseCase<GetCapabilities.Query, GetCapabilities.Detail>
{
    public sealed record Query(string Agency);

    /// <param name="Current">The latest declaration (version 0 and no holdings when the agency has declared nothing).</param>
    /// <param name="History">Every declaration, newest first: who, when, why.</param>
    public sealed record Detail(DeclarationView Current, IReadOnlyList<Declared> History);

    /// <summary>One declaration in the history: who, when, why, and how many lines it held.</summary>
    public sealed record Declared(int Version, string? DeclaredBy, DateTimeOffset? DeclaredAt, string? Reason, int Lines);

    public Policy Policy => Policies.SeeCapabilities;

    public async Task<Detail> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!agencies.Exists(request.Agency))
        {
            throw Refuse.NoAgency(request.Agency);
        }

        var history = await capabilities.HistoryAsync(request.Agency, cancellationToken);
        return new Detail(
            history.Count == 0 ? DeclarationView.None(request.Agency) : history[^1],
            [.. history.Reverse().Select(d => new Declared(d.Version, d.DeclaredBy, d.DeclaredAt, d.Reason, d.Holdings.Count))]);
    }
}
