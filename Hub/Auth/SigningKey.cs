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
    /// start together must end with the same key: the file is created exclusively, so a second hub never writes over
    /// the first's (and keeps signing with a key nobody else reads), but reads the one that won, waiting while it is
    /// being written. (A move into place would not do: on Linux it replaces a file made meanwhile.)
    /// </summary>
    private static byte[] FromDataDirectory(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "signing-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            FileStream? file = null;
            try
            {
                file = new FileStream(path, create);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another hub created it first: its key is read below.
            }

            if (file is not null)
            {
                // A failure to write (a full disk) stops the start as it is.
                using (file)
                {
                    var key = RandomNumberGenerator.GetBytes(32);
                    file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
                    file.Flush(flushToDisk: true);
                    return key;
                }
            }
        }

        // The hub that made it may still be writing it: read again shortly, for a few seconds at most.
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            try
            {
                var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
                if (key.Length >= 32)
                {
                    return key;
                }
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                // Half written, or still held open by its writer.
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException(
            $"The signing key file {path} is empty or damaged (a hub stopped while making it?). Delete it to make a new key " +
            "(everyone signs in again), or set Coordination:Auth:SigningKey.");
    }
}
