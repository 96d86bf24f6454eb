namespace Coordination.Hub.Features.Standards;

/// <summary>Coordination:Cap. How the hub names itself on the CAP messages it publishes.</summary>
public sealed class CapOptions
{
    public const string Section = "Coordination:Cap";

    /// <summary>The CAP <c>sender</c>: stable, unique to this hub's operator, no spaces or commas (e.g. an OID URN or an address).</summary>
    public string Sender { get; set; } = "coordination-hub@moi.gov.ly";

    public string SenderNameAr { get; set; } = "وزارة الداخلية - مكتب المناوبة والتنسيق";

    public string SenderNameEn { get; set; } = "Ministry of Interior - Duty and Coordination Office";

    /// <summary>CAP senders whose messages the hub takes in (POST /api/cap); empty: any sender the importing user vouches for.</summary>
    public string[] TrustedSenders { get; set; } = [];

    /// <summary>Who to call about a message.</summary>
    public string Contact { get; set; } = "Duty and Coordination Office / مكتب المناوبة والتنسيق";
}
