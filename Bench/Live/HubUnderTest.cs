using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Coordination.Agencies.Contracts;

namespace Coordination.Bench.Live;

/// <summary>
/// The hub as its own process (Coordination.Hub.dll beside the bench), on a loopback port, so the
/// load generator's CPU and the hub's are measured apart.
/// </summary>
internal sealed class HubUnderTest : IAsyncDisposable
{
    public const string Password = "bench-password-1";

    private readonly Process _process;

    private HubUnderTest(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static async Task<HubUnderTest> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Coordination.Hub.dll"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Coordination__DataDirectory"] = dataDirectory,
            ["Coordination__Auth__SamplePassword"] = Password,
            // The generator signs in and reports far faster than people; the limits are not what is measured.
            ["Coordination__Security__SignInsPerMinute"] = "1000000",
            ["Coordination__Security__ReportsPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The hub process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"    hub: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new HubUnderTest(process, port);
        using var http = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The hub process exited with {process.ExitCode}.");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return hub;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                await hub.DisposeAsync();
                throw new TimeoutException("The hub was not ready within 60 s.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A client for many concurrent requests, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = Password)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(userName, password));
        return http;
    }

    public async Task<string> TokenAsync(string userName, string password = Password)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var response = await http.PostAsJsonAsync("api/auth/token", new { userName, password }, ContractJson.Options);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(ContractJson.Options);
        return body!["token"].ToString()!;
    }


    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
