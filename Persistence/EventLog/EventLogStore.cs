using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.EventLog;

/// <summary>
/// The event log on any <see cref="ISqlDialect"/>; all SQL through Dapper or the dialect's append statements,
/// always parameterised. <paramref name="projection"/> is what else each append writes in its transaction (the read models).
/// </summary>
public sealed class EventLogStore(ISqlDialect dialect, IInlineProjection projection, AppendSignal signal, TimeProvider time, LogTelemetry? telemetry = null) : IEventLog, IDisposable
{
    // Group commit: appends queue here and one writer takes whatever is waiting (up to MaxBatch) into a
    // single transaction, so concurrent callers share one durable commit instead of waiting for one each.
    // Each request runs inside its own savepoint: a conflict in one leaves the others untouched.
    private const int MaxBatch = 100;

    // Rows kept for the relay after their commit: a few of its pages (500 entries each).
    private const int RecentCapacity = 2_000;
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private readonly RecentAppends _recent = new(RecentCapacity);
    private Task? _writerLoop;

    public async Task<AppendResult> AppendAsync(Guid incidentId, int expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken) =>
        (await AppendPartsAsync([new StreamAppend(incidentId, expectedVersion, events)], cancellationToken))[0];

    public Task<IReadOnlyList<AppendResult>> AppendAllAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Any(a => a is null))
        {
            throw new ArgumentNullException(nameof(appends), "A part is missing.");
        }

        if (appends.Count == 0)
        {
            throw new ArgumentException("Nothing to append.", nameof(appends));
        }

        if (appends.Select(a => a.StreamId).Distinct().Count() != appends.Count)
        {
            throw new ArgumentException("The same stream appears twice in one append.", nameof(appends));
        }

        return AppendPartsAsync(appends, cancellationToken);
    }

    private async Task<IReadOnlyList<AppendResult>> AppendPartsAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        foreach (var append in appends)
        {
            ArgumentNullException.ThrowIfNull(append.Events, nameof(appends));
            if (append.Events.Count == 0)
            {
                throw new ArgumentException("Nothing to append.", nameof(appends));
            }
        }

        if (appends.SelectMany(a => a.Events).Select(e => e.EventId).Distinct().Count() != appends.Sum(a => a.Events.Count))
        {
            throw new ArgumentException("The same event id appears twice in one append.", nameof(appends));
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Read here, on the caller's thread, rather than by the writer every append waits for; an event whose
        // data cannot be read fails its own append before it queues.
        var parts = appends.Select(a => new Part(a.StreamId, a.ExpectedVersion, a.Events, [.. a.Events.Select(e => projection.Read(a.StreamId, e.Type, e.Data))])).ToArray();
        var request = new Request(parts, new TaskCompletionSource<IReadOnlyList<AppendResult>>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(request), this);

        EnsureWriter();
        if (telemetry is null)
        {
            // Once queued, a request is written whatever happens to the caller: a retry with the same event ids is a no-op.
            return await request.Done.Task.WaitAsync(cancellationToken);
        }

        using var activity = LogTelemetry.Source.StartActivity("log.append");
        if (parts.Length == 1)
        {
            activity?.SetTag("coordination.incident_id", parts[0].IncidentId);
        }
        else
        {
            // An append to several streams (a register import) is about each of them, not its first.
            activity?.SetTag("coordination.stream_ids", parts.Select(p => p.IncidentId.ToString()).ToArray());
        }

        activity?.SetTag("coordination.event_id", parts[0].Events[0].EventId);
        activity?.SetTag("coordination.event_type", parts[0].Events[0].Type);
        var started = Stopwatch.GetTimestamp();
        var results = await request.Done.Task.WaitAsync(cancellationToken);
        var result = results.Count == 1
            ? results[0]
            : new AppendResult(results.Min(r => r.FirstPosition), results.Max(r => r.LastPosition), results[^1].LastVersion, results.All(r => r.WasDuplicate));
        activity?.SetTag("coordination.position", result.LastPosition);
        telemetry.Appended(result, Stopwatch.GetElapsedTime(started), activity);
        return results;
    }

    private void EnsureWriter()
    {
        if (_writerLoop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _writerLoop ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Request>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<Request> batch)
    {
        (IReadOnlyList<AppendResult>? Result, Exception? Error)[] outcomes;
        try
        {
            // Savepoints cost two statements per request, so a batch first runs without them; only when a
            // request fails after it began writing is the batch rolled back and run again, one savepoint each.
            outcomes = await WriteAsync(batch, isolate: false) ?? (await WriteAsync(batch, isolate: true))!;
        }
        catch (Exception ex)
        {
            // The transaction did not commit: nothing of this batch is stored.
            foreach (var request in batch)
            {
                request.Done.TrySetException(ex);
            }

            return;
        }

        var appended = false;
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Result is { } result)
            {
                appended |= result.Any(r => !r.WasDuplicate);
                batch[i].Done.TrySetResult(result);
            }
            else
            {
                batch[i].Done.TrySetException(outcomes[i].Error!);
            }
        }

        if (appended)
        {
            signal.Notify();
        }
    }

    /// <summary>
    /// One transaction for the batch. A duplicate or a stale version is found before anything is written and
    /// fails only its request. A request that fails while writing fails only itself when <paramref name="isolate"/>
    /// (its savepoint is rolled back); otherwise the whole transaction is abandoned and null returned.
    /// </summary>
    private async Task<(IReadOnlyList<AppendResult>? Result, Exception? Error)[]?> WriteAsync(List<Request> batch, bool isolate)
    {
        var outcomes = new (IReadOnlyList<AppendResult>? Result, Exception? Error)[batch.Count];
        var written = new List<StoredRow>();
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync();
        using var turn = await dialect.WriteTurnAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginAppendAsync(connection, CancellationToken.None);
        var known = await AppendBatch.ReadAsync(connection, transaction, dialect.Scripts.Head, batch.SelectMany(r => r.Parts).Select(p => (p.IncidentId, p.Events)).ToArray());
        await using var statements = dialect.PrepareAppendStatements(connection, transaction);
        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i];
            try
            {
                outcomes[i] = (Stored(request, known), null);
            }
            catch (ConcurrencyConflictException ex)
            {
                outcomes[i] = (null, ex);
            }

            if (outcomes[i] != default)
            {
                continue;
            }

            if (isolate)
            {
                await transaction.SaveAsync("request");
            }

            try
            {
                var rows = new List<StoredRow>();
                var results = new AppendResult[request.Parts.Count];
                for (var p = 0; p < results.Length; p++)
                {
                    // Each part chained after the one before it; the batch's head moves only once all of them are written.
                    var part = await InsertAsync(statements, request.Parts[p], known.VersionOf(request.Parts[p].IncidentId), rows.Count > 0 ? rows[^1].Position : known.Position, rows.Count > 0 ? rows[^1].Hash : known.Hash);
                    rows.AddRange(part);
                    results[p] = new AppendResult(part[0].Position, part[^1].Position, part[^1].Version, WasDuplicate: false);
                }

                known.Appended(rows);
                outcomes[i] = (results, null);
                if (isolate)
                {
                    await transaction.ReleaseAsync("request");
                }

                written.AddRange(rows);
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or DbException)
            {
                if (!isolate)
                {
                    return null;
                }

                await transaction.RollbackAsync("request");
                outcomes[i] = (null, ex);
            }
        }

        await transaction.CommitAsync();
        _recent.Add(written);
        return outcomes;
    }

    /// <summary>
    /// The earlier results when every part is already stored (a retry), null when the request may be written; a conflict
    /// when a part's expected version is stale, or only some parts are stored.
    /// </summary>
    private static AppendResult[]? Stored(Request request, AppendBatch known)
    {
        var stored = request.Parts.Select(p => known.FindStored(p.IncidentId, p.Events)).ToArray();
        if (stored.All(s => s is not null))
        {
            return [.. stored.Select(s => s!)];
        }

        var partly = Array.FindIndex(stored, s => s is not null);
        if (partly >= 0)
        {
            throw new ConcurrencyConflictException("Some of these event ids are already stored and others are not; nothing was written.") { StreamId = request.Parts[partly].IncidentId };
        }

        foreach (var part in request.Parts)
        {
            CheckVersion(part, known);
        }

        return null;
    }

    /// <summary>Throws a conflict when the part's expected version is stale.</summary>
    private static void CheckVersion(Part part, AppendBatch known)
    {
        var current = known.VersionOf(part.IncidentId);
        if (part.ExpectedVersion != ExpectedVersion.Any && part.ExpectedVersion != current)
        {
            throw new ConcurrencyConflictException(
                $"Incident {part.IncidentId} is at version {current}, not the expected {part.ExpectedVersion}: reload it and try again.")
            {
                StreamId = part.IncidentId,
                ExpectedVersion = part.ExpectedVersion,
                ActualVersion = current,
            };
        }
    }

    /// <summary>Writes the part's rows, chained after <paramref name="position"/> and its hash, and folds each into the inline projection.</summary>
    private async Task<StoredRow[]> InsertAsync(IAppendStatements statements, Part part, int version, long position, byte[] previousHash)
    {
        var cancellationToken = CancellationToken.None;
        var recordedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var insert = SqlScripts.EventLog.Insert;
        var rows = new StoredRow[part.Events.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var e = part.Events[i];
            var row = rows[i] = new StoredRow
            {
                Position = ++position,
                IncidentId = part.IncidentId,
                Version = ++version,
                EventId = e.EventId,
                Type = e.Type,
                Data = e.Data,
                Metadata = JsonSerializer.Serialize(e.Metadata, ContractJson.Options),
                RecordedAt = recordedAt,
                PrevHash = previousHash,
            };
            row.Hash = ChainHasher.Compute(previousHash, row);
            previousHash = row.Hash;
            try
            {
                await statements.ExecuteAsync(insert, row, cancellationToken);
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex))
            {
                throw new ConcurrencyConflictException($"Incident {part.IncidentId} was changed concurrently; nothing was written.", ex) { StreamId = part.IncidentId };
            }

            await projection.ApplyAsync(statements, row, part.Data[i], cancellationToken);
        }

        return rows;
    }

    public async Task<IReadOnlyList<LogEntry>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryAsync<StoredRow>(Command(dialect.Scripts.ReadAfter, new { After = after, Limit = limit }, null, cancellationToken));
        return rows.Select(ToEntry).ToArray();
    }

    public async Task<IReadOnlyList<LogEntry>> ReadTailAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        var recent = _recent.After(after, limit);
        return recent.Count > 0 ? recent.ConvertAll(ToEntry) : await ReadAfterAsync(after, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<LogEntry>> ReadIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryAsync<StoredRow>(Command(SqlScripts.EventLog.ReadIncident, new { IncidentId = incidentId }, null, cancellationToken));
        return rows.Select(ToEntry).ToArray();
    }

    public async Task<LogEntry?> FindAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var row = await connection.QuerySingleOrDefaultAsync<StoredRow>(Command(SqlScripts.EventLog.FindEvent, new { EventId = eventId }, null, cancellationToken));
        return row is null ? null : ToEntry(row);
    }

    public async Task<long> HeadPositionAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(Command(SqlScripts.EventLog.HeadPosition, null, null, cancellationToken));
    }

    public async IAsyncEnumerable<StoredRow> ReadStoredAsync(long first, long last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqlScripts.EventLog.ReadRange;
        AddParameter(command, "@First", first);
        AddParameter(command, "@Last", last);
        // Streamed by ordinal, like the verifier's walk: an export may be the whole log.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new StoredRow();
            ChainVerifier.Fill(reader, row);
            yield return row;
        }
    }

    public async Task<StoredRow?> LastOfStreamAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<StoredRow>(Command(SqlScripts.EventLog.LastOfStream, new { IncidentId = streamId }, null, cancellationToken));
    }

    public async Task<IReadOnlyList<LogEntry>> ReadStreamAfterAsync(Guid streamId, long after, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryAsync<StoredRow>(Command(SqlScripts.EventLog.ReadStreamAfter, new { IncidentId = streamId, After = after }, null, cancellationToken));
        return rows.Select(ToEntry).ToArray();
    }

    public Task<VerificationResult> VerifyAsync(CancellationToken cancellationToken) => dialect.VerifyChainAsync(cancellationToken);

    private static void AddParameter(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public void Dispose() => _queue.Writer.TryComplete();

    /// <summary>An append waiting for the writer: its streams' parts, written together or not at all.</summary>
    private sealed record Request(IReadOnlyList<Part> Parts, TaskCompletionSource<IReadOnlyList<AppendResult>> Done);

    /// <summary>One stream's events, with each event's data as the inline projection folds it in.</summary>
    private sealed record Part(Guid IncidentId, int ExpectedVersion, IReadOnlyList<NewEvent> Events, object?[] Data);

    public static LogEntry ToEntry(StoredRow row)
    {
        using var data = JsonDocument.Parse(row.Data);
        return new LogEntry(
            row.Position,
            row.IncidentId,
            row.Version,
            row.EventId,
            row.Type,
            data.RootElement.Clone(),
            JsonSerializer.Deserialize<EntryMetadata>(row.Metadata, ContractJson.Options)!,
            DateTimeOffset.FromUnixTimeMilliseconds(row.RecordedAt));
    }

    private static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
