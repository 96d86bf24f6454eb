using System.Net;
using System.Net.Sockets;

namespace Coordination.Bench.Live;

/// <summary>Loopback ports for the processes a live scenario starts.</summary>
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
