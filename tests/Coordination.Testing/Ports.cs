using System.Net;
using System.Net.Sockets;

namespace Coordination.Testing;

/// <summary>Loopback ports for the processes the tests and the live benchmarks start.</summary>
/// <remarks>
/// Handed out below the kernel's ephemeral range (32768 and up on Linux), one after another, never twice in a process:
/// a port the kernel picked (a listener on port 0, an outgoing connection) could be the one a killed hub frees, and a
/// hub restarted on its own address would then find another test's hub answering there.
/// </remarks>
public static class Ports
{
    private const int First = 20000;
    private const int Last = 32000;

    // Each test process starts at a place of its own, so two running at once rarely try the same ports.
    private static int _next = First + (Environment.ProcessId % 100 * 100);

    /// <summary>A loopback TCP port, free a moment ago, that this process has not handed out before.</summary>
    public static int Free()
    {
        for (var tries = 0; tries < Last - First; tries++)
        {
            var port = First + ((Interlocked.Increment(ref _next) - First) % (Last - First));
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by something else: the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
