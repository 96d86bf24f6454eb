using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Agencies.Contracts.Seals;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Agencies.Client;

/// <summary>
/// A connection to the coordination hub that never silently misses an entry: it signs in, subscribes,
/// applies pushed entries in position order, drops positions it already has, and catches up from the
/// log whenever it (re)connects or a push shows it missed something. When the hub's log ends before what
/// it applied (restored from a backup), it says so (<see cref="LogRewound"/>) and goes on from the log's end.
/// Commands are sent with an idempotency key and re-sent over a failing link, so each is stored once.
/// </summary>
public sealed class CoordinationClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string _userName;
    private readonly string _password;
    private readonly CoordinationClientOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<LogEntry> _applied = [];
    private readonly List<LogEntry> _received = [];
    private readonly Lock _historyLock = new();
    private readonly List<LogSealed> _seals = [];
    private string _token = "";
    private DateTimeOffset _tokenExpires;
    private long _lastApplied;
    private long _scanned;
    private long _duplicates;
    private long _gaps;
    private long _rewinds;
    private bool _readsLog = true;

    private CoordinationClient(Uri baseAddress, string userName, string password, CoordinationClientOptions options)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _userName = userName;
        _password = password;
        _options = options;
        _lastApplied = _scanned = options.StartAfter;
        // Attached before the first catch-up, so the entries logged while away reach them too.
        EntryApplied += options.OnEntryApplied;
        LogRewound += options.OnLogRewound;
        SealReceived += options.OnSealReceived;
        var builder = new HubConnectionBuilder();
        if (options.Logging is { } logging)
        {
            builder.Services.AddSingleton(logging);
        }

        Connection = builder
            .WithUrl(new Uri(baseAddress, HubPaths.Coordination.TrimStart('/')), o =>
            {
                o.AccessTokenProvider = async () => await TokenAsync(CancellationToken.None);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .WithAutomaticReconnect(new ForeverRetryPolicy(options.MaxReconnectDelay))
            .WithStatefulReconnect()
            .AddJsonProtocol(o => ContractJson.Apply(o.PayloadSerializerOptions))
            .Build();
        Connection.On<LogEntry[], long>(nameof(ICoordinationClient.EntriesAppended), OnPushedAsync);
        Connection.On<long>(nameof(ICoordinationClient.Heartbeat), OnHeartbeatAsync);
        Connection.On<LogSealed>(nameof(ICoordinationClient.LogSealed), OnSealed);
        Connection.Reconnected += async _ => await CatchUpAsync(CancellationToken.None);
    }

    /// <summary>The underlying SignalR connection (its state, and hub methods the client does not wrap).</summary>
    public HubConnection Connection { get; }

    /// <summary>The user this client signed in as.</summary>
    public string UserName => _userName;

    /// <summary>The last position applied.</summary>
    public long LastPosition => Interlocked.Read(ref _lastApplied);

    /// <summary>Pushes dropped because their position was already applied.</summary>
    public long DuplicatesDropped => Interlocked.Read(ref _duplicates);

    /// <summary>Pushes that showed a gap and triggered a catch-up.</summary>
    public long GapsDetected => Interlocked.Read(ref _gaps);

    /// <summary>Times the hub's log was found to end before the last position applied (<see cref="LogRewound"/>).</summary>
    public long Rewinds => Interlocked.Read(ref _rewinds);

    /// <summary>
    /// Raised for each entry as it is applied, in position order, once per position. Entries applied by the catch-up in
    /// <see cref="ConnectAsync"/> are raised before a handler attached here can see them: to be given those too, set
    /// <see cref="CoordinationClientOptions.OnEntryApplied"/>.
    /// </summary>
    public event Action<LogEntry>? EntryApplied;

    /// <summary>
    /// Raised when the hub's log ends before positions this client applied: the hub was restored from a backup, which
    /// holds an earlier part of the same log. The argument is where the log this user may see now ends: drop what you
    /// kept of entries after it (they are no longer in the log). The client then goes on from there, and entries
    /// logged after the restore are applied as usual, even at positions it had applied before.
    /// </summary>
    public event Action<long>? LogRewound;

    /// <summary>
    /// Raised for each seal of the log the hub pushes (every client receives them, whatever it may see). Keep them: with
    /// the hub's public keys they prove an export of the log unaltered up to their positions, even against a log
    /// rewritten later with its hashes recomputed (the verifier's <c>--seals</c> file is a JSON array of them, as
    /// <c>JsonSerializer.Serialize(client.Seals, ContractJson.Options)</c> writes it).
    /// </summary>
    public event Action<LogSealed>? SealReceived;

    /// <summary>The seals received since connecting, oldest first (the latest <see cref="SealsKept"/>).</summary>
    public IReadOnlyList<LogSealed> Seals
    {
        get
        {
            lock (_historyLock)
            {
                return _seals.ToArray();
            }
        }
    }

    /// <summary>How many seals <see cref="Seals"/> holds at most; save them from <see cref="SealReceived"/> to keep more.</summary>
    public const int SealsKept = 10_000;

    /// <summary>Every applied entry in order (only with <see cref="CoordinationClientOptions.KeepHistory"/>).</summary>
    public IReadOnlyList<LogEntry> Applied
    {
        get
        {
            lock (_historyLock)
            {
                return _applied.ToArray();
            }
        }
    }

    /// <summary>Every push as it arrived, duplicates included (only with <see cref="CoordinationClientOptions.KeepHistory"/>).</summary>
    public IReadOnlyList<LogEntry> Received
    {
        get
        {
            lock (_historyLock)
            {
                return _received.ToArray();
            }
        }
    }

    private void OnSealed(LogSealed seal)
    {
        lock (_historyLock)
        {
            // Every hub a client has been connected to pushes the same seal entry once; a reconnect may bring it twice.
            if (_seals.Contains(seal))
            {
                return;
            }

            _seals.Add(seal);
            if (_seals.Count > SealsKept)
            {
                _seals.RemoveAt(0);
            }
        }

        SealReceived?.Invoke(seal);
    }

    /// <summary>Signs in, connects, and catches up from <see cref="CoordinationClientOptions.StartAfter"/>.</summary>
    public static async Task<CoordinationClient> ConnectAsync(Uri baseAddress, string userName, string password, CoordinationClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var client = new CoordinationClient(baseAddress, userName, password, options ?? new CoordinationClientOptions());
        try
        {
            await client.TokenAsync(cancellationToken);
            await client.Connection.StartAsync(cancellationToken);
            await client.CatchUpAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads every entry after the last applied (or looked-at) position that this user may see, and applies it.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await CatchUpLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reports an incident; a missing <see cref="ReportIncidentRequest.EventId"/> is filled in, so retries store it once.</summary>
    public Task<ReportIncidentResponse> ReportAsync(ReportIncidentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<ReportIncidentResponse>("api/incidents", request with { EventId = request.EventId ?? Guid.CreateVersion7() }, cancellationToken);
    }

    /// <summary>Acknowledges this liaison's agency alert for an incident.</summary>
    public Task<CommandResponse> AcknowledgeAsync(Guid incidentId, string? note = null, Guid? eventId = null, CancellationToken cancellationToken = default) =>
        SendAsync<CommandResponse>($"api/incidents/{incidentId}/acknowledge", new AcknowledgeAlertRequest(eventId ?? Guid.CreateVersion7(), note, null), cancellationToken);

    /// <summary>Posts an update to an incident.</summary>
    public Task<CommandResponse> PostUpdateAsync(Guid incidentId, PostUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<CommandResponse>($"api/incidents/{incidentId}/updates", request with { EventId = request.EventId ?? Guid.CreateVersion7() }, cancellationToken);
    }

    /// <summary>Takes on one of this liaison's agency's tasks on an incident (a contingency plan's, by plan code and task id).</summary>
    public Task<CommandResponse> AcknowledgeTaskAsync(Guid incidentId, string planCode, string taskId, string? note = null, Guid? eventId = null, CancellationToken cancellationToken = default) =>
        TaskAsync("acknowledge", incidentId, planCode, taskId, note, eventId, cancellationToken);

    /// <summary>Reports progress on one of this liaison's agency's tasks; <paramref name="note"/> says what has been done.</summary>
    public Task<CommandResponse> ProgressTaskAsync(Guid incidentId, string planCode, string taskId, string note, Guid? eventId = null, CancellationToken cancellationToken = default) =>
        TaskAsync("progress", incidentId, planCode, taskId, note, eventId, cancellationToken);

    /// <summary>Completes one of this liaison's agency's tasks.</summary>
    public Task<CommandResponse> CompleteTaskAsync(Guid incidentId, string planCode, string taskId, string? note = null, Guid? eventId = null, CancellationToken cancellationToken = default) =>
        TaskAsync("complete", incidentId, planCode, taskId, note, eventId, cancellationToken);

    private Task<CommandResponse> TaskAsync(string action, Guid incidentId, string planCode, string taskId, string? note, Guid? eventId, CancellationToken cancellationToken) =>
        SendAsync<CommandResponse>($"api/incidents/{incidentId}/plans/{Uri.EscapeDataString(planCode)}/tasks/{Uri.EscapeDataString(taskId)}/{action}",
            new Contracts.Plans.TaskRequest(eventId ?? Guid.CreateVersion7(), note, null), cancellationToken);

    /// <summary>Waits until an applied entry matches, or throws <see cref="TimeoutException"/>.</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var found = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnApplied(LogEntry entry)
        {
            if (predicate(entry))
            {
                found.TrySetResult(entry);
            }
        }

        EntryApplied += OnApplied;
        try
        {
            var already = Applied.FirstOrDefault(predicate);
            if (already is not null)
            {
                return already;
            }

            return await found.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            EntryApplied -= OnApplied;
        }
    }

    private async Task OnPushedAsync(LogEntry[] entries, long previousPosition)
    {
        // Within one push each entry's previous visible position is the one before it.
        foreach (var entry in entries)
        {
            await OnPushedAsync(entry, previousPosition);
            previousPosition = entry.Position;
        }
    }

    private async Task OnPushedAsync(LogEntry entry, long previousPosition)
    {
        if (_options.KeepHistory)
        {
            lock (_historyLock)
            {
                _received.Add(entry);
            }
        }

        await _gate.WaitAsync();
        try
        {
            if (entry.Position <= _lastApplied)
            {
                Interlocked.Increment(ref _duplicates);
                return;
            }

            if (previousPosition > _lastApplied)
            {
                // Something this user was owed did not arrive: read it from the log before going on.
                Interlocked.Increment(ref _gaps);
                await CatchUpLockedAsync(CancellationToken.None);
                if (entry.Position <= _lastApplied)
                {
                    return;
                }
            }

            Apply(entry);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task OnHeartbeatAsync(long latestPosition)
    {
        var lastApplied = Interlocked.Read(ref _lastApplied);
        if (latestPosition > lastApplied)
        {
            Interlocked.Increment(ref _gaps);
            await CatchUpAsync(CancellationToken.None);
        }
        else if (latestPosition < lastApplied)
        {
            // Behind what this client applied: the log may have been restored from a backup (pushes at positions
            // it already has are dropped, so nothing else would show it), or the beat was sent just before an entry
            // that arrived first. Catch-up asks the hub, which says which.
            await CatchUpAsync(CancellationToken.None);
        }
    }

    private async Task CatchUpLockedAsync(CancellationToken cancellationToken)
    {
        while (_readsLog)
        {
            var after = Math.Max(_lastApplied, _scanned);
            CatchUpResponse page;
            try
            {
                page = await GetAsync<CatchUpResponse>($"api/log?after={after}&limit={_options.CatchUpPageSize}", cancellationToken);
            }
            catch (CoordinationException ex) when (ex.Status == HttpStatusCode.Forbidden)
            {
                // This user's role reads no incidents (an administrator): there is nothing to catch up.
                _readsLog = false;
                return;
            }
            catch (CoordinationException ex) when (ex is { Status: HttpStatusCode.Conflict, HeadPosition: { } head } && head < after)
            {
                Rewind(head);
                continue;
            }

            foreach (var entry in page.Entries.Where(e => e.Position > _lastApplied))
            {
                Apply(entry);
            }

            _scanned = Math.Max(_scanned, page.NextAfter);
            if (page.NextAfter >= page.HeadPosition)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The log ends at <paramref name="head"/>, before what this client applied. A backup holds an earlier part of the
    /// same log, so the positions up to the head are the entries this client already has: it keeps them, drops the
    /// rest, and goes on from the head.
    /// </summary>
    private void Rewind(long head)
    {
        Interlocked.Exchange(ref _lastApplied, Math.Min(_lastApplied, head));
        _scanned = Math.Min(_scanned, head);
        if (_options.KeepHistory)
        {
            lock (_historyLock)
            {
                _applied.RemoveAll(e => e.Position > head);
            }
        }

        Interlocked.Increment(ref _rewinds);
        LogRewound?.Invoke(head);
    }

    private void Apply(LogEntry entry)
    {
        Interlocked.Exchange(ref _lastApplied, entry.Position);
        if (_options.KeepHistory)
        {
            lock (_historyLock)
            {
                _applied.Add(entry);
            }
        }

        EntryApplied?.Invoke(entry);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token.Length > 0 && DateTimeOffset.UtcNow < _tokenExpires.AddMinutes(-5))
        {
            return _token;
        }

        using var response = await _http.PostAsJsonAsync("api/auth/token", new { userName = _userName, password = _password }, ContractJson.Options, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var signIn = await response.Content.ReadFromJsonAsync<SignIn>(ContractJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The hub answered sign-in with nothing.");
        _token = signIn.Token;
        _tokenExpires = signIn.ExpiresAt;
        return _token;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Over the hub's per-user read limit (a long catch-up): wait as asked and read on, rather than
                // give up and leave the screen behind.
                await Task.Delay(RetryAfter(response), cancellationToken);
                continue;
            }

            await EnsureSuccessAsync(response, cancellationToken);
            return (await response.Content.ReadFromJsonAsync<T>(ContractJson.Options, cancellationToken))!;
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => TimeSpan.FromSeconds(1),
        };
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    private async Task<T> SendAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
                {
                    Content = JsonContent.Create(body, body.GetType(), options: ContractJson.Options),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
                using var response = await _http.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode >= 500 && attempt < _options.CommandAttempts)
                {
                    await Task.Delay(Backoff(attempt), cancellationToken);
                    continue;
                }

                await EnsureSuccessAsync(response, cancellationToken);
                return (await response.Content.ReadFromJsonAsync<T>(ContractJson.Options, cancellationToken))!;
            }
            catch (HttpRequestException) when (attempt < _options.CommandAttempts)
            {
                // The link failed; the same idempotency key makes the re-send safe.
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(5000, 200 * (1 << Math.Min(attempt, 5))));

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new CoordinationException(response.StatusCode, problem);
        }
    }

    /// <summary>Closes the connection.</summary>
    /// <returns>Completion.</returns>
    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _http.Dispose();
        _gate.Dispose();
    }

    private sealed record SignIn(string Token, DateTimeOffset ExpiresAt);

    /// <summary>
    /// Doubling waits up to the maximum, each a random half to whole of its step: clients dropped together by a
    /// hub's restart (thousands at once) come back spread out instead of retrying in lockstep.
    /// </summary>
    private sealed class ForeverRetryPolicy(TimeSpan maxDelay) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            TimeSpan.FromMilliseconds(Math.Min(maxDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(retryContext.PreviousRetryCount, 10)))
                * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
