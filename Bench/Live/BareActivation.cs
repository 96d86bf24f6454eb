using System.Diagnostics;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// B3 at S9's load: the bare SignalR server with S9's clients (the same number in the same agency groups) and S9's two
/// steps at each rate, its reports open loop, each pushed as the hub pushes it (<see cref="ActivationPushes"/>): a plain
/// report's alerts to its three routed agencies; an activating report's alerts to those and the plan's other agencies,
/// its activation, and each agency's own tasks. Read with the same generator on the same two cores, it says what
/// activation costs SignalR alone against a plain report on this machine, and the hub's activation against the bare one
/// what the hub adds to the same pushes. Not the same work in every part: the hub's commit and relay have no counterpart
/// here; the bare server parses each report as one call carrying its entries (some 25 KB for an activation), the
/// generator builds them, and the bare server serialises an entry once per agency where the hub writes each entry's
/// JSON once (EntryJsonOnce).
/// </summary>
internal sealed class BareActivation : IAsyncDisposable
{
    private readonly Process _bare;
    private readonly BenchAgencies _agencies;
    private List<HubConnection> _connections = [];
    private HubConnection _sender = null!;
    private ActivationSteps _steps = null!;

    private BareActivation(Process bare, BenchAgencies agencies)
    {
        _bare = bare;
        _agencies = agencies;
    }

    /// <summary>The bare server with S9's clients connected and joined to their agencies' groups.</summary>
    public static async Task<BareActivation> StartAsync(Sizes sizes)
    {
        var (bare, address) = await BareSignalR.StartAsync();
        var agencies = BenchAgencies.Of(sizes.AgencyGroups);
        var run = new BareActivation(bare, agencies);
        try
        {
            run._steps = new ActivationSteps(agencies, agencies.PerAgency(sizes.Liaisons), [.. agencies.Codes.Take(PlanActivationScenario.TaskAgencies)], () => ProcessCpu.Of(bare));
            run._connections = await Listener.ConnectManyAsync(sizes.Liaisons, async i =>
            {
                var agency = agencies.Codes[i % agencies.Codes.Length];
                var connection = await Listener.ConnectAsync(address, BareSignalR.Path, "", (entry, _) => run._steps.OnEntry(agency, entry));
                await connection.InvokeAsync(nameof(BareSignalR.BareHub.Join), agency);
                return connection;
            });
            run._sender = await Listener.ConnectAsync(address, BareSignalR.Path, "", null);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>An unrecorded warm-up step, as S9's, then S9's plain and activating steps at each of its rates.</summary>
    public async Task<IReadOnlyList<Result>> MeasureAsync(Sizes sizes)
    {
        await StepAsync(Math.Max(1, sizes.Rates[0]), sizes.StepSeconds, activate: true);
        var results = new List<Result>();
        foreach (var rate in sizes.Rates.Take(2))
        {
            var plain = await StepAsync(rate, sizes.StepSeconds, activate: false);
            var activating = await StepAsync(rate, sizes.StepSeconds, activate: true);
            results.AddRange(PlanActivationScenario.Deliveries($"B3.s9.r{rate}", rate, plain, activating, "server"));
        }

        return results;
    }

    private Task<ActivationSteps.Figures> StepAsync(int rate, double seconds, bool activate) =>
        _steps.StepAsync(rate, seconds, activate, async (index, _, incidentId, activating) =>
        {
            var pushes = ActivationPushes.For(
                incidentId,
                (index * 40L) + 1, // room for a report's entries (at most 30) before the next report's

                _agencies.RoutedFor(ActivationSteps.DistrictOf(index)),
                activating ? _steps.TaskOwners(PlanActivationScenario.Tasks) : []);
            await _sender.InvokeAsync(nameof(BareSignalR.BareHub.Activation), pushes.Groups, pushes.Entries, pushes.OwnAgency);
            return false;
        });

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAllAsync(_sender is null ? _connections : _connections.Append(_sender));
        _bare.Kill(entireProcessTree: true);
        await _bare.WaitForExitAsync();
        _bare.Dispose();
    }
}
