using System.Collections.Concurrent;
using System.Diagnostics;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Bench.Live;
using Coordination.Dispatch.Routing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Tests;

/// <summary>
/// S9's bare baseline (B3.s9) is a baseline only if it pushes what the hub pushes: each agency the same entries of a
/// report, in the same order. Held against a real hub started as S9 starts it.
/// </summary>
[TestFixture]
public sealed class ActivationPushesTests
{
    private const int Agencies = 20;

    [Test]
    public async Task The_bare_baseline_pushes_each_agency_what_the_hub_pushes_it_for_a_plain_and_an_activating_report()
    {
        var data = Directory.CreateTempSubdirectory("coordination-s9-shape-").FullName;
        try
        {
            var (hub, agencies, taskAgencies) = await PlanActivationScenario.StartHubAsync(data, Agencies);
            await using var stopped = hub;
            var seen = new ConcurrentDictionary<(string Agency, Guid IncidentId), ConcurrentQueue<Delivery>>();
            var (connections, _) = await agencies.ConnectLiaisonsAsync(hub, Agencies, (agency, entry) =>
                seen.GetOrAdd((agency, entry.IncidentId), _ => new()).Enqueue(entry));
            using var duty = await hub.ClientForAsync("duty.operator");
            try
            {
                // A call is answered only after the hub's OnConnectedAsync, which puts the connection in its agency's group.
                foreach (var connection in connections)
                {
                    await connection.InvokeAsync<System.Text.Json.JsonElement>("CatchUp", 0L, 1);
                }

                // A district whose routed agencies are partly the plan's: the activation alerts the others after them.
                var index = Enumerable.Range(0, 40).First(i =>
                {
                    var routed = agencies.RoutedFor(ActivationSteps.DistrictOf(i));
                    return routed.Any(taskAgencies.Contains) && !routed.All(taskAgencies.Contains);
                });
                var steps = new ActivationSteps(agencies, [], taskAgencies, () => TimeSpan.Zero);
                var expected = new List<(Guid IncidentId, ActivationPushes Pushes)>();
                // The last report is the later event: each agency that saw the second is pushed the third after it.
                foreach (var activating in new[] { false, true, true })
                {
                    var eventId = Guid.CreateVersion7();
                    using var response = await BenchAgencies.ReportFloodAsync(duty, eventId, index,
                        Districts.All[ActivationSteps.DistrictOf(index)].Code, activating ? "Extreme" : "Severe");
                    Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                    var incidentId = DerivedEventId.Create(eventId, "incident");
                    var owners = activating ? steps.TaskOwners(PlanActivationScenario.Tasks) : [];
                    expected.Add((incidentId, ActivationPushes.For(incidentId, 1, agencies.RoutedFor(ActivationSteps.DistrictOf(index)), owners)));
                }

                var shares = expected.SelectMany(e => agencies.Codes.Select(agency => (agency, e.IncidentId, Share: ShareOf(e.Pushes, agency)))).ToArray();
                var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
                while (shares.Any(s => Count(seen, s.agency, s.IncidentId) < s.Share.Length) && Stopwatch.GetTimestamp() < deadline)
                {
                    await Task.Delay(20);
                }

                Assert.That(expected[1].Pushes.Groups, Has.Length.GreaterThan(BenchAgencies.RoutedPerIncident), "the activation alerts more agencies than routing");
                Assert.Multiple(() =>
                {
                    foreach (var (agency, incidentId, share) in shares.Where(s => s.IncidentId != expected[2].IncidentId))
                    {
                        var pushed = seen.TryGetValue((agency, incidentId), out var queue) ? queue.ToArray() : [];
                        Assert.That(pushed.Select(p => Describe(p)).ToArray(), Is.EqualTo(share.Select(Describe).ToArray()), $"{agency}, incident {incidentId}");
                    }
                });
            }
            finally
            {
                await Listener.DisposeAllAsync(connections);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static LogEntry[] ShareOf(ActivationPushes pushes, string agency)
    {
        var group = Array.IndexOf(pushes.Groups, agency);
        return group < 0 ? [] : ActivationPushes.ShareOf(group, agency, pushes.Entries, pushes.OwnAgency);
    }

    private static int Count(ConcurrentDictionary<(string, Guid), ConcurrentQueue<Delivery>> seen, string agency, Guid incidentId) =>
        seen.TryGetValue((agency, incidentId), out var queue) ? queue.Count : 0;

    private static string Describe(Delivery entry) => $"{entry.Type} {entry.Agency ?? "-"}";

    /// <summary>The expected entry as a pushed one reads: its type and the agency its data names.</summary>
    private static string Describe(LogEntry entry) =>
        $"{entry.Type} {(entry.Data.TryGetProperty("agency", out var agency) ? agency.GetString() : "-")}";
}
