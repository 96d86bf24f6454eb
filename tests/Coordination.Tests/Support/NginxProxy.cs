using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Coordination.Tests.Support;

/// <summary>
/// Debian's nginx running <c>deploy/nginx.conf</c> itself on loopback, as compose's <c>proxy</c> service runs it: the
/// file is included inside the http block of a top-level configuration shaped like the nginx image's own, and only
/// what names the production machine is rewritten (the hubs' host names, ports 80 and 443, the certificate and log
/// paths). Started as a child process in the foreground, stopped by its process id.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    /// <summary>The first nginx with the <c>http2</c> directive; older ones ask for HTTP/2 on the listen line.</summary>
    public static readonly Version Http2DirectiveSince = new(1, 25, 1);

    private readonly TempDirectory _folder;
    private readonly Process _process;
    private readonly StringBuilder _output;

    private NginxProxy(TempDirectory folder, Process process, StringBuilder output, int httpPort, int httpsPort, string site)
    {
        _folder = folder;
        _process = process;
        _output = output;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        Site = site;
    }

    public static bool IsInstalled => File.Exists(NginxPath);

    public int HttpPort { get; }

    public int HttpsPort { get; }

    /// <summary>The proxy's HTTPS address: the hub's address as clients know it.</summary>
    public Uri BaseAddress => new($"https://127.0.0.1:{HttpsPort}/");

    /// <summary>The plain HTTP address, which only redirects.</summary>
    public Uri PlainAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>deploy/nginx.conf as rendered for loopback, for a failing test's message.</summary>
    public string Site { get; }

    public string AccessLogPath => Path.Combine(_folder.Path, "access.log");

    public string ErrorLogPath => Path.Combine(_folder.Path, "error.log");

    /// <summary>The installed nginx's version, from <c>nginx -v</c>.</summary>
    public static async Task<Version> VersionAsync()
    {
        var start = new ProcessStartInfo(NginxPath, "-v") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        // nginx prints "nginx version: nginx/1.22.1" on standard error.
        var said = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = VersionLine().Match(said);
        return match.Success ? Version.Parse(match.Groups["version"].Value) : throw new InvalidOperationException($"Cannot read nginx's version from: {said}");
    }

    /// <summary>
    /// Renders <paramref name="site"/> (the text of deploy/nginx.conf) for loopback: the upstream hubs become
    /// <paramref name="hubPorts"/> on 127.0.0.1, ports 80 and 443 become <paramref name="httpPort"/> and
    /// <paramref name="httpsPort"/>, the certificate, key and access log move into <paramref name="folder"/>. Every
    /// other line stays as written. Throws, naming the text, when the file no longer has a form this knows: a
    /// rendering that silently left something out would test something else.
    /// </summary>
    public static string Render(string site, IReadOnlyList<int> hubPorts, int httpPort, int httpsPort, string folder, Version nginx)
    {
        ArgumentNullException.ThrowIfNull(hubPorts);
        if (hubPorts.Count != 2)
        {
            throw new ArgumentException("deploy/nginx.conf names two hubs.", nameof(hubPorts));
        }

        var oldNginx = nginx < Http2DirectiveSince;
        var rendered = site
            .ReplaceOnce("server hub-a:8080;", $"server 127.0.0.1:{hubPorts[0]};")
            .ReplaceOnce("server hub-b:8080;", $"server 127.0.0.1:{hubPorts[1]};")
            .ReplaceOnce("proxy_pass http://hub-a:8080/metrics;", $"proxy_pass http://127.0.0.1:{hubPorts[0]}/metrics;")
            .ReplaceOnce("proxy_pass http://hub-b:8080/metrics;", $"proxy_pass http://127.0.0.1:{hubPorts[1]}/metrics;")
            .ReplaceOnce("listen 80;", $"listen 127.0.0.1:{httpPort};")
            // nginx before 1.25.1 does not know "http2 on;" (compose runs 1.27): the same request for HTTP/2 in the
            // older form, on the listen line, so the server block is otherwise the file's own.
            .ReplaceOnce("listen 443 ssl;", oldNginx ? $"listen 127.0.0.1:{httpsPort} ssl http2;" : $"listen 127.0.0.1:{httpsPort} ssl;")
            .ReplaceOnce("http2 on;", oldNginx ? $"# http2 on; (nginx {nginx} predates it: asked for on the listen line above)" : "http2 on;")
            .ReplaceAll("/etc/nginx/tls/hub.crt", Path.Combine(folder, "hub.crt"))
            .ReplaceAll("/etc/nginx/tls/hub.key", Path.Combine(folder, "hub.key"))
            .ReplaceAll("/var/log/nginx/access.log", Path.Combine(folder, "access.log"));
        foreach (var production in new[] { "hub-a", "hub-b", "/etc/nginx", "/var/log" })
        {
            if (rendered.Contains(production, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"deploy/nginx.conf names {production} in a form the proxy test does not render for loopback:\n{site}");
            }
        }

        return rendered;
    }

    /// <summary>
    /// The nginx image's /etc/nginx/nginx.conf around the site file, as in compose's proxy (which mounts deploy/nginx.conf
    /// as conf.d/default.conf): its http-level access log in the "main" format to the same file is kept, since it is
    /// in force in production too. Paths are this folder's; one worker (the image starts one per core) spares a shared machine.
    /// </summary>
    public static string TopLevel(string folder, string siteFile) => $$"""
        pid {{Path.Combine(folder, "nginx.pid")}};
        error_log {{Path.Combine(folder, "error.log")}} notice;
        worker_processes 1;

        events {
            worker_connections 1024;
        }

        http {
            default_type application/octet-stream;
            log_format main '$remote_addr - $remote_user [$time_local] "$request" '
                            '$status $body_bytes_sent "$http_referer" '
                            '"$http_user_agent" "$http_x_forwarded_for"';
            access_log {{Path.Combine(folder, "access.log")}} main;
            sendfile on;
            keepalive_timeout 65;

            # Buffers in this folder: the compiled-in /var/lib/nginx may not be writable by whoever runs the tests.
            client_body_temp_path {{Path.Combine(folder, "body")}};
            proxy_temp_path {{Path.Combine(folder, "proxy")}};
            fastcgi_temp_path {{Path.Combine(folder, "fastcgi")}};
            uwsgi_temp_path {{Path.Combine(folder, "uwsgi")}};
            scgi_temp_path {{Path.Combine(folder, "scgi")}};

            include {{siteFile}};
        }

        """;

    /// <summary>Starts nginx with <paramref name="siteFile"/> (deploy/nginx.conf) in front of the hubs on <paramref name="hubPorts"/>; ready when this returns.</summary>
    public static async Task<NginxProxy> StartAsync(string siteFile, IReadOnlyList<int> hubPorts, TestCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var folder = new TempDirectory("coordination-nginx");
        try
        {
            var httpPort = Coordination.Testing.Ports.Free();
            var httpsPort = Coordination.Testing.Ports.Free();
            var site = Render(await File.ReadAllTextAsync(siteFile), hubPorts, httpPort, httpsPort, folder.Path, await VersionAsync());
            await File.WriteAllTextAsync(Path.Combine(folder.Path, "hub.crt"), certificate.CertificatePem);
            var key = Path.Combine(folder.Path, "hub.key");
            await File.WriteAllTextAsync(key, certificate.KeyPem);
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var rendered = Path.Combine(folder.Path, "default.conf");
            await File.WriteAllTextAsync(rendered, site);
            var main = Path.Combine(folder.Path, "nginx.conf");
            await File.WriteAllTextAsync(main, TopLevel(folder.Path, rendered));

            var start = new ProcessStartInfo(NginxPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            // -e: even the messages before the configuration is read go to this folder, not to /var/log/nginx.
            foreach (var arg in new[] { "-e", Path.Combine(folder.Path, "error.log"), "-c", main, "-g", "daemon off;" })
            {
                start.ArgumentList.Add(arg);
            }

            var output = new StringBuilder();
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var proxy = new NginxProxy(folder, process, output, httpPort, httpsPort, site);
            try
            {
                await proxy.WaitUntilListeningAsync();
                return proxy;
            }
            catch
            {
                await proxy.DisposeAsync();
                throw;
            }
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>The access log as written so far.</summary>
    public async Task<string[]> AccessLogAsync() => File.Exists(AccessLogPath) ? await File.ReadAllLinesAsync(AccessLogPath) : [];

    /// <summary>
    /// Waits until the access log has a line matching <paramref name="line"/>. nginx writes a request's line when it
    /// ends, and a WebSocket's only when the tunnel closes.
    /// </summary>
    public async Task<string[]> WaitForAccessLogAsync(Regex line, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(line);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var lines = await AccessLogAsync();
            if (lines.Any(line.IsMatch))
            {
                return lines;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No access log line matching {line} within {timeout.TotalSeconds:0} s:\n{string.Join('\n', lines)}");
            }

            await Task.Delay(50);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}:\n{Said()}\nThe rendered deploy/nginx.conf:\n{Site}");
            }

            if (await AcceptsAsync(HttpsPort) && await AcceptsAsync(HttpPort))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"nginx did not listen within 20 s:\n{Said()}");
    }

    /// <summary>What nginx printed and logged as errors.</summary>
    public string Said()
    {
        string printed;
        lock (_output)
        {
            printed = _output.ToString();
        }

        return File.Exists(ErrorLogPath) ? printed + File.ReadAllText(ErrorLogPath) : printed;
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

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The master and its workers, each by process id.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Dispose();
    }

    [GeneratedRegex(@"nginx/(?<version>\d+\.\d+(\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();
}

/// <summary>Exact rewrites of configuration text that fail loudly when the text is not there.</summary>
internal static class ConfigurationText
{
    public static string ReplaceOnce(this string text, string old, string replacement)
    {
        var count = Occurrences(text, old);
        return count == 1
            ? text.Replace(old, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx.conf has `{old}` {count.ToString(CultureInfo.InvariantCulture)} times, not once: the proxy test renders it for loopback and must learn its new form.");
    }

    public static string ReplaceAll(this string text, string old, string replacement) =>
        Occurrences(text, old) > 0
            ? text.Replace(old, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx.conf no longer has `{old}`: the proxy test renders it for loopback and must learn its new form.");

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
