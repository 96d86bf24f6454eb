using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// Which CAP senders the hub takes messages from and what each may do (<c>Coordination:Cap:Senders</c>), with
/// their signing certificates read once at start: a file that cannot be read stops the start, naming the setting.
/// </summary>
public sealed class CapTrust
{
    private readonly Dictionary<string, X509Certificate2[]> _certificates = new(StringComparer.Ordinal);

    public CapTrust(CapOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        Options = options;
        for (var i = 0; i < options.Senders.Length; i++)
        {
            var sender = options.Senders[i];
            _certificates[sender.Id] = sender.Certificates.Select((file, c) => Load(Path.GetFullPath(file, dataDirectory), $"{CapOptions.Section}:Senders:{i}:Certificates:{c}")).ToArray();
        }
    }

    public CapOptions Options { get; }

    /// <summary>
    /// Refuses (403) a sender the hub does not take messages from, and a message type or hazard the sender's
    /// settings do not allow; the message's signature must verify with one of the sender's certificates, and a sender
    /// that must sign may not send unsigned (400, naming the rule).
    /// </summary>
    public void Demand(XElement alert, string sender, string msgType, HazardType? hazard, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var settings = Options.SenderNamed(sender);
        if (Options.Senders.Length > 0 && settings is null)
        {
            throw Refuse.UntrustedCapSender(sender);
        }

        var signature = CapSignature.Verify(alert, sender, settings is null ? [] : _certificates[settings.Id], now);
        if (signature.Problem is { } problem)
        {
            throw ImportCap.Refused(new CapProblem("signature", problem));
        }

        if (settings is null)
        {
            return;
        }

        if (settings.RequireSignature && !signature.HasSignature)
        {
            throw ImportCap.Refused(new CapProblem("signature", InvalidCap.MustSign(sender)));
        }

        var (allowed, what) = msgType switch
        {
            "Alert" => (settings.Create, InvalidCap.CreateIncidents),
            "Update" => (settings.Update, InvalidCap.UpdateIncidents),
            "Cancel" => (settings.Cancel, InvalidCap.CancelIncidents),
            _ => (true, default(Text)),
        };
        if (!allowed)
        {
            throw Refuse.CapSenderMayNot(sender, what);
        }

        if (msgType == "Alert" && hazard is { } h && settings.Hazards.Length > 0 && !settings.Hazards.Contains(h))
        {
            throw Refuse.CapSenderMayNot(sender, InvalidCap.ReportHazard(h.ToString(), string.Join(", ", settings.Hazards)));
        }
    }

    private static X509Certificate2 Load(string path, string setting)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"{setting}: the certificate '{path}' cannot be read ({ex.Message}).", ex);
        }
    }
}
