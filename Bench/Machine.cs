using System.Globalization;
using System.Runtime.InteropServices;

namespace Coordination.Bench;

/// <summary>The machine line every report carries, and the file system under the database.</summary>
public static class Machine
{
    public static string FileSystemOf(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists("/proc/mounts"))
        {
            return "unknown";
        }

        // The longest mount point that contains the path decides its file system.
        return File.ReadAllLines("/proc/mounts")
            .Select(l => l.Split(' '))
            .Where(f => f.Length > 2 && full.StartsWith(f[1], StringComparison.Ordinal))
            .OrderByDescending(f => f[1].Length)
            .Select(f => f[2])
            .FirstOrDefault() ?? "unknown";
    }

    public static string Describe(string dataPath)
    {
        var memory = "unknown";
        if (File.Exists("/proc/meminfo"))
        {
            var kb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            memory = (long.Parse(kb, CultureInfo.InvariantCulture) / 1024 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
        }

        return $"{Environment.ProcessorCount} cores, {memory} memory, .NET {RuntimeInformation.FrameworkDescription.Replace(".NET ", "", StringComparison.Ordinal)}, " +
               $"{RuntimeInformation.OSDescription}, database on {FileSystemOf(dataPath)}";
    }

    /// <summary>
    /// Bytes this process has caused to be written to storage so far (Linux's write_bytes, WAL and
    /// checkpoints included), or null where the kernel does not say.
    /// </summary>
    public static long? BytesWritten()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
