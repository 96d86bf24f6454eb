using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// Coordination:Cap. How the hub names itself on the CAP messages it publishes, which partners' messages it takes in
/// and what they may do, and the partners' CAP Atom feeds it polls.
/// </summary>
public sealed class CapOptions
{
    public const string Section = "Coordination:Cap";

    /// <summary>The CAP <c>sender</c>: stable, unique to this hub's operator, no spaces or commas (e.g. an OID URN or an address).</summary>
    public string Sender { get; set; } = "coordination-hub@moi.gov.ly";

    public string SenderNameAr { get; set; } = "وزارة الداخلية - مكتب المناوبة والتنسيق";

    public string SenderNameEn { get; set; } = "Ministry of Interior - Duty and Coordination Office";

    /// <summary>Who to call about a message.</summary>
    public string Contact { get; set; } = "Duty and Coordination Office / مكتب المناوبة والتنسيق";

    /// <summary>
    /// The CAP senders whose messages the hub takes in, and what each may do; empty: any sender the importing duty
    /// officer or commander vouches for (an unconfigured sender's signed message is still refused: no certificate of
    /// its is configured).
    /// </summary>
    public CapSenderOptions[] Senders { get; set; } = [];

    /// <summary>Partners' CAP Atom feeds the hub polls (a meteorological centre's warnings, say).</summary>
    public CapFeedOptions[] Feeds { get; set; } = [];

    /// <summary>The longest one fetch of a feed or of a message it links to may take.</summary>
    public TimeSpan FeedTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most bytes one fetched feed or message may have.</summary>
    public int FeedMaxBytes { get; set; } = 1_000_000;

    /// <summary>The configured sender called <paramref name="id"/>, if any.</summary>
    public CapSenderOptions? SenderNamed(string id) => Senders.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>Stops the start on a setting that cannot work, naming it, rather than failing at the first message.</summary>
    public void Check()
    {
        for (var i = 0; i < Senders.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(Senders[i].Id))
            {
                throw new InvalidOperationException($"{Section}:Senders:{i}:Id is required: the CAP sender as its messages name it.");
            }
        }

        if (Senders.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"{Section}:Senders names '{twice.Key}' more than once.");
        }

        for (var i = 0; i < Feeds.Length; i++)
        {
            var feed = Feeds[i];
            if (string.IsNullOrWhiteSpace(feed.Name) || feed.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
            {
                throw new InvalidOperationException($"{Section}:Feeds:{i}:Name is required: letters, digits, '-' or '.', not '{feed.Name}'.");
            }

            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException($"{Section}:Feeds:{i}:Url must be an absolute http(s) URL, not '{feed.Url}'.");
            }

            if (string.IsNullOrWhiteSpace(feed.Sender))
            {
                throw new InvalidOperationException($"{Section}:Feeds:{i}:Sender is required: the CAP sender the feed's messages come from.");
            }

            if (Senders.Length > 0 && SenderNamed(feed.Sender) is null)
            {
                throw new InvalidOperationException($"{Section}:Feeds:{i}:Sender '{feed.Sender}' is not one of {Section}:Senders.");
            }

            if (feed.Interval < TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"{Section}:Feeds:{i}:Interval must be at least 10 seconds, not {feed.Interval}.");
            }
        }

        if (Feeds.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } same)
        {
            throw new InvalidOperationException($"{Section}:Feeds names '{same.Key}' more than once.");
        }

        if (FeedTimeout <= TimeSpan.Zero || FeedMaxBytes <= 0)
        {
            throw new InvalidOperationException($"{Section}:FeedTimeout and {Section}:FeedMaxBytes must be positive.");
        }
    }
}

/// <summary>One trusted CAP sender, and what its messages may do.</summary>
public sealed class CapSenderOptions
{
    /// <summary>The CAP <c>sender</c>, exactly as its messages give it.</summary>
    public string Id { get; set; } = "";

    /// <summary>Whether its <c>Alert</c> messages may create incidents.</summary>
    public bool Create { get; set; } = true;

    /// <summary>Whether its <c>Update</c> messages may update the incidents its own alerts created.</summary>
    public bool Update { get; set; } = true;

    /// <summary>Whether its <c>Cancel</c> messages may close the incidents its own alerts created.</summary>
    public bool Cancel { get; set; } = true;

    /// <summary>The hazards its alerts may be; empty: any.</summary>
    public HazardType[] Hazards { get; set; } = [];

    /// <summary>Refuse its unsigned messages.</summary>
    public bool RequireSignature { get; set; }

    /// <summary>Its signing certificates (PEM or DER files; a relative path is in the data directory). A signed message must verify with one of them.</summary>
    public string[] Certificates { get; set; } = [];
}

/// <summary>A partner's CAP Atom feed: each entry embeds a CAP message or links to one.</summary>
public sealed class CapFeedOptions
{
    /// <summary>A short name: how the administrators' read, the log (actor <c>cap-feed:name</c>) and the hub's log name it.</summary>
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>The CAP sender its messages must come from; that sender's trust applies to them.</summary>
    public string Sender { get; set; } = "";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
