using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.WebConsole;

namespace Coordination.Hub.Features.Console;

/// <summary>What the web console needs to know about this deployment: the map's optional tile layer.</summary>
public sealed class GetConsoleSettings(ConsoleOptions options) : IUseCase<GetConsoleSettings.Query, GetConsoleSettings.ConsoleSettings>
{
    public sealed record Query;

    public sealed record ConsoleSettings(string? TileUrl, string? TileAttribution);

    public Policy Policy => Policies.SignedIn;

    public Task<ConsoleSettings> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => Task.FromResult(new ConsoleSettings(
        string.IsNullOrWhiteSpace(options.TileUrl) ? null : options.TileUrl,
        string.IsNullOrWhiteSpace(options.TileAttribution) ? null : options.TileAttribution));
}
