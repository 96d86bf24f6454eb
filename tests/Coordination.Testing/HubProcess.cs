using System.Diagnostics;
using System.Text;

namespace Coordination.Testing;

/// <summary>
/// The hub as its own operating-system process, so it can be killed with SIGKILL and started again exactly as
/// it would be in the field (the fault tests), and its CPU and memory measured apart from the load generator's
/// (the live benchmarks). It runs the built Coordination.Hub.dll in the running program's own folder, where the
/// build of a program that references the Hub project puts it (the tests and the bench both do).
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    /// <summary>The sample users' password this process is started with.</summary>
    public const string SamplePassword = "test-password-1";

    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public HubProcess(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, int? port = null)
    {
        Port = port ?? Ports.Free();
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            // Staging behaves as Production (HSTS, no developer pages) but lets the sample users exist; a test of
            // Production's own refusals sets ASPNETCORE_ENVIRONMENT itself.
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Coordination__DataDirectory"] = dataDirectory,
            ["Coordination__Auth__SamplePassword"] = SamplePassword,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Coordination__Security__SignInsPerMinute"] = "100000",
            ["Coordination__Security__ReportsPerMinute"] = "100000",
            ["Coordination__Security__ReadsPerMinute"] = "100000",
            // Runs that report to agencies nobody watches would each gain an AgencyUnreachable per alert, which
            // tests counting an incident's entries do not expect; the flag has tests of its own.
            ["Coordination__Realtime__FlagUnreachableAgencies"] = "false",
            // Load runs hold thousands of connections with a handful of accounts.
            ["Coordination__Security__MaxConnectionsPerUser"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>CPU time the process has used so far.</summary>
    public TimeSpan CpuTime => ProcessCpu.Of(_process!);

    public long WorkingSetBytes
    {
        get
        {
            _process!.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Creates and starts a hub process; ready when this returns.</summary>
    public static async Task<HubProcess> StartNewAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var hub = new HubProcess(dataDirectory, settings);
        try
        {
            await hub.StartAsync();
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the process printed, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs the hub's program with <paramref name="args"/> (a command such as "admin create") to its end, with the same settings.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(string? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Coordination.Hub.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public async Task StartAsync()
    {
        var hubDll = Path.Combine(AppContext.BaseDirectory, "Coordination.Hub.dll");
        if (!File.Exists(hubDll))
        {
            // Said plainly here rather than as the dotnet host's error in the process output.
            throw new FileNotFoundException($"No Coordination.Hub.dll in {AppContext.BaseDirectory}: the program starting the hub must reference the Hub project.", hubDll);
        }

        var start = new ProcessStartInfo("dotnet", hubDll)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The hub process exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The hub process was not ready within 60 s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
