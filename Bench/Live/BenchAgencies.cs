using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// The agencies and liaisons a live scenario needs: N agency groups, one liaison user each, and routing
/// rules that send a flood in district i to agencies i, i+1 and i+2, so every incident reaches exactly
/// three groups and the groups take turns.
/// </summary>
internal sealed class BenchAgencies
{
    public const int RoutedPerIncident = 3;

    private static readonly string[] Floods = ["Flood"];

    private BenchAgencies(int count) => Codes = Enumerable.Range(1, count).Select(i => $"bench-{i:00}").ToArray();

    public string[] Codes { get; }

    public static string LiaisonOf(string agency) => $"liaison.{agency}";

    /// <summary>The three agencies a flood in <paramref name="district"/> is routed to.</summary>
    public string[] RoutedFor(int district) =>
        Enumerable.Range(0, RoutedPerIncident).Select(k => Codes[(district + k) % Codes.Length]).ToArray();

    /// <summary><paramref name="count"/> agency groups, for a server without routing rules (the bare baseline).</summary>
    public static BenchAgencies Of(int count) => new(count);

    /// <summary>Writes the routing rules the hub is started with (before the agencies exist: unknown ones wait).</summary>
    public static BenchAgencies WriteRules(string folder, int count, out string rulesPath)
    {
        var agencies = new BenchAgencies(count);
        rulesPath = Path.Combine(folder, "bench-routing-rules.json");
        var rules = Districts.All.Select((d, i) => new
        {
            id = $"bench-{d.Code}",
            description = $"Bench: floods in {d.NameEn}.",
            hazards = Floods,
            minimumSeverity = "Minor",
            districts = new[] { d.Code },
            agencies = agencies.RoutedFor(i),
        });
        File.WriteAllText(rulesPath, JsonSerializer.Serialize(new { rules }));
        return agencies;
    }

    /// <summary>Registers the agencies and their liaisons through the admin API, as an administrator would.</summary>
    public async Task RegisterAsync(HubProcess hub)
    {
        using var admin = await hub.ClientForAsync("admin");
        foreach (var code in Codes)
        {
            await PostAsync(admin, "api/admin/agencies", new { code, nameAr = $"جهة {code}", nameEn = $"Agency {code}", kind = "Response" });
            await PostAsync(admin, "api/admin/users", new
            {
                userName = LiaisonOf(code),
                displayName = $"Liaison {code}",
                role = nameof(Role.Liaison),
                agency = code,
                password = HubProcess.SamplePassword,
            });
        }
    }

    /// <summary>How many of <paramref name="liaisons"/> connections each agency holds: the agencies take them in turn.</summary>
    public Dictionary<string, int> PerAgency(int liaisons)
    {
        var perAgency = Codes.ToDictionary(c => c, _ => 0);
        for (var i = 0; i < liaisons; i++)
        {
            perAgency[Codes[i % Codes.Length]]++;
        }

        return perAgency;
    }

    /// <summary>
    /// Connects <paramref name="liaisons"/> liaison screens, taking the agencies in turn; <paramref name="onEntry"/> hears each
    /// push with the agency of the screen. Returns the connections and how many each agency holds.
    /// </summary>
    public async Task<(List<HubConnection> Connections, Dictionary<string, int> PerAgency)> ConnectLiaisonsAsync(HubProcess hub, int liaisons, Action<string, Delivery> onEntry)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var code in Codes)
        {
            tokens[code] = await hub.TokenAsync(LiaisonOf(code));
        }

        var perAgency = PerAgency(liaisons);

        var connections = await Listener.ConnectManyAsync(liaisons, i =>
        {
            var agency = Codes[i % Codes.Length];
            return Listener.ConnectAsync(hub.BaseAddress, HubPaths.Coordination, tokens[agency], (entry, _) => onEntry(agency, entry));
        });
        return (connections, perAgency);
    }

    /// <summary>The duty office reports flood <paramref name="index"/> in <paramref name="district"/>, as the live scenarios do.</summary>
    public static Task<HttpResponseMessage> ReportFloodAsync(HttpClient duty, Guid eventId, int index, string district, string severity = "Severe") =>
        duty.PostAsJsonAsync("api/incidents", new
        {
            eventId,
            hazard = "Flood",
            severity,
            title = $"فيضان {index}",
            district,
        }, ContractJson.Options);

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, ContractJson.Options);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
