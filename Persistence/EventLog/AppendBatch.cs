using System.Data.Common;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.EventLog;

/// <summary>
/// What one group commit needs to know before it writes, read once for the whole batch inside its
/// transaction (under the write lock): the chain head, each incident's version and which of the batch's
/// event ids are already stored. Each appended request then moves it on in memory, so a request costs
/// its inserts and no reads, and a duplicate or a stale version is found before anything is written.
/// </summary>
internal sealed class AppendBatch
{
    private readonly Dictionary<Guid, int> _versions;
    private readonly Dictionary<Guid, StoredEvent> _stored;

    private AppendBatch(long position, byte[] hash, Dictionary<Guid, int> versions, Dictionary<Guid, StoredEvent> stored)
    {
        Position = position;
        Hash = hash;
        _versions = versions;
        _stored = stored;
    }

    /// <summary>The last stored position (0 on an empty log).</summary>
    public long Position { get; private set; }

    /// <summary>The last stored hash (the genesis hash on an empty log).</summary>
    public byte[] Hash { get; private set; }

    public static async Task<AppendBatch> ReadAsync(DbConnection connection, DbTransaction transaction, string headScript, IReadOnlyCollection<(Guid IncidentId, IReadOnlyList<NewEvent> Events)> requests)
    {
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(headScript, null, transaction));
        // Which incidents exist is one query for the batch (their first entries, by the unique index); the
        // current version is then one indexed MAX per existing incident. A single grouped MAX over all of
        // them would read every entry of a long incident.
        var versions = new Dictionary<Guid, int>();
        var started = await connection.QueryListedAsync<Guid>(
            SqlScripts.EventLog.StartedIncidents, "IncidentIds", requests.Select(r => r.IncidentId), transaction);
        foreach (var incidentId in started)
        {
            versions[incidentId] = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                SqlScripts.EventLog.CurrentVersion, new { IncidentId = incidentId }, transaction));
        }

        var stored = (await connection.QueryListedAsync<StoredEvent>(
                SqlScripts.EventLog.FindEvents, "EventIds", requests.SelectMany(r => r.Events).Select(e => e.EventId), transaction))
            .ToDictionary(row => row.EventId);
        return new AppendBatch(head?.Position ?? 0, head?.Hash ?? ChainHasher.Genesis, versions, stored);
    }

    /// <summary>The incident's current version: stored, or as appended earlier in this batch.</summary>
    public int VersionOf(Guid incidentId) => _versions.GetValueOrDefault(incidentId);

    /// <summary>
    /// The earlier result when every event of the request is already stored (a retry), null when none is;
    /// a conflict when only some are, or they belong to another incident.
    /// </summary>
    public AppendResult? FindStored(Guid incidentId, IReadOnlyList<NewEvent> events)
    {
        var found = events.Select(e => _stored.GetValueOrDefault(e.EventId)).OfType<StoredEvent>().ToArray();
        if (found.Length == 0)
        {
            return null;
        }

        if (found.Length != events.Count || found.Any(r => r.IncidentId != incidentId))
        {
            throw new ConcurrencyConflictException("Some of these event ids are already stored for other events; nothing was written.") { StreamId = incidentId };
        }

        return new AppendResult(found.Min(r => r.Position), found.Max(r => r.Position), found.Max(r => r.Version), WasDuplicate: true);
    }

    /// <summary>Records rows that were written (and survived their savepoint), so the next request sees them.</summary>
    public void Appended(IReadOnlyList<StoredRow> rows)
    {
        foreach (var row in rows)
        {
            _stored[row.EventId] = new StoredEvent { Position = row.Position, IncidentId = row.IncidentId, Version = row.Version, EventId = row.EventId };
            _versions[row.IncidentId] = row.Version;
        }

        Position = rows[^1].Position;
        Hash = rows[^1].Hash;
    }

    private sealed class HeadRow
    {
        public long Position { get; set; }
        public byte[] Hash { get; set; } = [];
    }

    private sealed class StoredEvent
    {
        public long Position { get; set; }
        public Guid IncidentId { get; set; }
        public int Version { get; set; }
        public Guid EventId { get; set; }
    }
}
