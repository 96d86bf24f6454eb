using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts;
using Coordination.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Support;

/// <summary>The real hub on real Kestrel at 127.0.0.1 on a free port, with its own data folder and settings.</summary>
public sealed class HubHost : IAsyncDisposable
{
    public const string Password = HubProcess.SamplePassword;

    private readonly Factory _factory;
    private TempDirectory? _ownFolder;

    private HubHost(Factory factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>Starts a hub on a new data folder of its own, removed when the hub is disposed.</summary>
    public static async Task<HubHost> StartFreshAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var folder = new TempDirectory();
        try
        {
            var hub = await StartAsync(folder.Path, settings, time, services);
            hub._ownFolder = folder;
            return hub;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts a hub on <paramref name="dataDirectory"/>; extra settings override the embedded defaults, and
    /// <paramref name="services"/> changes its services after the hub's own (e.g. a captured log).
    /// </summary>
    public static Task<HubHost> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Coordination:DataDirectory"] = dataDirectory,
            ["Coordination:Auth:SamplePassword"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests sign in and report far faster than people; the limits have tests of their own.
            ["Coordination:Security:SignInsPerMinute"] = "100000",
            ["Coordination:Security:ReportsPerMinute"] = "100000",
            ["Coordination:Security:ReadsPerMinute"] = "100000",
            // Seals only on demand: tests that move a fake clock by hours would otherwise see seal entries among theirs.
            ["Coordination:Seal:Interval"] = "00:00:00",
            // Reports to agencies nobody watches would each gain an AgencyUnreachable per alert, which tests
            // counting an incident's entries do not expect; the flag has tests of its own.
            ["Coordination:Realtime:FlagUnreachableAgencies"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new Factory(all, time, services);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return Task.FromResult(new HubHost(factory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/")));
    }

    public async Task<string> SignInAsync(string userName)
    {
        var response = await Http.PostAsJsonAsync("api/auth/token", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>An HTTP client signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(userName));
        return client;
    }

    /// <summary>A realtime client signed in as <paramref name="userName"/>, keeping every entry it applies.</summary>
    public Task<CoordinationClient> ConnectAsync(string userName, long startAfter = 0) =>
        CoordinationClient.ConnectAsync(BaseAddress, userName, Password, new CoordinationClientOptions { KeepHistory = true, StartAfter = startAfter });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        _ownFolder?.Dispose();
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ContractJson.Apply(options);
        return options;
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, TimeProvider? time, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            if (time is not null)
            {
                builder.ConfigureTestServices(s => s.AddSingleton(time));
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }

            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
