using System.Diagnostics;

namespace Coordination.Testing;

/// <summary>A process's CPU time, read one way for the hub process and the bench's bare SignalR server.</summary>
public static class ProcessCpu
{
    /// <summary>CPU time <paramref name="process"/> has used so far (read afresh, not from the object's cache).</summary>
    public static TimeSpan Of(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.Refresh();
        return process.TotalProcessorTime;
    }
}
