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
            key = FromDataDirectory(dataDirectory);
        }

        if (key.Length < 32)
        {
            throw new InvalidOperationException("Coordination:Auth:SigningKey must be at least 32 bytes (base64).");
        }

        return new SymmetricSecurityKey(key);
    }

    /// <summary>
    /// The key kept in the data directory, made by whichever hub gets there first. Hubs that share the directory and
    /// start together must end with the same key: created with an exclusive create, so a second hub never writes over
    /// the first's (and keeps signing with a key nobody else reads), but reads the one that won.
    /// </summary>
    private static byte[] FromDataDirectory(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "signing-key");
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            Directory.CreateDirectory(dataDirectory);
            try
            {
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, create))
                {
                    file.Write(Convert.ToBase64String(key));
                }

                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another hub created it first: read its key below.
            }
        }

        // The other hub may still be writing it: a key too short to be whole is read again shortly.
        for (var attempt = 1; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            try
            {
                var key = Convert.FromBase64String(text);
                if (key.Length >= 32 || attempt == 50)
                {
                    return key;
                }
            }
            catch (FormatException) when (attempt < 50)
            {
                // Half written.
            }

            Thread.Sleep(100);
        }
    }
}
