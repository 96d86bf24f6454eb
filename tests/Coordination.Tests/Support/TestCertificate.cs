using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Coordination.Tests.Support;

/// <summary>
/// A self-signed TLS certificate for 127.0.0.1 and localhost, made afresh by the test that serves with it, and the
/// ways its clients accept exactly this certificate and no other (a pin, not "accept anything").
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string keyPem)
    {
        Certificate = certificate;
        CertificatePem = certificate.ExportCertificatePem();
        KeyPem = keyPem;
        SpkiSha256 = Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate as PEM, as a server such as nginx reads it.</summary>
    public string CertificatePem { get; }

    /// <summary>The unencrypted private key as PKCS#8 PEM.</summary>
    public string KeyPem { get; }

    /// <summary>Base64 SHA-256 of the public key info: what chromium's --ignore-certificate-errors-spki-list takes.</summary>
    public string SpkiSha256 { get; }

    /// <summary>Chromium's switch trusting this key alone.</summary>
    public string ChromiumSwitch => $"--ignore-certificate-errors-spki-list={SpkiSha256}";

    public static TestCertificate Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=coordination proxy test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        // Backdated a little: nginx and chromium compare against their own clocks.
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return new TestCertificate(certificate, key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>True only for this very certificate, whatever else the platform thinks of it (it chains to no trusted root).</summary>
    public bool IsThis(X509Certificate? presented) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(Certificate.RawData);

    /// <summary>A TLS validation callback that pins this certificate.</summary>
    public RemoteCertificateValidationCallback Pin => (_, presented, _, _) => IsThis(presented);

    /// <summary>An HTTP handler that accepts this certificate alone.</summary>
    public SocketsHttpHandler PinnedHandler() => new() { SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Pin } };

    public void Dispose() => Certificate.Dispose();
}
