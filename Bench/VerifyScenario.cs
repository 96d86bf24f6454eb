using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Coordination.Agencies.Contracts.Seals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Verifier;

namespace Coordination.Bench;

/// <summary>
/// S5: the auditor's walk of the whole chain S3 left behind; then that log exported as the hub exports it (JSON lines,
/// sealed at its head) and proven by the offline verifier, whose rate is read against the walk's.
/// </summary>
internal static class VerifyScenario
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder)
    {
        var path = AppendScenario.DatabasePath(folder);
        using var log = new EventLogStore(new SqliteDialect(path), new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var result = await log.VerifyAsync(CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"The chain does not verify at {result.FirstBadPosition}: {result.Problem}");
        }

        var rate = result.EntriesChecked / seconds;
        var export = await ExportAndVerifyAsync(log, folder, rate);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        SqliteBaseline.Delete(path);
        return
        [
            new("S5.rate", $"verify {result.EntriesChecked:N0} entries", rate, "entries/s"),
            new("S5.time", "verify time", seconds, "s"),
            .. export,
        ];
    }

    /// <summary>The whole log to a file through the hub's exporter, a seal of its head, and the offline verifier over the file.</summary>
    private static async Task<IReadOnlyList<Result>> ExportAndVerifyAsync(EventLogStore log, string folder, double walkRate)
    {
        var file = Path.Combine(folder, "s5-export.jsonl");
        try
        {
            var head = await log.HeadPositionAsync(CancellationToken.None);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var keyId = ExportVerifier.KeyId(key.ExportSubjectPublicKeyInfo());
            var watch = Stopwatch.StartNew();
            byte[] headHash = [];
            await using (var stream = File.Create(file))
            await using (var export = new LogExport(stream))
            {
                await export.WriteHeaderAsync(1, head, DateTimeOffset.UtcNow, CancellationToken.None);
                await foreach (var row in log.ReadStoredAsync(1, head, CancellationToken.None))
                {
                    await export.WriteEntryAsync(row, CancellationToken.None);
                    headHash = row.Hash;
                }

                var seal = new LogSealed(head, Convert.ToHexStringLower(headHash), DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), keyId, "");
                seal = seal with { Signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(seal.CanonicalText()), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)) };
                await export.WriteSealAsync(seal, CancellationToken.None);
            }

            var written = watch.Elapsed.TotalSeconds;
            var bytes = new FileInfo(file).Length;
            watch.Restart();
            Coordination.Verifier.Report report;
            await using (var stream = File.OpenRead(file))
            {
                report = ExportVerifier.Verify(stream, new Dictionary<string, ECDsa> { [keyId] = key }, []);
            }

            var verified = watch.Elapsed.TotalSeconds;
            if (!report.Ok)
            {
                throw new InvalidOperationException($"The export does not verify: {report.English}");
            }

            var rate = head / verified;
            return
            [
                new("S5.export.write", $"export {head:N0} entries as JSON lines ({bytes / (double)head:N0} bytes each)", head / written, "entries/s"),
                new("S5.export.verify", $"offline verifier over the export of {head:N0} entries", rate, "entries/s", "S5.rate", rate / walkRate),
            ];
        }
        finally
        {
            File.Delete(file);
        }
    }
}
