using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Hub.Auth;

/// <summary>The HMAC key tokens are signed with: configured, or generated once and kept beside the database.</summary>
public static class SigningKey
{
    public static SymmetricSecurityKey Resolve(AuthOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        byte[] key;
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            key = Convert.FromBase64String(options.SigningKey);
        }
        else
        {
            var path = Path.Combine(dataDirectory, "signing-key");
            if (File.Exists(path))
            {
                key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            }
            else
            {
                key = RandomNumberGenerator.GetBytes(32);
                Directory.CreateDirectory(dataDirectory);
                File.WriteAllText(path, Convert.ToBase64String(key));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }

        if (key.Length < 32)
        {
            throw new InvalidOperationException("Coordination:Auth:SigningKey must be at least 32 bytes (base64).");
        }

        return new SymmetricSecurityKey(key);
    }
}
