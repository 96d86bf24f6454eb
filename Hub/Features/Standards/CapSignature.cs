using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// The XML signature (xmldsig) CAP 1.2 allows as the last child of <c>alert</c>: enveloped, over the whole message
/// (<c>Reference URI=""</c>), checked against the certificates configured for the sender. Only that shape is
/// accepted, so a signature over some other part of the document (a wrapping attack) cannot vouch for the message.
/// </summary>
public static class CapSignature
{
    public static readonly XNamespace Dsig = SignedXml.XmlDsigNamespaceUrl;

    private static readonly HashSet<string> Transforms = new(StringComparer.Ordinal)
    {
        SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigC14NTransformUrl, SignedXml.XmlDsigC14NWithCommentsTransformUrl,
        SignedXml.XmlDsigExcC14NTransformUrl, SignedXml.XmlDsigExcC14NWithCommentsTransformUrl,
    };

    /// <summary>What the signature says: none, verified by a configured certificate, or why it cannot be accepted.</summary>
    public sealed record Outcome(bool HasSignature, X509Certificate2? By, Text? Problem);

    public static bool IsSigned(XElement alert) => alert.Elements(Dsig + "Signature").Any();

    /// <summary>Checks <paramref name="alert"/>'s signature against <paramref name="certificates"/>, the sender's, as of <paramref name="now"/>.</summary>
    public static Outcome Verify(XElement alert, string sender, IReadOnlyList<X509Certificate2> certificates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(certificates);
        var signatures = alert.Elements(Dsig + "Signature").ToList();
        if (signatures.Count == 0)
        {
            return new(false, null, null);
        }

        if (signatures.Count > 1)
        {
            return Refused(InvalidCap.SignedTwice);
        }

        // The message on its own, as its signer signed it: whitespace kept, no DTD, nothing fetched.
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = XmlReader.Create(new StringReader(CapReader.Standalone(alert)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            document.Load(reader);
        }

        var signed = new SignedXml(document);
        try
        {
            signed.LoadXml((XmlElement)document.DocumentElement!.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!);
        }
        catch (CryptographicException ex)
        {
            return Refused(InvalidCap.SignatureUnreadable(ex.Message));
        }

        if (signed.SignedInfo?.References is not [System.Security.Cryptography.Xml.Reference { Uri: "" } reference]
            || Enumerable.Range(0, reference.TransformChain.Count).Select(i => reference.TransformChain[i].Algorithm ?? "") is var algorithms && (!algorithms.Contains(SignedXml.XmlDsigEnvelopedSignatureTransformUrl)
            || algorithms.Any(a => !Transforms.Contains(a))))
        {
            return Refused(InvalidCap.SignatureNotWhole);
        }

        if ((signed.SignatureMethod ?? "").Contains("sha1", StringComparison.OrdinalIgnoreCase) || (reference.DigestMethod ?? "").Contains("sha1", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(InvalidCap.Sha1);
        }

        Text? expired = null;
        foreach (var certificate in certificates)
        {
            if (Checks(signed, certificate))
            {
                if (now < certificate.NotBefore || now > certificate.NotAfter)
                {
                    expired = InvalidCap.CertificateOutOfDate(sender, certificate.NotBefore, certificate.NotAfter);
                    continue;
                }

                return new(true, certificate, null);
            }
        }

        if (expired is { } outOfDate)
        {
            return Refused(outOfDate);
        }

        // Why not: the certificate the signature carries (if any) tells an altered message from an unknown signer.
        var carried = signed.KeyInfo?.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates?.OfType<X509Certificate2>() ?? []).FirstOrDefault();
        if (carried is not null && Checks(signed, carried))
        {
            return Refused(InvalidCap.OtherCertificate(sender, carried.GetCertHashString(HashAlgorithmName.SHA256)));
        }

        return carried is not null || certificates.Count > 0
            ? Refused(InvalidCap.Altered(sender))
            : Refused(InvalidCap.NoCertificate(sender));
    }

    private static bool Checks(SignedXml signed, X509Certificate2 certificate)
    {
        try
        {
            // The configured certificate is trusted as configured (pinned): no chain to build, no revocation to fetch.
            return signed.CheckSignature(certificate, verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static Outcome Refused(Text why) => new(true, null, InvalidCap.Signature(why));
}
