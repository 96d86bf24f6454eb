using System.Net;
using System.Net.Sockets;

namespace Coordination.Testing;

/// <summary>Loopback ports for the processes the tests and the live benchmarks start.</summary>
public static class Ports
{
    /// <summary>A loopback TCP port that was free a moment ago.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
