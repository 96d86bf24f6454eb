using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Seals;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Seals;

/// <summary>
/// Signs the log's head and appends the seal to the seals stream, and publishes this hub's key on the seal-keys
/// stream. Each seal is appended at the seals stream's version it read, so two hubs sealing at once append one seal
/// (the other meets a version conflict, reads again and finds the head sealed), and a restarted hub reads where the
/// last seal stands instead of remembering it.
/// </summary>
public sealed class LogSealer(IEventLog log, SealKey key, TimeProvider time) : IDisposable
{
    /// <summary>The actor of the seals the hub makes on its own, and of its key's publication.</summary>
    public const string Actor = "seal";

    private static readonly TimeSpan KeysKeptFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _keysRead = new(1, 1);
    private (SealKeysResponse Keys, DateTimeOffset ReadAt)? _keys;
    private bool _keyPublished;

    public string KeyId => key.KeyId;

    /// <summary>
    /// Publishes this hub's public key before its first seal (not at start, so a hub that never seals writes
    /// nothing): the event id derives from the key id, so a second start or a second hub with the same key stores nothing.
    /// </summary>
    private async Task PublishKeyAsync(CancellationToken cancellationToken)
    {
        if (_keyPublished)
        {
            return;
        }

        var published = new SealKeyPublished(key.KeyId, key.PublicKeyPem, Now());
        await log.AppendAsync(SystemStreams.SealKeys, ExpectedVersion.Any,
            [Event(DerivedEventId.Create(Guid.Empty, "seal-key:" + key.KeyId), EventTypes.SealKeyPublished, published, Actor, "moi-duty")], cancellationToken);
        _keys = null;
        _keyPublished = true;
    }

    /// <summary>
    /// Seals the head when the log moved since the last seal (anything appended after that seal's own entry), so
    /// repeated requests and several hubs' timers add nothing while nothing happens. Returns the seal made, or, when
    /// nothing moved, null with <paramref name="onlyIfMoved"/> (the interval) and otherwise the latest seal, which
    /// covers every entry but the seals after it. Null as well when the log is empty.
    /// </summary>
    public async Task<LogSealed?> SealAsync(bool onlyIfMoved, string actor, string agency, CancellationToken cancellationToken)
    {
        while (true)
        {
            var last = await log.LastOfStreamAsync(SystemStreams.Seals, cancellationToken);
            var lastSeal = last is null ? null : JsonSerializer.Deserialize<LogSealed>(last.Data, ContractJson.Options);
            var head = await log.HeadPositionAsync(cancellationToken);
            if (head == 0 || (last is not null && head <= last.Position))
            {
                return onlyIfMoved ? null : lastSeal;
            }

            if (!_keyPublished)
            {
                await PublishKeyAsync(cancellationToken);
                continue; // the key's entry moved the head
            }

            var headRow = await log.ReadStoredAsync(head, head, cancellationToken).SingleAsync(cancellationToken);
            var seal = new LogSealed(head, Convert.ToHexStringLower(headRow.Hash), Now(), key.KeyId, "");
            seal = seal with { Signature = key.Sign(seal.CanonicalText()) };
            try
            {
                await log.AppendAsync(SystemStreams.Seals, last?.Version ?? ExpectedVersion.NoStream,
                    [Event(Guid.CreateVersion7(), EventTypes.LogSealed, seal, actor, agency)], cancellationToken);
                return seal;
            }
            catch (ConcurrencyConflictException)
            {
                // Another hub sealed meanwhile: read again; its seal most likely signs the head already.
            }
        }
    }

    /// <summary>The seals whose signed position lies in [<paramref name="first"/>, <paramref name="last"/>], in order.</summary>
    public async Task<IReadOnlyList<LogSealed>> SealsWithinAsync(long first, long last, CancellationToken cancellationToken)
    {
        // A seal is appended after the entry it signs, so every seal of the range sits after its first position.
        var entries = await log.ReadStreamAfterAsync(SystemStreams.Seals, first, cancellationToken);
        return entries.Where(e => e.Type == EventTypes.LogSealed)
            .Select(e => e.DataAs<LogSealed>())
            .Where(s => s.Position >= first && s.Position <= last)
            .ToList();
    }

    /// <summary>Every published key, oldest first; read from the log at most once a minute (the list is public).</summary>
    public async Task<SealKeysResponse> KeysAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } kept && time.GetUtcNow() - kept.ReadAt < KeysKeptFor)
        {
            return kept.Keys;
        }

        await _keysRead.WaitAsync(cancellationToken);
        try
        {
            if (_keys is { } again && time.GetUtcNow() - again.ReadAt < KeysKeptFor)
            {
                return again.Keys;
            }

            var entries = await log.ReadIncidentAsync(SystemStreams.SealKeys, cancellationToken);
            var published = entries.Where(e => e.Type == EventTypes.SealKeyPublished).Select(e => e.DataAs<SealKeyPublished>()).ToList();
            if (published.All(k => k.KeyId != key.KeyId))
            {
                // This hub's key before its first seal: already the key its next seal will name.
                published.Add(new SealKeyPublished(key.KeyId, key.PublicKeyPem, Now()));
            }

            var keys = new SealKeysResponse(key.KeyId, published);
            _keys = (keys, time.GetUtcNow());
            return keys;
        }
        finally
        {
            _keysRead.Release();
        }
    }

    public void Dispose() => _keysRead.Dispose();

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    private static NewEvent Event<T>(Guid eventId, string type, T data, string actor, string agency) =>
        new(eventId, type, JsonSerializer.Serialize(data, ContractJson.Options), new EntryMetadata(actor, agency, eventId, null, false));
}
