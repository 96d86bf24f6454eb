using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Capabilities;

/// <summary>What every registered agency holds, as each last declared it (agencies that have declared nothing with no holdings).</summary>
public sealed class ListCapabilities(AgencyDirectory agencies, CapabilityLog capabilities) : IUseCase<ListCapabilities.Query, IReadOnlyList<DeclarationView>>
{
    public sealed record Query;

    public Policy Policy => Policies.SeeCapabilities;

    public async Task<IReadOnlyList<DeclarationView>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        var declared = (await capabilities.LatestAsync(cancellationToken)).ToDictionary(d => d.Agency, StringComparer.Ordinal);
        return [.. agencies.All.Select(a => declared.GetValueOrDefault(a.Code) ?? DeclarationView.None(a.Code))];
    }
}
