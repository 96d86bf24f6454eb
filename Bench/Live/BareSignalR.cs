using System.Diagnostics;
using System.Net;
using Coordination.Agencies.Contracts;
using Coordination.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Bench.Live;

/// <summary>
/// B3: the least a SignalR server can do for a fan-out: every client in one group, one broadcast of a
/// log-entry-sized message; and the same pushes as one S1 incident, to agency groups, for S1's baseline, and as one S9 report for S9's. It runs as its own process (this bench started with --bare-hub PORT) so
/// it is measured like the hub is.
/// </summary>
internal static class BareSignalR
{
    public const string Path = "/bare";

    /// <summary>Serves the bare hub until the process is killed.</summary>
    public static async Task<int> ServeAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        // S9's activation reaches it as one call of some 25 KB (BareActivation), close to SignalR's 32 KB default: raised for room.
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 256 * 1024).AddJsonProtocol(o => ContractJson.Apply(o.PayloadSerializerOptions));
        var app = builder.Build();
        app.MapHub<BareHub>(Path);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the bare hub as a child process and returns it with its address.</summary>
    public static async Task<(Process Process, Uri Address)> StartAsync()
    {
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet", $"{System.IO.Path.Combine(AppContext.BaseDirectory, "Coordination.Bench.dll")} --bare-hub {port}")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(1) };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = await probe.PostAsync(new Uri("bare/negotiate?negotiateVersion=1", UriKind.Relative), null);
                if (response.IsSuccessStatusCode)
                {
                    return (process, address);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        process.Kill();
        throw new TimeoutException("The bare SignalR server did not start.");
    }


    /// <summary>
    /// Joins every client to one group; Broadcast sends entries to the group as the hub's fan-out does. For S1's
    /// shape, a client also joins its agency's group, and Incident and Acknowledge push what the hub pushes for one incident.
    /// </summary>
    internal sealed class BareHub : Microsoft.AspNetCore.SignalR.Hub
    {
        public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, "everyone");

        public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

        /// <summary>
        /// What the hub pushes to the agencies of one incident routed to <paramref name="groups"/> when it is reported:
        /// each group the alerts from its own on (an agency sees an incident from its alert), in one message.
        /// </summary>
        public async Task Incident(string[] groups, Agencies.Contracts.Log.LogEntry[] alerts)
        {
            ArgumentNullException.ThrowIfNull(groups);
            ArgumentNullException.ThrowIfNull(alerts);
            for (var i = 0; i < groups.Length; i++)
            {
                await Clients.Group(groups[i]).SendAsync("EntriesAppended", alerts[i..], alerts[i].Position - 1);
            }
        }

        /// <summary>
        /// What the hub pushes to the agencies of one of S9's reports (<see cref="ActivationPushes"/>): each group, in the
        /// order of their alerts, its share in one message.
        /// </summary>
        public async Task Activation(string[] groups, Agencies.Contracts.Log.LogEntry[] entries, string?[] ownAgency)
        {
            ArgumentNullException.ThrowIfNull(groups);
            ArgumentNullException.ThrowIfNull(entries);
            ArgumentNullException.ThrowIfNull(ownAgency);
            for (var i = 0; i < groups.Length; i++)
            {
                await Clients.Group(groups[i]).SendAsync("EntriesAppended", ActivationPushes.ShareOf(i, groups[i], entries, ownAgency), entries[i].Position - 1);
            }
        }

        /// <summary>
        /// What the hub pushes when the incident's alert is acknowledged: the acknowledgement to every group. Its own
        /// call, made once a liaison has the alert, as S1's acknowledgement is, so it is written to each connection
        /// apart from the alerts and not in the same socket write.
        /// </summary>
        public async Task Acknowledge(string[] groups, Agencies.Contracts.Log.LogEntry acknowledgement)
        {
            ArgumentNullException.ThrowIfNull(groups);
            ArgumentNullException.ThrowIfNull(acknowledgement);
            foreach (var group in groups)
            {
                await Clients.Group(group).SendAsync("EntriesAppended", new[] { acknowledgement }, acknowledgement.Position - 1);
            }
        }

        /// <summary>
        /// Sends <paramref name="count"/> entries to the group one after another, a message each: a broadcast per
        /// log entry, without the hub's batching of the entries published together into one message.
        /// </summary>
        public async Task Broadcast(Agencies.Contracts.Log.LogEntry entry, int count)
        {
            ArgumentNullException.ThrowIfNull(entry);
            for (var i = 0; i < count; i++)
            {
                var next = entry with { Position = entry.Position + i, Version = entry.Version + i };
                await Clients.Group("everyone").SendAsync("EntriesAppended", new[] { next }, next.Position - 1);
            }
        }
    }
}
