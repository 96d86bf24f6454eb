using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;

namespace Coordination.Tests.Support;

/// <summary>Small helpers for calling the REST API as a client would.</summary>
public static class ApiCalls
{
    /// <summary>A client of the hub at <paramref name="hub"/> signed in as a sample user (a hub process's, or any other).</summary>
    public static async Task<HttpClient> SignedInAsync(Uri hub, string user)
    {
        var http = new HttpClient { BaseAddress = hub };
        var token = (await http.PostOkAsync("api/auth/token", new { userName = user, password = HubHost.Password })).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, HubHost.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> PutOkAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PutAsJsonAsync(path, body, HubHost.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"PUT {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every entry of the log the client may see, in order, read page by page.</summary>
    public static async Task<IReadOnlyList<LogEntry>> ReadLogAsync(this HttpClient client)
    {
        var entries = new List<LogEntry>();
        long after = 0;
        while (true)
        {
            var page = (await client.GetOkAsync($"api/log?after={after}&limit=1000")).Deserialize<CatchUpResponse>(HubHost.Json)!;
            entries.AddRange(page.Entries);
            after = page.NextAfter;
            if (after >= page.HeadPosition)
            {
                return entries;
            }
        }
    }

    /// <summary>Waits until the signed-in liaison's inbox holds at least <paramref name="count"/> alerts (a report made through the API is logged with its alerts; one logged without them is routed later).</summary>
    public static async Task WaitForAlertsAsync(this HttpClient liaison, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await liaison.GetOkAsync("api/alerts")).GetArrayLength() < count)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"routing did not raise {count} alerts for this agency in time");
            await Task.Delay(50);
        }
    }

    /// <summary>The AgencyAlerted entries for <paramref name="agency"/>, in log order.</summary>
    public static long[] AlertPositionsFor(this IEnumerable<LogEntry> entries, string agency) =>
        entries.Where(e => e.Type == EventTypes.AgencyAlerted && e.DataAs<AgencyAlerted>().Agency == agency).Select(e => e.Position).ToArray();

    /// <summary>A flood report in Derna, in Arabic, as the duty office would log it.</summary>
    public static object DernaFlood(string title = "فيضان في درنة: انهيار سدَّي وادي درنة") => new
    {
        hazard = "Flood",
        severity = "Extreme",
        urgency = "Immediate",
        certainty = "Observed",
        title,
        description = "مياه السيول تجرف أحياء وسط المدينة. <script>alert(1)</script> '; DROP TABLE event_log; --",
        district = "derna",
        municipality = "درنة",
        latitude = 32.7648,
        longitude = 22.6391,
    };
}
