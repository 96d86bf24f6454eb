using System.Security.Cryptography;
using System.Text;
using Coordination.Hub.Startup;

namespace Coordination.Hub.Features.Seals;

/// <summary>
/// The hub's seal key: ECDSA P-256 from a PEM file (<see cref="SealOptions.KeyPath"/>), made at the first start,
/// readable by its owner only. Its id is derived from the public key, so a new key is a new id without anyone
/// choosing one, and a partner computes it from the PEM alone.
/// </summary>
public sealed class SealKey : IDisposable
{
    private readonly ECDsa _key;

    private SealKey(ECDsa key, string path)
    {
        _key = key;
        Path = path;
        // Ending in a newline, so keys written one after another stay separate PEM blocks.
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem() + "\n";
        KeyId = IdOf(key);
    }

    public string Path { get; }

    /// <summary>16 lower-case hex digits: the start of the SHA-256 of the key's SubjectPublicKeyInfo (DER).</summary>
    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <summary>The key at <paramref name="options"/>' path, made there first when there is none.</summary>
    public static SealKey Load(SealOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = System.IO.Path.GetFullPath(options.KeyPath, dataDirectory);
        var key = ECDsa.Create();
        try
        {
            if (!File.Exists(path))
            {
                TryCreate(path);
            }

            key.ImportFromPem(File.ReadAllText(path));
            if (key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new StartRefusedException($"The seal key {path} (Coordination:Seal:KeyPath) is not an ECDSA P-256 key.");
            }

            return new SealKey(key, path);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            key.Dispose();
            throw new StartRefusedException($"The seal key {path} (Coordination:Seal:KeyPath) cannot be read: {ex.Message}", ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The key id of a public key: what seals name and what a verifier matches a PEM to.</summary>
    public static string IdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>Base64 of the signature of the text's UTF-8 (SHA-256; r then s, 32 bytes each).</summary>
    public string Sign(string canonicalText) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(canonicalText), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public void Dispose() => _key.Dispose();

    private static void TryCreate(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // Written whole under a name of its own, then moved into place: another hub starting on the same data folder
        // at the same moment finds either no key or a complete one, never one half written.
        var written = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created owner-only, never readable by others even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var writer = new StreamWriter(written, Encoding.ASCII, options))
            {
                writer.Write(fresh.ExportPkcs8PrivateKeyPem());
            }

            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another hub on the same data folder made it first: use theirs.
        }
        finally
        {
            File.Delete(written);
        }
    }
}
