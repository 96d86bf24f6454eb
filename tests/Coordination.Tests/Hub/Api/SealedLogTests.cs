using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Seals;
using Coordination.Hub.Features.Seals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Tests.Support;
using Coordination.Verifier;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The sealed log: the hub signs the log's head on demand and on its clock, pushes each seal to every client,
/// publishes its public keys, and exports a range with the seals covering it, which the offline verifier proves or
/// names the first position that is not.
/// </summary>
[TestFixture]
public sealed class SealedLogTests
{
    [Test]
    public async Task A_seal_on_demand_signs_the_head_reaches_every_client_and_verifies_with_the_published_key()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var commanderApi = await hub.ClientForAsync("commander");
        // Tripoli's security directorate is alerted to nothing here, and still receives the seal: it carries no incident.
        await using var tripoli = await hub.ConnectAsync("liaison.security-tripoli");
        var received = new TaskCompletionSource<LogSealed>(TaskCreationOptions.RunContinuationsAsynchronously);
        tripoli.SealReceived += seal => received.TrySetResult(seal);
        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        var log = hub.Services.GetRequiredService<IEventLog>();

        var seal = JsonSerializer.Deserialize<LogSealed>((await commanderApi.PostOkAsync("api/log/seal", new { })).GetRawText(), HubHost.Json)!;
        var head = await log.HeadPositionAsync(default);
        var signed = await log.ReadStoredAsync(seal.Position, seal.Position, default).SingleAsync();
        var pushed = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // Anyone may read the keys: partners verify without an account.
        var keys = JsonSerializer.Deserialize<SealKeysResponse>((await hub.Http.GetOkAsync("api/log/seal-keys")).GetRawText(), HubHost.Json)!;
        using var key = ECDsa.Create();
        key.ImportFromPem(keys.Keys.Single().PublicKeyPem);
        var again = JsonSerializer.Deserialize<LogSealed>((await commanderApi.PostOkAsync("api/log/seal", new { })).GetRawText(), HubHost.Json)!;
        Assert.Multiple(() =>
        {
            Assert.That(seal.Position, Is.EqualTo(head - 1), "the head when sealed; the seal's own entry follows it");
            Assert.That(seal.HeadHash, Is.EqualTo(Convert.ToHexStringLower(signed.Hash)));
            Assert.That(pushed, Is.EqualTo(seal), "pushed to a liaison who sees none of the log's incidents");
            Assert.That(tripoli.Seals, Is.EqualTo(new[] { seal }), "the client keeps what it received");
            Assert.That(keys.CurrentKeyId, Is.EqualTo(seal.KeyId));
            Assert.That(keys.Keys.Single().KeyId, Is.EqualTo(SealKey.IdOf(key)), "the id is the key's own fingerprint");
            Assert.That(key.VerifyData(Encoding.UTF8.GetBytes(seal.CanonicalText()), Convert.FromBase64String(seal.Signature), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                Is.True, "signed with the published key over the documented text");
            Assert.That(seal.CanonicalText(), Is.EqualTo($"coordination-seal-v1|{seal.Position}|{seal.HeadHash}|{seal.SealedAt.ToUnixTimeMilliseconds()}|{seal.KeyId}"));
            Assert.That(again, Is.EqualTo(seal), "the head is still the one signed: the same seal, nothing written");
            Assert.That(File.GetUnixFileMode(Path.Combine(DataFolder(hub), "seal-key.pem")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        });
        Assert.That(await log.HeadPositionAsync(default), Is.EqualTo(head));
    }

    [Test]
    public async Task The_hub_seals_on_its_clock_only_when_the_log_moved()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Seal:Interval"] = "00:01:00" }, clock);
        await using var commander = await hub.ConnectAsync("commander");
        var received = new TaskCompletionSource<LogSealed>(TaskCreationOptions.RunContinuationsAsynchronously);
        commander.SealReceived += seal => received.TrySetResult(seal);
        var log = hub.Services.GetRequiredService<IEventLog>();
        var before = await log.HeadPositionAsync(default);

        clock.Advance(TimeSpan.FromMinutes(1));
        var seal = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var head = await log.HeadPositionAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(seal.SealedAt, Is.EqualTo(clock.GetUtcNow()), "on the hub's clock");
            Assert.That(seal.Position, Is.GreaterThanOrEqualTo(before));
            Assert.That(await hub.Services.GetRequiredService<LogSealer>().SealAsync(onlyIfMoved: true, "test", "moi-duty", default), Is.Null,
                "only seals since then: nothing to seal");
            Assert.That(await log.HeadPositionAsync(default), Is.EqualTo(head));
        });
    }

    [Test]
    public async Task Two_hubs_sealing_at_once_append_one_seal_and_a_restarted_hub_none_again()
    {
        using var data = new TempDirectory();
        await using (var a = await HubHost.StartAsync(data.Path))
        await using (var b = await HubHost.StartAsync(data.Path))
        {
            using var operatorApi = await a.ClientForAsync("duty.operator");
            var sealers = new[] { a.Services.GetRequiredService<LogSealer>(), b.Services.GetRequiredService<LogSealer>() };
            for (var round = 1; round <= 5; round++)
            {
                await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood($"فيضان رقم {round}"));
                var made = await Task.WhenAll(sealers.Select(s => s.SealAsync(onlyIfMoved: true, LogSealer.Actor, "moi-duty", default)));
                Assert.That(made.Count(s => s is not null), Is.InRange(1, 2), "at least one hub sealed");
                Assert.That(await SealEntriesAsync(a), Has.Count.EqualTo(round), $"round {round}: one seal, whichever hub was first");
            }
        }

        await using var restarted = await HubHost.StartAsync(data.Path);
        var count = (await SealEntriesAsync(restarted)).Count;
        Assert.Multiple(async () =>
        {
            Assert.That(await restarted.Services.GetRequiredService<LogSealer>().SealAsync(onlyIfMoved: true, LogSealer.Actor, "moi-duty", default), Is.Null);
            Assert.That(await SealEntriesAsync(restarted), Has.Count.EqualTo(count), "the last seal is read from the log, not remembered");
        });
    }

    [Test]
    public async Task After_a_key_rotation_old_seals_still_verify_with_the_old_published_key()
    {
        using var data = new TempDirectory();
        LogSealed first;
        await using (var hub = await HubHost.StartAsync(data.Path))
        {
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            using var commanderApi = await hub.ClientForAsync("commander");
            await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
            first = JsonSerializer.Deserialize<LogSealed>((await commanderApi.PostOkAsync("api/log/seal", new { })).GetRawText(), HubHost.Json)!;
        }

        // The rotation as the README tells it: the old key file moved out of the way, the hub started again.
        File.Move(Path.Combine(data.Path, "seal-key.pem"), Path.Combine(data.Path, "seal-key.retired.pem"));
        await using var rotated = await HubHost.StartAsync(data.Path);
        using var operatorAgain = await rotated.ClientForAsync("duty.operator");
        using var commander = await rotated.ClientForAsync("commander");
        await operatorAgain.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان بعد تغيير المفتاح"));
        var second = JsonSerializer.Deserialize<LogSealed>((await commander.PostOkAsync("api/log/seal", new { })).GetRawText(), HubHost.Json)!;
        var keys = JsonSerializer.Deserialize<SealKeysResponse>((await rotated.Http.GetOkAsync("api/log/seal-keys")).GetRawText(), HubHost.Json)!;
        var export = await ExportAsync(commander, "");
        var current = keys.Keys.Single(k => k.KeyId == keys.CurrentKeyId).PublicKeyPem;

        var withBoth = Verify(export, string.Concat(keys.Keys.Select(k => k.PublicKeyPem)), SealsFile([first, second]));
        var withNewOnly = Verify(export, current);
        Assert.Multiple(() =>
        {
            Assert.That(second.KeyId, Is.Not.EqualTo(first.KeyId), "a new key is a new id");
            Assert.That(keys.CurrentKeyId, Is.EqualTo(second.KeyId));
            Assert.That(keys.Keys.Select(k => k.KeyId), Is.EqualTo(new[] { first.KeyId, second.KeyId }), "the old key stays published, oldest first");
            Assert.That(withBoth.Code, Is.Zero, withBoth.Output);
            Assert.That(withBoth.Output, Does.Contain("OK: positions 1 to"));
            Assert.That(withNewOnly.Code, Is.EqualTo(1), withNewOnly.Output);
            Assert.That(withNewOnly.Output, Does.StartWith($"BAD at position {first.Position}: its seal (from "));
            Assert.That(withNewOnly.Output, Does.Contain($"names key {first.KeyId}, which is not among the keys given"));
        });
    }

    [Test]
    public async Task A_bad_export_range_is_refused_naming_the_field_in_the_callers_language_and_writes_nothing()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var commander = await hub.ClientForAsync("commander");
        var log = hub.Services.GetRequiredService<IEventLog>();
        var head = await log.HeadPositionAsync(default);

        var cases = new (string Query, string Field, string English, string Arabic)[]
        {
            ("from=0", "from", "'from' must be a position in the log (1 or more), not 0.", "'from' يجب أن يكون موضعاً في السجل (1 أو أكثر)، لا 0."),
            ("from=5&to=4", "to", "'to' must be a position in the log, at or after 'from', not 4.", "'to' يجب أن يكون موضعاً في السجل لا يسبق 'from'، لا 4."),
            ($"from={head + 10}", "from", $"'from' is {head + 10}, but the log ends at position {head}.", $"'from' قيمته {head + 10}، لكن السجل ينتهي عند الموضع {head}."),
            ($"to={head + 1}", "to", $"'to' is {head + 1}, but the log ends at position {head}.", $"'to' قيمته {head + 1}، لكن السجل ينتهي عند الموضع {head}."),
        };
        foreach (var (query, field, english, arabic) in cases)
        {
            foreach (var (language, message) in new[] { ("en", english), ("ar", arabic) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"api/log/export?{query}");
                request.Headers.AcceptLanguage.ParseAdd(language);
                using var response = await commander.SendAsync(request);
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Multiple(() =>
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), query);
                    Assert.That(body["errors"]![field]![0]!.GetValue<string>(), Is.EqualTo(message), $"{query} in {language}: {body}");
                });
            }
        }

        using var unreadable = await commander.GetAsync(new Uri("api/log/export?from=first", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(unreadable.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await unreadable.Content.ReadAsStringAsync(), Does.Contain("from"));
            Assert.That(await log.HeadPositionAsync(default), Is.EqualTo(head), "no seal was made for a refused export");
        });
    }

    [Test]
    public async Task An_export_that_holds_a_restricted_incident_is_audited_as_a_read_of_it()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");
        var restricted = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "ArmedClash", severity = "Severe", title = "اشتباك مسلح", district = "tripoli",
            classification = "Restricted", clearedAgencies = new[] { "ncem" },
        })).GetProperty("incidentId").GetGuid();

        await ExportAsync(commander, "");

        var audit = (await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(SystemStreams.Audit, default))
            .Select(e => e.DataAs<RestrictedIncidentsAccessed>()).ToList();
        Assert.That(audit.Where(a => a.Access == "export" && a.UserName == "commander").SelectMany(a => a.IncidentIds), Is.EqualTo(new[] { restricted }));
    }

    [Test]
    public void The_README_gives_the_signed_text_and_the_verifiers_command()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "README.md"));
        Assert.Multiple(() =>
        {
            Assert.That(readme, Does.Contain($"`{LogSealed.Format}|position|headHash|sealedAt|keyId`"));
            Assert.That(readme, Does.Contain("dotnet run --project Verifier -- export.jsonl --key hub-public.pem [--seals client-seals.json]"));
            Assert.That(readme, Does.Contain(LogExport.Format));
            Assert.That(LogSealed.Format, Is.EqualTo(ExportVerifier.SealFormat), "the verifier signs nothing, but reads the same text");
            Assert.That(LogExport.Format, Is.EqualTo(ExportVerifier.ExportFormat));
        });
    }

    /// <summary>The offline verifier on one export, untouched and tampered with each way.</summary>
    [TestFixture]
    public sealed class Verifier
    {
        private HubHost _hub = null!;
        private string[] _export = [];
        private string _keys = "";
        private LogSealed _midway = null!;
        private long _afterSeal;

        [OneTimeSetUp]
        public async Task ExportAsync()
        {
            _hub = await HubHost.StartFreshAsync();
            using var operatorApi = await _hub.ClientForAsync("duty.operator");
            using var commander = await _hub.ClientForAsync("commander");
            await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان أول"));
            _midway = JsonSerializer.Deserialize<LogSealed>((await commander.PostOkAsync("api/log/seal", new { })).GetRawText(), HubHost.Json)!;
            _afterSeal = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان بعد الختم"))).GetProperty("position").GetInt64();
            await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان آخر"));
            _export = (await SealedLogTests.ExportAsync(commander, "")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            _keys = string.Concat(JsonSerializer.Deserialize<SealKeysResponse>((await _hub.Http.GetOkAsync("api/log/seal-keys")).GetRawText(), HubHost.Json)!.Keys.Select(k => k.PublicKeyPem));
        }

        [OneTimeTearDown]
        public async Task StopAsync() => await _hub.DisposeAsync();

        [Test]
        public void An_untouched_export_is_proven_complete_and_unaltered()
        {
            var last = Header(_export)["to"]!.GetValue<long>();
            var (code, output) = SealedLogTests.Verify(string.Join('\n', _export), _keys);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Zero, output);
                Assert.That(output, Does.StartWith($"OK: positions 1 to {last} are complete and unaltered ({last} entries)"));
                Assert.That(output, Does.Contain($"سليم: المواضع من 1 إلى {last}"), "and in Arabic");
                Assert.That(_export.Count(l => l.Contains("\"kind\":\"seal\"", StringComparison.Ordinal)), Is.EqualTo(2), "the seal made midway and the one that ends the export");
            });
        }

        [Test]
        public void An_edited_entry_is_named()
        {
            var edited = Edit(_export, _afterSeal, rehash: false);
            var (code, output) = SealedLogTests.Verify(string.Join('\n', edited), _keys);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1));
                Assert.That(output, Does.StartWith($"BAD at position {_afterSeal}: its content does not match its hash"));
            });
        }

        [Test]
        public void A_removed_entry_is_named()
        {
            var removed = _export.Where(l => Entry(l)?["position"]!.GetValue<long>() != _afterSeal).ToArray();
            var (code, output) = SealedLogTests.Verify(string.Join('\n', removed), _keys);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1));
                Assert.That(output, Does.StartWith($"BAD at position {_afterSeal}: it is missing (the next entry in the export is {_afterSeal + 1})"));
            });
        }

        [Test]
        public void A_client_s_seals_saved_with_net_s_default_names_are_read_and_a_forged_one_is_named_in_both_languages()
        {
            // JsonSerializer.Serialize(client.Seals) without options writes Position, HeadHash...: the same seals.
            var pascal = JsonSerializer.Serialize(new[] { _midway });
            var forged = JsonSerializer.Serialize(new[] { _midway with { Signature = Convert.ToBase64String(new byte[64]) } });

            var (code, output) = SealedLogTests.Verify(string.Join('\n', _export), _keys, pascal);
            var (forgedCode, forgedOutput) = SealedLogTests.Verify(string.Join('\n', _export), _keys, forged);
            Assert.Multiple(() =>
            {
                Assert.That(pascal, Does.Contain("\"HeadHash\""), "the file is in .NET's default names");
                Assert.That(code, Is.Zero, output);
                Assert.That(output, Does.Contain("1 of them from the seals file"));
                Assert.That(forgedCode, Is.EqualTo(1), forgedOutput);
                Assert.That(forgedOutput, Does.Contain("(from the seals file) is not signed by key"));
                Assert.That(forgedOutput, Does.Contain("(من ملف الأختام) غير موقّع"), "the Arabic line says where in Arabic");
            });
        }

        [Test]
        public void A_tail_rewritten_with_its_hashes_recomputed_is_caught_by_the_seals()
        {
            var rewritten = Edit(_export, _afterSeal, rehash: true);
            var (code, output) = SealedLogTests.Verify(string.Join('\n', rewritten), _keys);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1));
                Assert.That(output, Does.StartWith($"BAD at position {_midway.Position + 1}: the seal for position"), "the first position after the last seal that still matches");
                Assert.That(output, Does.Contain($"the entries after position {_midway.Position} were rewritten"));
            });
        }
    }

    // --- helpers ---

    internal static async Task<string> ExportAsync(HttpClient commander, string query)
    {
        using var response = await commander.GetAsync(new Uri($"api/log/export{query}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/x-ndjson"));
        return text;
    }

    /// <summary>Runs the verifier's command on files, as a partner would.</summary>
    internal static (int Code, string Output) Verify(string export, string keysPem, string? sealsJson = null)
    {
        using var folder = new TempDirectory();
        var args = new List<string> { Path.Combine(folder.Path, "export.jsonl"), "--key", Path.Combine(folder.Path, "hub-public.pem") };
        File.WriteAllText(args[0], export);
        File.WriteAllText(args[2], keysPem);
        if (sealsJson is not null)
        {
            args.AddRange(["--seals", Path.Combine(folder.Path, "client-seals.json")]);
            File.WriteAllText(args[^1], sealsJson);
        }

        using var output = new StringWriter();
        var code = ExportVerifier.Run([.. args], output);
        return (code, output.ToString());
    }

    internal static string SealsFile(IEnumerable<LogSealed> seals) => JsonSerializer.Serialize(seals, ContractJson.Options);

    private static JsonObject Header(string[] lines) => JsonNode.Parse(lines[0])!.AsObject();

    private static JsonObject? Entry(string line) => JsonNode.Parse(line) is JsonObject o && o["kind"]!.GetValue<string>() == "entry" ? o : null;

    /// <summary>The export with the entry at <paramref name="position"/>'s text changed; with <paramref name="rehash"/>, every hash from there on computed again, as someone covering their tracks would.</summary>
    private static string[] Edit(string[] lines, long position, bool rehash)
    {
        var result = lines.ToArray();
        byte[]? previous = null;
        for (var i = 0; i < result.Length; i++)
        {
            if (Entry(result[i]) is not { } entry)
            {
                continue;
            }

            var at = entry["position"]!.GetValue<long>();
            if (at == position)
            {
                entry["data"] = Retitled(entry["data"]!.GetValue<string>());
            }

            if (rehash && at >= position)
            {
                var row = ToRow(entry);
                row.PrevHash = previous ?? row.PrevHash;
                entry["prevHash"] = Convert.ToHexStringLower(row.PrevHash);
                previous = ChainHasher.Compute(row.PrevHash, row);
                entry["hash"] = Convert.ToHexStringLower(previous);
            }

            result[i] = entry.ToJsonString();
        }

        return result;
    }

    /// <summary>A report's data with its title changed, as a forger would.</summary>
    internal static string Retitled(string data)
    {
        var report = JsonNode.Parse(data)!.AsObject();
        report["title"] = "لم يحدث شيء";
        return report.ToJsonString(ContractJson.Options);
    }

    private static StoredRow ToRow(JsonObject entry) => new()
    {
        Position = entry["position"]!.GetValue<long>(),
        IncidentId = Guid.Parse(entry["incidentId"]!.GetValue<string>()),
        Version = entry["version"]!.GetValue<int>(),
        EventId = Guid.Parse(entry["eventId"]!.GetValue<string>()),
        Type = entry["type"]!.GetValue<string>(),
        Data = entry["data"]!.GetValue<string>(),
        Metadata = entry["metadata"]!.GetValue<string>(),
        RecordedAt = entry["recordedAt"]!.GetValue<long>(),
        PrevHash = Convert.FromHexString(entry["prevHash"]!.GetValue<string>()),
    };

    private static async Task<IReadOnlyList<LogEntry>> SealEntriesAsync(HubHost hub) =>
        (await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(SystemStreams.Seals, default)).Where(e => e.Type == EventTypes.LogSealed).ToList();

    private static string DataFolder(HubHost hub) => hub.Services.GetRequiredService<Coordination.Hub.Startup.HubOptions>().DataDirectory;

}
