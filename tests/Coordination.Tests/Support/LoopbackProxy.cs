using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Coordination.Testing;

namespace Coordination.Tests.Support;

/// <summary>
/// A TCP forwarder on 127.0.0.1 standing for a poor field link: <see cref="Cut"/> drops every open
/// connection and refuses new ones, as a lost link does; <see cref="Restore"/> brings the link back on the same port.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private volatile int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;

    public LoopbackProxy(int targetPort)
    {
        _targetPort = targetPort;
        Port = Ports.Free();
        Restore();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public void Restore()
    {
        if (_listener is not null)
        {
            return;
        }

        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = new CancellationTokenSource();
        _ = AcceptAsync(_listener, _accepting.Token);
    }

    /// <summary>Leads the link to another port from its next connection on: a hub started again elsewhere, at the same address for its clients.</summary>
    public void Retarget(int targetPort) => _targetPort = targetPort;

    public void Cut()
    {
        _accepting?.Cancel();
        _listener?.Stop();
        _listener = null;
        foreach (var client in _open.Keys)
        {
            // A pipe may be closing this connection at the same moment: its socket can already be gone.
            try
            {
                if (client.Client is { } socket)
                {
                    socket.LingerState = new LingerOption(true, 0); // reset, as a dead link looks to both ends
                }
            }
            catch (ObjectDisposedException)
            {
            }

            client.Dispose();
        }

        _open.Clear();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = PipeAsync(inbound);
        }
    }

    private async Task PipeAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        _open[inbound] = 0;
        _open[outbound] = 0;
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _targetPort);
            using var cancel = new CancellationTokenSource();
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), cancel.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), cancel.Token);
            await Task.WhenAny(up, down);
            await cancel.CancelAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _open.TryRemove(inbound, out _);
            _open.TryRemove(outbound, out _);
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        _accepting?.Dispose();
        return ValueTask.CompletedTask;
    }
}
