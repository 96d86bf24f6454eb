using System.Diagnostics;
using System.Net.Sockets;

namespace Coordination.Testing;

/// <summary>
/// A private RabbitMQ node from Debian's rabbitmq-server: loopback only, its own ports, node name,
/// epmd and data folder. Stopped (and restarted) by its process id, never by name. Used by the
/// benchmarks' RabbitMQ runs and by the tests' broker fixtures.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("coordination-rabbitmq-");
    private readonly Dictionary<string, string> _environment;
    private int? _pid;

    private RabbitMqBroker(bool management)
    {
        AmqpPort = Ports.Free();
        EpmdPort = Ports.Free();
        var distPort = Ports.Free();
        // The broker runs as the rabbitmq user: it must be able to write its folder.
        File.SetUnixFileMode(_data.FullName, (UnixFileMode)0x1FF);
        var plugins = Path.Combine(_data.FullName, "enabled_plugins");
        File.WriteAllText(plugins, "[].");
        File.SetUnixFileMode(plugins, (UnixFileMode)0x1B6);
        _environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_NODENAME"] = $"coordination-{Environment.ProcessId}-{AmqpPort}@localhost",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_data.FullName, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_data.FullName, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(_data.FullName, "rabbitmq.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["ERL_EPMD_PORT"] = EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (management)
        {
            // A management port of its own, on loopback, so brokers started side by side do not meet on 15672.
            ManagementPort = Ports.Free();
            var config = Path.Combine(_data.FullName, "rabbitmq.conf");
            File.WriteAllText(config, $"management.tcp.port = {ManagementPort}\nmanagement.tcp.ip = 127.0.0.1\n");
            File.SetUnixFileMode(config, (UnixFileMode)0x1B6);
            _environment["RABBITMQ_CONFIG_FILE"] = config;
        }
    }

    public int AmqpPort { get; }

    public int EpmdPort { get; }

    /// <summary>The management API's port (http://127.0.0.1:port/api/), when started with it; otherwise null.</summary>
    public int? ManagementPort { get; }

    public static bool IsInstalled => File.Exists("/usr/sbin/rabbitmq-server");

    /// <summary>Starts a node; with <paramref name="management"/>, the management plugin too, on a port of its own.</summary>
    public static async Task<RabbitMqBroker> StartAsync(bool management = false)
    {
        var broker = new RabbitMqBroker(management);
        if (management)
        {
            // Enabled before the start, in the node's own plugins file (the RABBITMQ_ENABLED_PLUGINS variable crashes this node).
            await broker.RunAsync("/usr/sbin/rabbitmq-plugins", "enable --offline rabbitmq_management");
        }

        await broker.StartNodeAsync();
        return broker;
    }

    /// <summary>Starts the node (again, after <see cref="StopNodeAsync"/>) on the same ports and data.</summary>
    public async Task StartNodeAsync()
    {
        var pidFile = _environment["RABBITMQ_PID_FILE"];
        File.Delete(pidFile);
        await RunAsync("/usr/sbin/rabbitmq-server", "-detached");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid) && await AcceptsAsync(AmqpPort)
                && (ManagementPort is not { } management || await AcceptsAsync(management)))
            {
                _pid = pid;
                return;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"RabbitMQ did not start within 90 s; see {_environment["RABBITMQ_LOG_BASE"]}.");
    }

    /// <summary>Stops the node by its OS process id and waits until its port is closed.</summary>
    public async Task StopNodeAsync()
    {
        if (_pid is not { } pid)
        {
            return;
        }

        _pid = null;
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        while (await AcceptsAsync(AmqpPort))
        {
            await Task.Delay(100);
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopNodeAsync();
        // The node started its own epmd on a private port; stop that too.
        await RunAsync("/usr/bin/epmd", "-kill");
        try
        {
            _data.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Files the broker's user wrote may be gone a moment later; the OS cleans temp anyway.
        }
    }
}
