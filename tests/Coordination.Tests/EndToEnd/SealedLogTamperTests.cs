using System.Text.Json;
using Coordination.Agencies.Contracts.Seals;
using Coordination.Persistence.HashChain;
using Coordination.Tests.Hub.Api;
using Coordination.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Coordination.Tests.EndToEnd;

/// <summary>
/// Someone with the database file rewrites the log's tail (an entry changed, the seal that covered it removed,
/// every hash after it computed again): the chain walks clean and the hub's own seals vouch for the forgery, but
/// the seals an agency's client kept do not match, and the offline verifier names where the rewrite begins.
/// </summary>
[TestFixture]
public sealed class SealedLogTamperTests
{
    [Test]
    public async Task A_tail_rewritten_in_the_database_with_recomputed_hashes_is_caught_by_the_seals_a_client_kept()
    {
        using var data = new TempDirectory();
        LogSealed before, covering;
        long forged;
        string clientSeals;
        await using (var hub = await HubHost.StartAsync(data.Path))
        {
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            using var commander = await hub.ClientForAsync("commander");
            await using var ncem = await hub.ConnectAsync("liaison.ncem");
            await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان أول"));
            before = await SealAndWaitAsync(commander, ncem);
            forged = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("انهيار سد وادي درنة"))).GetProperty("position").GetInt64();
            await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان ثالث"));
            covering = await SealAndWaitAsync(commander, ncem);
            // What the agency's system saves as seals arrive.
            clientSeals = SealedLogTests.SealsFile(ncem.Seals);
        }

        RewriteTail(Path.Combine(data.Path, "coordination.db"), forged);

        await using var restarted = await HubHost.StartAsync(data.Path);
        using var commanderAgain = await restarted.ClientForAsync("commander");
        var chain = await commanderAgain.GetOkAsync("api/log/verify");
        var export = await SealedLogTests.ExportAsync(commanderAgain, "");
        var keys = string.Concat(JsonSerializer.Deserialize<SealKeysResponse>((await restarted.Http.GetOkAsync("api/log/seal-keys")).GetRawText(), HubHost.Json)!.Keys.Select(k => k.PublicKeyPem));

        var alone = SealedLogTests.Verify(export, keys);
        var withKept = SealedLogTests.Verify(export, keys, clientSeals);
        Assert.Multiple(() =>
        {
            Assert.That(chain.GetProperty("isValid").GetBoolean(), Is.True, "the chain alone cannot reveal it");
            Assert.That(alone.Code, Is.Zero, "nor the export's own seals: the hub signed the forged head when asked: " + alone.Output);
            Assert.That(withKept.Code, Is.EqualTo(1), withKept.Output);
            Assert.That(withKept.Output, Does.StartWith($"BAD at position {before.Position + 1}: the seal for position {covering.Position} (from the seals file"));
            Assert.That(withKept.Output, Does.Contain($"the entries after position {before.Position} were rewritten"));
        });
    }

    private static async Task<LogSealed> SealAndWaitAsync(HttpClient commander, Coordination.Agencies.Client.CoordinationClient client)
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seal = JsonSerializer.Deserialize<LogSealed>((await commander.PostOkAsync("api/log/seal", new { })).GetRawText(), HubHost.Json)!;
        client.SealReceived += s => { if (s == seal) { received.TrySetResult(); } };
        if (!client.Seals.Contains(seal))
        {
            await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }

        return seal;
    }

    /// <summary>
    /// As a forger with the file would: triggers dropped, the rows from <paramref name="from"/> on taken out and put back
    /// without their seal entries, the report at <paramref name="from"/> retitled, positions and hashes made whole again.
    /// </summary>
    private static void RewriteTail(string database, long from)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Execute(connection, "DROP TRIGGER event_log_no_update; DROP TRIGGER event_log_no_delete;");
        var rows = new List<(StoredRow Row, string IncidentText, string EventText)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash FROM event_log WHERE position >= $from ORDER BY position";
            read.Parameters.AddWithValue("$from", from);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((new StoredRow
                {
                    Position = reader.GetInt64(0), IncidentId = Guid.Parse(reader.GetString(1)), Version = reader.GetInt32(2), EventId = Guid.Parse(reader.GetString(3)),
                    Type = reader.GetString(4), Data = reader.GetString(5), Metadata = reader.GetString(6), RecordedAt = reader.GetInt64(7),
                    PrevHash = (byte[])reader[8], Hash = (byte[])reader[9],
                }, reader.GetString(1), reader.GetString(3)));
            }
        }

        Assert.That(rows.Any(r => r.Row.Type == "LogSealed"), Is.True, "the seal covering the forged entry is in the tail");
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM event_log WHERE position >= $from";
            delete.Parameters.AddWithValue("$from", from);
            delete.ExecuteNonQuery();
        }

        var previous = rows[0].Row.PrevHash;
        var position = from;
        foreach (var (row, incidentText, eventText) in rows.Where(r => r.Row.Type != "LogSealed"))
        {
            row.Position = position++;
            row.Data = row.Position == from ? SealedLogTests.Retitled(row.Data) : row.Data;
            row.PrevHash = previous;
            row.Hash = previous = ChainHasher.Compute(previous, row);
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO event_log (position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash) VALUES ($p, $i, $v, $e, $t, $d, $m, $r, $ph, $h)";
            insert.Parameters.AddWithValue("$p", row.Position);
            insert.Parameters.AddWithValue("$i", incidentText);
            insert.Parameters.AddWithValue("$v", row.Version);
            insert.Parameters.AddWithValue("$e", eventText);
            insert.Parameters.AddWithValue("$t", row.Type);
            insert.Parameters.AddWithValue("$d", row.Data);
            insert.Parameters.AddWithValue("$m", row.Metadata);
            insert.Parameters.AddWithValue("$r", row.RecordedAt);
            insert.Parameters.AddWithValue("$ph", row.PrevHash);
            insert.Parameters.AddWithValue("$h", row.Hash);
            insert.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
