using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Projections;
using Dapper;

namespace Coordination.Persistence.EventLog;

/// <summary>The event log on any <see cref="ISqlDialect"/>; all SQL through Dapper, always parameterised.</summary>
public sealed class EventLogStore(ISqlDialect dialect, AppendSignal signal, TimeProvider time) : IEventLog, IDisposable
{
    private const int VerifyPageSize = 5000;

    // Group commit: appends queue here and one writer takes whatever is waiting (up to MaxBatch) into a
    // single transaction, so concurrent callers share one durable commit instead of waiting for one each.
    // Each request runs inside its own savepoint: a conflict in one leaves the others untouched.
    private const int MaxBatch = 100;
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _writerLoop;

    public async Task<AppendResult> AppendAsync(Guid incidentId, int expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("Nothing to append.", nameof(events));
        }

        if (events.Select(e => e.EventId).Distinct().Count() != events.Count)
        {
            throw new ArgumentException("The same event id appears twice in one append.", nameof(events));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var request = new Request(incidentId, expectedVersion, events, new TaskCompletionSource<AppendResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(request), this);

        EnsureWriter();
        // Once queued, a request is written whatever happens to the caller: a retry with the same event ids is a no-op.
        return await request.Done.Task.WaitAsync(cancellationToken);
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
        var outcomes = new (AppendResult? Result, Exception? Error)[batch.Count];
        try
        {
            await using var connection = dialect.CreateConnection();
            await connection.OpenAsync();
            await using var transaction = await dialect.BeginAppendAsync(connection, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                var request = batch[i];
                if (batch.Count == 1)
                {
                    outcomes[i] = (await AppendInTransactionAsync(connection, transaction, request.IncidentId, request.ExpectedVersion, request.Events), null);
                    continue;
                }

                await transaction.SaveAsync("request");
                try
                {
                    outcomes[i] = (await AppendInTransactionAsync(connection, transaction, request.IncidentId, request.ExpectedVersion, request.Events), null);
                    await transaction.ReleaseAsync("request");
                }
                catch (Exception ex) when (ex is ConcurrencyConflictException or DbException or JsonException)
                {
                    await transaction.RollbackAsync("request");
                    outcomes[i] = (null, ex);
                }
            }

            await transaction.CommitAsync();
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
                appended |= !result.WasDuplicate;
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

    private async Task<AppendResult> AppendInTransactionAsync(DbConnection connection, DbTransaction transaction, Guid incidentId, int expectedVersion, IReadOnlyList<NewEvent> events)
    {
        var cancellationToken = CancellationToken.None;
        var duplicate = await FindStoredAsync(connection, transaction, incidentId, events, cancellationToken);
        if (duplicate is not null)
        {
            return duplicate;
        }

        var current = await connection.ExecuteScalarAsync<int>(Command(
            SqlScripts.Get("EventLog/Sql/CurrentVersion.sql"), new { IncidentId = incidentId }, transaction, cancellationToken));
        if (expectedVersion != ExpectedVersion.Any && expectedVersion != current)
        {
            throw new ConcurrencyConflictException(
                $"Incident {incidentId} is at version {current}, not the expected {expectedVersion}: reload it and try again.")
            {
                ExpectedVersion = expectedVersion,
                ActualVersion = current,
            };
        }

        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(Command(
            dialect.Script("Head"), null, transaction, cancellationToken));
        var position = head?.Position ?? 0;
        var previousHash = head?.Hash ?? ChainHasher.Genesis;
        var recordedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var insert = SqlScripts.Get("EventLog/Sql/Insert.sql");
        var first = position + 1;
        var version = current;

        foreach (var e in events)
        {
            var row = new StoredRow
            {
                Position = ++position,
                IncidentId = incidentId,
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
                await connection.ExecuteAsync(Command(insert, row, transaction, cancellationToken));
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex))
            {
                throw new ConcurrencyConflictException($"Incident {incidentId} was changed concurrently; nothing was written.", ex);
            }

            await ReadModelProjector.ApplyAsync(connection, transaction, row, e.Metadata, cancellationToken);
        }

        return new AppendResult(first, position, version, WasDuplicate: false);
    }

    private static async Task<AppendResult?> FindStoredAsync(DbConnection connection, DbTransaction transaction, Guid incidentId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        var sql = SqlScripts.Get("EventLog/Sql/FindEvent.sql");
        var found = new List<StoredRow>();
        foreach (var e in events)
        {
            var row = await connection.QuerySingleOrDefaultAsync<StoredRow>(Command(sql, new { e.EventId }, transaction, cancellationToken));
            if (row is not null)
            {
                found.Add(row);
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        if (found.Count != events.Count || found.Any(r => r.IncidentId != incidentId))
        {
            throw new ConcurrencyConflictException("Some of these event ids are already stored for other events; nothing was written.");
        }

        return new AppendResult(found.Min(r => r.Position), found.Max(r => r.Position), found.Max(r => r.Version), WasDuplicate: true);
    }

    public async Task<IReadOnlyList<LogEntry>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryAsync<StoredRow>(Command(dialect.Script("ReadAfter"), new { After = after, Limit = limit }, null, cancellationToken));
        return rows.Select(ToEntry).ToArray();
    }

    public async Task<IReadOnlyList<LogEntry>> ReadIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryAsync<StoredRow>(Command(SqlScripts.Get("EventLog/Sql/ReadIncident.sql"), new { IncidentId = incidentId }, null, cancellationToken));
        return rows.Select(ToEntry).ToArray();
    }

    public async Task<LogEntry?> FindAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var row = await connection.QuerySingleOrDefaultAsync<StoredRow>(Command(SqlScripts.Get("EventLog/Sql/FindEvent.sql"), new { EventId = eventId }, null, cancellationToken));
        return row is null ? null : ToEntry(row);
    }

    public async Task<long> HeadPositionAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(Command(SqlScripts.Get("EventLog/Sql/HeadPosition.sql"), null, null, cancellationToken));
    }

    public async Task<VerificationResult> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var sql = dialect.Script("ReadAfter");
        var previousHash = ChainHasher.Genesis;
        var computed = new byte[32];
        // One row object reused and columns read by ordinal: the verifier reads every entry of the log,
        // and materialising a million rows through Dapper cost more than hashing them.
        var row = new StoredRow();
        long expected = 1, checkedCount = 0;
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            AddParameter(command, "@After", expected - 1);
            AddParameter(command, "@Limit", VerifyPageSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var read = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                read++;
                checkedCount++;
                Fill(reader, row);
                if (row.Position != expected)
                {
                    return new VerificationResult(false, checkedCount, expected, $"position {expected} is missing (next stored is {row.Position})");
                }

                if (!row.PrevHash.AsSpan().SequenceEqual(previousHash))
                {
                    return new VerificationResult(false, checkedCount, row.Position, "previous hash does not match the entry before it");
                }

                ChainHasher.Compute(previousHash, row, computed);
                if (!computed.AsSpan().SequenceEqual(row.Hash))
                {
                    return new VerificationResult(false, checkedCount, row.Position, "content does not match its hash");
                }

                previousHash = row.Hash;
                expected++;
            }

            if (read < VerifyPageSize)
            {
                return new VerificationResult(true, checkedCount, null, null);
            }
        }
    }

    /// <summary>Reads a ReadAfter row (columns in the script's order) into <paramref name="row"/>; Guids are text on SQLite.</summary>
    private static void Fill(DbDataReader reader, StoredRow row)
    {
        row.Position = reader.GetInt64(0);
        row.IncidentId = ReadGuid(reader, 1);
        row.Version = reader.GetInt32(2);
        row.EventId = ReadGuid(reader, 3);
        row.Type = reader.GetString(4);
        row.Data = reader.GetString(5);
        row.Metadata = reader.GetString(6);
        row.RecordedAt = reader.GetInt64(7);
        row.PrevHash = reader.GetFieldValue<byte[]>(8);
        row.Hash = reader.GetFieldValue<byte[]>(9);
    }

    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);

    private static void AddParameter(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private sealed record Request(Guid IncidentId, int ExpectedVersion, IReadOnlyList<NewEvent> Events, TaskCompletionSource<AppendResult> Done);

    private sealed class HeadRow
    {
        public long Position { get; set; }
        public byte[] Hash { get; set; } = [];
    }

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
