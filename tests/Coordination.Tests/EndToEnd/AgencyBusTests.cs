using System.Globalization;
using System.Net.Http.Json;
using Coordination.Agencies.Contracts.Bus;
using System.Net;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Directory;
using MassTransit;
using RabbitMQ.Client.Exceptions;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Tests.Support;

namespace Coordination.Tests.EndToEnd;

/// <summary>Agencies' own systems read durable queues of their own on RabbitMQ, filled from the log by what each agency may see.</summary>
[TestFixture]
[NonParallelizable]
public sealed class AgencyBusTests : RabbitMqFixture
{
    private const string AlertedUrn = "urn:message:Coordination.Agencies.Contracts.Bus:AgencyEntry[[Coordination.Agencies.Contracts.Alerts:AgencyAlerted]]";

    protected override bool Management => true;

    private Dictionary<string, string?> Settings()
    {
        var settings = BusSettings();
        settings["Coordination:AgencyBus:Agencies:0"] = "ncem";
        settings["Coordination:AgencyBus:Agencies:1"] = "security-tripoli";
        settings["Coordination:Security:ReportsPerMinute"] = "10000";
        return settings;
    }

    private static string Queue(Dictionary<string, string?> settings, string agency) =>
        AgencyQueues.Entries(settings["Coordination:Bus:QueuePrefix"]!, agency);

    [Test]
    public async Task A_flood_in_Derna_reaches_NCEM_s_queue_and_not_Tripoli_security_s_and_a_restricted_incident_only_the_cleared_agency_s()
    {
        var settings = Settings();
        await using var hub = await HubHost.StartFreshAsync(settings);
        await using var ncem = await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "ncem"));
        await using var tripoliSecurity = await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "security-tripoli"));
        using var operatorApi = await hub.ClientForAsync("duty.operator");

        const string title = "فيضان في درنة: انهيار سدَّي وادي درنة";
        var flood = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title))).GetProperty("incidentId").GetGuid();
        var restricted = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "ArmedClash", severity = "Severe", title = "تهديد لمنشأة في طرابلس", district = "tripoli",
            classification = "Restricted", clearedAgencies = new[] { "ncem" },
        })).GetProperty("incidentId").GetGuid();
        // Reported last: once Tripoli security's queue holds its alert, anything else owed to that queue came before it.
        var clash = (await operatorApi.PostOkAsync("api/incidents", Clash(0))).GetProperty("incidentId").GetGuid();

        var security = await tripoliSecurity.WaitUntilAsync(r => r.Any(m => IncidentOf(m) == clash && m.Type == EventTypes.AgencyAlerted));
        var ncemReceived = await ncem.WaitUntilAsync(r => r.Any(m => IncidentOf(m) == restricted && m.Type == EventTypes.AgencyAlerted));

        using var commander = await hub.ClientForAsync("commander");
        var log = await commander.ReadLogAsync();
        var floodAlert = log.Single(e => e.IncidentId == flood && e.Type == EventTypes.AgencyAlerted && e.Data.GetProperty("agency").GetString() == "ncem");
        var delivered = ncemReceived.Single(m => m.Position == floodAlert.Position);
        Assert.Multiple(() =>
        {
            Assert.That(delivered.MessageTypes, Does.Contain(AlertedUrn), "a typed AgencyEntry<AgencyAlerted>");
            Assert.That(delivered.Data.GetProperty("title").GetString(), Is.EqualTo(title), "Arabic arrives exactly");
            Assert.That(delivered.Message.GetProperty("version").GetInt32(), Is.EqualTo(floodAlert.Version));
            Assert.That(delivered.Message.GetProperty("eventId").GetGuid(), Is.EqualTo(floodAlert.EventId));
            Assert.That(ncemReceived.Select(m => m.Position), Is.Unique.And.Ordered.Ascending);
            Assert.That(security.Where(m => IncidentOf(m) == flood), Is.Empty, "Tripoli's security directorate is not routed a flood in Derna");
            Assert.That(security.Where(m => IncidentOf(m) == restricted), Is.Empty, "a restricted incident reaches only the agencies cleared for it");
            Assert.That(ncemReceived.Count(m => IncidentOf(m) == restricted && m.Type == EventTypes.AgencyAlerted), Is.EqualTo(1), "NCEM, cleared, is alerted");
        });
    }

    [Test]
    public async Task A_subscriber_stopped_for_200_reports_and_a_hub_restart_gets_every_entry_it_is_owed_once_in_order()
    {
        var settings = Settings();
        using var folder = new TempDirectory();
        var queue = Queue(settings, "security-tripoli");
        List<AgencyQueueReader.Delivered> received;
        await using (var hub = await HubHost.StartAsync(folder.Path, settings))
        {
            var reader = await AgencyQueueReader.StartAsync(Broker.AmqpPort, queue);
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            await operatorApi.PostOkAsync("api/incidents", Clash(-1));
            // Stopped once it has everything owed so far, so nothing is in flight when it goes away.
            using (var liaison = await hub.ClientForAsync("liaison.security-tripoli"))
            {
                var owedSoFar = (await liaison.ReadLogAsync()).Select(e => e.Position).ToArray();
                await reader.WaitUntilAsync(r => owedSoFar.All(p => r.Any(m => m.Position == p)));
            }

            await reader.DisposeAsync();
            received = [.. reader.Received];

            for (var i = 0; i < 100; i++)
            {
                await operatorApi.PostOkAsync("api/incidents", Clash(i));
            }
        }

        // The hub stops and starts again while the subscriber is still away.
        await using (var hub = await HubHost.StartAsync(folder.Path, settings))
        {
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            for (var i = 100; i < 200; i++)
            {
                await operatorApi.PostOkAsync("api/incidents", Clash(i));
            }

            using var liaison = await hub.ClientForAsync("liaison.security-tripoli");
            var owed = (await liaison.ReadLogAsync()).Select(e => e.Position).ToArray();
            await using var restarted = await AgencyQueueReader.StartAsync(Broker.AmqpPort, queue);
            var backlog = await restarted.WaitUntilAsync(r => r.Count > 0 && r[^1].Position >= owed[^1], TimeSpan.FromSeconds(60));
            received.AddRange(backlog);
            var positions = received.Select(m => m.Position).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(backlog.Count(m => m.MessageTypes.Contains(AlertedUrn) && m.Data.GetProperty("agency").GetString() == "security-tripoli"), Is.EqualTo(200), "the 200 alerts of the reports made while it was away");
                Assert.That(positions, Is.Ordered.Ascending, "in log order");
                Assert.That(positions.Distinct(), Is.EqualTo(owed), "exactly what catch-up says the agency may see, nothing more or less");
            });
            Assert.That(positions, Is.Unique, "each once: the stop of the hub saved the queue's checkpoint");
        }
    }

    [Test]
    public async Task An_agency_system_s_own_broker_identity_reads_only_its_queue_and_stops_working_when_rotated_or_revoked()
    {
        var settings = Settings();
        await using var hub = await HubHost.StartFreshAsync(settings);
        using var admin = await hub.ClientForAsync("admin");
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        await using (await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "ncem")))
        {
            // The queues exist once a guest reader finds them; the agency's own identity is what is tested below.
        }

        var issued = await admin.PostOkAsync("api/admin/agencies/ncem/bus-credentials", new { });
        var (user, password) = (issued.GetProperty("userName").GetString()!, issued.GetProperty("password").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(user, Is.EqualTo(settings["Coordination:Bus:QueuePrefix"] + ".agency.ncem"));
            Assert.That(issued.GetProperty("queue").GetString(), Is.EqualTo(Queue(settings, "ncem")));
            Assert.That(issued.GetProperty("rotated").GetBoolean(), Is.False);
        });

        var ncem = await AgencyQueueReader.ConnectAsync(Broker.AmqpPort, Queue(settings, "ncem"), user, password);
        var flood = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await ncem.WaitUntilAsync(r => r.Any(m => IncidentOf(m) == flood && m.Type == EventTypes.AgencyAlerted));
        var other = Assert.ThrowsAsync<OperationInterruptedException>(() => AgencyQueueReader.ConnectAsync(Broker.AmqpPort, Queue(settings, "security-tripoli"), user, password));
        Assert.That(other!.ShutdownReason?.ReplyCode, Is.EqualTo(403), "the broker refuses NCEM's system Tripoli security's queue");

        var rotated = await admin.PostOkAsync("api/admin/agencies/ncem/bus-credentials", new { });
        var newPassword = rotated.GetProperty("password").GetString()!;
        Assert.That(rotated.GetProperty("rotated").GetBoolean(), Is.True);
        Assert.ThrowsAsync<BrokerUnreachableException>(() => AgencyQueueReader.ConnectAsync(Broker.AmqpPort, Queue(settings, "ncem"), user, password), "the old password no longer opens a connection");
        await using (await AgencyQueueReader.ConnectAsync(Broker.AmqpPort, Queue(settings, "ncem"), user, newPassword))
        {
        }

        using (var revoked = await admin.DeleteAsync(new Uri("api/admin/agencies/ncem/bus-credentials", UriKind.Relative)))
        {
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revoked.Content.ReadAsStringAsync());
        }

        await ncem.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        await ncem.DisposeAsync();
        Assert.ThrowsAsync<BrokerUnreachableException>(() => AgencyQueueReader.ConnectAsync(Broker.AmqpPort, Queue(settings, "ncem"), user, newPassword), "a revoked identity is refused");

        using var inArabic = new HttpRequestMessage(HttpMethod.Post, new Uri("api/admin/agencies/civil-defence/bus-credentials", UriKind.Relative));
        inArabic.Headers.AcceptLanguage.ParseAdd("ar");
        using var notOnTheBus = await admin.SendAsync(inArabic);
        using var noAgency = await admin.PostAsync(new Uri("api/admin/agencies/nobody/bus-credentials", UriKind.Relative), JsonContent.Create(new { }));
        using var commander = await hub.ClientForAsync("commander");
        var log = await commander.ReadLogAsync();
        var refusal = await notOnTheBus.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(notOnTheBus.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(refusal, Does.Contain("Coordination:AgencyBus:Agencies").And.Contain("طابور"), "said in Arabic to one who asks in Arabic");
            Assert.That(noAgency.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(log.Where(e => e.Type == EventTypes.AgencySystemCredentialsIssued).Select(e => e.DataAs<AgencySystemCredentialsIssued>()),
                Is.EqualTo(new[] { new AgencySystemCredentialsIssued("ncem", user, false, "admin"), new AgencySystemCredentialsIssued("ncem", user, true, "admin") }));
            Assert.That(log.Where(e => e.Type == EventTypes.AgencySystemCredentialsRevoked).Select(e => e.DataAs<AgencySystemCredentialsRevoked>()),
                Is.EqualTo(new[] { new AgencySystemCredentialsRevoked("ncem", user, "admin") }));
            Assert.That(log.Select(e => e.Data.GetRawText()), Has.None.Contain(password).And.None.Contain(newPassword), "no password enters the log");
        });
    }

    [Test]
    public async Task An_agency_system_that_declares_its_queue_again_with_other_arguments_stops_no_other_agency_s_feed()
    {
        var settings = Settings();
        using var folder = new TempDirectory();
        string user, password;
        await using (var hub = await HubHost.StartAsync(folder.Path, settings))
        {
            using var admin = await hub.ClientForAsync("admin");
            await using (await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "ncem")))
            {
                // The hub has declared the agency's queues.
            }

            var issued = await admin.PostOkAsync("api/admin/agencies/ncem/bus-credentials", new { });
            (user, password) = (issued.GetProperty("userName").GetString()!, issued.GetProperty("password").GetString()!);
        }

        // NCEM's system, with only its own rights, deletes its queue and declares it again its own way while the hub is down.
        var factory = new RabbitMQ.Client.ConnectionFactory { HostName = "127.0.0.1", Port = Broker.AmqpPort, UserName = user, Password = password };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeleteAsync(Queue(settings, "ncem"), ifUnused: false, ifEmpty: false);
            await channel.QueueDeclareAsync(Queue(settings, "ncem"), durable: true, exclusive: false, autoDelete: false,
                new Dictionary<string, object?> { ["x-max-length"] = 100_000 });
        }

        await using (var hub = await HubHost.StartAsync(folder.Path, settings))
        {
            await using var ncem = await AgencyQueueReader.ConnectAsync(Broker.AmqpPort, Queue(settings, "ncem"), user, password);
            await using var tripoliSecurity = await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "security-tripoli"));
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            var flood = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
            var clash = (await operatorApi.PostOkAsync("api/incidents", Clash(0))).GetProperty("incidentId").GetGuid();

            var security = await tripoliSecurity.WaitUntilAsync(r => r.Any(m => IncidentOf(m) == clash && AlertTo(m, "security-tripoli")));
            var ncemReceived = await ncem.WaitUntilAsync(r => r.Any(m => IncidentOf(m) == flood && AlertTo(m, "ncem")));
            Assert.Multiple(() =>
            {
                Assert.That(security.Count(m => IncidentOf(m) == clash && AlertTo(m, "security-tripoli")), Is.EqualTo(1), "Tripoli security's queue is fed");
                Assert.That(ncemReceived.Count(m => IncidentOf(m) == flood && AlertTo(m, "ncem")), Is.EqualTo(1), "NCEM's queue, declared its own way, is fed as it is");
            });
        }
    }

    [Test]
    public async Task An_acknowledgement_sent_over_the_bus_is_stored_once_shows_live_on_the_commander_s_timeline_and_a_bad_command_is_refused_on_the_reply_queue()
    {
        var settings = Settings();
        await using var hub = await HubHost.StartFreshAsync(settings);
        using var admin = await hub.ClientForAsync("admin");
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        await using (await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "ncem")))
        {
            // The hub has declared the agency's queues.
        }

        var issued = await admin.PostOkAsync("api/admin/agencies/ncem/bus-credentials", new { });
        var (user, password) = (issued.GetProperty("userName").GetString()!, issued.GetProperty("password").GetString()!);
        var prefix = settings["Coordination:Bus:QueuePrefix"]!;
        await using var replies = await AgencyQueueReader.ConnectAsync(Broker.AmqpPort, AgencyQueues.Replies(prefix, "ncem"), user, password);
        var system = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", (ushort)Broker.AmqpPort, "/", h =>
            {
                h.Username(user);
                h.Password(password);
            });
            // Under the agency's own names: its identity may make nothing else.
            cfg.OverrideDefaultBusEndpointQueueName($"{Queue(settings, "ncem")}.bus-{Guid.NewGuid():N}");
        });
        await system.StartAsync();
        try
        {
            await using var commander = await hub.ConnectAsync("commander");
            var flood = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
            var commands = await system.GetSendEndpoint(new Uri($"exchange:{AgencyQueues.Commands(prefix, "ncem")}"));
            var key = Guid.NewGuid();
            var acknowledge = new AcknowledgeAlertOverBus(flood, new AcknowledgeAlertRequest(key, "فريقان في الطريق", null));
            await commands.Send(acknowledge);
            await commands.Send(acknowledge);
            var answers = await replies.WaitUntilAsync(r => r.Count >= 2);
            var seen = await commander.WaitUntilAsync(es => es.Any(e => e.IncidentId == flood && e.Type == EventTypes.AlertAcknowledged));

            using var commanderApi = await hub.ClientForAsync("commander");
            var before = (await commanderApi.ReadLogAsync()).Count(e => e.IncidentId == flood);
            await commands.Send(new PostUpdateOverBus(flood, new PostUpdateRequest(Guid.NewGuid(), "", null, null), "en"));
            var refused = (await replies.WaitUntilAsync(r => r.Count >= 3))[2].Message;
            var log = await commanderApi.ReadLogAsync();
            var details = await commanderApi.GetOkAsync($"api/incidents/{flood}");
            Assert.Multiple(() =>
            {
                Assert.That(answers.Select(a => a.Message.GetProperty("response").GetProperty("wasDuplicate").GetBoolean()), Is.EqualTo(new[] { false, true }), "sent twice with one key, stored once");
                Assert.That(answers.Select(a => a.Message.GetProperty("response").GetProperty("position").GetInt64()).Distinct().Count(), Is.EqualTo(1));
                Assert.That(log.Count(e => e.IncidentId == flood && e.Type == EventTypes.AlertAcknowledged), Is.EqualTo(1));
                Assert.That(seen.Single(e => e.IncidentId == flood && e.Type == EventTypes.AlertAcknowledged).Metadata.Actor, Is.EqualTo("agency.ncem"), "pushed live to the commander, by the agency's system");
                Assert.That(details.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "ncem").GetProperty("acknowledgedBy").GetString(), Is.EqualTo("agency.ncem"));
                Assert.That(refused.GetProperty("refusal").GetProperty("status").GetInt32(), Is.EqualTo(400));
                Assert.That(refused.GetProperty("refusal").GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain("text"), "the refusal names the field");
                Assert.That(log.Count(e => e.IncidentId == flood), Is.EqualTo(before), "nothing written for the bad command");
            });
        }
        finally
        {
            await system.StopAsync();
        }
    }

    [Test]
    public async Task The_sample_subscriber_prints_NCEM_s_alert_and_acknowledges_it_over_the_bus()
    {
        var settings = Settings();
        await using var hub = await HubHost.StartFreshAsync(settings);
        using var admin = await hub.ClientForAsync("admin");
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        await using (await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "ncem")))
        {
            // The hub has declared the agency's queues.
        }

        var issued = await admin.PostOkAsync("api/admin/agencies/ncem/bus-credentials", new { });
        using var folder = new TempDirectory();
        // Run from its own build output, with only its own dependencies, as an agency would run it.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var sample = Path.Combine(RepositoryRoot.Folder, "samples", "AgencySubscriber", "bin", output.Parent!.Name, output.Name, "AgencySubscriber.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", sample)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["AGENCY"] = "ncem";
        start.Environment["BUS_HOST"] = "127.0.0.1";
        start.Environment["BUS_PORT"] = Broker.AmqpPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["BUS_USER"] = issued.GetProperty("userName").GetString();
        start.Environment["BUS_PASSWORD"] = issued.GetProperty("password").GetString();
        start.Environment["BUS_PREFIX"] = settings["Coordination:Bus:QueuePrefix"];
        start.Environment["POSITION_FILE"] = Path.Combine(folder.Path, "ncem.position");
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscriber = System.Diagnostics.Process.Start(start)!;
        subscriber.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Enqueue(line);
                if (line.StartsWith(nameof(AcknowledgeAlertOverBus), StringComparison.Ordinal))
                {
                    acknowledged.TrySetResult();
                }
            }
        };
        subscriber.ErrorDataReceived += (_, e) => lines.Enqueue("stderr: " + e.Data);
        subscriber.BeginOutputReadLine();
        subscriber.BeginErrorReadLine();
        try
        {
            const string title = "فيضان في درنة: انهيار سدَّي وادي درنة";
            var flood = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title))).GetProperty("incidentId").GetGuid();
            await acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(t => Assert.That(t.IsCompletedSuccessfully, Is.True, string.Join("\n", lines)));
            using var commander = await hub.ClientForAsync("commander");
            var details = await commander.GetOkAsync($"api/incidents/{flood}");
            Assert.Multiple(() =>
            {
                Assert.That(lines, Has.Some.Contain("ALERT ncem: " + title), "the sample prints the agency's alert");
                Assert.That(lines, Has.Some.Match($"^AcknowledgeAlertOverBus {flood} stored at \\d+$"), string.Join("\n", lines));
                Assert.That(details.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "ncem").GetProperty("acknowledgedBy").GetString(), Is.EqualTo("agency.ncem"));
                Assert.That(long.Parse(File.ReadAllText(Path.Combine(folder.Path, "ncem.position")), CultureInfo.InvariantCulture), Is.GreaterThan(0), "it stores its last position");
            });
        }
        finally
        {
            subscriber.Kill();
            await subscriber.WaitForExitAsync();
        }
    }

    [Test]
    public async Task A_hub_killed_mid_stream_leaves_every_subscriber_with_every_entry_it_is_owed_once_by_position()
    {
        var settings = Settings();
        using var data = new TempDirectory();
        await using var first = new Coordination.Testing.HubProcess(data.Path, settings);
        await first.StartAsync();
        var agencies = new[] { "ncem", "security-tripoli" };
        var readers = new List<AgencyQueueReader>();
        foreach (var agency in agencies)
        {
            readers.Add(await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, agency)));
        }

        try
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            var token = (await http.PostOkAsync("api/auth/token", new { userName = "duty.operator", password = HubHost.Password })).GetProperty("token").GetString();
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            for (var i = 0; i < 60; i++)
            {
                await http.PostOkAsync("api/incidents", i % 2 == 0 ? ApiCalls.DernaFlood("فيضان " + i.ToString(CultureInfo.InvariantCulture)) : Clash(i));
            }

            // Killed while the queues are still being filled from the log: what was sent since the last checkpoint comes again.
            await readers[0].WaitUntilAsync(r => r.Count > 0);
            await first.KillAsync();
            await using var second = new Coordination.Testing.HubProcess(data.Path, settings, first.Port);
            await second.StartAsync();
            for (var i = 60; i < 100; i++)
            {
                await http.PostOkAsync("api/incidents", i % 2 == 0 ? ApiCalls.DernaFlood("فيضان " + i.ToString(CultureInfo.InvariantCulture)) : Clash(i));
            }

            foreach (var (agency, reader) in agencies.Zip(readers))
            {
                using var liaison = new HttpClient { BaseAddress = second.BaseAddress };
                var liaisonToken = (await liaison.PostOkAsync("api/auth/token", new { userName = "liaison." + agency, password = HubHost.Password })).GetProperty("token").GetString();
                liaison.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", liaisonToken);
                var owed = (await liaison.ReadLogAsync()).ToDictionary(e => e.Position, e => e.EventId);
                var received = await reader.WaitUntilAsync(r => owed.Keys.All(p => r.Any(m => m.Position == p)), TimeSpan.FromSeconds(60));
                var once = received.DistinctBy(m => m.Position).ToArray();
                Assert.Multiple(() =>
                {
                    Assert.That(once.Select(m => m.Position), Is.EqualTo(owed.Keys.Order()), $"{agency}: every entry owed, in order, nothing else");
                    Assert.That(received.Select(m => m.Position).Distinct().Order(), Is.EqualTo(received.Select(m => m.Position).Distinct()),
                        $"{agency}: a repeat comes only after what came before it, never out of order");
                    Assert.That(received.All(m => owed[m.Position] == m.Message.GetProperty("eventId").GetGuid()), Is.True, $"{agency}: a repeat is the same entry, recognisable by its position");
                });
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    private static Guid IncidentOf(AgencyQueueReader.Delivered message) => message.Message.GetProperty("incidentId").GetGuid();

    private static bool AlertTo(AgencyQueueReader.Delivered message, string agency) =>
        message.Type == EventTypes.AgencyAlerted && message.Data.GetProperty("agency").GetString() == agency;

    private static ReportIncidentRequest Clash(int i) => new(
        Guid.NewGuid(), HazardType.ArmedClash, null, Severity.Severe, null, null,
        "اشتباك " + i.ToString(CultureInfo.InvariantCulture), null, "tripoli", null, null, null, null, null, null, null);
}
