using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Coordination.Tests.Support;

/// <summary>
/// A partner's signing certificate, made by the test, and CAP messages signed with it as alerting authorities sign
/// them: an enveloped xmldsig over the whole alert (RSA-SHA256), the certificate in KeyInfo, whitespace as written.
/// </summary>
public sealed class CapSigner : IDisposable
{
    private readonly RSA _key;

    public CapSigner(string subject)
    {
        _key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>Writes the certificate (public part only) as PEM to <paramref name="path"/>, as an administrator would configure it.</summary>
    public string WritePem(string path)
    {
        File.WriteAllText(path, Certificate.ExportCertificatePem());
        return path;
    }

    /// <summary><paramref name="xml"/> (a whole CAP alert) with its signature appended as the alert's last child.</summary>
    public string Sign(string xml, string signatureMethod = SignedXml.XmlDsigRSASHA256Url, string digestMethod = SignedXml.XmlDsigSHA256Url)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        var signed = new SignedXml(document) { SigningKey = _key };
        signed.SignedInfo!.SignatureMethod = signatureMethod;
        var reference = new Reference("") { DigestMethod = digestMethod };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(Certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signed.GetXml(), true));
        return document.OuterXml;
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
