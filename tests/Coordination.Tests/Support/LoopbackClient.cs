using System.Net;
using System.Net.Sockets;

namespace Coordination.Tests.Support;

/// <summary>
/// HTTP clients that connect from another loopback address (127.0.0.2, 127.0.0.3, ...), so a hub listening on
/// 127.0.0.1 sees them as different client addresses, as it would see different machines, without trusting any
/// forwarded header. Linux sends all of 127.0.0.0/8 over the loopback interface.
/// </summary>
public static class LoopbackClient
{
    public static HttpClient From(string localAddress, Uri baseAddress)
    {
        var local = new IPEndPoint(IPAddress.Parse(localAddress), 0);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(local);
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
