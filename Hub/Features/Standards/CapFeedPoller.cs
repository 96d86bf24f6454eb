using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// Polls each configured CAP Atom feed (<c>Coordination:Cap:Feeds</c>) at its interval on the hub's clock and takes
/// in each new entry's message (embedded in the entry, or linked from it on the feed's own host) through the same
/// import as <c>POST /api/cap</c>, with the feed's sender's trust, oldest message first, as <c>cap-feed:name</c>.
/// Fetches are conditional (ETag, Last-Modified), bounded in time and size, and never follow a redirect to another
/// host. A failure is logged and recorded for the administrators' read (<see cref="CapFeedStates"/>), and the next
/// poll tries again; it never stops the hub. Every hub polls: the import's derived ids make a message taken in by
/// two hubs one incident.
/// </summary>
public sealed partial class CapFeedPoller(CapOptions options, ImportCap import, CapFeedStates states, TimeProvider time, ILogger<CapFeedPoller> logger) : BackgroundService
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private const int MaxRedirects = 3;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, // each hop is checked against the feed's host
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan, // bounded per fetch by FeedTimeout on the hub's clock instead
    };

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Feeds.Select(feed => Task.Run(() => PollEveryIntervalAsync(feed, stoppingToken), stoppingToken)));

    private async Task PollEveryIntervalAsync(CapFeedOptions feed, CancellationToken stoppingToken)
    {
        var state = states.For(feed);
        while (!stoppingToken.IsCancellationRequested)
        {
            await PollAsync(feed, state, stoppingToken);
            try
            {
                await Task.Delay(feed.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One poll of one feed; never throws but at shutdown.</summary>
    public async Task PollAsync(CapFeedOptions feed, CapFeedState state, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            var origin = new Uri(feed.Url);
            var (status, body, at, validators) = await FetchAsync(origin, origin, state.Validators, stoppingToken);
            if (status == HttpStatusCode.NotModified)
            {
                state.Polled(time.GetUtcNow(), (int)status);
                return;
            }

            var whole = await TakeInAsync(feed, state, origin, at, body!, stoppingToken);
            state.Validators = whole ? validators : default; // a feed with entries to try again is fetched whole next time
            state.Polled(time.GetUtcNow(), (int)status);
        }
        catch (FeedProblem ex)
        {
            state.Failed(time.GetUtcNow(), ex.Message, wholeFeed: true);
            FeedFailed(logger, feed.Name, ex.Message);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            state.Failed(time.GetUtcNow(), ex.Message, wholeFeed: true);
            FeedFailed(logger, feed.Name, ex.Message);
        }
    }

    /// <summary>Takes in the feed's new entries; true when every entry was handled (none is left to try again).</summary>
    private async Task<bool> TakeInAsync(CapFeedOptions feed, CapFeedState state, Uri origin, Uri at, byte[] body, CancellationToken stoppingToken)
    {
        using var stream = new MemoryStream(body, writable: false);
        var (document, problem) = CapReader.Load(stream);
        if (document?.Root is not { } root || root.Name != Atom + "feed")
        {
            throw new FeedProblem(problem is null ? $"not an Atom feed (the root element is {document?.Root?.Name})" : $"not XML: {problem.Why.English}");
        }

        var caller = new Caller($"cap-feed:{feed.Name}", Role.Operator, "moi-duty");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prepared = new List<(string Key, ImportCap.Prepared Message)>();
        var whole = true;
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            var key = $"{entry.Element(Atom + "id")?.Value.Trim()}|{entry.Element(Atom + "updated")?.Value.Trim()}";
            seen.Add(key);
            if (state.Handled.Contains(key))
            {
                continue;
            }

            try
            {
                var message = await MessageOfAsync(entry, origin, at, stoppingToken);
                prepared.Add((key, import.Prepare(new ImportCap.Message(message, feed.Sender))));
            }
            catch (Exception ex) when (Refusal(ex) is { } refusal)
            {
                // Refused as it stands: not fetched again until the entry changes (its updated time).
                state.Handled.Add(key);
                state.CountRefused();
                EntryFailed(feed, state, key, refusal);
            }
            catch (FeedProblem ex)
            {
                whole = false;
                EntryFailed(feed, state, key, ex.Message);
            }
        }

        // Oldest first, so an Alert is in before the Update that refers to it.
        foreach (var (key, message) in prepared.OrderBy(p => DateTimeOffset.TryParse(p.Message.Sent, CultureInfo.InvariantCulture, DateTimeStyles.None, out var sent) ? sent : DateTimeOffset.MaxValue)
                     .ThenBy(p => p.Message.MsgType == "Alert" ? 0 : 1))
        {
            try
            {
                var imported = await import.ApplyAsync(caller, message, stoppingToken);
                state.Handled.Add(key);
                state.Counted(imported.WasDuplicate);
            }
            catch (RefusalException ex) when (ex.Status == StatusCodes.Status404NotFound || ex.Status == StatusCodes.Status429TooManyRequests)
            {
                // The incident it refers to is not in yet, or the import is being held back: the next poll tries again.
                whole = false;
                EntryFailed(feed, state, key, ex.Detail.English);
            }
            catch (Exception ex) when (Refusal(ex) is { } refusal)
            {
                state.Handled.Add(key);
                state.CountRefused();
                EntryFailed(feed, state, key, refusal);
            }
        }

        // Only entries still in the feed are remembered, so the record stays the feed's size.
        state.Handled = state.Handled.Where(seen.Contains).ToHashSet(StringComparer.Ordinal);
        return whole;
    }

    private void EntryFailed(CapFeedOptions feed, CapFeedState state, string key, string why)
    {
        var error = $"entry {key.Split('|')[0]}: {why}";
        state.Failed(time.GetUtcNow(), error, wholeFeed: false);
        FeedFailed(logger, feed.Name, error);
    }

    private static string? Refusal(Exception ex) => ex switch
    {
        ValidationException v => string.Join(" ", v.Errors.Select(e => e.ErrorMessage)),
        RefusalException r => r.Detail.English,
        _ => null,
    };

    /// <summary>The entry's CAP message: embedded in its content, or fetched from its link on the feed's host.</summary>
    private async Task<byte[]> MessageOfAsync(XElement entry, Uri origin, Uri at, CancellationToken stoppingToken)
    {
        if (entry.Element(Atom + "content")?.Element(CapAlerts.Cap + "alert") is { } embedded)
        {
            return Encoding.UTF8.GetBytes(CapReader.Standalone(embedded));
        }

        var links = entry.Elements(Atom + "link").ToList();
        var link = links.FirstOrDefault(l => (string?)l.Attribute("type") is "application/cap+xml")
            ?? links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        if (link?.Attribute("href")?.Value is not { } href || !Uri.TryCreate(at, href, out var url))
        {
            throw new FeedProblem("neither embeds a CAP alert nor links to one");
        }

        var (_, body, _, _) = await FetchAsync(url, origin, default, stoppingToken);
        return body!;
    }

    /// <summary>GETs <paramref name="url"/>, following redirects on <paramref name="origin"/>'s host only, within the time and size limits.</summary>
    private async Task<(HttpStatusCode Status, byte[]? Body, Uri At, (string?, string?) Validators)> FetchAsync(Uri url, Uri origin, (string? ETag, string? LastModified) validators, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(options.FeedTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (Uri.Compare(url, origin, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    throw new FeedProblem($"{url.GetLeftPart(UriPartial.Authority)} is another host than the feed's {origin.GetLeftPart(UriPartial.Authority)}: not fetched");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.ParseAdd("application/atom+xml, application/cap+xml, application/xml;q=0.9, */*;q=0.1");
                if (validators.ETag is { } etag)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (validators.LastModified is { } modified)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
                }

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop == MaxRedirects)
                    {
                        throw new FeedProblem($"more than {MaxRedirects} redirects");
                    }

                    url = new Uri(url, location);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return (response.StatusCode, null, url, validators);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FeedProblem($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                if (response.Content.Headers.ContentLength > options.FeedMaxBytes)
                {
                    throw new FeedProblem($"{url} is {response.Content.Headers.ContentLength} bytes, more than FeedMaxBytes ({options.FeedMaxBytes})");
                }

                var body = await ReadAtMostAsync(response.Content, url, linked.Token);
                return (response.StatusCode, body, url, (response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture)));
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            throw new FeedProblem($"{url} gave no whole answer within FeedTimeout ({options.FeedTimeout})");
        }
        catch (HttpRequestException ex)
        {
            throw new FeedProblem($"{url} could not be fetched: {ex.Message}");
        }
    }

    private async Task<byte[]> ReadAtMostAsync(HttpContent content, Uri url, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.FeedMaxBytes)
            {
                throw new FeedProblem($"{url} is more than FeedMaxBytes ({options.FeedMaxBytes})");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CAP feed {Feed}: {Problem}")]
    private static partial void FeedFailed(ILogger logger, string feed, string problem);

    /// <summary>What went wrong with a feed or an entry, said for the administrators' read.</summary>
    private sealed class FeedProblem(string message) : Exception(message);
}
